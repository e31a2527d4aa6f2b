"""Figures in the built pages: inline SVG with its alt text, caption and citation, in each language."""

from __future__ import annotations

import re

from conftest import Build

HAN = re.compile(r"[\u3400-\u9fff]")


def test_built_page_inlines_the_figure_with_its_caption_and_citation(hosted: Build) -> None:
    for language, prefix in (("zh", ""), ("en", "en/")):
        soup = hosted.html(f"{prefix}papers/03-qlora/index.html")
        figure = soup.select_one("figure#fig-nf4-levels")
        assert figure is not None
        frame = figure.select_one(".guide-figure__frame[role=img]")
        assert frame and frame["aria-label"] and bool(HAN.search(frame["aria-label"])) == (language == "zh")
        assert figure.select_one("svg text") is not None
        assert figure.select_one("figcaption a.footnote-ref") is not None, "the caption cites its numbers"
