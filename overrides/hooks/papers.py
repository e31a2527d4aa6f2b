"""MkDocs hook: papers.yml → reading-order navigation, page titles, at-a-glance card, cite block.

Contributors write only the prose of a paper page. Everything language-neutral (authors, dates,
links, licences, tags, the place in the reading order) comes from papers.yml and references.bib and
is rendered here into both languages, so the two pages can never disagree about it.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from typing import Any

from bibstyle import plain_reference
from editorial import HAN_CHAR as HAN
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bibfile import BibEntry, BibFile, author_names
from bibfile import parse as parse_bib
from sitedata import BIB_FILE, DataError, Guide, Paper, docs_path, load_guide, load_strings

log = get_plugin_logger("papers")

PAPERS_SECTION = "Papers"  # the nav section in mkdocs.yml that this hook fills
LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1", re.MULTILINE | re.DOTALL)
H1 = re.compile(r"^# .+$", re.MULTILINE)

_state: dict[str, Any] = {}


def guide() -> Guide:
    return _state["guide"]


def bib() -> BibFile:
    return _state["bib"]


def page_language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


@event_priority(100)  # before the i18n plugin reads the navigation
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        _state["guide"] = load_guide()
    except DataError as error:
        raise PluginError(f"{error}\nFix papers.yml (run `make check` for every problem at once).") from error
    _state["bib"] = parse_bib(BIB_FILE)
    _state["strings"] = load_strings()
    for item in config.nav or []:
        if isinstance(item, dict) and PAPERS_SECTION in item:
            item[PAPERS_SECTION] = [paper.src_path for paper in guide().papers]
            break
    else:
        raise PluginError(f"mkdocs.yml: the nav needs a `- {PAPERS_SECTION}: []` section for the papers")
    return config


@event_priority(-110)  # after the i18n plugin has built this language's navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    for page in nav.pages:
        paper = guide().by_src_path(docs_path(page.file))
        if paper:
            page.title = f"{paper.position:02d} {paper.name}"
    return nav


# --- reading time ---------------------------------------------------------------------------


def reading_minutes(markdown: str, language: str) -> int:
    """Minutes for a careful read: 300 Chinese characters or 200 English words a minute."""
    prose = FENCE.sub("", markdown)
    prose = re.sub(r"\$\$.*?\$\$", "", prose, flags=re.DOTALL)
    prose = re.sub(r"\[@[^\]]+\]", "", prose)
    han = len(HAN.findall(prose))
    words = len(LATIN_WORD.findall(prose))
    minutes = han / 300 + words / (200 if language == "en" else 250)
    return max(1, math.ceil(minutes))


# --- the at-a-glance card -------------------------------------------------------------------


def _link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(label)}</a>'


def render_card(
    paper: Paper, entry: BibEntry, language: str, minutes: int, href: Callable[[Paper], str], topics_href: str | None
) -> str:
    t = _state["strings"][language]
    total = len(guide().papers)
    authors = author_names(entry)
    if len(authors) > 1:
        summary = t["authors_summary"].format(first=authors[0], others=len(authors) - 1, count=len(authors))
        author_html = (
            f"{html.escape(summary)}"
            f'<details class="paper-card__authors"><summary>{t["authors_full"]}</summary>'
            f"<p>{html.escape(', '.join(authors))}</p></details>"
        )
    else:
        author_html = html.escape(t["authors_single"].format(first=authors[0] if authors else "?"))
    links = []
    if entry.fields.get("eprint"):
        links.append(
            _link(f"https://arxiv.org/abs/{entry.fields['eprint']}", f"{t['link_arxiv']} {entry.fields['eprint']}")
        )
    links.append(_link(paper.code, t["link_code"]) if paper.code else html.escape(t["no_code"]))
    if paper.weights:
        links.append(_link(paper.weights, t["link_weights"]))
    licence = paper.weights_licence if paper.weights else t["weights_not_released"]
    tags = " ".join(
        f'<a class="paper-card__tag" href="{html.escape(topics_href)}#{tag}">{html.escape(t["tag." + tag])}</a>'
        if topics_href
        else f'<span class="paper-card__tag">{html.escape(t["tag." + tag])}</span>'
        for tag in paper.tags
    )
    rows = [
        (t["authors"], author_html),
        (t["organisations"], html.escape(", ".join(paper.organisations))),
        (t["date"], f'<time datetime="{paper.date.isoformat()}">{paper.date.isoformat()}</time>'),
        (t["venue"], html.escape(paper.venue)),
        (t["links"], " · ".join(links)),
        (t["weights_licence"], html.escape(licence or "—")),
        (t["reading_time"], html.escape(t["minutes"].format(n=minutes))),
        (t["topics"], tags),
        (t["reading_order"], html.escape(t["position"].format(n=paper.position, total=total))),
    ]
    for path in guide().paths:
        if paper in path.papers:
            index = path.papers.index(paper)
            following = path.papers[index + 1] if index + 1 < len(path.papers) else None
            step = (
                t["path_next"].format(link=html.escape(href(following)), name=html.escape(following.name))
                if following
                else t["path_last"]
            )
            rows.append(
                (
                    t["path"],
                    f"{html.escape(path.title[language])}（{step}）"
                    if language == "zh"
                    else f"{html.escape(path.title[language])} ({step})",
                )
            )
    if paper.companions:
        titles = [
            bib().entries[key].fields.get("title", key).replace("{", "").replace("}", "") for key in paper.companions
        ]
        rows.append((t["companions"], html.escape("; ".join(titles))))
    body = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return (
        f'<aside class="paper-card" aria-label="{t["card_label"]}" data-paper="{paper.id}">\n'
        f'<p class="paper-card__title">{t["card_label"]}</p>\n<dl>\n{body}\n</dl>\n</aside>\n'
    )


def page_href(page: Page, files: Files, target: Paper, language: str) -> str:
    """href from a page to a paper page, for raw HTML (which MkDocs does not rewrite)."""
    file = files.get_file_from_path(f"{language}/{target.src_path}")
    return get_relative_url(file.url, page.url) if file else f"{target.slug}.md"


def render_cite_block(entry: BibEntry, language: str) -> str:
    t = _state["strings"][language]
    return (
        f"\n\n## {t['cite_heading']} {{#cite}}\n\n{t['cite_intro']}\n\n"
        f"```text\n{plain_reference(entry.key)}\n```\n\n```bibtex\n{entry.raw}\n```\n"
    )


@event_priority(70)  # before citations.py protects code blocks and before mkdocs-bibtex
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    paper = guide().by_src_path(docs_path(page.file))
    declared = page.meta.get("paper")
    if paper is None:
        if declared:
            raise PluginError(
                f"{page.file.src_path}: front matter says `paper: {declared}` but papers.yml has no paper "
                f"with slug {page.file.name!r}; add the paper to papers.yml or remove the field"
            )
        return markdown
    if declared != paper.id:
        raise PluginError(
            f"{page.file.src_path}: front matter must say `paper: {paper.id}` (papers.yml line {paper.line})"
        )
    entry = bib().entries.get(paper.key)
    if entry is None:
        raise PluginError(f"papers.yml:{paper.line}: key `{paper.key}` of {paper.id} is not in references.bib")
    language = page_language(config)
    page.meta["reading_minutes"] = minutes = reading_minutes(markdown, language)
    topics_file = files.get_file_from_path(f"{language}/topics.md")
    topics_href = get_relative_url(topics_file.url, page.url) if topics_file else None
    card = render_card(
        paper, entry, language, minutes, lambda target: page_href(page, files, target, language), topics_href
    )
    heading = H1.search(markdown)
    if heading is None:
        raise PluginError(f"{page.file.src_path}: a paper page starts with a `# Title` heading")
    markdown = markdown[: heading.end()] + "\n\n" + card + markdown[heading.end() :]
    return markdown.rstrip() + render_cite_block(entry, language)
