"""What a build costs: every data file is parsed once, Chinese is segmented only when it is new, and an
unchanged rebuild neither checks the rules nor formats references again.

(The time of a clean build against Material alone is measured side by side by `make bench`.)
"""

from __future__ import annotations

from pathlib import Path

import mkdocs_bibtex.registry
import pytest
from conftest import build_in_process

from aipapers import bibstyle
from aipapers.bib import parse as parse_bib
from aipapers.data import load_glossary, load_guide
from aipapers.mkdocs_adapter import plugin as plugin_module
from aipapers.mkdocs_adapter.plugin import GuidePlugin
from aipapers.pages import read_page

LOADERS = (load_guide, load_glossary, parse_bib, read_page)


def build_guide(project: Path) -> GuidePlugin:
    """Build in this process; the guide's plugin, with what it counted."""
    return build_in_process(project).plugins["aipapers"]


def test_every_source_is_parsed_once_per_build(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("mkdocs-bibtex parsed references.bib again")

    monkeypatch.setattr(mkdocs_bibtex.registry, "parse_file", refuse)
    for loader in LOADERS:
        loader.cache_clear()
    build_guide(project)  # both languages: i18n runs every event twice
    assert load_guide.cache_info().misses == 1
    assert load_glossary.cache_info().misses == 1
    assert parse_bib.cache_info().misses == 1
    pages = len(list((project / "docs").rglob("*.md")))
    assert read_page.cache_info().misses == pages, "each page read once (by the rules and the overview blocks)"


def test_chinese_is_segmented_for_search_only_when_its_text_is_new(project: Path) -> None:
    first = build_guide(project)
    assert first.segments.words, "the search index holds Chinese words"
    second = build_guide(project)
    assert second.segments.misses == 0, "an unchanged site needs no segmentation (and no jieba)"
    page = project / "docs/zh/papers/01-pythia.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一段中文文字，用来检验分词缓存。\n", encoding="utf-8")
    third = build_guide(project)
    assert 0 < third.segments.misses <= 3, "only the new paragraph is segmented"


def test_an_unchanged_rebuild_neither_checks_nor_formats_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules' pass and the formatted references are kept by content in .cache/ for the next build."""
    build_guide(project)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("done again for unchanged inputs")

    bibstyle._references.cache_clear()
    monkeypatch.setattr(bibstyle, "_format", refuse)
    monkeypatch.setattr(plugin_module, "check", refuse)
    build_guide(project)  # a new process would start exactly like this: nothing in memory
