"""Every paper has an original figure that a reader can read, in both languages.

These tests draw each figures/<id>.py directly (no build). tests/site/test_built_figures.py reads the
built pages; tests/browser/ opens them in Chromium (dark mode here, sizes in test_reading.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT

from aipapers.figures import LANGUAGES, MIN_FONT, figure_ids, load, render
from aipapers.pages import read_page

FIGURES = ROOT / "figures"

SVG = "{http://www.w3.org/2000/svg}"
HAN = re.compile(r"[\u3400-\u9fff]")


def paper_pages(guide) -> list[str]:
    return [paper.src_path for paper in guide.papers]


# --- the sources -----------------------------------------------------------------------------


@pytest.mark.parametrize("figure_id", figure_ids(FIGURES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_draws_as_valid_svg_with_text_kept_as_text(figure_id: str, language: str) -> None:
    svg = ET.fromstring(render(figure_id, language, FIGURES))
    texts = list(svg.iter(f"{SVG}text"))
    assert texts, "a figure carries its labels as text, not as paths"
    assert all(float(t.get("font-size")) >= MIN_FONT for t in texts)
    assert all("".join(t.itertext()).strip() for t in texts), "no empty labels"
    assert not [e for e in svg.iter() if e.get("fill", "none") not in ("none",) and e.tag != f"{SVG}svg"], (
        "colors come from the theme's classes, never hard-coded fills"
    )


@pytest.mark.parametrize("figure_id", figure_ids(FIGURES))
def test_labels_exist_in_both_languages_and_the_chinese_ones_are_chinese(figure_id: str) -> None:
    labels = load(figure_id, FIGURES).labels
    assert labels["zh"].keys() == labels["en"].keys()
    assert any(HAN.search(text) for text in labels["zh"].values())
    assert not any(HAN.search(text) for text in labels["en"].values())
    assert render(figure_id, "zh", FIGURES) != render(figure_id, "en", FIGURES)


def test_every_paper_shows_a_figure_in_both_languages_and_the_same_ones(guide) -> None:
    used = set()
    for src_path in paper_pages(guide):
        zh = [f.id for f in read_page(ROOT / "docs" / "zh" / src_path).figures()]
        en = [f.id for f in read_page(ROOT / "docs" / "en" / src_path).figures()]
        assert zh, f"{src_path} has no figure"
        assert zh == en, f"{src_path}: zh shows {zh}, en shows {en}"
        used.update(zh)
    assert used == set(figure_ids(FIGURES)), "every figure source is shown somewhere"


def test_figure_blocks_have_alt_text_and_a_caption_in_each_language(guide) -> None:
    for src_path in paper_pages(guide):
        for language in LANGUAGES:
            for figure in read_page(ROOT / "docs" / language / src_path).figures():
                assert len(figure.alt) > 20 and figure.caption, f"{language}/{src_path}: {figure.id}"
                assert bool(HAN.search(figure.alt)) == (language == "zh")
