"""Diagrams and formulas rendered ahead of time, so readers download no runtime for them.

`make prerender` draws every Mermaid diagram (as Material would, with its theme) and typesets every
formula (KaTeX, MathML output) in Chromium and caches the results in .cache/prerender/, keyed by the
source and the tool versions. `Prerendered.apply` puts the cached SVG (in a declarative shadow root, exactly
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
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from .project import Project

MERMAID_BLOCK = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.DOTALL)
INLINE_MATH = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.DOTALL)
DISPLAY_MATH = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.DOTALL)


@functools.cache
def tool_versions(vendor_manifest: Path) -> str:
    vendored = json.loads(vendor_manifest.read_text(encoding="utf-8"))["packages"]
    mermaid, katex = vendored["mermaid"]["version"], vendored["katex"]["version"]
    return f"mermaid {mermaid}; katex {katex}; material {version('mkdocs-material')}"


# Drawings already read, by cache folder, kind and source (a cache file never changes: its name is its key).
_DRAWN: dict[tuple[Path, str, str], str] = {}


@dataclass(frozen=True)
class Prerendered:
    """The cache of one project (.cache/prerender/), keyed by kind, source and tool versions."""

    project: Project

    @property
    def folder(self) -> Path:
        return self.project.cache_dir / "prerender"

    def key(self, kind: str, source: str) -> str:
        versions = tool_versions(self.project.root / "vendor.json")
        digest = hashlib.sha256(f"{kind}\n{versions}\n{source}".encode()).hexdigest()
        return f"{kind}-{digest[:32]}"

    def path(self, kind: str, source: str) -> Path:
        return self.folder / f"{self.key(kind, source)}.html"

    def cached(self, kind: str, source: str) -> str | None:
        seen = (self.folder, kind, source)
        hit = _DRAWN.get(seen)
        if hit is None:
            path = self.path(kind, source)
            if path.exists():
                # Kept for the process: the same formulas appear in both languages and on the print page.
                hit = _DRAWN[seen] = path.read_text(encoding="utf-8")
        return hit

    def pending(self, content: str) -> list[tuple[str, str]]:
        """(kind, source) of every diagram and formula in rendered page content that is not cached yet."""
        found = [("mermaid", html.unescape(m.group(1))) for m in MERMAID_BLOCK.finditer(content)]
        found += [("math-inline", html.unescape(m.group(1))) for m in INLINE_MATH.finditer(content)]
        found += [("math-display", html.unescape(m.group(1))) for m in DISPLAY_MATH.finditer(content)]
        return [(kind, source) for kind, source in found if self.cached(kind, source) is None]

    def apply(self, content: str) -> tuple[str, bool, bool]:
        """The page's HTML with cached diagrams and formulas put in; and whether Mermaid / KaTeX must still run."""

        def diagram(match: re.Match[str]) -> str:
            svg = self.cached("mermaid", html.unescape(match.group(1)))
            if svg is None:
                return match.group(0)
            # tabindex: a diagram wider than its column scrolls, and keyboard users must be able to scroll it.
            return f'<div class="mermaid" tabindex="0"><template shadowrootmode="open">{readable(svg)}</template></div>'

        def inline(match: re.Match[str]) -> str:
            mathml = self.cached("math-inline", html.unescape(match.group(1)))
            if mathml is None:
                return match.group(0)
            return lean_mathml(mathml).replace("<math ", '<math class="arithmatex" ', 1)  # no wrapper element

        def display(match: re.Match[str]) -> str:
            mathml = self.cached("math-display", html.unescape(match.group(1)))
            # A wide formula scrolls sideways; tabindex lets keyboard users reach and scroll it.
            return (
                match.group(0)
                if mathml is None
                else f'<div class="arithmatex" tabindex="0">{lean_mathml(mathml)}</div>'
            )

        content = MERMAID_BLOCK.sub(diagram, content)
        content = DISPLAY_MATH.sub(display, content)
        content = INLINE_MATH.sub(inline, content)
        # The page template loads a runtime only for what is left to draw in the browser.
        needs_mermaid = '<pre class="mermaid">' in content
        needs_katex = bool(INLINE_MATH.search(content) or DISPLAY_MATH.search(content))
        return content, needs_mermaid, needs_katex


