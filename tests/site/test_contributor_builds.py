"""The build holds a contributor's input to the same rules as `make check`, and never half-publishes.

- Check and build agree: for every bad input of tests/cases.py, the build (MkDocs, in this
  process) stops with exactly the first problem `make check` lists, file and line included.
- A failed `make build` leaves the published site/ as it was.
- What no rule can see (links inside generated pages) is still refused by the strict build.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from cases import CASES, EN, Case, replace
from conftest import build_in_process, run_make, run_mkdocs_build
from mkdocs.exceptions import Abort, PluginError

from aipapers.project import Project
from aipapers.rules import check


def build_error(project: Path) -> str:
    """The error that stops `mkdocs build --strict` of the project, as MkDocs reports it ('' if it builds)."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build_in_process(project)
    except (PluginError, Abort) as error:
        return "\n".join(record.getMessage() for record in records) or str(error)
    finally:
        logger.removeHandler(handler)
    return ""


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_and_build_agree_on_every_rule(project: Path, case: Case) -> None:
    case.breaks(project)
    problems = check(Project(project))
    assert problems, "the case breaks a rule"
    error = build_error(project)
    assert error.startswith(str(problems[0])), f"check says {problems[0]}\nbuild says {error}"
    if len(problems) > 1:
        assert f"and {len(problems) - 1} more: run `make check`" in error


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.breaks_the_site], ids=[c.name for c in CASES if c.breaks_the_site]
)
def test_a_failed_check_leaves_the_published_site_untouched(project: Path, case: Case) -> None:
    published = project / "site"
    published.mkdir()
    (published / "index.html").write_text("the site readers see today", encoding="utf-8")
    case.breaks(project)
    result = run_make("build", cwd=project)
    assert result.returncode != 0
    assert sorted(p.name for p in published.iterdir()) == ["index.html"]
    assert (published / "index.html").read_text(encoding="utf-8") == "the site readers see today"


def test_a_dead_anchor_in_a_generated_page_fails_the_strict_build(project: Path) -> None:
    """The correction section is copied onto the about page, where its own-page anchor `#cite` is dead.

    Valid where it is written (the rules pass), broken where it is shown: only MkDocs' own link
    validation (mkdocs.yml `validation: anchors: warn`, strict) can refuse it.
    """
    replace(
        project,
        EN,
        "differs from the paper on the following points:",
        "differs from the paper on the following points (see [how to cite it](#cite)):",
    )
    assert check(Project(project)) == []
    result = run_mkdocs_build(project, project / "site-out")
    assert result.returncode != 0
    assert "no such anchor" in result.stdout + result.stderr
