"""Every paper has an original figure that a reader can read, in both languages, online and offline.

Unit tests draw each figures/<id>.py directly (no build); tests/test_reading.py opens the built pages
in Chromium at a desktop and a phone width and measures the labels as displayed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT, Build, Watched
from mdsource import read_page
from svgfigures import LANGUAGES, MIN_FONT, figure_ids, load, render
from test_browser import open_page, site  # noqa: F401  (the hosted/offline fixture)

SVG = "{http://www.w3.org/2000/svg}"
HAN = re.compile(r"[\u3400-\u9fff]")


def paper_pages(guide) -> list[str]:
    return [paper.src_path for paper in guide.papers]


# --- the sources -----------------------------------------------------------------------------


@pytest.mark.parametrize("figure_id", figure_ids())
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_draws_as_valid_svg_with_text_kept_as_text(figure_id: str, language: str) -> None:
    svg = ET.fromstring(render(figure_id, language))
    texts = list(svg.iter(f"{SVG}text"))
    assert texts, "a figure carries its labels as text, not as paths"
    assert all(float(t.get("font-size")) >= MIN_FONT for t in texts)
    assert all("".join(t.itertext()).strip() for t in texts), "no empty labels"
    assert not [e for e in svg.iter() if e.get("fill", "none") not in ("none",) and e.tag != f"{SVG}svg"], (
        "colors come from the theme's classes, never hard-coded fills"
    )


@pytest.mark.parametrize("figure_id", figure_ids())
def test_labels_exist_in_both_languages_and_the_chinese_ones_are_chinese(figure_id: str) -> None:
    labels = load(figure_id).labels
    assert labels["zh"].keys() == labels["en"].keys()
    assert any(HAN.search(text) for text in labels["zh"].values())
    assert not any(HAN.search(text) for text in labels["en"].values())
    assert render(figure_id, "zh") != render(figure_id, "en")


def test_every_paper_shows_a_figure_in_both_languages_and_the_same_ones(guide) -> None:
    used = set()
    for src_path in paper_pages(guide):
        zh = [f.id for f in read_page(ROOT / "docs" / "zh" / src_path).figures()]
        en = [f.id for f in read_page(ROOT / "docs" / "en" / src_path).figures()]
        assert zh, f"{src_path} has no figure"
        assert zh == en, f"{src_path}: zh shows {zh}, en shows {en}"
        used.update(zh)
    assert used == set(figure_ids()), "every figure source is shown somewhere"


def test_figure_blocks_have_alt_text_and_a_caption_in_each_language(guide) -> None:
    for src_path in paper_pages(guide):
        for language in LANGUAGES:
            for figure in read_page(ROOT / "docs" / language / src_path).figures():
                assert len(figure.alt) > 20 and figure.caption, f"{language}/{src_path}: {figure.id}"
                assert bool(HAN.search(figure.alt)) == (language == "zh")


def test_built_page_inlines_the_figure_with_its_caption_and_citation(hosted: Build) -> None:
    for language, prefix in (("zh", ""), ("en", "en/")):
        soup = hosted.html(f"{prefix}papers/03-qlora/index.html")
        figure = soup.select_one("figure#fig-nf4-levels")
        assert figure is not None
        frame = figure.select_one(".guide-figure__frame[role=img]")
        assert frame and frame["aria-label"] and bool(HAN.search(frame["aria-label"])) == (language == "zh")
        assert figure.select_one("svg text") is not None
        assert figure.select_one("figcaption a.footnote-ref") is not None, "the caption cites its numbers"


# --- in the browser --------------------------------------------------------------------------

# The size rule (labels ≥ 12 px at 1,280 px, ≥ 11 px at 390 px, hosted and offline) is measured
# with the diagrams and formulas of each page in tests/test_reading.py, one page load for all three.


DARK_AND_LIGHT = """() => [...document.querySelectorAll('.guide-figure svg')].map(svg => {
  const label = svg.querySelector('text.f-ink, text')
  const light = getComputedStyle(label).fill
  document.body.setAttribute('data-md-color-scheme', 'slate')
  const dark = getComputedStyle(label).fill
  document.body.setAttribute('data-md-color-scheme', 'default')
  return {id: svg.closest('figure').id, light, dark}
})"""


def _brightness(color: str) -> float:
    red, green, blue = (float(v) for v in re.findall(r"[\d.]+", color)[:3])
    return (red + green + blue) / 3


@pytest.mark.browser
def test_every_figure_follows_dark_mode(site: Build, watched: Watched, guide) -> None:  # noqa: F811
    for prefix in ("", "en/"):
        for paper in guide.papers:
            open_page(watched, site, f"{prefix}papers/{paper.slug}/")
            for figure in watched.page.evaluate(DARK_AND_LIGHT):
                assert _brightness(figure["dark"]) > _brightness(figure["light"]) + 60, f"{paper.slug}: {figure}"
