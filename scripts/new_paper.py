"""Scaffold a new paper: both pages, its papers.yml entry and its references.bib entry.

    python -m scripts.new_paper --bibtex entry.bib --slug 11-gemini --name Gemini --position 11 \\
        --date 2023-12-19 --org "Google DeepMind" --tag language-models

`--bibtex -` reads the entry from standard input. `--arxiv ID` fetches the entry from arXiv when there
is a network (and says what to do when there is none). `--use-existing KEY` scaffolds a paper whose
entry is already in references.bib (for instance a work cited as background until now).
Nothing is written unless every check passes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from aipapers.bib import BibEntry, missing_fields
from aipapers.bib import parse as parse_bib
from aipapers.data import ID_RULE, SLUG_RULE, TAGS, DataError, load_guide
from scripts import ROOT

ARXIV_API = "https://export.arxiv.org/api/query?id_list={id}"
ARXIV_ID = re.compile(r"^\d{4}\.\d{4,5}$")
NO_NETWORK = (
    "Could not reach arXiv ({reason}). Copy the paper's BibTeX (arXiv page → “Export BibTeX citation”) into a "
    "file, add `eprint = {{{id}}}`, and run again with --bibtex FILE (or --bibtex - and paste it)."
)


class ScaffoldError(Exception):
    pass


@dataclass
class NewPaper:
    slug: str
    id: str
    name: str
    position: int
    date: dt.date
    venue: str
    organisations: list[str]
    tags: list[str]
    code: str | None
    weights: str | None
    weights_licence: str | None


def entry_from_text(text: str) -> BibEntry:
    with tempfile.NamedTemporaryFile("w", suffix=".bib", encoding="utf-8", delete=False) as handle:
        handle.write(text)
    try:
        bib = parse_bib(Path(handle.name))
    finally:
        Path(handle.name).unlink()
    if bib.problems:
        raise ScaffoldError("; ".join(f"line {p.line}: {p.message}" for p in bib.problems))
    if len(bib.entries) != 1:
        raise ScaffoldError(f"expected exactly one BibTeX entry, found {len(bib.entries)}")
    entry = next(iter(bib.entries.values()))
    missing = missing_fields(entry)
    if missing:
        raise ScaffoldError(f"the entry lacks {', '.join(missing)} — add them before scaffolding")
    return entry


def entry_from_arxiv(arxiv_id: str, key: str | None) -> str:
    """BibTeX text for an arXiv paper, from the arXiv API (needs a network)."""
    if not ARXIV_ID.match(arxiv_id):
        raise ScaffoldError(f"{arxiv_id!r} is not an arXiv ID like 2304.01373")
    try:
        with urllib.request.urlopen(ARXIV_API.format(id=arxiv_id), timeout=15) as response:  # noqa: S310
            feed = ET.fromstring(response.read())  # noqa: S314 (arXiv's own API)
    except OSError as error:
        raise ScaffoldError(NO_NETWORK.format(reason=error, id=arxiv_id)) from error
    atom = {"a": "http://www.w3.org/2005/Atom"}
    entry = feed.find("a:entry", atom)
    if entry is None or entry.findtext("a:title", namespaces=atom) in (None, "Error"):
        raise ScaffoldError(f"arXiv knows no paper {arxiv_id}")
    title = " ".join(entry.findtext("a:title", namespaces=atom).split())
    authors = [" ".join(a.findtext("a:name", namespaces=atom).split()) for a in entry.findall("a:author", atom)]
    published = entry.findtext("a:published", namespaces=atom)[:10]
    surname = authors[0].split()[-1].lower()
    first_word = next((w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) > 3), "paper")
    key = key or re.sub(r"[^a-z0-9]", "", f"{surname}{published[:4]}{first_word}")
    people = " and ".join(f"{a.split()[-1]}, {' '.join(a.split()[:-1])}" for a in authors)
    return (
        f"@article{{{key},\n  title         = {{{title}}},\n  author        = {{{people}}},\n"
        f"  journal       = {{arXiv preprint arXiv:{arxiv_id}}},\n  year          = {{{published[:4]}}},\n"
        f"  eprint        = {{{arxiv_id}}},\n  archivePrefix = {{arXiv}},\n"
        f"  url           = {{https://arxiv.org/abs/{arxiv_id}}}\n}}"
    )


def yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def papers_entry(paper: NewPaper, key: str) -> str:
    def optional(value: str | None) -> str:
        return yaml_text(value) if value else "null"

    return (
        f"  - id: {paper.id}\n"
        f"    slug: {paper.slug}\n"
        f"    name: {yaml_text(paper.name)}\n"
        f"    key: {key}\n"
        f"    date: {paper.date.isoformat()}\n"
        f"    venue: {yaml_text(paper.venue)}\n"
        f"    organisations: [{', '.join(yaml_text(o) for o in paper.organisations)}]\n"
        f"    code: {optional(paper.code)}\n"
        f"    weights: {optional(paper.weights)}\n"
        f"    weights_licence: {optional(paper.weights_licence)}\n"
        f"    tags: [{', '.join(paper.tags)}]\n"
        "    sources:  # where you checked each field (paper section, README, model card)\n"
        '      date: "<!-- write: where the arXiv v1 date was checked -->"\n'
    )


def insert_paper(papers_yml: str, entry: str, position: int) -> str:
    """papers.yml with `entry` placed at 1-based `position` of the list (comments kept)."""
    starts = [m.start() for m in re.finditer(r"^  - id: ", papers_yml, re.MULTILINE)]
    if position <= len(starts):
        at = starts[position - 1]
        return papers_yml[:at] + entry + papers_yml[at:]
    return papers_yml.rstrip("\n") + "\n" + entry


PAGE_TEMPLATE = {
    "zh": """---
