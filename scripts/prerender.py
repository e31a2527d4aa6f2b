"""Render every Mermaid diagram and formula of the site ahead of time, in Chromium, into a cache.

    python -m scripts.prerender        (make prerender; make test and the deploy job run it)

The site is built once as is; every page that still has something to draw is opened in Chromium,
where Material has initialised Mermaid with its theme and KaTeX is loaded. Each diagram is drawn
with the same configuration (its SVG keeps Material's CSS variables, so light and dark mode still
apply) and each formula is typeset as MathML, which browsers display without fonts or scripts.
The results go to .cache/prerender/ (see aipapers/prerender.py, which puts them in the pages).
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from aipapers.browser import CHROMIUM_ARGS, chromium_path
from aipapers.prerender import Prerendered
from aipapers.project import Project
from scripts import ROOT

CACHE = Prerendered(Project(ROOT))

RENDER = """async (items) => {
  const out = []
  for (const [kind, source, id] of items) {
    if (kind === "mermaid") {
      const { svg } = await mermaid.render(id, source)
      out.push(svg)
    } else {
      out.push(katex.renderToString(source, {
        displayMode: kind === "math-display", output: "mathml", throwOnError: false
      }))
    }
  }
  return out
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def chromium() -> str:
    path = chromium_path()
    if path is None:
        raise SystemExit("prerender needs Chromium: apt-get install chromium, or set CHROME_PATH")
    return path


def build(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1/"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"prerender: the build failed\n{result.stderr[-3000:]}")


def main() -> int:
    from playwright.sync_api import sync_playwright

    CACHE.folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        work: dict[str, list[tuple[str, str]]] = {}
        for page in sorted(site.rglob("index.html")):
            pending = CACHE.pending(page.read_text(encoding="utf-8"))
            if pending:
                work[page.relative_to(site).as_posix()] = pending
        if not work:
            print("prerender: every diagram and formula is already in .cache/prerender/")
            return 0
        handler = functools.partial(_Quiet, directory=str(site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_port}/"
        done = 0
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
                page = browser.new_page()
                for path, items in work.items():
                    page.goto(base + path)
                    if any(kind == "mermaid" for kind, _ in items):
                        # Material has initialised Mermaid (with its theme) once it drew the page's diagrams.
                        page.wait_for_function("() => !document.querySelector('pre.mermaid')", timeout=60_000)
                    if any(kind.startswith("math") for kind, _ in items):
                        page.wait_for_function("() => typeof katex !== 'undefined'", timeout=60_000)
                    keyed = [(kind, source, "d" + CACHE.key(kind, source)[-12:]) for kind, source in items]
                    rendered = page.evaluate(RENDER, keyed)
                    for (kind, source, _id), markup in zip(keyed, rendered, strict=True):
                        CACHE.path(kind, source).write_text(markup, encoding="utf-8")
                        done += 1
                browser.close()
        finally:
            httpd.shutdown()
    print(f"prerender: {done} diagrams and formulas rendered into .cache/prerender/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
