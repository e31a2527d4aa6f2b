"""The language-neutral facts of the guide: papers.yml (reading order, metadata), glossary.yml and UI strings.

The build, the validator and the scaffolder read the data through this module, so there is one
definition of what a valid paper entry is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .project import FAST_LOADER, per_file_version
from .strings import STRINGS

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
TAGS = (
    "language-models",
    "open-models",
    "alignment",
    "efficiency",
    "fine-tuning",
    "data",
    "mixture-of-experts",
    "vision",
    "video",
    "scaling",
    "domain-models",
)
SLUG_RULE = re.compile(r"^\d{2,3}-[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_RULE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DataError(Exception):
    """A problem in papers.yml, reported as `papers.yml:LINE: message`."""

    def __init__(self, problems: list[tuple[int, str]]):
        self.problems = problems
        super().__init__("\n".join(f"papers.yml:{line}: {message}" for line, message in problems))


@dataclass(frozen=True)
class Paper:
    id: str
    slug: str
    name: str
    key: str
    date: dt.date
    venue: str
    organisations: tuple[str, ...]
    code: str | None
    weights: str | None
    weights_licence: str | None
    tags: tuple[str, ...]
    companions: tuple[str, ...] = ()
    position: int = 0  # 1-based place in the reading order
    line: int = 0  # where the entry starts in papers.yml
    sources: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def src_path(self) -> str:
        """Path of the page inside docs/<lang>/."""
        return f"papers/{self.slug}.md"


@dataclass(frozen=True)
class ReadingPath:
    """A shorter route through the guide for one interest, e.g. vision and video."""

    id: str
    title: dict[str, str]
    papers: tuple[Paper, ...]


@dataclass(frozen=True)
class Guide:
    papers: tuple[Paper, ...]
    paths: tuple[ReadingPath, ...] = ()

    def by_id(self, paper_id: str) -> Paper | None:
        return next((p for p in self.papers if p.id == paper_id), None)

    def by_src_path(self, src_path: str) -> Paper | None:
        return next((p for p in self.papers if p.src_path == src_path), None)


class _LineLoader(FAST_LOADER):  # type: ignore[misc,valid-type]
    """SafeLoader that remembers the line of every mapping (for error messages)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

REQUIRED = {
    "id": str,
    "slug": str,
    "name": str,
    "key": str,
    "date": dt.date,
    "venue": str,
    "organisations": list,
    "tags": list,
}
OPTIONAL_URL = ("code", "weights")


