"""A contributor adds a paper with the scaffolder; the validator then says what is left to write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from aipapers.project import Project
from aipapers.rules import check


def test_a_scaffolded_paper_is_complete_but_for_the_prose(sources: Path) -> None:
    result = subprocess.run(
        [
            sys.executable, "-m", "scripts.new_paper", "--root", str(sources), "--use-existing", "touvron2023llama",
            "--slug", "11-llama", "--name", "LLaMA", "--position", "11", "--date", "2023-02-27",
            "--org", "Meta AI", "--tag", "language-models", "--tag", "open-models",
        ],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for language in ("zh", "en"):
        assert (sources / "docs" / language / "papers" / "11-llama.md").exists()
    problems = [str(problem) for problem in check(Project(sources))]
    assert problems, "the template's notes are left to write"
    assert all("template text left" in p or "11-llama" in p or "papers.yml" in p for p in problems), problems
    assert any(p.startswith("docs/en/papers/11-llama.md:") and "template text left" in p for p in problems)
