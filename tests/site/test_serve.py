"""The edit loop: `make serve` rebuilds when any source of the site changes, and the page shows it.

The watched sources are `Project.sources()`, the same place the build's data loaders take their
paths from. This test knows an edit for each of them; a source added there without an edit here
fails the test, so a new data file cannot be left out of the edit loop.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import BUILDER, free_port, replace_in

from aipapers.project import Project

PAGE = "en/papers/03-qlora/"

# source (relative to the project) → (edit, what the served file then contains, which file)
EDITS: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "docs": (
        lambda p: replace_in(p / "docs/en/papers/03-qlora.md", "# QLoRA: Efficient", "# QLoRA (edited): Efficient"),
        "QLoRA (edited)",
        PAGE,
    ),
    "papers.yml": (
        lambda p: replace_in(
            p / "papers.yml",
            "    venue: NeurIPS 2023\n    organisations: [University of Washington]",
            "    venue: NeurIPS 2023, oral\n    organisations: [University of Washington]",
        ),
        "NeurIPS 2023, oral",
        PAGE,
    ),
    "references.bib": (
        lambda p: replace_in(
            p / "references.bib",
            "Efficient Finetuning of Quantized {LLMs}}",
            "Efficient Finetuning of Quantized {LLMs} Revisited}",
        ),
        "Quantized LLMs Revisited",
        PAGE,
    ),
    "glossary.yml": (
        lambda p: replace_in(p / "glossary.yml", "en: Representing weights", "en: Edited. Representing weights"),
        "Edited. Representing weights",
        PAGE,
    ),
    "figures": (
        lambda p: replace_in(
            p / "figures/nf4-levels.py",
            "Uniform 4-bit: 16 evenly spaced levels",
            "Uniform 4-bit: 16 evenly spaced steps",
        ),
        "16 evenly spaced steps",
        PAGE,
    ),
    "overrides": (
        lambda p: replace_in(p / "overrides/assets/stylesheets/site.css", ":root {", "/* edited */\n:root {"),
        "/* edited */",
        "assets/stylesheets/site.css",
    ),
}


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the local test server)
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in fetch(url):
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@pytest.fixture
def served(project: Path) -> Iterator[tuple[Path, str]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", BUILDER, "serve", "-f", "mkdocs.yml", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(base + PAGE, "QLoRA", seconds=120), "make serve did not start"
        yield project, base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_every_source_is_watched_and_the_served_page_follows_it(served: tuple[Path, str]) -> None:
    project, base = served
    sources = [source.relative_to(project).as_posix() for source in Project(project).sources()]
    assert sorted(sources) == sorted(EDITS), "each source of Project.sources() needs an edit in this test"
    for source in sources:
        edit, expected, path = EDITS[source]
        assert expected not in fetch(base + path)
        edit(project)
        assert wait_for(base + path, expected), f"an edit to {source} did not reach the served {path}"