paper: {id}
description: "<!-- write: 一句话说明论文做了什么（150 字以内） -->"
---

# <!-- write: 论文标题的中文译名 -->

## 一段话总结 {{#summary}}

<!-- write: 一段话：论文做了什么、发现了什么，句末引用 [@{key}]。 -->

## 为什么值得读 {{#why-it-matters}}

<!-- write: 它改变了什么、让谁能做什么。 -->

## 核心思想 {{#core-ideas}}

### <!-- write: 小节标题 -->

<!-- write: 面向研究生讲清方法；有核心公式就写出来，例如 $L(\\theta) = ...$，并解释每个符号。 -->

```mermaid
flowchart LR
  A["<!-- write: 输入 -->"] --> B["<!-- write: 方法 -->"] --> C["<!-- write: 输出 -->"]
```

## 关键数字 {{#key-numbers}}

| 指标 | 数值 | 来源 |
| --- | --- | --- |
| <!-- write: 指标 --> | <!-- write: 数值 --> | 论文表 1 [@{key}] |

## 局限与开放问题 {{#limitations}}

<!-- write: 作者承认的局限、批评、后续工作（写明年份）。 -->

## 与其他论文的联系 {{#connections}}

<!-- write: 与本指南其他论文的关系，用相对链接，例如 [DPO](05-dpo.md)。 -->
""",
    "en": """---
paper: {id}
description: "<!-- write: one sentence saying what the paper did (under 150 characters) -->"
---

# <!-- write: the paper's title -->

## Summary {{#summary}}

<!-- write: one paragraph: what the paper did and found, cited [@{key}]. -->

## Why it matters {{#why-it-matters}}

<!-- write: what it changed or made possible, and for whom. -->

## Core ideas {{#core-ideas}}

### <!-- write: subsection title -->

<!-- write: the method for a graduate student; its central equation if it has one,
e.g. $L(\\theta) = ...$, with every symbol explained. -->

```mermaid
flowchart LR
  A["<!-- write: input -->"] --> B["<!-- write: method -->"] --> C["<!-- write: output -->"]
```

## Key numbers {{#key-numbers}}

| Quantity | Value | Source |
| --- | --- | --- |
| <!-- write: quantity --> | <!-- write: value --> | Table 1 [@{key}] |

## Limitations and open questions {{#limitations}}

<!-- write: limitations the authors state, criticism, later work (dated). -->

## Connections {{#connections}}

