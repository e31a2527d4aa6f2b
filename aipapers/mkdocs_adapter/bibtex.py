"""mkdocs-bibtex, the citation engine of the MkDocs build, used from this module only.

mkdocs-bibtex turns `[@key]` into footnote references and `\\bibliography` into their definitions.
It is configured in mkdocs.yml (bracketed citations only, the reference list only where the guide
puts it, `footnote_format: "{key}"`). Here it is given the guide's references: a registry that
formats every work with the guide's style (`aipapers.bibstyle`), from the references.bib the
build has already parsed, each work once per version of the file.

Replacing it is a change to this file: `aipapers.citations.cite` renders the same footnotes
(tests/unit/test_citations.py holds the two engines to the same output), and
`aipapers.citations.CitationsExtension(bib_file=…)` runs it inside Python-Markdown.
"""

from __future__ import annotations

import time
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs_bibtex.registry import SimpleRegistry

from ..bib import BibFile
from ..bibstyle import markdown_reference


class GuideRegistry(SimpleRegistry):
    """mkdocs-bibtex's simple registry over the guide's parsed references.bib and reference style."""

    def __init__(self, bib: BibFile, footnote_format: str) -> None:
        # Not SimpleRegistry.__init__: that would parse references.bib once more.
        self.bib = bib
        self.bib_data = bib.pybtex
        self.footnote_format = footnote_format

    def reference_text(self, citation: Any) -> str:
        return markdown_reference(self.bib, citation.key)


def _plugin(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("bibtex")
    if plugin is None:
        raise PluginError("mkdocs.yml: the aipapers plugin needs the `bibtex` plugin (mkdocs-bibtex)")
    return plugin


def use_guide_references(config: MkDocsConfig, bib: BibFile) -> None:
    """Give mkdocs-bibtex the guide's references, before its own on_config would parse references.bib again.

    mkdocs-bibtex skips reading its files when none changed since it last configured itself (its
    shortcut for `mkdocs serve` rebuilds): with its registry given here and that time set to now,
    references.bib is parsed once per build, by `aipapers.bib`.
    """
    plugin = _plugin(config)
    if not isinstance(plugin.registry, GuideRegistry) or plugin.registry.bib is not bib:
        plugin.registry = GuideRegistry(bib, plugin.config.footnote_format)
    plugin.last_configured = time.time()
