"""Overview blocks that a page asks for with a marker line, built from papers.yml and the paper pages.

    <!-- guide:paper-cards -->   the ten papers as cards, in reading order
    <!-- guide:paper-table -->   number, title, one line, topics, date
    <!-- guide:paths -->         the reading paths of papers.yml
    <!-- guide:corrections -->   every paper page's "Correction" section, in reading order
    <!-- guide:glossary -->      the term list of glossary.yml, with definitions
    <!-- guide:topics -->        one section per topic tag, listing its papers
    <!-- guide:print-edition -->  all paper pages in reading order on one page (for printing)
    <!-- guide:print-downloads --> links to the PDF of each language's print edition (make pdf)
    <!-- guide:bibliography -->  every work of references.bib, grouped (papers, companions, others)
    <!-- guide:cite-guide -->    how to cite the guide itself (plain reference and BibTeX)

Titles and one-line descriptions come from each paper page (its `# Title` and `description`), in
the language of the page being built, so the home page never repeats what the paper pages say.
`render_blocks` replaces the markers of one page's Markdown; `marker_problems` is the rule that
names an unknown marker (run by `rules`, so check and build agree).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .bib import BibFile
from .bibstyle import markdown_reference, plain_reference_of
from .data import TAGS, Guide, Paper, load_glossary, load_strings
from .pages import Page, read_page
from .project import Project

MARKER = re.compile(r"^<!-- guide:([a-z-]+) -->[ \t]*$", re.MULTILINE)
RELATIVE_LINK = re.compile(r"\]\((?![a-z]+:|#|/)([^)]+)\)")


@dataclass(frozen=True)
class Context:
    """What a block needs to know about the page it is rendered into."""

    project: Project
    guide: Guide
    bib: BibFile
    language: str
    src_path: str  # the page's path inside its language folder (about.md)
    site_url: str
    directory_urls: bool

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.src_path)


def _paper_source(ctx: Context, paper: Paper) -> Path:
    return ctx.project.docs_dir / ctx.language / paper.src_path


def _title_and_line(ctx: Context, paper: Paper) -> tuple[str, str]:
    source = read_page(_paper_source(ctx, paper))
    title = next((h.text for h in source.headings() if h.level == 1), paper.name)
    return title, str(source.meta.get("description", ""))


def _link(folder: str, paper: Paper) -> str:
    return posixpath.relpath(paper.src_path, folder or ".")


def paper_cards(ctx: Context) -> str:
    t = load_strings()[ctx.language]
    items = []
    for paper in ctx.guide.papers:
        title, line = _title_and_line(ctx, paper)
        topics = " · ".join(t[f"tag.{tag}"] for tag in paper.tags)
        items.append(
            f"-   **[{paper.position:02d} · {paper.name}]({_link(ctx.folder, paper)})**\n\n"
            f"    ---\n\n    {title}\n\n    {line}\n\n    <small>{topics}</small>\n"
        )
    return '<div class="grid cards" markdown>\n\n' + "\n".join(items) + "\n</div>\n"


def paper_table(ctx: Context) -> str:
    t = load_strings()[ctx.language]
    rows = [
        f"| # | {t['table_paper']} | {t['table_line']} | {t['topics']} | {t['date']} |",
        "| --- | --- | --- | --- | --- |",
    ]
    for paper in ctx.guide.papers:
        title, line = _title_and_line(ctx, paper)
        topics = ", ".join(t[f"tag.{tag}"] for tag in paper.tags)
        title_cell = f"[{title}]({_link(ctx.folder, paper)})".replace("|", "\\|")
        rows.append(
            f"| {paper.position:02d} | {title_cell} | {line.replace('|', '/')} | {topics} | {paper.date.isoformat()} |"
        )
    return "\n".join(rows) + "\n"


def reading_paths(ctx: Context) -> str:
    blocks = []
    for path in ctx.guide.paths:
        steps = " → ".join(f"[{paper.name}]({_link(ctx.folder, paper)})" for paper in path.papers)
        blocks.append(
            f"- **{path.title[ctx.language]}**：{steps}"
            if ctx.language == "zh"
            else f"- **{path.title[ctx.language]}**: {steps}"
        )
    return "\n".join(blocks) + "\n"


def corrections(ctx: Context) -> str:
    parts = []
    for paper in ctx.guide.papers:
        source = read_page(_paper_source(ctx, paper))
        section = source.section("correction")
        if not section:
            continue
        body = "\n".join(line for _, line in section).strip()
        paper_folder = posixpath.dirname(paper.src_path)
        body = RELATIVE_LINK.sub(
            lambda m, origin=paper_folder: (
                f"]({posixpath.relpath(posixpath.join(origin, m.group(1)), ctx.folder or '.')})"
            ),
            body,
        )
        parts.append(f"### [{paper.position:02d} {paper.name}]({_link(ctx.folder, paper)}#correction)\n\n{body}\n")
    return "\n".join(parts)


def glossary_table(ctx: Context) -> str:
    t = load_strings()[ctx.language]
    rows = [
        f"| {t['glossary_term']} | {t['glossary_other']} | {t['glossary_definition']} |",
        "| --- | --- | --- |",
    ]
    for term in sorted(load_glossary(ctx.project.glossary_file), key=lambda item: item.en.lower()):
        own, other = (term.zh, term.en) if ctx.language == "zh" else (term.en, term.zh)
        if term.abbr:
            own = f"{own}（{term.abbr}）" if ctx.language == "zh" else f"{own} ({term.abbr})"
        definition = (term.definition or {}).get(ctx.language, "")
        rows.append(f"| **{own}** | {other} | {definition.replace('|', '/')} |")
    # The wrapper tells the glossary extension that this page defines the terms (no tooltips here).
    return '<div class="guide-glossary" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"


def topics(ctx: Context) -> str:
    t = load_strings()[ctx.language]
    sections = []
    for tag in TAGS:
        papers = [paper for paper in ctx.guide.papers if tag in paper.tags]
        if not papers:
            continue
        items = []
        for paper in papers:
            title, _line = _title_and_line(ctx, paper)
            items.append(f"- [{paper.position:02d} {paper.name}]({_link(ctx.folder, paper)}) — {title}")
        sections.append(f"## {t['tag.' + tag]} {{#{tag}}}\n\n" + "\n".join(items) + "\n")
    return "\n".join(sections)


HEADING_ID = re.compile(r"\{#([\w-]+)\}")
PAPER_LINK = re.compile(r"\]\((\d{2,3}-[a-z0-9-]+)\.md(?:#([\w-]+))?\)")


def print_edition(ctx: Context) -> str:
    """All paper pages in reading order, as one page: headings one level down, ids made unique."""
    parts = []
    for paper in ctx.guide.papers:
        source = read_page(_paper_source(ctx, paper))
        body = "\n".join(source.text.splitlines()[source.body_start - 1 :])
        prefix = paper.slug
        body = HEADING_ID.sub(lambda m, prefix=prefix: f"{{#{prefix}-{m.group(1)}}}", body)
        body = re.sub(r"^(#{1,5}) ", r"#\1 ", body, flags=re.MULTILINE)
        title_id = f"{{#{prefix} .print-paper-title}}"
        body = re.sub(r"^## (.+)$", lambda m, tid=title_id: f"## {m.group(1)} {tid}", body, count=1, flags=re.MULTILINE)
        # Links within the page follow its headings' new ids; links to other papers, their sections.
        body = re.sub(r"\]\(#([\w-]+)\)", lambda m, prefix=prefix: f"](#{prefix}-{m.group(1)})", body)
        body = PAPER_LINK.sub(lambda m: f"](#{m.group(1)}-{m.group(2)})" if m.group(2) else f"](#{m.group(1)})", body)
        parts.append(body.strip() + "\n")
    return "\n\n".join(parts)


def bibliography(ctx: Context) -> str:
    """Every work in references.bib, grouped: the ten papers, their companions, the rest."""
    t = load_strings()[ctx.language]
    entries = ctx.bib.entries
    main = [paper.key for paper in ctx.guide.papers]
    companions = [key for paper in ctx.guide.papers for key in paper.companions]
    rest = sorted(key for key in entries if key not in main and key not in companions)
    sections = []
    for heading, keys in ((t["bib_main"], main), (t["bib_companions"], companions), (t["bib_background"], rest)):
        if keys:
            items = "\n".join(f"1. {markdown_reference(ctx.bib, key)}" for key in keys)
            sections.append(f"## {heading}\n\n{items}\n")
    return "\n".join(sections)


def guide_citation(site_url: str) -> str:
    url = site_url or ""
    return (
        "@misc{aipapers2023guide,\n"
        "  title  = {{AI Papers 2023 · 论文精读}: a bilingual reading guide to ten noteworthy {AI} research "
        "papers of 2023},\n"
        "  author = {{AI Papers 2023 contributors}},\n"
        "  year   = {2026},\n"
        f"  url    = {{{url}}},\n"
        "  note   = {Text licensed CC BY 4.0}\n"
        "}"
    )


def cite_guide(ctx: Context) -> str:
    t = load_strings()[ctx.language]
    raw = guide_citation(ctx.site_url)
    return (
        f"## {t['cite_guide_heading']} {{#cite-guide}}\n\n{t['cite_guide_intro']}\n\n"
        f"```text\n{plain_reference_of(raw)}\n```\n\n```bibtex\n{raw}\n```\n"
    )


def print_downloads(ctx: Context) -> str:
    """Links to the PDFs that `make pdf` writes next to the site's root (the deploy job publishes them).

    Raw HTML on purpose: the PDFs are not documentation files, so MkDocs' link check must not
    look for them in docs/.
    """
    t = load_strings()[ctx.language]
    depth = (0 if ctx.language == "zh" else 1) + (1 if ctx.directory_urls else 0)
    root = "../" * depth
    links = " · ".join(
        f'<a href="{root}ai-papers-2023.{lang}.pdf" download>{t[f"pdf_{lang}"]}</a>' for lang in ("zh", "en")
    )
    return f'<p class="print-downloads">{t["pdf_intro"]} {links}</p>\n'


BLOCKS: dict[str, Callable[[Context], str]] = {
    "paper-cards": paper_cards,
    "paper-table": paper_table,
    "paths": reading_paths,
    "corrections": corrections,
    "glossary": glossary_table,
    "topics": topics,
    "print-edition": print_edition,
    "print-downloads": print_downloads,
    "bibliography": bibliography,
    "cite-guide": cite_guide,
}


def marker_problems(page: Page) -> Iterator[tuple[int, str]]:
    """A marker line that names no block (it would be left in the page as a comment)."""
    for number, line in enumerate(page.lines, start=1):
        match = MARKER.match(line)
        if match and match.group(1) not in BLOCKS:
            yield (
                number,
                f"unknown block `{match.group(0).strip()}` — use one of: {', '.join(BLOCKS)} (aipapers/overviews.py)",
            )


def render_blocks(markdown: str, ctx: Context) -> str:
    """The page's Markdown with each marker line replaced by its block (the rules vouch for the names)."""
    if "<!-- guide:" not in markdown:
        return markdown
    return MARKER.sub(
        lambda match: BLOCKS[match.group(1)](ctx) if match.group(1) in BLOCKS else match.group(0), markdown
    )
