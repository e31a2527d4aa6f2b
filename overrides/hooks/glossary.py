"""MkDocs hook: a glossary term's first use on a page shows its definition as a tooltip, in the page's language.

Terms come from glossary.yml (`def` per language). A small Markdown tree processor wraps each
occurrence in prose in `<abbr title="…">` (Material turns these into tooltips with the
`content.tooltips` feature), so no page has to mark terms by hand. Code, links, headings and
existing abbreviations are left alone. Python-Markdown's own `abbr` extension cannot do this: it
matches whole words with `\\b`, which never fires inside Chinese text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from editorial import HAN_CHAR as HAN
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitedata import load_glossary

SKIP = {"code", "pre", "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "kbd", "sup"}


@dataclass
class _State:
    language: str = "zh"
    pattern: re.Pattern[str] | None = None
    titles: dict[str, str] | None = None
    enabled: bool = False


_state = _State()


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


def build_matcher(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One regex for all terms of a language (longest first) and the definition of each form."""
    titles: dict[str, str] = {}
    for term in load_glossary():
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

    def run(self, root: ET.Element) -> None:
        if not _state.enabled or _state.pattern is None:
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
        for match in _state.pattern.finditer(text):
            definition = _state.titles[match.group(0)]
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


class GlossaryExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (20) and before the toc extension reads headings (<5 does not matter:
        # headings are skipped anyway).
        md.treeprocessors.register(GlossaryTreeprocessor(md), "guide-glossary", 7)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # on_config runs again for every language build: register the extension once.
    if not any(isinstance(extension, GlossaryExtension) for extension in config.markdown_extensions):
        config.markdown_extensions.append(GlossaryExtension())
    return config


@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = str(config.theme["language"])
    if language != _state.language or _state.pattern is None:
        _state.language = language
        _state.pattern, _state.titles = build_matcher(language)
    # The glossary page defines the terms itself; tooltips there would only repeat them.
    _state.enabled = "<!-- guide:glossary -->" not in markdown
    return markdown
