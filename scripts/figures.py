"""Draw the figures of figures/ for a look before building the site.

    python -m scripts.figures [ID ...] [--png]      (make figures)

Writes build/figures/preview.html: every figure (or the ones named) in both languages, in light and
dark mode, at its natural width and at a phone's column width (358 px). With --png, Chromium also
saves build/figures/preview.png. A figure source that cannot be drawn is reported as
`figures/<id>.py: what is wrong` and the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aipapers.browser import CHROMIUM_ARGS, chromium_path
from aipapers.figures import LANGUAGES, FigureError, figure_ids, render
from scripts import ROOT

OUT = ROOT / "build" / "figures"

# The few Material variables the figure CSS uses, for a page without Material.
PAGE = """<!doctype html><meta charset="utf-8"><title>figures</title>
<link rel="stylesheet" href="../../overrides/assets/stylesheets/site.css">
<style>
body{{margin:0;font-family:system-ui,"Noto Sans CJK SC",sans-serif;display:grid;grid-template-columns:1fr 1fr}}
[data-md-color-scheme]{{padding:16px;background:var(--md-default-bg-color);color:var(--md-default-fg-color)}}
[data-md-color-scheme=default]{{--md-default-bg-color:#fff;--md-default-fg-color:rgba(0,0,0,.87);
--md-default-fg-color--light:rgba(0,0,0,.54);--md-default-fg-color--lighter:rgba(0,0,0,.32);
--md-default-fg-color--lightest:rgba(0,0,0,.07)}}
[data-md-color-scheme=slate]{{--md-default-bg-color:#1e2129;--md-default-fg-color:rgba(226,228,233,.82);
--md-default-fg-color--light:rgba(226,228,233,.56);--md-default-fg-color--lighter:rgba(226,228,233,.32);
--md-default-fg-color--lightest:rgba(226,228,233,.12)}}
h2{{font-size:14px;margin:16px 0 4px}} .phone{{width:358px;border:1px dashed #999}}
</style>
<div data-md-color-scheme="default">{light}</div><div data-md-color-scheme="slate">{dark}</div>
"""


def sheet(ids: list[str]) -> str:
    blocks = []
    for figure_id in ids:
        for language in LANGUAGES:
            svg = render(figure_id, language, ROOT / "figures")
            blocks.append(
                f'<h2>{figure_id} · {language}</h2><figure class="md-typeset guide-figure">'
                f'<div class="guide-figure__frame">{svg}</div></figure>'
                f'<div class="phone md-typeset"><figure class="guide-figure"><div class="guide-figure__frame">{svg}'
                "</div></figure></div>"
            )
    body = "".join(blocks)
    return PAGE.format(light=body, dark=body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="figure ids (default: all)")
    parser.add_argument("--png", action="store_true", help="also save a screenshot (Chromium)")
    args = parser.parse_args(argv)
    ids = args.ids or figure_ids(ROOT / "figures")
    try:
        html = sheet(ids)
    except FigureError as error:
        print(error, file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    page = OUT / "preview.html"
    page.write_text(html, encoding="utf-8")
    print(f"wrote {page.relative_to(ROOT)} ({len(ids)} figure(s) × {len(LANGUAGES)} languages)")
    if args.png:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1300, "height": 800})
            tab.goto(Path(page).as_uri())
            tab.screenshot(path=str(OUT / "preview.png"), full_page=True)
            browser.close()
        print(f"wrote {(OUT / 'preview.png').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
