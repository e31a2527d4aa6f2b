"""Read a Markdown page the way a contributor wrote it: front matter, headings, citations, links.

Everything here keeps line numbers, so the validator can say `docs/zh/papers/x.md:42: …`.
Code (fenced blocks and inline spans) is blanked out first, so nothing inside code is ever taken
for a citation, a link or raw HTML. This module holds the one grammar of code (`map_code`) and of
citations (`CITATION_BLOCK`) that the rules and the rendering share.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pymdownx.slugs import slugify

from .project import load_mapping, per_file_version

FENCE_OPEN = re.compile(r"^([ \t]*)(`{3,}|~{3,})\s*([\w+-]*)")
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([\w-]+)\s*\})?\s*$")
# A citation is `[@key]` or `[@key1; @key2]`; keys are letters, digits, `_` and `-`.
CITATION_BLOCK = re.compile(r"\[(@[\w-]+(?:\s*;\s*@[\w-]+)*)\]")
CITATION_KEY = re.compile(r"@([\w-]+)")
# Brackets holding an `@` that are not a citation (except e-mail addresses): `[see @key]`, `[@key, p. 3]`.
AT_IN_BRACKETS = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
EMAIL = re.compile(r"^[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$")
LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
RAW_DANGER = [
    (re.compile(r"<\s*script\b", re.IGNORECASE), "raw <script> element"),
    (re.compile(r"<\s*iframe\b", re.IGNORECASE), "raw <iframe> element"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE), "inline event handler (on…=)"),
    (re.compile(r"javascript:", re.IGNORECASE), "javascript: link"),
]
_slugify = slugify(case="lower")


@dataclass
class Heading:
    level: int
    text: str
    anchor: str
    line: int


@dataclass
class Citation:
    key: str
    line: int


@dataclass
class Link:
    target: str
    text: str
    line: int
    image: bool


@dataclass
class Fence:
    language: str
    line: int
    body: str


@dataclass
class FigureRef:
    """A `/// figure | id` block: its options and its caption (Markdown)."""

    id: str
    line: int
    alt: str
    caption: str
    options_error: str | None = None  # the options are YAML, as pymdownx.blocks reads them


FIGURE_OPEN = re.compile(r"^/// figure \|\s*(\S*)\s*$")
FIGURE_OPTION = re.compile(r"^ {4}(\w+):\s*(.*)$")


@dataclass
class Page:
    path: Path
    text: str
    meta: dict[str, Any]
    meta_error: str | None
    body_start: int  # line number where the Markdown after the front matter starts
    lines: list[str]  # source lines with code blanked out (same numbering as the file)
    fences: list[Fence] = field(default_factory=list)

    def headings(self) -> list[Heading]:
        found: list[Heading] = []
        seen: dict[str, int] = {}
        for number, line in enumerate(self.lines, start=1):
            match = HEADING.match(line)
            if not match or number < self.body_start:
                continue
            text = match.group(2)
            anchor = match.group(3) or _slugify(_plain(text), "-")
            if anchor in seen and not match.group(3):
                seen[anchor] += 1
                anchor = f"{anchor}_{seen[anchor]}"
            else:
                seen.setdefault(anchor, 0)
            found.append(Heading(len(match.group(1)), text, anchor, number))
        return found

    def citations(self) -> list[Citation]:
        found = []
        for number, line in enumerate(self.lines, start=1):
            for block in CITATION_BLOCK.finditer(line):
                found.extend(Citation(key, number) for key in CITATION_KEY.findall(block.group(1)))
        return found

    def malformed_citations(self) -> list[tuple[int, str]]:
        """(line, text) of brackets that hold an `@` but are neither a citation nor an e-mail address."""
        found = []
        for number, line in enumerate(self.lines, start=1):
            for block in AT_IN_BRACKETS.finditer(line):
                inner = block.group(1)
                if not CITATION_BLOCK.fullmatch(block.group(0)) and not EMAIL.match(inner.strip()):
                    found.append((number, block.group(0)))
        return found

    def figures(self) -> list[FigureRef]:
        """The page's figure blocks, read as pymdownx.blocks reads them (options indented under the header)."""
        found = []
        lines = self.lines
        index = 0
        while index < len(lines):
            match = FIGURE_OPEN.match(lines[index])
            index += 1
            if not match:
                continue
            start, option_lines, caption = index, [], []
            while index < len(lines) and FIGURE_OPTION.match(lines[index]):
                option_lines.append(lines[index][4:])
                index += 1
            while index < len(lines) and lines[index].strip() != "///":
                caption.append(lines[index])
                index += 1
            index += 1
            options, error = load_mapping("\n".join(option_lines), "its options")
            alt = options.get("alt", "")
            found.append(
                FigureRef(match.group(1), start, alt if isinstance(alt, str) else "", "\n".join(caption).strip(), error)
            )
        return found

    def links(self) -> list[Link]:
        found = []
        for number, line in enumerate(self.lines, start=1):
            for match in LINK.finditer(line):
                found.append(Link(match.group(3), match.group(2), number, bool(match.group(1))))
        return found

    def section(self, anchor: str) -> list[tuple[int, str]]:
        """(line number, source line) of the section under the heading with this anchor."""
        headings = self.headings()
        for index, heading in enumerate(headings):
            if heading.anchor == anchor:
                end = next(
                    (h.line for h in headings[index + 1 :] if h.level <= heading.level),
                    len(self.lines) + 1,
                )
                return [(n, self.text.splitlines()[n - 1]) for n in range(heading.line + 1, end)]
        return []


