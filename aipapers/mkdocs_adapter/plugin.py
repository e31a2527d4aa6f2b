"""The `aipapers` MkDocs plugin: the guide's logic, wired into MkDocs in one file, in one order.

Registered by entry point (pyproject.toml) and listed under `plugins:` in mkdocs.yml after i18n
and bibtex. The events, in the order a build runs them (priorities only where another plugin's
work must come first or after):

    on_startup        objects frozen for the collector when the process exits (a faster exit)
    on_config   +100  the rules (stop at the first problem; a pass of the same inputs is
                      remembered in .cache/rules/), the papers into the nav before i18n
                      reads it, mkdocs-bibtex given the guide's parsed references before it reads
                      references.bib itself
    on_pre_build      the language being built (i18n sets it in its on_config), the Markdown
                      extensions for it
    on_files          references.bib published at the site root
    on_nav      -110  paper titles "01 Pythia" (after i18n has built this language's nav)
    on_env            compiled templates kept in .cache/jinja/ (each language build compiles them again)
    on_page_markdown +50  overview blocks, the card and cite block, code protected and the
                      reference list placed — all before mkdocs-bibtex (0) renders citations
    on_page_content -80  whether the page still needs Mermaid or KaTeX (after its HTML is final)
    on_page_context -100  switcher links, update date, JSON-LD (after i18n set the switcher)
    on_post_page      cached diagrams and formulas put in (after search has indexed the page),
                      the page's Markdown source published next to it
    on_post_build -110  per-language search indexes and llms.txt (after i18n merged the index)
    on_serve          `make serve` watches every source of the project (Project.sources)

State lives on the plugin object, which MkDocs keeps across the rebuilds of `make serve`.
"""

from __future__ import annotations

import atexit
import gc
import shutil
from pathlib import Path
from typing import Any

import jinja2
from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .. import card, citations, metadata
from ..bib import BibFile
from ..bib import parse as parse_bib
from ..compose import compose_page
from ..data import Guide, load_guide, split_language
from ..figures import FigureExtension
from ..glossary import GlossaryExtension
from ..prerender import Prerendered
from ..project import Project
from ..rules import PAPERS_SECTION, Problem, check, inputs_digest
from ..search_index import write_language_indexes
from ..segment import SegmentCache
from . import bibtex, i18n, search

OUR_EXTENSIONS = (GlossaryExtension, FigureExtension, citations.CitationsExtension)


