"""AI Papers 2023 · 论文精读: the guide's logic, free of any site generator.

The rooms (each a module of this package):

- data:      papers.yml and glossary.yml (the language-neutral facts) — `data`, `strings`
- sources:   where every source lives and the list `make serve` watches — `project`
- reading:   references.bib (`bib`, `bibstyle`) and Markdown pages as written (`pages`)
- rules:     every check a contributor's input must pass, written once (`rules`, `editorial`)
- rendering: Python-Markdown extensions and text transforms that turn sources into pages — the
             card (`card`), citations and reference lists (`citations`), glossary tooltips
             (`glossary`), overview blocks (`overviews`), figures (`figures`), pre-rendered
             diagrams and formulas (`prerender`), machine-readable metadata (`metadata`),
             Chinese word segmentation for search (`segment`); `extension` bundles them
- adapters:  the only code that knows a site generator — `mkdocs_adapter` (one MkDocs plugin,
             registered by entry point) and `zensical_adapter` (one config per language)
"""
