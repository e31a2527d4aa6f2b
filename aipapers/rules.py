"""Every rule a contributor's input must pass, written once.

`check(project)` returns every problem, each `path:line: what is wrong — how to fix it`, sorted.
`make check` (scripts/check.py) prints them all; the build (the MkDocs plugin, or any other
adapter) runs the same function and stops at the first one, so the two can never disagree about
the same input. The house-style rules themselves live in `editorial`; this module applies them, and
the structural rules (data files, front matter, links, figures, citations), to the whole project.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import overviews, strings
from .bib import BibFile, missing_fields
from .bib import parse as parse_bib
from .citations import citation_problems
from .data import LANGUAGES, DataError, Guide, Term, load_glossary, load_guide
from .editorial import (
    american_spelling,
    body_lines,
    chinese_typography,
    glossary_en,
    glossary_zh,
    mermaid_labels,
    repeated_citations,
    source_note,
)
from .figures import LANGUAGES as FIGURE_LANGUAGES
from .figures import FigureError, block_problems, figure_ids, load, render
from .pages import RAW_DANGER, Page, numbers_in, read_page, table_rows
from .project import Project

PAPERS_SECTION = "Papers"  # the nav section of mkdocs.yml that the papers of papers.yml fill
PAPER_SECTIONS = ("summary", "why-it-matters", "core-ideas", "key-numbers", "limitations", "connections")
GENERATED_SECTIONS = ("cite", "references")
PAPER_META = {"paper": str, "description": str}
OPTIONAL_META = {"title": str, "search": dict, "hide": list, "status": str}
TEMPLATE_MARK = "<!-- write:"
ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")
MAX_DESCRIPTION = 200


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def check(project: Project) -> list[Problem]:
    """Every problem in the project's sources, sorted by file and line (empty when all is well)."""
    return Checker(project).run()


