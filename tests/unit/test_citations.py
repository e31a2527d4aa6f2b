"""How citations behave, stated on the guide's citation code itself (no build).

`[@key]` becomes a numbered footnote and the page's reference list. The MkDocs build renders them
with mkdocs-bibtex (aipapers/mkdocs_adapter/bibtex.py); `aipapers.citations.cite` is the guide's own
engine for other generators. The last tests hold the two to the same output on every page.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from mkdocs_bibtex.plugin import BibTexPlugin

from aipapers.bib import parse as parse_bib
from aipapers.bibstyle import markdown_reference
from aipapers.citations import CitationsExtension, citation_problems, cite, place_references, protect_code
from aipapers.data import split_language
from aipapers.mkdocs_adapter.bibtex import GuideRegistry
from aipapers.pages import parse_page

BIB = ROOT / "references.bib"


def render(text: str, language: str = "en", bib: Path = BIB) -> str:
    """A page's Markdown as HTML, citations rendered by the guide's engine."""
    return markdown.markdown(
        text,
        extensions=[
            "attr_list",
            "footnotes",
            "pymdownx.superfences",
            CitationsExtension(bib_file=str(bib), language=language),
        ],
    )


def test_an_unknown_key_is_named_with_its_line_and_what_to_do() -> None:
    page = parse_page(Path("docs/en/papers/01-pythia.md"), "# T\n\nA claim [@biderman2023pythya].\n")
    [(line, message)] = citation_problems(page, set(parse_bib(BIB).entries))
    assert line == 3
    assert message.startswith("unknown citation key `biderman2023pythya` — add it to references.bib")


def test_code_is_never_read_as_a_citation() -> None:
    html = render(
        "A claim [@biderman2023pythia].\n\n```python\n@torch.no_grad()\ndef f(x):\n    return [@notakey]\n```\n\n"
        "Inline `[@alsonotakey]` too.\n"
    )
    code = " ".join(block.get_text() for block in BeautifulSoup(html, "html.parser").select("pre code, code"))
    assert "@torch.no_grad()" in code and "[@notakey]" in code and "[@alsonotakey]" in code
    assert "fn:notakey" not in html and "fn:alsonotakey" not in html
    assert 'id="fn:biderman2023pythia"' in html


@pytest.mark.parametrize(
    "citation", ["[@biderman2023pythia; @biderman2023pythia]", "[@biderman2023pythia; @touvron2023llama2]"]
)
def test_adjacent_citations_get_a_separator(citation: str) -> None:
    html = render(f"Two sources at once {citation}.\n")
    assert re.search(r'</a></sup><sup class="citation-separator">,</sup><sup id="fnref\d*:', html)


def test_a_page_without_citations_has_no_reference_section() -> None:
    assert place_references("# Home\n\nNo sources here. \\bibliography\n", "en") == "# Home\n\nNo sources here. \n"
    assert 'id="references"' not in render("# Home\n\nNo sources here.\n")


@pytest.mark.parametrize(("language", "heading"), [("zh", "参考文献"), ("en", "References")])
def test_the_reference_list_comes_last_under_a_heading_in_the_pages_language(language: str, heading: str) -> None:
    html = render("# T\n\nA claim [@biderman2023pythia].\n", language)
    assert f'<h2 id="references">{heading}</h2>' in html
    assert html.index('id="references"') < html.index('id="fn:biderman2023pythia"')


def test_the_reference_list_goes_where_the_page_asks_for_it() -> None:
    html = render("# T\n\nA claim [@biderman2023pythia].\n\n## Sources\n\n\\bibliography\n\n## After\n\nText.\n")
    assert 'id="references"' not in html
    assert html.index(">Sources<") < html.index('id="fn:biderman2023pythia"') < html.index(">After<")


def test_long_author_lists_are_shortened_in_references(tmp_path: Path) -> None:
    bib = tmp_path / "references.bib"
    bib.write_text(
        "@article{many2023authors,\n  title = {A {Paper} With Many Authors},\n"
        "  author = {One, A and Two, B and Three, C and Four, D and Five, E and Six, F and Seven, G},\n"
        "  journal = {arXiv preprint arXiv:2301.00001},\n  year = {2023},\n  eprint = {2301.00001}\n}\n",
        encoding="utf-8",
    )
    reference = markdown_reference(parse_bib(bib), "many2023authors")
    assert reference.startswith("A One, B Two, C Three, et al.")
    assert "A Paper With Many Authors" in reference  # titles keep their capitals


# --- the two engines -------------------------------------------------------------------------


def mkdocs_bibtex(text: str) -> str:
    """mkdocs-bibtex as the MkDocs build runs it (mkdocs.yml's options, the guide's registry)."""
    plugin = BibTexPlugin()
    errors, _warnings = plugin.load_config(
        {"bib_file": str(BIB), "enable_inline_citations": False, "bib_by_default": False, "footnote_format": "{key}"}
    )
    assert not errors, errors
    plugin.registry = GuideRegistry(parse_bib(BIB), plugin.config.footnote_format)
    return plugin.on_page_markdown(text, page=None, config=None, files=None)


PAGES = sorted((ROOT / "docs").glob("*/**/*.md"))


@pytest.mark.parametrize("path", PAGES, ids=[p.relative_to(ROOT / "docs").as_posix() for p in PAGES])
def test_mkdocs_bibtex_and_the_guides_engine_render_every_page_alike(path: Path) -> None:
    language, _ = split_language(path.relative_to(ROOT / "docs").as_posix())
    prepared = place_references(protect_code(path.read_text(encoding="utf-8")), language)
    assert mkdocs_bibtex(prepared) == cite(prepared, parse_bib(BIB))


def test_both_engines_read_the_same_brackets_as_citations() -> None:
    text = place_references(
        "One [@biderman2023pythia]. Two [@biderman2023pythia; @touvron2023llama2]. Mail [me@example.com]. "
        "A [link](https://example.com) and [plain words].\n",
        "en",
    )
    assert mkdocs_bibtex(text) == cite(text, parse_bib(BIB))
