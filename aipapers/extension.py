"""The whole guide as one Python-Markdown extension, for any generator that runs extensions.

`GuideExtension(root=…, language=…)` gives a page everything the MkDocs plugin gives it: overview
blocks, the card and cite block (`compose_page`), citations and the reference list (the guide's own
engine, `citations.cite`), glossary tooltips, figures, and pre-rendered diagrams and formulas.
Which page is being converted is the generator's knowledge: an adapter passes `page`, a function
that returns the page's `PageContext` for a Markdown instance (aipapers/zensical_adapter.py does
this for Zensical). Without it, pages are converted without the page-specific parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from .bib import parse as parse_bib
from .citations import CitationsExtension
from .compose import compose_page
from .data import DEFAULT_LANGUAGE, load_guide
from .figures import FigureExtension
from .glossary import GlossaryExtension
from .prerender import Prerendered
from .project import Project


@dataclass
class PageContext:
    """What the guide needs to know about the page being converted."""

    path: str  # inside its language folder: papers/01-pythia.md
    meta: dict[str, Any] = field(default_factory=dict)  # written to: reading_minutes, needs_mermaid, needs_katex
    site_url: str = ""
    directory_urls: bool = True


PageLookup = Callable[[Markdown], PageContext | None]


class _ComposePage(Preprocessor):
    """Overview blocks, card and cite block, before citations are rendered (as the MkDocs plugin does)."""

    def __init__(self, md: Markdown, project: Project, language: str, page: PageLookup) -> None:
        super().__init__(md)
        self.project, self.language, self.page = project, language, page

    def run(self, lines: list[str]) -> list[str]:
        page = self.page(self.md)
        if page is None:
            return lines
        composed = compose_page(
            "\n".join(lines),
            project=self.project,
            guide=load_guide(self.project.papers_file),
            bib=parse_bib(self.project.bib_file),
            language=self.language,
            src_path=page.path,
            site_url=page.site_url,
            directory_urls=page.directory_urls,
        )
        if composed.reading_minutes is not None:
            page.meta["reading_minutes"] = composed.reading_minutes
        return composed.markdown.split("\n")


class _Prerender(Postprocessor):
    """Cached diagrams and formulas put in; the page learns what is left to draw in the browser."""

    def __init__(self, md: Markdown, project: Project, page: PageLookup) -> None:
        super().__init__(md)
        self.prerendered, self.page = Prerendered(project), page

    def run(self, text: str) -> str:
        text, needs_mermaid, needs_katex = self.prerendered.apply(text)
        page = self.page(self.md)
        if page is not None:
            page.meta.update(needs_mermaid=needs_mermaid, needs_katex=needs_katex)
        return text


def no_page(md: Markdown) -> None:
    return None


class GuideExtension(Extension):
    """Everything the guide adds to a page (see the module's docstring)."""

    def __init__(self, page: PageLookup = no_page, **kwargs: Any) -> None:
        self.page = page
        self.config = {
            "root": [".", "The project folder (holding papers.yml, references.bib, glossary.yml, figures/)"],
            "language": [DEFAULT_LANGUAGE, "Language of the site being built: zh or en"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        project = Project(Path(self.getConfig("root")).resolve())
        language = self.getConfig("language")
        md.registerExtensions(
            [
                GlossaryExtension(glossary_file=str(project.glossary_file), language=language),
                FigureExtension(figures_dir=str(project.figures_dir), language=language),
                CitationsExtension(bib_file=str(project.bib_file), language=language),
            ],
            {},
        )
        md.preprocessors.register(_ComposePage(md, project, language, self.page), "guide-compose", 120)
        md.postprocessors.register(_Prerender(md, project, self.page), "guide-prerender", 1)


def makeExtension(**kwargs: Any) -> GuideExtension:
    return GuideExtension(**kwargs)
