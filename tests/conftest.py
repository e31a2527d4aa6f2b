"""Shared fixtures for the three layers of tests.

- tests/unit/     the guide's logic without any build (milliseconds per test);
- tests/site/     the built site, built once per run: `hosted` is `mkdocs build --strict` with
                  SITE_URL pointing at a local server that mimics GitHub Pages (the site lives under
                  /ai-papers-2023/, a missing path answers 404 with the site's 404.html), `offline`
                  the same configuration with OFFLINE=true, opened from file://;
- tests/browser/  the same builds in the system Chromium driven by Playwright (never a downloaded browser).

GUIDE_BUILDER=properdocs builds every site of the run with ProperDocs instead of MkDocs (make test
runs the site tests once more that way).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from aipapers.browser import CHROMIUM_ARGS, chromium_path
from aipapers.data import load_guide

ROOT = Path(__file__).resolve().parents[1]
SUBPATH = "ai-papers-2023"
BUILDER = os.environ.get("GUIDE_BUILDER", "mkdocs")  # or properdocs: the same mkdocs.yml, a maintained fork


@dataclass
class Build:
    root: Path  # folder holding index.html, 404.html, en/ …
    log: str
    seconds: float
    url: str  # how a browser reaches root (http://… or file://…)

    def html(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / relative).read_text(encoding="utf-8"), "html.parser")


def run_mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder, as the Makefile runs it (or ProperDocs', see BUILDER)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", BUILDER, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site_dir)],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing path gets the site's 404.html with status 404, like GitHub Pages."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / SUBPATH / "404.html"
        if code != 404 or not not_found.exists():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def hosted(tmp_path_factory: pytest.TempPathFactory, port: int) -> Build:
    serve_root = tmp_path_factory.mktemp("hosted")
    site_url = f"http://127.0.0.1:{port}/{SUBPATH}/"
    started = time.perf_counter()
    result = run_mkdocs_build(ROOT, serve_root / SUBPATH, SITE_URL=site_url)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return Build(serve_root / SUBPATH, result.stderr + result.stdout, seconds, site_url)


@pytest.fixture(scope="session")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site_dir = tmp_path_factory.mktemp("offline") / "site"
    started = time.perf_counter()
    result = run_mkdocs_build(ROOT, site_dir, OFFLINE="true")
    seconds = time.perf_counter() - started
    assert result.returncode == 0, f"strict offline build failed:\n{result.stdout}\n{result.stderr}"
    return Build(site_dir, result.stderr + result.stdout, seconds, site_dir.as_uri() + "/")


@pytest.fixture(params=["hosted", "offline"])
def site(request: pytest.FixtureRequest) -> Build:
    """Each browser test runs twice: hosted over HTTP like GitHub Pages, and offline from file://."""
    if request.param == "hosted":
        request.getfixturevalue("server")
        return request.getfixturevalue("hosted")
    return request.getfixturevalue("offline")


@pytest.fixture(scope="session")
def server(hosted: Build, port: int) -> Iterator[str]:
    handler = functools.partial(PagesLikeHandler, directory=str(hosted.root.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield hosted.url
    httpd.shutdown()


RULE_INPUTS = ["mkdocs.yml", "papers.yml", "references.bib", "glossary.yml", "docs", "figures"]
THEME_AND_TOOLS = ["Makefile", "vendor.json", "pyproject.toml", "overrides", "scripts"]


def copy_project(target: Path, *, theme: bool = True, prerendered: bool = False) -> Path:
    """A throw-away copy of the project: what the rules read, and (`theme`) what a build and `make` need.

    `prerendered` brings .cache/prerender/ along, so that pages come out with their drawings.
    """
    for name in RULE_INPUTS + (THEME_AND_TOOLS if theme else []):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    if prerendered and (ROOT / ".cache" / "prerender").exists():
        shutil.copytree(ROOT / ".cache" / "prerender", target / ".cache" / "prerender")
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throw-away copy of the project that a test may break (vendored assets included)."""
    return copy_project(tmp_path)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A throw-away copy of what the rules read (no theme, no tools): for the fast unit tests."""
    return copy_project(tmp_path, theme=False)


def build_in_process(project: Path) -> object:
    """`mkdocs build --strict` of a project in this process, as the command line runs it; its config."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-out"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config


def run_make(target: str, cwd: Path = ROOT, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    """`make <target>` as a contributor runs it, with this test run's virtual environment."""
    venv = Path(sys.executable).parent.parent
    return subprocess.run(
        ["make", "--no-print-directory", target, f"VENV={venv}", f"BUILDER={BUILDER}"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace text that must be in the file exactly once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path.name} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append(project: Path, relative: str, text: str) -> None:
    path = project / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture(scope="session")
def guide():
    return load_guide(ROOT / "papers.yml")


# --- browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        if executable is None:
            if os.environ.get("CI") or not os.environ.get("ALLOW_PLAYWRIGHT_BROWSER"):
                pytest.fail(
                    "No Chromium found: install the Debian package `chromium` (apt-get install chromium) "
                    "or set CHROME_PATH. On a machine with internet you may instead run "
                    "`.venv/bin/playwright install chromium` and set ALLOW_PLAYWRIGHT_BROWSER=1."
                )
            launched = playwright.chromium.launch(headless=True, args=CHROMIUM_ARGS)
        else:
            launched = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Watched:
    """A browser page with what it logged and requested."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self, allowed_prefix: str) -> list[str]:
        return [url for url in self.requests if not url.startswith(allowed_prefix) and not url.startswith("data:")]


@pytest.fixture
def watched(browser: object) -> Iterator[Watched]:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    record = Watched(page)
    page.on("console", lambda message: message.type == "error" and record.console_errors.append(message.text))
    page.on("pageerror", lambda error: record.console_errors.append(f"uncaught: {error}"))
    page.on("request", lambda request: record.requests.append(request.url))
    yield record
    context.close()


# Blocks below the fold are laid out lazily (site.css: content-visibility: auto). Measurements of
# their size must see them as a reader does once scrolled to, so tests draw them all first.
DRAW_ALL = """() => { const style = document.createElement('style')
  style.textContent = '.md-typeset * { content-visibility: visible !important }'
  document.head.append(style) }"""


def host_prefix(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme != "file" else "file://"
