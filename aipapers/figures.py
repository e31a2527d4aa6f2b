"""Original figures, drawn from Python sources in figures/ as inline SVG, in the page's language.

A figure is `figures/<id>.py`: a `LABELS` table (`{"zh": {...}, "en": {...}}`, the same names in
both languages) and a `draw(canvas, labels)` function that draws on a `Canvas`. Pages show it with
a block whose caption is Markdown in the page's language:

    /// figure | nf4-levels
        alt: What the figure shows, for readers who cannot see it.
    The caption, citing the numbers' source [@dettmers2023qlora].
    ///

The SVG is made when the page is built (milliseconds, cached per source and language), inlined,
and colored by the theme's CSS variables (light and dark), so the reader's browser runs no figure
library and fetches nothing. Text stays text, at least `MIN_FONT` units high; the figure is shown
at its natural width at most, and never narrower than keeps its smallest label at 11 px (it
scrolls sideways in a narrow column instead, see site.css).

This module is framework-free (Python-Markdown and pymdownx only). The rules (`rules.py`) check the
blocks of every page with `block_problems`; the block itself only draws.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

from .project import per_file_version

LANGUAGES = ("zh", "en")
MIN_FONT = 14  # SVG units; shown at natural size on a desktop, so ≥ 12 px there
PHONE_MIN_PX = 11  # the smallest label size a narrow column may shrink a figure to
log = logging.getLogger("mkdocs.plugins.guide.figures")  # a warning fails `mkdocs build --strict`

# Theme classes a figure may use (site.css maps each to a CSS variable, in light and dark mode).
# `f-` fills, `s-` strokes; a1–a4 are four distinguishable accent colors, `*-soft` their tints.
CLASSES = {
    "f-ink",
    "f-muted",
    "f-bg",
    "f-grid",
    "f-a1",
    "f-a2",
    "f-a3",
    "f-a4",
    "f-a1-soft",
    "f-a2-soft",
    "f-a3-soft",
    "f-a4-soft",
    "s-ink",
    "s-muted",
    "s-grid",
    "s-a1",
    "s-a2",
    "s-a3",
    "s-a4",
    "dash",
    "bold",
}


class FigureError(Exception):
    """A figure source that cannot be drawn: the message says what to fix."""


def _n(value: float) -> str:
    """A coordinate, short: 12, 12.5, 12.25 (no trailing zeros)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _cls(classes: str) -> str:
    unknown = set(classes.split()) - CLASSES
    if unknown:
        raise FigureError(f"unknown class {', '.join(sorted(unknown))} — use one of {', '.join(sorted(CLASSES))}")
    return f' class="{classes}"' if classes else ""


@dataclass(frozen=True)
class Shape:
    """A shape kept as path data, so that neighbors painted alike become one element."""

    paint: tuple[str, str, float]  # ("fill" | "stroke", classes, stroke width)
    d: str


def _merged(parts: list[str | Shape]) -> list[str]:
    """SVG elements, with runs of alike shapes drawn as one path (fewer elements in the page)."""
    out: list[str] = []
    run: list[Shape] = []

    def flush() -> None:
        if run:
            kind, cls, width = run[0].paint
            d = "".join(shape.d for shape in run)
            stroke = f' fill="none" stroke-width="{_n(width)}"' if kind == "stroke" else ""
            out.append(f'<path d="{d}"{stroke}{_cls(cls)}/>')
            run.clear()

    for part in parts:
        if isinstance(part, Shape) and (not run or run[0].paint == part.paint):
            run.append(part)
            continue
        flush()
        if isinstance(part, Shape):
            run.append(part)
        else:
            out.append(part)
    flush()
    return out


