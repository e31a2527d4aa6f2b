"""Citations: `[@key]` in the Markdown, numbered references under a heading at the end of the page.

The grammar is that of `pages.CITATION_BLOCK` (`[@key]`, `[@a; @b]`). What this module adds:

- the rule: an unknown key or a bracket that looks like a citation but is not one
  (`citation_problems`, run by `rules` for `make check` and the build);
- code stays code: `@` inside fenced blocks and inline code is hidden from any citation engine
  (`protect_code`) and given back before code is highlighted (`CitationsExtension`);
- the reference list goes under a "参考文献 / References" heading, where the page writes
  `\\bibliography` or else at the end (`place_references`);
- adjacent citations are separated (¹,² instead of ¹²);
- `cite`: the engine itself — `[@a; @b]` becomes footnote references `[^a][^b]` and the list
  becomes their definitions, each reference formatted once per version of references.bib. It is
  what mkdocs-bibtex does with `footnote_format: "{key}"`; the MkDocs build keeps mkdocs-bibtex
  (see mkdocs_adapter/bibtex.py), other generators run this one through the extension.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from .bib import BibFile
from .bib import parse as parse_bib
from .bibstyle import markdown_reference
from .pages import CITATION_BLOCK, CITATION_KEY, Page, map_code
from .strings import STRINGS

PROTECTED_AT = "\ue000"  # private-use character standing in for "@" inside code
BIB_COMMAND = "\\bibliography"
FOOTNOTES_MARKER = "///Footnotes Go Here///"  # where Python-Markdown's footnotes extension puts the list
ADJACENT_CITATIONS = re.compile(r"</sup>(?=<sup id=\"fnref\d*:)")


def citation_problems(page: Page, known: set[str] | None) -> Iterator[tuple[int, str]]:
    """Unknown keys (when the keys of references.bib are known) and malformed citation brackets."""
    if known is not None:
        for citation in page.citations():
            if citation.key not in known:
                yield (
                    citation.line,
                    f"unknown citation key `{citation.key}` — add it to references.bib or fix the key "
                    "(keys are case-sensitive)",
                )
    for line, text in page.malformed_citations():
        yield (
            line,
            f"`{text}` is not a citation this guide can render — write [@key] or [@key1; @key2] "
            "(no page numbers or words inside the brackets)",
        )


def protect_code(markdown: str) -> str:
    """The Markdown with every `@` inside code replaced, so that no engine reads it as a citation."""
    lines = map_code(markdown.split("\n"), lambda code: code.replace("@", PROTECTED_AT))
    return "\n".join(lines)


def restore_code(text: str) -> str:
    return text.replace(PROTECTED_AT, "@")


def cited_keys(markdown: str) -> list[str]:
    """Keys in order of first citation (code must be protected first)."""
    keys: dict[str, None] = {}
    for block in CITATION_BLOCK.finditer(markdown):
        keys.update(dict.fromkeys(CITATION_KEY.findall(block.group(1))))
    return list(keys)


def place_references(markdown: str, language: str) -> str:
    """Where the reference list goes: `\\bibliography` under a References heading, or nothing if nothing is cited.

    The footnotes marker before it makes Python-Markdown put the numbered list right there.
    """
    if not CITATION_BLOCK.search(markdown):
        return markdown.replace(BIB_COMMAND, "")
    if BIB_COMMAND not in markdown:
        heading = STRINGS["references_heading"][language]
        markdown = f"{markdown.rstrip()}\n\n## {heading} {{#references}}\n\n{BIB_COMMAND}\n"
    return markdown.replace(BIB_COMMAND, f"{FOOTNOTES_MARKER}\n\n{BIB_COMMAND}", 1)


def cite(markdown: str, bib: BibFile) -> str:
    """Citations as footnote references, `\\bibliography` as the footnote definitions (the guide's engine)."""
    keys = cited_keys(markdown)
    markdown = CITATION_BLOCK.sub(
        lambda m: "".join(f"[^{key}]" for key in CITATION_KEY.findall(m.group(1)) if key in bib.entries), markdown
    )
    references = "\n".join(f"[^{key}]: {markdown_reference(bib, key)}" for key in keys if key in bib.entries)
    return markdown.replace(BIB_COMMAND, references)


def separate_adjacent(html: str) -> str:
    """¹,² rather than ¹²: a separator between footnote references that follow each other."""
    return ADJACENT_CITATIONS.sub('</sup><sup class="citation-separator">,</sup>', html)


# --- Python-Markdown ---------------------------------------------------------------------------


class _Cite(Preprocessor):
    """Runs first: code protected, citations rendered by the guide's engine, code given back."""

    def __init__(self, md: Markdown, bib_file: Path, language: str) -> None:
        super().__init__(md)
        self.bib_file, self.language = bib_file, language

    def run(self, lines: list[str]) -> list[str]:
        markdown = place_references(protect_code("\n".join(lines)), self.language)
        return restore_code(cite(markdown, parse_bib(self.bib_file))).split("\n")


class _Restore(Preprocessor):
    """Gives code its `@` back once an outside engine (mkdocs-bibtex) has run, before code is highlighted."""

    def run(self, lines: list[str]) -> list[str]:
        return [restore_code(line) for line in lines]


class _Separate(Postprocessor):
    def run(self, text: str) -> str:
        return separate_adjacent(text)


class CitationsExtension(Extension):
    """`[@key]` citations. With `bib_file` set, this extension renders them itself (and the reference
    list); without, an outside engine has rendered them before conversion and it only restores code."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "bib_file": ["", "references.bib to render citations from ('' = another engine renders them)"],
            "language": ["zh", "Language of the reference list's heading: zh or en"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        bib_file = self.getConfig("bib_file")
        if bib_file:
            md.preprocessors.register(_Cite(md, Path(bib_file), self.getConfig("language")), "guide-cite", 110)
        else:
            md.preprocessors.register(_Restore(md), "guide-restore-code", 100)
        md.postprocessors.register(_Separate(md), "guide-citation-separator", 5)


def makeExtension(**kwargs: Any) -> CitationsExtension:
    return CitationsExtension(**kwargs)