def inputs_digest(project: Project) -> str:
    """A digest of everything the rules read (sources and mkdocs.yml) and of the rules' own code.

    Equal digests mean an equal verdict: a build may skip the rules for inputs that passed before.
    """
    files = [project.root / "mkdocs.yml", *sorted(Path(__file__).parent.rglob("*.py"))]
    for source in project.sources():
        if source == project.overrides_dir:
            continue  # the theme: no rule reads it
        files += sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
    digest = hashlib.sha256()
    for file in files:
        if file.is_file():
            digest.update(f"{file.as_posix()}\0".encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


class Checker:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.root = project.root
        self.problems: list[Problem] = []
        self.pages: dict[tuple[str, str], Page] = {}  # (language, path inside the language folder)
        self.unreadable: set[tuple[str, str]] = set()  # pages that exist but are not UTF-8
        self.glossary: list[Term] = load_glossary(project.glossary_file)

    def report(self, path: Path | str, line: int, message: str) -> None:
        relative = Path(path).relative_to(self.root) if Path(path).is_absolute() else Path(path)
        self.problems.append(Problem(relative.as_posix(), max(line, 1), message))

    # --- sources -------------------------------------------------------------------------------

    def run(self) -> list[Problem]:
        bib = self.check_bib()
        guide = self.check_papers_yml(bib)
        self.check_glossary()
        self.check_figure_sources()
        self.read_pages()
        self.check_page_pairs()
        nav_pages = self.check_navigation(guide)
        for (language, relative), page in sorted(self.pages.items()):
            self.check_page(page, language, relative, bib, guide, nav_pages)
        if guide is not None:
            for paper in guide.papers:
                self.check_paper_pair(paper.slug, paper.key)
        return sorted(set(self.problems))

    def check_bib(self) -> BibFile | None:
        path = self.project.bib_file
        try:
            bib = parse_bib(path)
        except UnicodeDecodeError:
            self.report(path, 1, "not UTF-8 — save the file as UTF-8")
            return None
        for problem in bib.problems:
            self.report(path, problem.line, f"{problem.message} — fix the entry's BibTeX syntax")
        for entry in bib.entries.values():
            eprint = entry.fields.get("eprint")
            if eprint and not ARXIV_ID.match(eprint):
                self.report(
                    path, entry.line, f"`{entry.key}` has eprint `{eprint}`, not an arXiv ID — write it like 2304.01373"
                )
            missing = missing_fields(entry)
            if missing:
                self.report(
                    path,
                    entry.line,
                    f"entry `{entry.key}` lacks {', '.join(missing)} — every work needs a title, authors, a year "
                    "and an arXiv ID (eprint), DOI or URL",
                )
        return bib

    def check_papers_yml(self, bib: BibFile | None) -> Guide | None:
        path = self.project.papers_file
        try:
            guide = load_guide(path)
        except DataError as error:
            for line, message in error.problems:
                self.report(path, line, f"{message} — see the comment at the top of papers.yml")
            return None
        except UnicodeDecodeError:
            self.report(path, 1, "not UTF-8 — save the file as UTF-8")
            return None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if TEMPLATE_MARK in line:
                self.report(path, number, "template text left in papers.yml — replace the `<!-- write: … -->` note")
        self.check_source_notes(path, guide)
        arxiv_ids: dict[str, str] = {}
        for paper in guide.papers:
            if bib is None:
                continue
            entry = bib.entries.get(paper.key)
            if entry is None:
                self.report(
                    path, paper.line, f"key `{paper.key}` of `{paper.id}` is not in references.bib — add its entry"
                )
                continue
            arxiv = entry.fields.get("eprint")
            if arxiv and arxiv in arxiv_ids:
                self.report(
                    path,
                    paper.line,
                    f"`{paper.id}` is the same paper (arXiv {arxiv}) as `{arxiv_ids[arxiv]}` — a paper appears once",
                )
            if arxiv:
                arxiv_ids[arxiv] = paper.id
            for companion in paper.companions:
                if companion not in bib.entries:
                    self.report(path, paper.line, f"companion `{companion}` is not in references.bib — add its entry")
        return guide

    def read_pages(self) -> None:
        for language in LANGUAGES:
            folder = self.project.docs_dir / language
            for path in sorted(folder.rglob("*.md")):
                relative = path.relative_to(folder).as_posix()
                try:
                    self.pages[(language, relative)] = read_page(path)
                except UnicodeDecodeError as error:
                    line = path.read_bytes()[: error.start].count(b"\n") + 1
                    self.report(path, line, "not UTF-8 — save the file as UTF-8")
                    self.unreadable.add((language, relative))

    def check_page_pairs(self) -> None:
        present = set(self.pages) | self.unreadable
        for language, relative in present:
            for other in LANGUAGES:
                if other != language and (other, relative) not in present:
                    self.report(
                        self.project.docs_dir / language / relative,
                        1,
                        f"has no {other} version — add docs/{other}/{relative} (both languages ship together)",
                    )

    def check_navigation(self, guide: Guide | None) -> set[str]:
        """Pages reachable from the navigation: mkdocs.yml's nav plus the papers of papers.yml."""
        path = self.root / "mkdocs.yml"
        nav_pages: set[str] = set()
        config = self.project.mkdocs_config()
        if not any(isinstance(item, dict) and PAPERS_SECTION in item for item in config.get("nav") or []):
            self.report(
                path,
                _line_of(path, "nav:"),
                f"the nav has no `- {PAPERS_SECTION}: []` section — add it: the papers of papers.yml go there",
            )
        for item in _flatten(config.get("nav") or []):
            nav_pages.add(item)
            if not any((self.project.docs_dir / language / item).exists() for language in LANGUAGES):
                self.report(
                    path, _line_of(path, item), f"nav entry `{item}` has no page — create it or remove the entry"
                )
        if guide is not None:
            nav_pages.update(paper.src_path for paper in guide.papers)
            for paper in guide.papers:
                for language in LANGUAGES:
                    if (language, paper.src_path) not in self.pages and (
                        language,
                        paper.src_path,
                    ) not in self.unreadable:
                        self.report(
                            self.project.papers_file,
                            paper.line,
                            f"`{paper.id}` has no page docs/{language}/{paper.src_path} — "
                            "create it (python -m scripts.new_paper) or fix `slug`",
                        )
        return nav_pages

    # --- one page ------------------------------------------------------------------------------

    def check_page(
        self, page: Page, language: str, relative: str, bib: BibFile | None, guide: Guide | None, nav: set[str]
    ) -> None:
        path = page.path
        if page.meta_error:
            self.report(path, 1, f"{page.meta_error} — see CONTRIBUTING.md, “Front matter”")
        if relative not in nav and guide is not None:
            hint = "add it to papers.yml" if relative.startswith("papers/") else "add it to `nav` in mkdocs.yml"
            self.report(path, 1, f"page is not in the navigation — {hint}")
        paper = guide.by_src_path(relative) if guide else None
        if relative.startswith("papers/") or page.meta.get("paper"):
            self.check_paper_meta(page, paper)
        elif not page.meta_error:
            self.check_meta_fields(page, {"description": str})
        for number, line in enumerate(page.lines, start=1):
            for pattern, what in RAW_DANGER:
                if pattern.search(line):
                    self.report(path, number, f"{what} is not allowed in pages — use Markdown (links, admonitions)")
        for number, line in enumerate(page.text.splitlines(), start=1):
            if TEMPLATE_MARK in line:
                self.report(path, number, "template text left in the page — replace the `<!-- write: … -->` note")
        for number, message in citation_problems(page, set(bib.entries) if bib is not None else None):
            self.report(path, number, message)
        for number, message in overviews.marker_problems(page):
            self.report(path, number, message)
        self.check_links(page, language)
        self.check_figures(page)
        if language == "zh":
            self.check_chinese_text(page)
        else:
            self.check_english_text(page)
        for number, message in repeated_citations(page):
            self.report(path, number, message)
        if paper is not None:
            self.check_paper_page(page, paper.key)

    def check_paper_meta(self, page: Page, paper: object | None) -> None:
        path = page.path
        if paper is None:
            self.report(path, 1, "paper page not in papers.yml — add an entry with this file's slug")
            return
        self.check_meta_fields(page, PAPER_META)
        if page.meta.get("paper") not in (None, paper.id):
            self.report(path, 1, f"front matter `paper: {page.meta.get('paper')}` should be `paper: {paper.id}`")

    def check_meta_fields(self, page: Page, required: dict[str, type]) -> None:
        path = page.path
        for name, kind in required.items():
            value = page.meta.get(name)
            if value is None:
                self.report(path, 1, f"front matter lacks `{name}` — add `{name}: …` between the `---` lines")
            elif not isinstance(value, kind):
                self.report(path, 1, f"front matter `{name}` must be text, not {type(value).__name__}")
        description = page.meta.get("description")
        if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
            self.report(path, 1, f"`description` has {len(description)} characters — keep it under {MAX_DESCRIPTION}")
        for name in page.meta:
            if name not in PAPER_META and name not in OPTIONAL_META:
                self.report(path, 1, f"unknown front matter field `{name}` — remove it or check its spelling")

    def check_chinese_text(self, page: Page) -> None:
        """Typography (prose, tables and diagram labels) and the glossary's terms, in both directions."""
        lines = list(body_lines(page))
        for number, message in chinese_typography([*lines, *mermaid_labels(page)]):
            self.report(page.path, number, message)
        for number, message in glossary_zh(lines, self.glossary):
            self.report(page.path, number, message)

    def check_english_text(self, page: Page) -> None:
        """American spelling and the glossary's English forms."""
        lines = list(body_lines(page))
        for number, message in [*american_spelling(lines), *glossary_en(lines, self.glossary)]:
            self.report(page.path, number, message)

    def check_glossary(self) -> None:
        path = self.project.glossary_file
        numbered = list(enumerate(path.read_text(encoding="utf-8").splitlines(), start=1))
        english = [(n, line) for n, line in numbered if re.match(r"\s*(- )?en:", line)]
        for number, message in american_spelling(english):
            self.report(path, number, message)
        # The interface strings the build writes into English pages (code of this package).
        source = Path(strings.__file__).read_text(encoding="utf-8").splitlines()
        english = [
            (next((n for n, line in enumerate(source, 1) if f'"en": "{text}"' in line), 1), text)
            for text in (texts["en"] for texts in strings.STRINGS.values())
        ]
        for number, message in american_spelling(english):
            self.report("aipapers/strings.py", number, message)

    def check_source_notes(self, path: Path, guide: Guide) -> None:
        """Every `sources` note names a source a reader can open (arXiv, the paper, the repository…)."""
        lines = path.read_text(encoding="utf-8").splitlines()
        for paper in guide.papers:
            start = next((n for n in range(paper.line, len(lines) + 1) if lines[n - 1].strip() == "sources:"), 0)
            for name, note in paper.sources.items():
                problem = source_note(str(note))
                if problem:
                    line = next(
                        (n for n in range(start, len(lines) + 1) if lines[n - 1].strip().startswith(f"{name}:")),
                        paper.line,
                    )
                    self.report(path, line, f"sources note `{name}` of `{paper.id}` {problem}")

    def check_links(self, page: Page, language: str) -> None:
        for link in page.links():
            parts = urlsplit(link.target)
            if link.image:
                if not link.text.strip():
                    self.report(page.path, link.line, "image without alt text — describe the image in ![…](…)")
                if parts.scheme or parts.netloc:
                    self.report(
                        page.path,
                        link.line,
                        "image from another host — readers must not load anything from third parties; "
                        "put the file under docs/assets/",
                    )
                    continue
            if parts.scheme or parts.netloc or link.target.startswith("mailto:"):
                continue
            target = page.path if not parts.path else (page.path.parent / parts.path).resolve()
            if target == (self.project.docs_dir / "references.bib").resolve():
                target = self.project.bib_file  # published at the site root by the metadata hook
            if not target.exists():
                what = "image" if link.image else "link"
                self.report(page.path, link.line, f"broken {what}: `{link.target}` does not exist — fix the path")
                continue
            if parts.fragment and target.suffix == ".md":
                anchors = self._anchors(target)
                if parts.fragment not in anchors:
                    self.report(
                        page.path,
                        link.line,
                        f"broken anchor: `#{parts.fragment}` is not a heading of {target.name} — use one of its "
                        "section ids",
                    )

    def _anchors(self, target: Path) -> set[str]:
        page = next((p for p in self.pages.values() if p.path.resolve() == target.resolve()), None)
        if page is None:
            return set()
        return {h.anchor for h in page.headings()} | set(GENERATED_SECTIONS)

    def check_figures(self, page: Page) -> None:
        """Each figure block names a figure that exists and has alt text and a caption."""
        for figure in page.figures():
            if figure.options_error:
                self.report(
                    page.path,
                    figure.line + 1,
                    f"figure `{figure.id}`: {figure.options_error}, so the page would show the block as text — "
                    'put the alt text in quotes (alt: "…")',
                )
                continue
            for problem in block_problems(figure.id, figure.alt, figure.caption, self.project.figures_dir):
                self.report(page.path, figure.line, problem)

    def check_figure_sources(self) -> None:
        """Every figure source draws in both languages, and its Chinese labels follow the typography."""
        folder = self.project.figures_dir
        for figure_id in figure_ids(folder):
            path = folder / f"{figure_id}.py"
            try:
                source = load(figure_id, folder)
                for language in FIGURE_LANGUAGES:
                    render(figure_id, language, folder)
            except FigureError as error:
                self.report(path, 1, f"{error} (CONTRIBUTING.md, “Figures”)")
                continue
            text = path.read_text(encoding="utf-8").splitlines()
            labels = [
                (next((n for n, line in enumerate(text, 1) if value in line), 1), value)
                for value in source.labels["zh"].values()
            ]
            for number, message in chinese_typography(labels):
                self.report(path, number, message)
            english = [
                (next((n for n, line in enumerate(text, 1) if value in line), 1), value)
                for value in source.labels["en"].values()
            ]
            for number, message in american_spelling(english):
                self.report(path, number, message)

    def check_paper_page(self, page: Page, key: str) -> None:
        if not any(h.level == 1 for h in page.headings()):
            self.report(page.path, page.body_start, "no `# Title` heading — a paper page starts with its title")
        anchors = [h.anchor for h in page.headings()]
        for section in PAPER_SECTIONS:
            if section not in anchors:
                self.report(
                    page.path, 1, f"missing section `{{#{section}}}` — every paper page has the standard sections"
                )
        if not any(fence.language == "mermaid" for fence in page.fences):
            self.report(page.path, 1, "no diagram — add at least one ```mermaid block to the core ideas")
        if key not in {c.key for c in page.citations()}:
            self.report(page.path, 1, f"the page never cites its own paper — add [@{key}] where you state its results")
        rows = table_rows(page.section("key-numbers"))
        if not rows:
            self.report(page.path, 1, "the key numbers section has no table — see CONTRIBUTING.md")
        for number, cells in rows:
            if "[@" not in cells[-1]:
                self.report(page.path, number, "key-numbers row without a citation — end the row with [@key]")

    def check_paper_pair(self, slug: str, key: str) -> None:
        """Both languages of a paper cite the same works and show the same key numbers."""
        relative = f"papers/{slug}.md"
        zh, en = self.pages.get(("zh", relative)), self.pages.get(("en", relative))
        if zh is None or en is None:
            return
        zh_keys, en_keys = {c.key for c in zh.citations()}, {c.key for c in en.citations()}
        if zh_keys != en_keys:
            only = sorted(zh_keys - en_keys), sorted(en_keys - zh_keys)
            self.report(
                en.path,
                1,
                f"cites different works than the zh page (only zh: {', '.join(only[0]) or '—'}; "
                f"only en: {', '.join(only[1]) or '—'}) — both languages cite the same sources",
            )
        zh_rows, en_rows = table_rows(zh.section("key-numbers")), table_rows(en.section("key-numbers"))
        if len(zh_rows) != len(en_rows):
            self.report(en.path, 1, f"key numbers table has {len(en_rows)} rows, the zh page {len(zh_rows)}")
            return
        for (zh_line, zh_cells), (en_line, en_cells) in zip(zh_rows, en_rows, strict=True):
            zh_numbers = numbers_in(zh_cells[1] if len(zh_cells) > 1 else "")
            en_numbers = numbers_in(en_cells[1] if len(en_cells) > 1 else "")
            if zh_numbers != en_numbers:
                self.report(
                    en.path,
                    en_line,
                    f"key number {' '.join(en_numbers) or '—'} differs from the zh page's "
                    f"{' '.join(zh_numbers) or '—'} (docs/zh/{relative}:{zh_line}) — write the same value in both",
                )


def _flatten(nav: Iterable[object]) -> Iterable[str]:
    for item in nav:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _flatten(value)


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    return 1
