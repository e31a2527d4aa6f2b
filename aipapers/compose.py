"""What every page gets before its Markdown is converted, whichever generator builds it.

Overview blocks (`<!-- guide:… -->`) are filled in, and a paper page gets its at-a-glance card under
the title and its "cite this paper" block at the end. The MkDocs plugin and the Zensical extension
both call `compose_page`, so a page reads the same in either build.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import card, overviews
from .bib import BibFile
from .data import Guide
from .project import Project


@dataclass(frozen=True)
class Composed:
    markdown: str
    reading_minutes: int | None  # for paper pages


def compose_page(
    markdown: str,
    *,
    project: Project,
    guide: Guide,
    bib: BibFile,
    language: str,
    src_path: str,
    site_url: str,
    directory_urls: bool,
) -> Composed:
    """The page's Markdown with its blocks and, on a paper page, its card and cite block."""
    ctx = overviews.Context(project, guide, bib, language, src_path, site_url, directory_urls)
    markdown = overviews.render_blocks(markdown, ctx)
    paper = guide.by_src_path(src_path)
    if paper is None:
        return Composed(markdown, None)
    markdown, minutes = card.add_card(markdown, paper, guide, bib, language, src_path, directory_urls)
    return Composed(markdown, minutes)
