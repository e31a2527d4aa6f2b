"""Every figure follows the reader's color scheme: light labels in dark mode, hosted and offline."""

from __future__ import annotations

import re

import pytest
from conftest import Build, Watched
from reader import open_page

# --- in the browser --------------------------------------------------------------------------

# The size rule (labels ≥ 12 px at 1,280 px, ≥ 11 px at 390 px, hosted and offline) is measured
# with the diagrams and formulas of each page in tests/browser/test_reading.py, one page load for all three.


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
def test_every_figure_follows_dark_mode(site: Build, watched: Watched, guide) -> None:
    for prefix in ("", "en/"):
        for paper in guide.papers:
            open_page(watched, site, f"{prefix}papers/{paper.slug}/")
            for figure in watched.page.evaluate(DARK_AND_LIGHT):
                assert _brightness(figure["dark"]) > _brightness(figure["light"]) + 60, f"{paper.slug}: {figure}"
