"""Print each language's print edition to PDF with Chromium.

    python -m scripts.pdf [--site site/] [--out build/]     (make pdf, after make build)

Serves the built site locally, opens /print/ and /en/print/ in the system Chromium and writes
build/ai-papers-2023.zh.pdf and build/ai-papers-2023.en.pdf: A4, page numbers in the footer, the
table of contents as links and as the PDF outline, the fonts embedded (Noto CJK for Chinese), the
pre-rendered diagrams and formulas drawn as they are on screen.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from aipapers.browser import CHROMIUM_ARGS, chromium_path, print_edition
from scripts import ROOT

EDITIONS = {"zh": "print/", "en": "en/print/"}


def pdf_name(language: str) -> str:
    return f"ai-papers-2023.{language}.pdf"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (make build)")
    parser.add_argument("--out", type=Path, default=ROOT / "build", help="folder for the PDFs")
    args = parser.parse_args(argv)
    if not (args.site / EDITIONS["zh"] / "index.html").exists():
        raise SystemExit(f"{args.site} holds no built site with a print edition — run `make build` first")
    executable = chromium_path()
    if executable is None:
        raise SystemExit("make pdf needs Chromium: apt-get install chromium, or set CHROME_PATH")
    args.out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(args.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for language, path in EDITIONS.items():
                out = args.out / pdf_name(language)
                print_edition(browser, f"http://127.0.0.1:{httpd.server_port}/{path}", out)
                print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
            browser.close()
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
