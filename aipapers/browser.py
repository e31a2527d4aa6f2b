"""The one way this project starts Chromium (the system browser, headless, never a downloaded one) and prints a page.

Used by the contributor tools (prerender, pdf, bench, figure previews) and the browser tests.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Flags this machine's closed network needs (no background requests, no updates, no sync).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """CHROME_PATH, else Debian's /usr/bin/chromium, else a chromium or Chrome on the PATH."""
    candidates = [
        os.environ.get("CHROME_PATH"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("google-chrome"),
    ]
    return next((c for c in candidates if c and Path(c).exists()), None)


FOOTER = (
    '<div style="width:100%;font-size:8px;color:#666;text-align:center;font-family:sans-serif">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def print_edition(browser: object, url: str, out: Path) -> None:
    """One print edition as a PDF (the page must have finished drawing its diagrams)."""
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_function("() => !document.querySelector('pre.mermaid')", timeout=60_000)
    page.emulate_media(media="print")
    page.pdf(
        path=str(out),
        format="A4",
        print_background=True,
        margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=FOOTER,
        outline=True,  # the headings become the PDF's bookmarks
        tagged=True,  # and its structure, for screen readers
    )
    page.close()
