"""A tested way off MkDocs: the same sources built by Zensical, one site per language.

`python -m aipapers.zensical_adapter` runs the rules, writes one config per language and builds zh at
the root and en under /en/ (CONTRIBUTING.md, "Moving off MkDocs"). Every paper page must come out as a
reader needs it: citations rendered with a reference list, the at-a-glance card, glossary tooltips,
its figure, and no raw `[@key]` left anywhere.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical"), prerendered=True)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "aipapers.zensical_adapter", "--root", str(project)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    print(f"zensical: both languages built in {time.perf_counter() - started:.1f} s")
    return project / "build" / "zensical" / "site"


def test_each_language_is_its_own_site_zh_at_the_root_en_under_en(zensical_site: Path, guide) -> None:
    for prefix, language in (("", "zh"), ("en/", "en")):
        for path in ["index.html", *(f"papers/{paper.slug}/index.html" for paper in guide.papers)]:
            page = zensical_site / prefix / path
            assert page.exists(), f"{prefix}{path}"
            assert BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").html["lang"] == language
    assert not (zensical_site / "zh").exists()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_paper_pages_have_citations_card_tooltips_and_figures(zensical_site: Path, guide, prefix: str) -> None:
    for paper in guide.papers:
        soup = BeautifulSoup(
            (zensical_site / prefix / "papers" / paper.slug / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        content = soup.select_one("article")
        where = f"{prefix}papers/{paper.slug}"
        assert "[@" not in content.get_text(), f"{where}: a citation was left as raw text"
        assert content.select("sup a.footnote-ref"), f"{where}: no rendered citation"
        assert content.select_one("h2#references") is not None, f"{where}: no reference list heading"
        assert content.select(f"li[id='fn:{paper.key}']"), f"{where}: the paper itself is not in the reference list"
        card = content.select_one(f"aside.paper-card[data-paper='{paper.id}']")
        assert card is not None, f"{where}: no at-a-glance card"
        assert content.select("abbr.glossary-term[title]"), f"{where}: no glossary tooltip"
        assert content.select("figure.guide-figure svg text"), f"{where}: no figure"
        assert content.select_one("h2#cite") is not None, f"{where}: no cite block"