<!-- write: how it relates to the other papers of the guide, with relative links such as [DPO](05-dpo.md). -->
""",
}


def scaffold(paper: NewPaper, bibtex: str | None, existing_key: str | None, root: Path = ROOT) -> list[Path]:
    bib_path, papers_path = root / "references.bib", root / "papers.yml"
    bib = parse_bib(bib_path)
    try:
        guide = load_guide(papers_path)
    except DataError as error:
        raise ScaffoldError(f"papers.yml has problems; run `make check` first:\n{error}") from error
    if existing_key:
        if existing_key not in bib.entries:
            raise ScaffoldError(f"references.bib has no entry `{existing_key}`")
        key, new_entry = existing_key, None
    else:
        new_entry = entry_from_text(bibtex or "")
        key = new_entry.key
        if key in bib.entries:
            raise ScaffoldError(
                f"references.bib already has `{key}` (line {bib.entries[key].line}); "
                f"use --use-existing {key} or choose another key"
            )
        eprint = new_entry.fields.get("eprint")
        twin = next((e for e in bib.entries.values() if eprint and e.fields.get("eprint") == eprint), None)
        if twin:
            raise ScaffoldError(
                f"arXiv {eprint} is already in references.bib as `{twin.key}` (line {twin.line}); "
                f"use --use-existing {twin.key}"
            )
    twin_paper = next((p for p in guide.papers if p.key == key), None)
    if twin_paper:
        raise ScaffoldError(f"`{key}` is already a paper of the guide ({twin_paper.id})")
    if not SLUG_RULE.match(paper.slug):
        raise ScaffoldError(f"slug {paper.slug!r} must look like 11-short-name")
    if not ID_RULE.match(paper.id):
        raise ScaffoldError(f"id {paper.id!r} must be lowercase words joined by -")
    for existing in guide.papers:
        if existing.slug == paper.slug or existing.id == paper.id:
            raise ScaffoldError(f"papers.yml already has a paper with slug/id {paper.slug}/{paper.id}")
    unknown = [t for t in paper.tags if t not in TAGS]
    if unknown or not paper.tags:
        raise ScaffoldError(f"tags must be one or more of: {', '.join(TAGS)}")
    if not 1 <= paper.position <= len(guide.papers) + 1:
        raise ScaffoldError(f"position must be between 1 and {len(guide.papers) + 1}")
    pages = [root / "docs" / language / "papers" / f"{paper.slug}.md" for language in ("zh", "en")]
    for page in pages:
        if page.exists():
            raise ScaffoldError(f"{page.relative_to(root)} already exists")

    # Every check passed: write.
    if new_entry is not None:
        bib_path.write_text(bib_path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + new_entry.raw + "\n", "utf-8")
    papers_path.write_text(
        insert_paper(papers_path.read_text(encoding="utf-8"), papers_entry(paper, key), paper.position), "utf-8"
    )
    for language, page in zip(("zh", "en"), pages, strict=True):
        page.write_text(PAGE_TEMPLATE[language].format(id=paper.id, key=key), encoding="utf-8")
    return [bib_path, papers_path, *pages]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--bibtex", help="file with the paper's BibTeX entry, or - for standard input")
    source.add_argument("--arxiv", help="arXiv ID; the entry is fetched from arXiv (needs a network)")
    source.add_argument("--use-existing", metavar="KEY", help="a key already in references.bib")
    parser.add_argument("--key", help="BibTeX key for --arxiv (default: surname + year + first word)")
    parser.add_argument("--slug", required=True, help="file name without .md, e.g. 11-gemini")
    parser.add_argument("--id", help="paper id (default: the slug without its number)")
    parser.add_argument("--name", required=True, help="short name for the navigation, e.g. Gemini")
    parser.add_argument("--position", type=int, required=True, help="place in the reading order (1 = first)")
    parser.add_argument("--date", required=True, type=dt.date.fromisoformat, help="arXiv v1 date, YYYY-MM-DD")
    parser.add_argument("--venue", default="arXiv preprint", help='e.g. "NeurIPS 2023" (default: arXiv preprint)')
    parser.add_argument("--org", action="append", required=True, help="an organisation (repeat for several)")
    parser.add_argument("--tag", action="append", required=True, help=f"a topic (repeat): {', '.join(TAGS)}")
    parser.add_argument("--code", help="official code URL")
    parser.add_argument("--weights", help="official weights URL")
    parser.add_argument("--weights-licence", help="licence of the released weights")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    paper = NewPaper(
        slug=args.slug,
        id=args.id or args.slug.split("-", 1)[-1],
        name=args.name,
        position=args.position,
        date=args.date,
        venue=args.venue,
        organisations=args.org,
        tags=args.tag,
        code=args.code,
        weights=args.weights,
        weights_licence=args.weights_licence,
    )
    try:
        if args.arxiv:
            bibtex = entry_from_arxiv(args.arxiv, args.key)
        elif args.bibtex == "-":
            bibtex = sys.stdin.read()
        elif args.bibtex:
            bibtex = Path(args.bibtex).read_text(encoding="utf-8")
        else:
            bibtex = None
        written = scaffold(paper, bibtex, args.use_existing, args.root.resolve())
    except (ScaffoldError, OSError) as error:
        print(f"new_paper: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(args.root.resolve())}")
    print(
        "\nNext: replace every `<!-- write: … -->` in both pages and the `sources` of papers.yml, then run "
        "`make check` and `make serve`. See CONTRIBUTING.md."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
