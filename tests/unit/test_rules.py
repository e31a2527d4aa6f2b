"""A contributor's mistakes are caught before anything is built, each reported as path:line.

Every case of tests/cases.py breaks a throw-away copy of the project in one way; the validator
(`aipapers.rules.check`, what `make check` prints) must report it with the file, the line and a
hint. tests/site/test_contributor_builds.py holds the build to the same verdict.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from cases import CASES, Case
from conftest import ROOT

from aipapers.pages import parse_page
from aipapers.project import Project
from aipapers.rules import check, inputs_digest


def reports(sources: Path) -> list[str]:
    return [str(problem) for problem in check(Project(sources))]


def test_the_pristine_project_passes(sources: Path) -> None:
    assert reports(sources) == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_reported_with_file_and_line(sources: Path, case: Case) -> None:
    path, line = case.breaks(sources)
    found = reports(sources)
    reported = [row for row in found if row.startswith(f"{path}:{line}: ")]
    assert reported, f"expected a report at {path}:{line}, got:\n" + "\n".join(found)
    assert any(re.search(case.says, row) for row in reported), "\n".join(found)
    assert all(" — " in row for row in found), "every report says how to fix it"


def test_make_check_prints_every_problem_and_fails(sources: Path) -> None:
    CASES[0].breaks(sources)
    CASES[1].breaks(sources)
    result = subprocess.run(
        [sys.executable, "-m", "scripts.check", "--root", str(sources)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == reports(sources)
    assert len(result.stdout.splitlines()) >= 2


@pytest.mark.parametrize(
    ("text", "keys", "malformed"),
    [
        ("A claim [@a2023x].", ["a2023x"], []),
        ("Two [@a2023x; @b-2024_y].", ["a2023x", "b-2024_y"], []),
        ("Write to [me@example.com] or [team@lists.example.org].", [], []),
        ("As shown [see @a2023x].", [], ["[see @a2023x]"]),
        ("Page [@a2023x, p. 3].", [], ["[@a2023x, p. 3]"]),
        ("Code `[@a2023x]` is not a citation.\n```text\n[@b2023x]\n```", [], []),
    ],
)
def test_one_grammar_says_what_a_citation_is(text: str, keys: list[str], malformed: list[str]) -> None:
    page = parse_page(Path("docs/en/x.md"), text)
    assert [citation.key for citation in page.citations()] == keys
    assert [found for _, found in page.malformed_citations()] == malformed


def test_a_build_may_skip_the_rules_only_for_the_same_inputs(sources: Path) -> None:
    """The build remembers a pass by the digest of everything the rules read (and of their code)."""
    project = Project(sources)
    before = inputs_digest(project)
    assert inputs_digest(project) == before
    (sources / "overrides").mkdir()
    (sources / "overrides" / "main.html").write_text("theme only", encoding="utf-8")
    assert inputs_digest(project) == before, "the theme is no input of the rules"
    for relative in ("docs/en/index.md", "papers.yml", "references.bib", "glossary.yml", "figures/nf4-levels.py"):
        path = sources / relative
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert inputs_digest(project) != before, relative
        path.write_bytes(original)
