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
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs_bibtex.citation import CitationBlock
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import FieldIsMissing, field, join, node, sentence

log = get_plugin_logger("citations")

PROTECTED_AT = "\ue000"  # private-use character standing in for "@" inside code
BIB_COMMAND = "\\bibliography"
FOOTNOTES_MARKER = "///Footnotes Go Here///"
FENCED_BLOCK = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.DOTALL)
ADJACENT_CITATIONS = re.compile(r"</sup>(?=<sup id=\"fnref\d*:)")
MAX_AUTHORS = 6  # longer author lists are shortened to the first three + "et al."

REFERENCES_HEADING = {"zh": "参考文献", "en": "References"}


@node
def names_et_al(children, context, role):
    """Names of `role`; more than MAX_AUTHORS become the first three and "et al."."""
    try:
        persons = context["entry"].persons[role]
    except KeyError as error:
        raise FieldIsMissing(role, context["entry"]) from error
    style = context["style"]
    formatted = [style.format_name(person, style.abbreviate_names) for person in persons]
    if len(formatted) > MAX_AUTHORS:
        return join(sep=", ")[(*formatted[:3], "et al.")].format_data(context)
    return join(sep=", ", sep2=" and ", last_sep=", and ")[formatted].format_data(context)


class GuideStyle(PlainStyle):
    """pybtex's plain style, with titles as written and long author lists shortened."""

    def format_title(self, e, which, as_sentence=True):
        title = field(which)  # keep the case the .bib gives (plain style lower-cases it)
        return sentence[title] if as_sentence else title

    def format_names(self, role, as_sentence=True):
        names = names_et_al(role)
        return sentence[names] if as_sentence else names


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
    registry = _bibtex_plugin(config).registry
    if registry is not None and not isinstance(registry.style, GuideStyle):
        registry.style = GuideStyle()
        # mkdocs-bibtex formats a reference again for every citation of it on every page; the
        # result only depends on the key, so remember it for the rest of the build.
        registry.reference_text = _cached_by_key(registry.reference_text)
    return config


def _cached_by_key(format_reference: Callable[[Any], str]) -> Callable[[Any], str]:
    formatted: dict[str, str] = {}

    def reference_text(citation: Any) -> str:
        if citation.key not in formatted:
            formatted[citation.key] = format_reference(citation)
        return formatted[citation.key]

    return reference_text


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


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = html.replace(PROTECTED_AT, "@")  # code blocks get their @ back
    return ADJACENT_CITATIONS.sub('</sup><sup class="citation-separator">,</sup>', html)