def _plain(text: str) -> str:
    """Heading text as the toc extension sees it (links and emphasis reduced to their text)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text)


@per_file_version
def read_page(path: Path) -> Page:
    """Parse a page (cached until the file changes); raises UnicodeDecodeError if it is not UTF-8."""
    return parse_page(path, path.read_bytes().decode("utf-8"))


def parse_page(path: Path, text: str) -> Page:
    """A page from its text (`path` names it in messages)."""
    source_lines = text.splitlines()
    meta: dict[str, Any] = {}
    meta_error = None
    body_start = 1
    if source_lines and source_lines[0].strip() == "---":
        end = next((i for i, line in enumerate(source_lines[1:], start=1) if line.strip() == "---"), None)
        if end is None:
            meta_error = "front matter starts with `---` but never ends"
        else:
            meta, meta_error = load_mapping("\n".join(source_lines[1:end]), "front matter")
            body_start = end + 2
    fences: list[Fence] = []
    lines = map_code(source_lines, lambda code: "" if "\n" in code else " " * len(code), fences)
    return Page(path, text, meta, meta_error, body_start, lines, fences)


def map_code(source_lines: list[str], change: Callable[[str], str], fences: list[Fence] | None = None) -> list[str]:
    """The lines with each piece of code replaced by `change(code)`; everything else as it was.

    Code is a fenced block (``` or ~~~, indented or not) or an inline span (`…`, on one line). A
    fenced block's lines are passed one by one, each ending in a newline; `fences` collects them.
    """
    lines: list[str] = []
    fence: tuple[str, str, int, list[str]] | None = None
    for number, line in enumerate(source_lines, start=1):
        if fence is None:
            match = FENCE_OPEN.match(line)
            if match:
                fence = (match.group(2), match.group(3), number, [])
                lines.append(change(line + "\n").removesuffix("\n"))
                continue
            lines.append(INLINE_CODE.sub(lambda m: change(m.group(0)), line))
        else:
            marker, language, start, body = fence
            if line.strip().startswith(marker) and set(line.strip()) == {marker[0]}:
                if fences is not None:
                    fences.append(Fence(language, start, "\n".join(body)))
                fence = None
            else:
                body.append(line)
            lines.append(change(line + "\n").removesuffix("\n"))
    return lines


def table_rows(section: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """Body rows of the first Markdown table in a section: (line, cells)."""
    rows = []
    in_table = False
    for number, line in section:
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [cell.strip() for cell in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells):
                in_table = True
                continue
            if in_table:
                rows.append((number, cells))
        elif in_table:
            break
    return rows


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> list[str]:
    """The numbers written in a table cell, citations left out (`12B, 300B` → ['12', '300'])."""
    text = CITATION_BLOCK.sub("", text)
    return [n.replace(",", "") for n in NUMBER.findall(text)]
