"""MkDocs hook: diagrams and formulas rendered ahead of time, so readers download no runtime for them.

`make prerender` draws every Mermaid diagram (as Material would, with its theme) and typesets every
formula (KaTeX, MathML output) in Chromium and caches the results in .cache/prerender/, keyed by the
source and the tool versions. This hook puts the cached SVG (in a declarative shadow root, exactly
like Material's own rendering) and MathML into the pages. Anything not in the cache stays as it is
and is drawn in the browser by the vendored runtimes, which main.html then loads — so a page always
works, prerendered or not; it only costs the reader less when it is.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
from importlib.metadata import version
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitedata import ROOT

CACHE = ROOT / ".cache" / "prerender"
MERMAID_BLOCK = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.DOTALL)
INLINE_MATH = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.DOTALL)
DISPLAY_MATH = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.DOTALL)


@functools.cache
def tool_versions() -> str:
    vendored = json.loads((ROOT / "vendor.json").read_text(encoding="utf-8"))["packages"]
    mermaid, katex = vendored["mermaid"]["version"], vendored["katex"]["version"]
    return f"mermaid {mermaid}; katex {katex}; material {version('mkdocs-material')}"


def cache_key(kind: str, source: str) -> str:
    digest = hashlib.sha256(f"{kind}\n{tool_versions()}\n{source}".encode()).hexdigest()
    return f"{kind}-{digest[:32]}"


def cached(kind: str, source: str) -> str | None:
    path = CACHE / f"{cache_key(kind, source)}.html"
    return path.read_text(encoding="utf-8") if path.exists() else None


def pending_sources(content: str) -> list[tuple[str, str]]:
    """(kind, source) of every diagram and formula in rendered page content that is not cached yet."""
    found = [("mermaid", html.unescape(m.group(1))) for m in MERMAID_BLOCK.finditer(content)]
    found += [("math-inline", html.unescape(m.group(1))) for m in INLINE_MATH.finditer(content)]
    found += [("math-display", html.unescape(m.group(1))) for m in DISPLAY_MATH.finditer(content)]
    return [(kind, source) for kind, source in found if cached(kind, source) is None]


def _diagram(match: re.Match[str]) -> str:
    svg = cached("mermaid", html.unescape(match.group(1)))
    if svg is None:
        return match.group(0)
    return f'<div class="mermaid"><template shadowrootmode="open">{svg}</template></div>'


def _inline(match: re.Match[str]) -> str:
    mathml = cached("math-inline", html.unescape(match.group(1)))
    return match.group(0) if mathml is None else f'<span class="arithmatex">{mathml}</span>'


def _display(match: re.Match[str]) -> str:
    mathml = cached("math-display", html.unescape(match.group(1)))
    # A wide formula scrolls sideways; tabindex lets keyboard users reach and scroll it.
    return match.group(0) if mathml is None else f'<div class="arithmatex" tabindex="0">{mathml}</div>'


@event_priority(-80)  # after the other hooks have finished the page's HTML
def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = MERMAID_BLOCK.sub(_diagram, content)
    content = DISPLAY_MATH.sub(_display, content)
    content = INLINE_MATH.sub(_inline, content)
    # main.html loads a runtime only for what is left to draw in the browser.
    page.meta["needs_mermaid"] = '<pre class="mermaid">' in content
    page.meta["needs_katex"] = bool(INLINE_MATH.search(content) or DISPLAY_MATH.search(content))
    return content


def cache_dir() -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    return CACHE
