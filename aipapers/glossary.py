"""A glossary term's first use on a page shows its definition as a tooltip, in the page's language.

Terms come from glossary.yml (`def` per language). A Python-Markdown tree processor wraps the
first occurrence of each term in prose in `<abbr title="…">` (overrides/assets/javascripts/tips.js
shows it as a tooltip), so no page has to mark terms by hand. Code, links, headings and existing
abbreviations are left alone, and the glossary page itself (which holds the definitions) gets none.
Python-Markdown's own `abbr` extension cannot do this: it matches whole words with `\\b`, which
never fires inside Chinese text.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .data import Term, load_glossary
from .editorial import HAN_CHAR as HAN

SKIP = {"code", "pre", "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "kbd", "sup"}
# The glossary page shows the term list (overviews.glossary_table): its terms need no tooltip.
GLOSSARY_PAGE_MARKS = ("<!-- guide:glossary -->", '<div class="guide-glossary"')


def _trie_pattern(words: list[str]) -> str:
    """One regex alternative for many words, factored as a trie ("ab|ac" → "a(?:b|c)").

    Python's re tries alternatives one by one; sharing prefixes makes the glossary scan of every
    text node several times faster than a flat list of ~150 alternatives.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return pattern(trie)


@functools.lru_cache(maxsize=8)
def build_matcher(terms: tuple[Term, ...], language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One regex for all terms of a language (longest first) and the definition of each form."""
    titles: dict[str, str] = {}
    for term in terms:
        definition = (term.definition or {}).get(language)
        if not definition:
            continue
        own = term.zh if language == "zh" else term.en
        forms = [] if language == "zh" and term.ambiguous_zh else [own]
        if term.abbr:
            forms += [part.strip() for part in term.abbr.split("/")]
        for form in forms:
            if len(form) >= 2:
                titles.setdefault(form, definition)
    if not titles:
        return None, titles
    chinese = [word for word in titles if HAN.search(word)]
    latin = [word for word in titles if not HAN.search(word)]
    parts = []
    if chinese:
        parts.append(_trie_pattern(chinese))
    if latin:  # a Latin term must not be part of a longer word
        parts.append(rf"(?<![\w-])(?:{_trie_pattern(latin)})(?![\w-])")
    return re.compile("|".join(parts)), titles


class GlossaryTreeprocessor(Treeprocessor):
    """Wraps the first occurrence of each term on a page (in reading order); later ones stay plain."""

    def __init__(self, md: Markdown, pattern: re.Pattern[str] | None, titles: dict[str, str]) -> None:
        super().__init__(md)
        self.pattern, self.titles = pattern, titles
        self.enabled = True

    def run(self, root: ET.Element) -> None:
        if not self.enabled or self.pattern is None:
            return
        self.explained: set[str] = set()  # definitions already shown on this page
        self._walk(root)

    def _walk(self, element: ET.Element) -> None:
        children = list(element)
        if element.text and element.tag not in SKIP:
            self._wrap_text(element)
        for child in children:
            if child.tag not in SKIP and "arithmatex" not in (child.get("class") or ""):
                self._walk(child)
            self._wrap_tail(element, child)

    def _split(self, text: str) -> list[str | ET.Element]:
        parts: list[str | ET.Element] = []
        position = 0
        for match in self.pattern.finditer(text):
            definition = self.titles[match.group(0)]
            if definition in self.explained:
                continue
            self.explained.add(definition)
            parts.append(text[position : match.start()])
            # Focusable, so that keyboard and touch readers can open the tooltip too.
            abbr = ET.Element("abbr", {"title": definition, "class": "glossary-term", "tabindex": "0"})
            abbr.text = match.group(0)
            parts.append(abbr)
            position = match.end()
        parts.append(text[position:])
        return parts

    def _wrap_text(self, element: ET.Element) -> None:
        parts = self._split(element.text or "")
        if len(parts) == 1:
            return
        element.text = parts[0]
        self._insert(element, 0, parts[1:])

    def _wrap_tail(self, parent: ET.Element, child: ET.Element) -> None:
        if not child.tail:
            return
        parts = self._split(child.tail)
        if len(parts) == 1:
            return
        child.tail = parts[0]
        self._insert(parent, list(parent).index(child) + 1, parts[1:])

    @staticmethod
    def _insert(parent: ET.Element, index: int, parts: list[str | ET.Element]) -> None:
        """parts alternate: element, text, element, text … (text goes into the element's tail)."""
        for part in parts:
            if isinstance(part, ET.Element):
                parent.insert(index, part)
                index += 1
                last = part
            else:
                last.tail = part


class _GlossaryPageDetector(Preprocessor):
    """Turns the tree processor off on the glossary page (it lists the definitions itself)."""

    def __init__(self, md: Markdown, tree: GlossaryTreeprocessor) -> None:
        super().__init__(md)
        self.tree = tree

    def run(self, lines: list[str]) -> list[str]:
        self.tree.enabled = not any(mark in line for line in lines for mark in GLOSSARY_PAGE_MARKS)
        return lines


class GlossaryExtension(Extension):
    """Glossary tooltips from `glossary_file` in `language` (zh or en)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "glossary_file": ["glossary.yml", "Path of glossary.yml"],
            "language": ["zh", "Language of the page: zh or en"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        terms = tuple(load_glossary(Path(self.getConfig("glossary_file"))))
        pattern, titles = build_matcher(terms, self.getConfig("language"))
        tree = GlossaryTreeprocessor(md, pattern, titles)
        # After inline processing (20); headings are skipped anyway.
        md.treeprocessors.register(tree, "guide-glossary", 7)
        md.preprocessors.register(_GlossaryPageDetector(md, tree), "guide-glossary-page", 105)


def makeExtension(**kwargs: Any) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
