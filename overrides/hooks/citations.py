"""MkDocs hook around mkdocs-bibtex: safe, located and readable citations.

mkdocs-bibtex turns `[@key]` into numbered footnotes. This hook adds what it lacks:
- code stays code: `@` inside fenced blocks and inline code is hidden from the plugin, so a decorator
  or a BibTeX sample is never read as a citation;
- an unknown key is reported as `docs/zh/papers/x.md:LINE: unknown citation key` (strict builds fail);
- the reference list appears under a "参考文献 / References" heading, where the page puts
  `\\bibliography` or else at the end;
- adjacent citations are separated (¹,² instead of ¹²);
- references keep the capitals of their titles, long author lists are shortened to "et al.", and each
  reference is formatted once per build instead of once per citation.
"""

from __future__ import annotations

import re
from typing import Any

from bibstyle import markdown_reference
from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs_bibtex.citation import CitationBlock

log = get_plugin_logger("citations")

PROTECTED_AT = "\ue000"  # private-use character standing in for "@" inside code
BIB_COMMAND = "\\bibliography"
FOOTNOTES_MARKER = "///Footnotes Go Here///"
FENCED_BLOCK = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.DOTALL)
ADJACENT_CITATIONS = re.compile(r"</sup>(?=<sup id=\"fnref\d*:)")

REFERENCES_HEADING = {"zh": "参考文献", "en": "References"}


def _protect(match: re.Match[str]) -> str:
    return match.group(0).replace("@", PROTECTED_AT)


def protect_code(markdown: str) -> str:
    markdown = FENCED_BLOCK.sub(_protect, markdown)
    return INLINE_CODE.sub(_protect, markdown)


def _bibtex_plugin(config: MkDocsConfig):
    plugin = config.plugins.get("bibtex")
    if plugin is None:
        raise PluginError("mkdocs.yml: the citations hook needs the `bibtex` plugin")
    return plugin


@event_priority(-10)  # after mkdocs-bibtex has loaded references.bib
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not any(isinstance(extension, RestoreCodeExtension) for extension in config.markdown_extensions):
        config.markdown_extensions.append(RestoreCodeExtension())
    registry = _bibtex_plugin(config).registry
    if registry is not None:
        # mkdocs-bibtex formats a reference again for every citation of it on every page. Its
        # references come from bibstyle instead: one style for the whole site, each work formatted
        # once per change of references.bib (the bibliography pages reuse the same results).
        registry.reference_text = _reference_text
    return config


def _reference_text(citation: Any) -> str:
    return markdown_reference(citation.key)


def _line_of(markdown: str, needle: str) -> int:
    index = markdown.find(needle)
    return markdown.count("\n", 0, index) + 1 if index >= 0 else 0


@event_priority(60)  # before mkdocs-bibtex (0)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = protect_code(markdown)
    entries = _bibtex_plugin(config).registry.bib_data.entries
    blocks = CitationBlock.from_markdown(markdown)
    if not blocks:
        return markdown.replace(BIB_COMMAND, "")
    for block in blocks:
        for citation in block.citations:
            if citation.key not in entries:
                line = _line_of(page.file.content_string, f"@{citation.key}")
                log.error(
                    f"{page.file.src_path}:{line}: unknown citation key `{citation.key}` — add its entry to "
                    "references.bib or correct the key (keys are case-sensitive)"
                )
    language = str(config.theme["language"])
    if BIB_COMMAND not in markdown:
        heading = REFERENCES_HEADING.get(language, REFERENCES_HEADING["en"])
        markdown = f"{markdown.rstrip()}\n\n## {heading} {{#references}}\n\n{BIB_COMMAND}\n"
    return markdown.replace(BIB_COMMAND, f"{FOOTNOTES_MARKER}\n\n{BIB_COMMAND}", 1)


class RestoreCodePreprocessor(Preprocessor):
    """Gives code its `@` back once mkdocs-bibtex has run, before code is highlighted."""

    def run(self, lines: list[str]) -> list[str]:
        return [line.replace(PROTECTED_AT, "@") for line in lines]


class RestoreCodeExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RestoreCodePreprocessor(md), "guide-restore-code", 100)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return ADJACENT_CITATIONS.sub('</sup><sup class="citation-separator">,</sup>', html)
