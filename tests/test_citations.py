"""How citations behave for a contributor, checked by building a temporary copy of the project."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import append, run_mkdocs_build

PAGE = "docs/en/papers/01-pythia.md"


def test_unknown_citation_key_fails_the_build_naming_file_line_and_key(project: Path) -> None:
    append(project, PAGE, "\nA claim with a typo in its source [@biderman2023pythya].\n")
    line = (project / PAGE).read_text(encoding="utf-8").splitlines().index(
        "A claim with a typo in its source [@biderman2023pythya]."
    ) + 1
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"en/papers/01-pythia.md:{line}: unknown citation key `biderman2023pythya`" in output
    assert "references.bib" in output  # says what to do


def test_code_is_never_read_as_a_citation(project: Path) -> None:
    append(
        project,
        PAGE,
        "\n```python\n@torch.no_grad()\ndef f(x):\n    return [@notakey]\n```\n\nInline `[@alsonotakey]` too.\n",
    )
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    html = (project / "site/en/papers/01-pythia/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    code = " ".join(block.get_text() for block in soup.select("pre code, code"))
    assert "@torch.no_grad()" in code and "[@notakey]" in code and "[@alsonotakey]" in code
    assert "fn:notakey" not in html


def test_adjacent_citations_get_a_separator(project: Path) -> None:
    append(project, PAGE, "\nTwo sources at once [@biderman2023pythia; @biderman2023pythia].\n")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    html = (project / "site/en/papers/01-pythia/index.html").read_text(encoding="utf-8")
    assert re.search(r'</a></sup><sup class="citation-separator">,</sup><sup id="fnref\d*:', html)


def test_a_page_without_citations_has_no_reference_section(project: Path) -> None:
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((project / "site/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("h2#references") is None


def test_long_author_lists_are_shortened_in_references(project: Path) -> None:
    append(
        project,
        "references.bib",
        "\n@article{many2023authors,\n  title = {A {Paper} With Many Authors},\n"
        "  author = {One, A and Two, B and Three, C and Four, D and Five, E and Six, F and Seven, G},\n"
        "  journal = {arXiv preprint arXiv:2301.00001},\n  year = {2023},\n  eprint = {2301.00001}\n}\n",
    )
    append(project, PAGE, "\nA claim [@many2023authors].\n")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((project / "site/en/papers/01-pythia/index.html").read_text(encoding="utf-8"), "html.parser")
    reference = soup.select_one("li[id='fn:many2023authors']").get_text(" ", strip=True)
    assert reference.startswith("A One, B Two, C Three, et al.")
    assert "A Paper With Many Authors" in reference