@dataclass
class Canvas:
    """An SVG drawing surface in user units (1 unit = 1 CSS px at the figure's natural width)."""

    width: int
    height: int
    parts: list[str | Shape] = field(default_factory=list)
    smallest_font: float = float("inf")

    def rect(self, x: float, y: float, w: float, h: float, cls: str = "f-a1", rx: float = 0) -> None:
        if rx:
            self.parts.append(
                f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="{_n(rx)}"{_cls(cls)}/>'
            )
        else:
            self.parts.append(Shape(("fill", cls, 0), f"M{_n(x)} {_n(y)}h{_n(w)}v{_n(h)}h{_n(-w)}z"))

    def line(self, x1: float, y1: float, x2: float, y2: float, cls: str = "s-ink", width: float = 1.5) -> None:
        self.parts.append(Shape(("stroke", cls, width), f"M{_n(x1)} {_n(y1)}L{_n(x2)} {_n(y2)}"))

    def polyline(self, points: list[tuple[float, float]], cls: str = "s-a1", width: float = 2) -> None:
        coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        self.parts.append(f'<polyline points="{coords}" fill="none" stroke-width="{_n(width)}"{_cls(cls)}/>')

    def polygon(self, points: list[tuple[float, float]], cls: str = "f-a1-soft") -> None:
        self.parts.append(Shape(("fill", cls, 0), "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in points) + "z"))

    def circle(self, cx: float, cy: float, r: float, cls: str = "f-a1") -> None:
        self.parts.append(
            Shape(
                ("fill", cls, 0),
                f"M{_n(cx - r)} {_n(cy)}a{_n(r)} {_n(r)} 0 1 0 {_n(2 * r)} 0a{_n(r)} {_n(r)} 0 1 0 {_n(-2 * r)} 0",
            )
        )

    def path(self, d: str, cls: str = "s-ink", width: float = 1.5, fill: bool = False) -> None:
        paint = "" if fill else ' fill="none"'
        self.parts.append(f'<path d="{d}"{paint} stroke-width="{_n(width)}"{_cls(cls)}/>')

    def arrow(self, x1: float, y1: float, x2: float, y2: float, cls: str = "s-ink", width: float = 1.5) -> None:
        """A line from (x1, y1) to (x2, y2) with an arrowhead at the end."""
        angle = math.atan2(y2 - y1, x2 - x1)
        size = 7 + width
        self.line(x1, y1, x2 - math.cos(angle) * size * 0.6, y2 - math.sin(angle) * size * 0.6, cls, width)
        left = (x2 - size * math.cos(angle - 0.45), y2 - size * math.sin(angle - 0.45))
        right = (x2 - size * math.cos(angle + 0.45), y2 - size * math.sin(angle + 0.45))
        fill = cls.replace("s-", "f-").replace("dash", "").strip()
        self.polygon([(x2, y2), left, right], fill)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 16,
        cls: str = "f-ink",
        anchor: str = "start",
        line_height: float = 1.3,
    ) -> None:
        """Text (several lines if it contains \\n), baseline of the first line at y."""
        if size < MIN_FONT:
            raise FigureError(f"text “{text}” is {size} units high — use at least {MIN_FONT} so it stays readable")
        if anchor not in ("start", "middle", "end"):
            raise FigureError(f"anchor `{anchor}` — use start, middle or end")
        self.smallest_font = min(self.smallest_font, size)
        lines = text.split("\n")
        align = "" if anchor == "start" else f' text-anchor="{anchor}"'
        if len(lines) == 1:
            body = escape(text, quote=False)
        else:
            body = "".join(
                f'<tspan x="{_n(x)}" dy="{_n(0 if i == 0 else size * line_height)}">{escape(line, quote=False)}</tspan>'
                for i, line in enumerate(lines)
            )
        self.parts.append(f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}"{align}{_cls(cls)}>{body}</text>')

    def svg(self) -> str:
        if not self.parts:
            raise FigureError("draw() drew nothing — draw on the canvas it is given")
        smallest = self.smallest_font if self.smallest_font != float("inf") else MIN_FONT
        # Never narrower than keeps the smallest label at PHONE_MIN_PX; never wider than natural.
        min_width = min(self.width, round(self.width * PHONE_MIN_PX / smallest))
        style = f"max-width:{self.width}px;min-width:{min_width}px"
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'class="guide-figure__svg" style="{style}" aria-hidden="true" focusable="false">'
            + "".join(_merged(self.parts))
            + "</svg>"
        )


# --- figure sources --------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per version of the source file
class FigureSource:
    id: str
    path: Path
    labels: dict[str, dict[str, str]]
    module: ModuleType


