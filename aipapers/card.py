"""A paper page's at-a-glance card, its reading time and its "cite this paper" block.

Contributors write only the prose of a paper page. Everything language-neutral (authors, dates,
links, licenses, tags, the place in the reading order) comes from papers.yml and references.bib and
is rendered here into both languages, so the two pages can never disagree about it.
"""

from __future__ import annotations

import html
import math
import posixpath
import re
from collections.abc import Callable

from .bib import BibEntry, BibFile, author_names
from .bibstyle import plain_reference
from .data import Guide, Paper, load_strings
from .editorial import HAN_CHAR as HAN
from .pages import map_code

LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
H1 = re.compile(r"^# .+$", re.MULTILINE)


def nav_title(paper: Paper) -> str:
    """How a paper is named in the navigation: its place in the reading order and its name."""
    return f"{paper.position:02d} {paper.name}"


def url_of(src_path: str, directory_urls: bool) -> str:
    """The URL of a page inside its language, from its path: papers/01-pythia.md → papers/01-pythia/."""
    stem = src_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index") if directory_urls else f"{stem}.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def relative_url(from_src: str, to_src: str, directory_urls: bool) -> str:
    """The link from one page to another, as raw HTML needs it (generators do not rewrite raw HTML)."""
    here, there = url_of(from_src, directory_urls), url_of(to_src, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    relative = posixpath.relpath(there or ".", base.rstrip("/") or ".")
    if there.endswith("/") or not there:
        relative = "./" if relative == "." else relative + "/"
    return relative


# --- reading time ---------------------------------------------------------------------------


def reading_minutes(markdown: str, language: str) -> int:
    """Minutes for a careful read: 300 Chinese characters or 200 English words a minute."""
    # Fenced code is left out (inline code is read like any word).
    prose = "\n".join(map_code(markdown.split("\n"), lambda code: "" if code.endswith("\n") else code))
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
    paper: Paper,
    guide: Guide,
    bib: BibFile,
    language: str,
    minutes: int,
    href: Callable[[Paper], str],
    topics_href: str | None,
) -> str:
    t = load_strings()[language]
    entry = bib.entries[paper.key]
    total = len(guide.papers)
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
    for path in guide.paths:
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
            bib.entries[key].fields.get("title", key).replace("{", "").replace("}", "") for key in paper.companions
        ]
        rows.append((t["companions"], html.escape("; ".join(titles))))
    body = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return (
        f'<aside class="paper-card" aria-label="{t["card_label"]}" data-paper="{paper.id}">\n'
        f'<p class="paper-card__title">{t["card_label"]}</p>\n<dl>\n{body}\n</dl>\n</aside>\n'
    )


def render_cite_block(bib: BibFile, entry: BibEntry, language: str) -> str:
    t = load_strings()[language]
    return (
        f"\n\n## {t['cite_heading']} {{#cite}}\n\n{t['cite_intro']}\n\n"
        f"```text\n{plain_reference(bib, entry.key)}\n```\n\n```bibtex\n{entry.raw}\n```\n"
    )


def add_card(
    markdown: str, paper: Paper, guide: Guide, bib: BibFile, language: str, src_path: str, directory_urls: bool
) -> tuple[str, int]:
    """A paper page with its card under the `# Title` and its cite block at the end; and its reading minutes.

    `src_path` is the page's path inside its language folder (papers/01-pythia.md). The rules have
    made sure the page has a title and the paper a references.bib entry.
    """
    minutes = reading_minutes(markdown, language)
    card = render_card(
        paper,
        guide,
        bib,
        language,
        minutes,
        lambda target: relative_url(src_path, target.src_path, directory_urls),
        relative_url(src_path, "topics.md", directory_urls),
    )
    heading = H1.search(markdown)
    at = heading.end() if heading else 0
    markdown = markdown[:at] + "\n\n" + card + markdown[at:]
    return markdown.rstrip() + render_cite_block(bib, bib.entries[paper.key], language), minutes