def _check_entry(raw: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for name, kind in REQUIRED.items():
        if name not in raw or raw[name] in (None, "", []):
            problems.append(f"`{name}` is required")
        elif not isinstance(raw[name], kind):
            hint = " (write it as YYYY-MM-DD, unquoted)" if kind is dt.date else ""
            problems.append(f"`{name}` must be a {kind.__name__}, not {type(raw[name]).__name__}{hint}")
    if isinstance(raw.get("id"), str) and not ID_RULE.match(raw["id"]):
        problems.append(f"`id` {raw['id']!r} must be lowercase words joined by `-`")
    if isinstance(raw.get("slug"), str) and not SLUG_RULE.match(raw["slug"]):
        problems.append(f"`slug` {raw['slug']!r} must look like `11-short-name`")
    for name in OPTIONAL_URL:
        value = raw.get(name)
        if value is not None and not (isinstance(value, str) and value.startswith("https://")):
            problems.append(f"`{name}` must be an https:// URL or null")
    for tag in raw.get("tags") or []:
        if tag not in TAGS:
            problems.append(f"unknown tag {tag!r}; use one of: {', '.join(TAGS)}")
    known = set(REQUIRED) | {"code", "weights", "weights_licence", "companions", "sources", "__line__"}
    for name in raw:
        if name not in known:
            problems.append(f"unknown field `{name}`")
    return problems


@per_file_version
def load_guide(path: Path) -> Guide:
    """Read papers.yml; raise DataError listing every problem with its line."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (SafeLoader subclass)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataError([(mark.line + 1 if mark else 1, f"not valid YAML: {error}")]) from error
    if not isinstance(raw, dict) or not isinstance(raw.get("papers"), list):  # a `paths:` list is optional
        raise DataError([(1, "expected a top-level `papers:` list")])
    problems: list[tuple[int, str]] = []
    papers: list[Paper] = []
    seen: dict[str, int] = {}
    for position, entry in enumerate(raw["papers"], start=1):
        if not isinstance(entry, dict):
            problems.append((1, f"paper #{position} is not a mapping"))
            continue
        line = entry.get("__line__", 1)
        entry_problems = _check_entry(entry)
        for unique in ("id", "slug", "key"):
            value = entry.get(unique)
            if isinstance(value, str):
                if f"{unique}:{value}" in seen:
                    entry_problems.append(f"duplicate {unique} {value!r} (also on line {seen[f'{unique}:{value}']})")
                seen[f"{unique}:{value}"] = line
        if entry_problems:
            problems.extend((line, message) for message in entry_problems)
            continue
        papers.append(
            Paper(
                id=entry["id"],
                slug=entry["slug"],
                name=entry["name"],
                key=entry["key"],
                date=entry["date"],
                venue=entry["venue"],
                organisations=tuple(entry["organisations"]),
                code=entry.get("code"),
                weights=entry.get("weights"),
                weights_licence=entry.get("weights_licence"),
                tags=tuple(entry["tags"]),
                companions=tuple(entry.get("companions") or ()),
                position=position,
                line=line,
                sources={k: str(v) for k, v in (entry.get("sources") or {}).items() if k != "__line__"},
            )
        )
    paths = _load_paths(raw.get("paths") or [], {paper.id: paper for paper in papers}, problems)
    if problems:
        raise DataError(problems)
    return Guide(tuple(papers), paths)


def _load_paths(raw: list[Any], papers: dict[str, Paper], problems: list[tuple[int, str]]) -> tuple[ReadingPath, ...]:
    paths = []
    for entry in raw:
        line = entry.get("__line__", 1) if isinstance(entry, dict) else 1
        if not isinstance(entry, dict) or not {"id", "title", "papers"} <= set(entry):
            problems.append((line, "a reading path needs `id`, `title` ({zh: …, en: …}) and `papers`"))
            continue
        title = entry["title"]
        if not isinstance(title, dict) or any(not title.get(lang) for lang in LANGUAGES):
            problems.append((line, f"path `{entry['id']}`: `title` needs a zh and an en text"))
            continue
        unknown = [paper_id for paper_id in entry["papers"] if paper_id not in papers]
        if unknown:
            problems.append((line, f"path `{entry['id']}` lists unknown paper ids: {', '.join(unknown)}"))
            continue
        paths.append(
            ReadingPath(
                entry["id"], {lang: title[lang] for lang in LANGUAGES}, tuple(papers[i] for i in entry["papers"])
            )
        )
    return tuple(paths)


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per version of glossary.yml
class Term:
    en: str
    zh: str
    abbr: str | None = None
    note: str | None = None
    avoid: tuple[str, ...] = ()
    definition: dict[str, str] | None = None  # `def` in glossary.yml: {zh: …, en: …}
    ambiguous_zh: bool = False  # the Chinese word has common other meanings: no tooltip on it
    avoid_en: tuple[str, ...] = ()  # English forms that English pages must not use


@per_file_version
def load_glossary(path: Path) -> list[Term]:
    """glossary.yml: the one Chinese rendering of each English term."""
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER) or []  # noqa: S506 (a safe loader)
    return [
        Term(
            e["en"],
            e["zh"],
            e.get("abbr"),
            e.get("note"),
            tuple(e.get("avoid") or ()),
            e.get("def"),
            bool(e.get("ambiguous_zh", False)),
            tuple(e.get("avoid_en") or ()),
        )
        for e in entries
    ]


def load_strings() -> dict[str, dict[str, str]]:
    """Interface strings per language: strings[lang][name] (defined in strings.py)."""
    return {lang: {name: texts[lang] for name, texts in STRINGS.items()} for lang in LANGUAGES}


def split_language(src_uri: str) -> tuple[str, str]:
    """(language, path inside the language folder) of a docs/ path: zh/papers/01-pythia.md → zh, papers/01-pythia.md.

    Files outside the language folders (docs/assets/…) belong to the default language.
    """
    parts = src_uri.split("/", 1)
    if len(parts) == 2 and parts[0] in LANGUAGES:
        return parts[0], parts[1]
    return DEFAULT_LANGUAGE, src_uri
