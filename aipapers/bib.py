"""Read references.bib the way a contributor wrote it: entries with their line numbers and raw text.

pybtex (used by mkdocs-bibtex) formats references but forgets where an entry came from and stops at
the first syntax error. This module splits the file into entries itself, so that problems can be
reported all at once as `references.bib:LINE: …`, and so that a page can show an entry's BibTeX
exactly as written ("cite this paper").
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import BibliographyData, Person, parse_string

from .project import per_file_version

ENTRY_START = re.compile(r"@(?P<type>[A-Za-z]+)\s*\{\s*(?P<key>[^,\s]*)\s*,", re.MULTILINE)
FIELD = re.compile(r"(?P<name>[A-Za-z][\w-]*)\s*=\s*", re.MULTILINE)
KEY_RULE = re.compile(r"^[A-Za-z0-9_-]+$")
IGNORED_TYPES = {"comment", "preamble", "string"}


@dataclass
class BibEntry:
    key: str
    type: str
    line: int
    raw: str
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def identifier(self) -> str | None:
        """The arXiv ID, DOI or URL that lets a reader find the work."""
        return self.fields.get("eprint") or self.fields.get("doi") or self.fields.get("url")


@dataclass
class BibProblem:
    line: int
    message: str


@dataclass(eq=False)  # compared and hashed by identity: one object per version of the file
class BibFile:
    path: Path
    entries: dict[str, BibEntry]
    problems: list[BibProblem]
    text: str = ""

    @functools.cached_property
    def pybtex(self) -> BibliographyData:
        """The same text read by pybtex (names, fields) for formatting references: parsed once."""
        return parse_string(self.text, "bibtex")


class _Lines:
    """Line numbers of offsets in a text, by binary search over its line breaks (linear overall)."""

    def __init__(self, text: str) -> None:
        self.breaks = [match.start() for match in re.finditer("\n", text)]

    def of(self, offset: int) -> int:
        return bisect.bisect_left(self.breaks, offset) + 1


BRACE = re.compile(r"[{}]")


def _matching_brace(text: str, open_at: int) -> int | None:
    """Offset of the brace closing the one at open_at, or None if the file ends first."""
    depth = 0
    for match in BRACE.finditer(text, open_at):
        if match.group(0) == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return match.start()
    return None


def _parse_fields(body: str) -> dict[str, str]:
    """Field values of an entry body (text after `key,`), braces and quotes stripped."""
    fields: dict[str, str] = {}
    pos = 0
    while True:
        match = FIELD.search(body, pos)
        if not match:
            return fields
        start = match.end()
        if start >= len(body):
            return fields
        opener = body[start]
        if opener == "{":
            end = _matching_brace(body, start)
            if end is None:
                return fields
            value = body[start + 1 : end]
            pos = end + 1
        elif opener == '"':
            end = body.find('"', start + 1)
            if end < 0:
                return fields
            value = body[start + 1 : end]
            pos = end + 1
        else:
            token = re.match(r"[^,}\s]+", body[start:])
            value = token.group(0) if token else ""
            pos = start + len(value)
        fields[match.group("name").lower()] = " ".join(value.split())


@per_file_version
def parse(path: Path) -> BibFile:
    """The entries and problems of a .bib file (parsed again only when the file changes)."""
    text = path.read_text(encoding="utf-8")
    lines = _Lines(text)
    entries: dict[str, BibEntry] = {}
    problems: list[BibProblem] = []
    pos = 0
    while True:
        at = text.find("@", pos)
        if at < 0:
            break
        line = lines.of(at)
        match = ENTRY_START.match(text, at)
        if not match:
            kind = re.match(r"@([A-Za-z]+)", text[at:])
            if kind and kind.group(1).lower() in IGNORED_TYPES:
                open_at = text.find("{", at)
                close = _matching_brace(text, open_at) if open_at >= 0 else None
                pos = (close or at) + 1
                continue
            problems.append(BibProblem(line, "cannot read this entry: expected `@type{key,`"))
            pos = at + 1
            continue
        open_at = text.index("{", at)
        close = _matching_brace(text, open_at)
        next_entry = ENTRY_START.search(text, match.end())
        if close is None or (next_entry and close > next_entry.start()):
            problems.append(
                BibProblem(
                    line, f"entry `{match.group('key')}` has unbalanced braces: a `}}` is missing before the next entry"
                )
            )
            pos = next_entry.start() if next_entry else len(text)
            continue
        key, entry_type = match.group("key"), match.group("type").lower()
        if not KEY_RULE.match(key):
            problems.append(BibProblem(line, f"key `{key}` may only use letters, digits, `-` and `_`"))
        elif key in entries:
            problems.append(BibProblem(line, f"duplicate key `{key}` (first defined on line {entries[key].line})"))
        else:
            raw = text[at : close + 1]
            entries[key] = BibEntry(key, entry_type, line, raw, _parse_fields(text[match.end() : close]))
        pos = close + 1
    return BibFile(path, entries, problems, text)


REQUIRED_FIELDS = ("title", "author", "year")


def missing_fields(entry: BibEntry) -> list[str]:
    """Required fields this entry lacks (an identifier counts as one field)."""
    missing = [name for name in REQUIRED_FIELDS if not entry.fields.get(name)]
    if not entry.identifier:
        missing.append("eprint/doi/url")
    return missing


def author_names(entry: BibEntry) -> list[str]:
    """The entry's authors as readers write them ("Stella Biderman"), braces removed."""
    people = []
    for name in re.split(r"\s+and\s+", entry.fields.get("author", "")):
        if not name or name == "others":
            continue
        person = Person(name)
        parts = person.first_names + person.middle_names + person.prelast_names + person.last_names
        people.append(" ".join(part.replace("{", "").replace("}", "") for part in parts))
    return people