class GuidePlugin(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.checked: str | None = None  # digest of the inputs the rules last passed
        self.not_found = i18n.NotFoundPage()
        self.llms: dict[str, list[tuple[str, str]]] = {}
        self.updated: dict[str, Any] = {}
        self.drawn: dict[str, tuple[str, str]] = {}  # page → (content as indexed, content with drawings)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this event keeps the plugin object across `make serve` rebuilds."""
        # When the process ends, the cyclic collector need not walk every object of both language
        # builds once more (about 0.1 s of a build, measured): they are frozen just before exit.
        atexit.unregister(gc.freeze)
        atexit.register(gc.freeze)

    # --- configuration ---------------------------------------------------------------------------

    @event_priority(100)  # before the i18n plugin reads the navigation
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project = project = Project(Path(config.config_file_path).resolve().parent)
        self.run_rules(project)
        self.guide: Guide = load_guide(project.papers_file)
        self.bib: BibFile = parse_bib(project.bib_file)
        bibtex.use_guide_references(config, self.bib)  # before mkdocs-bibtex's on_config reads the file
        for item in config.nav or []:
            if isinstance(item, dict) and PAPERS_SECTION in item:
                item[PAPERS_SECTION] = [paper.src_path for paper in self.guide.papers]
        return config

    def run_rules(self, project: Project) -> None:
        """The rules of `make check`; the build stops at the first problem.

        They run once per version of their inputs: both language builds share one verdict, and a
        pass is recorded in .cache/rules/ under the digest of everything the rules read and of their
        code, so that a rebuild of inputs that passed (the same bytes) does not check them again.
        """
        digest = inputs_digest(project)
        if digest == self.checked:
            return
        passed = project.cache_dir / "rules" / digest
        if not passed.exists():
            problems: list[Problem] = check(project)
            if problems:
                more = len(problems) - 1
                hint = f" (and {more} more: run `make check` to list them all)" if more else ""
                raise PluginError(f"{problems[0]}{hint}")
            passed.parent.mkdir(parents=True, exist_ok=True)
            for older in passed.parent.iterdir():
                older.unlink()
            passed.touch()
        self.checked = digest

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Per language: i18n has set the language in its on_config, which runs after ours."""
        project = self.project
        self.language = language = i18n.language(config)
        # i18n runs every event again per language: the extensions are made anew for each.
        extensions: list[Extension] = [
            GlossaryExtension(glossary_file=str(project.glossary_file), language=language),
            FigureExtension(figures_dir=str(project.figures_dir), language=language),
            citations.CitationsExtension(),  # mkdocs-bibtex renders; this restores code and separates
        ]
        config.markdown_extensions[:] = [
            ext for ext in config.markdown_extensions if not isinstance(ext, OUR_EXTENSIONS)
        ] + extensions
        if language == i18n.default_language(config):
            self.updated = metadata.git_dates(project.root)
            self.segments = SegmentCache(project.cache_dir / "segment")
            search.segment_with(self.segments)
            self.llms = {}
        self.prerendered = Prerendered(project)

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # Jinja's own bytecode cache: a template is compiled once, not once per language and build.
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(_folder(self.project.cache_dir / "jinja")))
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if files.get_file_from_path("references.bib") is None:
            files.append(File.generated(config, "references.bib", abs_src_path=str(self.project.bib_file)))
        return files

    @event_priority(-110)  # after the i18n plugin has built this language's navigation
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        for page in nav.pages:
            paper = self.guide.by_src_path(split_language(page.file.src_uri)[1])
            if paper:
                page.title = card.nav_title(paper)
        return nav

    # --- pages -------------------------------------------------------------------------------------

    @event_priority(50)  # before mkdocs-bibtex (0) turns citations into footnotes
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        _, src_path = split_language(page.file.src_uri)
        composed = compose_page(
            markdown,
            project=self.project,
            guide=self.guide,
            bib=self.bib,
            language=self.language,
            src_path=src_path,
            site_url=config.site_url or "",
            directory_urls=config.use_directory_urls,
        )
        markdown = composed.markdown
        if composed.reading_minutes is not None:
            page.meta["reading_minutes"] = composed.reading_minutes
        return citations.place_references(citations.protect_code(markdown), self.language)

    @event_priority(-80)  # after every other plugin has finished the page's HTML
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # The drawings go into the page in on_post_page; the template loads Mermaid or KaTeX only for
        # what the cache cannot put in.
        drawn, page.meta["needs_mermaid"], page.meta["needs_katex"] = self.prerendered.apply(html)
        self.drawn[page.file.src_uri] = (html, drawn)
        return html

    @event_priority(-100)  # after the i18n plugin has set config.extra.alternate for this page
    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        i18n.point_switcher_at(page, config)
        _, src_path = split_language(page.file.src_uri)
        # Each language's home page is titled by the site name alone (main.html, og:title).
        page.meta["language_home"] = src_path == "index.md"
        root = "" if self.language == i18n.default_language(config) else f"{self.language}/"
        if root:
            # main.html gives Material this base, so the page reads <language>/search/search_index.json
            context["search_base"] = get_relative_url(root, page.url)
        updated = self.updated.get(f"docs/{page.file.src_uri}")
        if updated:
            page.meta["revision_iso"] = updated.isoformat()
            page.meta["revision_date"] = f'<time datetime="{updated.isoformat()}">{updated.isoformat()}</time>'
        paper = self.guide.by_src_path(src_path)
        if paper is not None:
            facts = metadata.PageFacts(
                title=page.title or "",
                description=str(page.meta.get("description", "")),
                language=self.language,
                url=page.canonical_url,
                modified=page.meta.get("revision_iso"),
                site_name=config.site_name,
                site_url=config.site_url or "",
            )
            page.meta["json_ld"] = metadata.json_ld(paper, self.bib, facts)
        page.meta["source_url"] = root + src_path  # papers/01-pythia/ → papers/01-pythia.md
        self.llms.setdefault(self.language, []).append((page.title or "", page.meta["source_url"]))
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Cached diagrams and formulas put in, and the page's Markdown source published next to it (llms.txt).

        The drawings go in only now, after Material's search has read the page: it indexes their
        source text (labels, TeX) instead of parsing some 850 KB of SVG and MathML markup.
        """
        content, drawn = self.drawn.pop(page.file.src_uri, ("", ""))
        output = output.replace(content, drawn, 1) if content and content in output else output
        target = Path(config.site_dir) / page.meta["source_url"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page.file.abs_src_path, target)
        return output

    # --- templates and the end of the build ------------------------------------------------------

    def on_template_context(self, context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
        if template_name == "404.html":
            i18n.not_found_context(context, config)
        return context

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output
        return self.not_found.output(output, config, offline=_offline(config))

    @event_priority(-110)  # after i18n (-100) has merged the index of every language
    def on_post_build(self, config: MkDocsConfig) -> None:
        if i18n.more_languages_to_build(config):
            return
        site_dir = Path(config.site_dir)
        languages = i18n.build_languages(config)
        write_language_indexes(site_dir, languages, i18n.default_language(config), _offline(config))
        (site_dir / "llms.txt").write_text(metadata.llms_txt(self.llms), encoding="utf-8")
        self.segments.save()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        for source in self.project.sources():
            if source.exists():
                server.watch(str(source))
        return server


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