def figure_ids(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.py") if not p.name.startswith("_"))


def load(figure_id: str, folder: Path) -> FigureSource:
    """Import figures/<id>.py (again only when the file changes); raises FigureError."""
    path = folder / f"{figure_id}.py"
    if not path.is_file():
        raise FigureError(f"there is no figure `{figure_id}` — add {path.relative_to(folder.parent)} or fix the id")
    return _import(path)


@per_file_version
def _import(path: Path) -> FigureSource:
    figure_id = path.stem
    spec = importlib.util.spec_from_file_location(f"guide_figure_{figure_id.replace('-', '_')}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # a contributor's source: say where it broke
        raise FigureError(
            f"figures/{figure_id}.py does not run ({type(error).__name__}: {error}) — fix the Python error"
        ) from error
    labels = getattr(module, "LABELS", None)
    if not isinstance(labels, dict) or set(labels) != set(LANGUAGES):
        raise FigureError(
            f"figures/{figure_id}.py has no LABELS for zh and en — add LABELS = {{'zh': {{…}}, 'en': {{…}}}}"
        )
    names = {language: set(labels[language]) for language in LANGUAGES}
    if names["zh"] != names["en"]:
        only = sorted(names["zh"] ^ names["en"])
        raise FigureError(
            f"figures/{figure_id}.py: LABELS differ between zh and en ({', '.join(only)}) — "
            "give every label a text in both languages"
        )
    if not callable(getattr(module, "draw", None)):
        raise FigureError(f"figures/{figure_id}.py has no draw() — add def draw(canvas, labels)")
    return FigureSource(figure_id, path, labels, module)


def render(figure_id: str, language: str, folder: Path) -> str:
    """The figure as an inline SVG element with its labels in `language`; raises FigureError."""
    return _draw(load(figure_id, folder), language)


@functools.lru_cache(maxsize=256)
def _draw(source: FigureSource, language: str) -> str:
    """Drawn once per version of the source and language (a new version is a new FigureSource)."""
    figure_id = source.id
    size = getattr(source.module, "SIZE", None)
    if not (isinstance(size, tuple) and len(size) == 2):
        raise FigureError(f"figures/{figure_id}.py has no SIZE — add SIZE = (width, height) in units")
    canvas = Canvas(*size)
    try:
        source.module.draw(canvas, source.labels[language])
    except FigureError as error:
        raise FigureError(f"figures/{figure_id}.py: {error}") from error
    except Exception as error:
        raise FigureError(
            f"figures/{figure_id}.py: draw() failed ({type(error).__name__}: {error}) — fix the drawing code"
        ) from error
    return canvas.svg()


def block_problems(figure_id: str, alt: str, caption: str, folder: Path) -> list[str]:
    """What is wrong with one figure block on a page (the same rule for `make check` and the build)."""
    problems = text_problems(figure_id, alt, caption)
    if not (folder / f"{figure_id}.py").is_file():
        problems.insert(0, f"there is no figure `{figure_id}` — add figures/{figure_id}.py or fix the id")
    return problems


def text_problems(figure_id: str, alt: str, caption: str) -> list[str]:
    """A block without alt text or without a caption."""
    problems = []
    if not alt.strip():
        problems.append(
            f"figure `{figure_id}` has no alt text — add `    alt: …` under `/// figure | {figure_id}`, "
            "saying what the figure shows"
        )
    if not caption.strip():
        problems.append(f"figure `{figure_id}` has no caption — write it between `/// figure | …` and `///`")
    return problems


# --- Python-Markdown -------------------------------------------------------------------------


class FigureBlock(Block):
    """`/// figure | <id>` with an `alt:` option; the block's Markdown becomes the caption."""

    NAME = "figure"
    ARGUMENT = True
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {"alt": ("", type_string)}

    def on_create(self, parent: ET.Element) -> ET.Element:
        figure_id = str(self.argument).strip()
        language = self.config.get("language", "zh")
        figure = ET.SubElement(parent, "figure", {"class": "guide-figure", "id": f"fig-{figure_id}"})
        frame = ET.SubElement(
            # tabindex: on a narrow screen the frame scrolls, and keyboard users must be able to scroll it.
            figure,
            "div",
            {"class": "guide-figure__frame", "role": "img", "aria-label": self.options["alt"], "tabindex": "0"},
        )
        try:
            frame.text = self.md.htmlStash.store(render(figure_id, language, Path(self.config["figures_dir"])))
        except FigureError as error:  # the rules stop a build before this; other generators log it
            log.warning(str(error))
        return figure

    def on_add(self, block: ET.Element) -> ET.Element:
        caption = block.find("figcaption")
        if caption is None:
            caption = ET.SubElement(block, "figcaption")
        return caption


class FigureExtension(BlocksExtension):
    """Registers `/// figure`. `language` picks the labels, `figures_dir` holds the figure sources."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "language": ["zh", "Language of the labels: zh or en"],
            "figures_dir": ["figures", "Folder of the figure sources (figures/<id>.py)"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        block_mgr.register(FigureBlock, self.getConfigs())


def makeExtension(**kwargs: Any) -> FigureExtension:
    return FigureExtension(**kwargs)
