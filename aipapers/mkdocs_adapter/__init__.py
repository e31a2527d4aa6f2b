"""The MkDocs adapter: the only code that knows MkDocs, its plugins and their internals.

- plugin.py   one MkDocs plugin (`aipapers`, registered by entry point): every event, in one order
- i18n.py     what mkdocs-static-i18n exposes and how this site reads it (switcher, 404, languages)
- bibtex.py   mkdocs-bibtex, the citation engine, configured from here and nowhere else
- search.py   Material's search index: Chinese segmentation cached by content, one index per language
"""