SVG_STYLE = re.compile(r'(<svg\b[^>]*?\bstyle=")max-width:\s*([\d.]+)px;?')
FONT_SIZE = re.compile(r"font-size:\s*([\d.]+)px")
MIN_LABEL_PX = 12  # the smallest label a reader gets, at any window width


def readable(svg: str) -> str:
    """A diagram at its natural width at most, and never so narrow that a label drops below 12 px.

    Mermaid scales its SVG down to the column, so a wide chart ended with 3-5 px labels; here it may
    only shrink to 12/font-size of its natural width, and a narrower column scrolls (site.css shows
    a shadow at the edge that has more).
    """
    font = FONT_SIZE.search(svg)
    size = float(font.group(1)) if font else 16.0
    return SVG_STYLE.sub(
        lambda m: f"{m.group(1)}max-width: {m.group(2)}px; min-width: {float(m.group(2)) * MIN_LABEL_PX / size:.0f}px;",
        svg,
        count=1,
    )


MATHML = "http://www.w3.org/1998/Math/MathML"
ET.register_namespace("", MATHML)
_M = f"{{{MATHML}}}"


@functools.lru_cache(maxsize=4096)
def lean_mathml(markup: str) -> str:
    """KaTeX's MathML, valid and with fewer elements, the same to look at and to hear.

    Drops the KaTeX wrapper span and the TeX annotation, turns an <mo> that holds elements (KaTeX
    writes \\bmod as <mo><mrow><mi>m</mi>…</mrow></mo>, which is not valid MathML) into plain text,
    writes upright multi-letter names as one <mi> (mi/mi/mi "ref" → <mi>ref</mi>, upright by default)
    and unwraps <mrow> elements that hold a single child.
    """
    start, end = markup.find("<math"), markup.rfind("</math>")
    if start < 0 or end < 0:
        return markup
    root = ET.fromstring(markup[start : end + len("</math>")])  # noqa: S314 (our own KaTeX output)
    semantics = root.find(f"{_M}semantics")
    if semantics is not None:
        root.remove(semantics)
        root.extend(child for child in semantics if child.tag != f"{_M}annotation")
    _lean(root)
    return ET.tostring(root, encoding="unicode", short_empty_elements=False)


def _lean(element: ET.Element) -> None:
    for child in element:
        _lean(child)
        if child.tag == f"{_M}mo" and len(child):
            text = "".join(child.itertext())
            for grandchild in list(child):
                child.remove(grandchild)
            child.text = text
    children = list(element)
    index = 0
    while index < len(children):
        first = children[index]
        if _upright_letter(first):
            run = [first]
            while index + len(run) < len(children) and _upright_letter(children[index + len(run)]):
                if (run[-1].tail or "").strip():
                    break
                run.append(children[index + len(run)])
            if len(run) > 1:
                first.text = "".join(item.text or "" for item in run)
                del first.attrib["mathvariant"]
                first.tail = run[-1].tail
                for item in run[1:]:
                    element.remove(item)
                children = list(element)
        index += 1
    for position, child in enumerate(list(element)):
        if child.tag == f"{_M}mrow" and len(child) == 1 and not child.attrib and not (child.text or "").strip():
            inner = child[0]
            inner.tail = child.tail
            element.remove(child)
            element.insert(position, inner)
    if element.tag == f"{_M}math" and len(element) == 1 and element[0].tag == f"{_M}mrow" and not element[0].attrib:
        row = element[0]
        element.remove(row)
        element.extend(row)


def _upright_letter(element: ET.Element) -> bool:
    return (
        element.tag == f"{_M}mi"
        and element.get("mathvariant") == "normal"
        and len(element) == 0
        and len(element.attrib) == 1
        and len(element.text or "") == 1
    )
