"""How references are written: pybtex's plain style, titles as written, long author lists shortened.

Used for the numbered references of every page (through mkdocs-bibtex), the plain reference in
"cite this paper" blocks and the bibliography pages, so a work reads the same everywhere.
"""

from __future__ import annotations

import functools

from pybtex.backends.markdown import Backend as MarkdownBackend
from pybtex.backends.plaintext import Backend as PlaintextBackend
from pybtex.database import parse_string
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import FieldIsMissing, field, join, node, sentence

from .bib import BibFile

MAX_AUTHORS = 6  # longer author lists are shortened to the first three + "et al."


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


@functools.cache
def _style() -> GuideStyle:
    # Creating a pybtex style looks its plugins up in the installed packages' metadata: slow, do it once.
    return GuideStyle()


@functools.lru_cache(maxsize=1024)
def _formatted(bib: BibFile, key: str, plain: bool) -> str:
    entry = bib.pybtex.entries[key]
    text = _style().format_entry(key, entry).text
    if plain:
        return " ".join(text.render(PlaintextBackend()).split())
    rendered = text.render(MarkdownBackend()).replace("\n", " ")
    return rendered.replace("\\(", "(").replace("\\)", ")").replace("\\.", ".")


def markdown_reference(bib: BibFile, key: str) -> str:
    """The reference for `key` in Markdown (links included), formatted once per version of the .bib."""
    return _formatted(bib, key, False)


def plain_reference(bib: BibFile, key: str) -> str:
    """The reference for `key` as plain text, ready to paste."""
    return _formatted(bib, key, True)


def plain_reference_of(raw_entry: str) -> str:
    """A plain-text reference for a BibTeX entry that is not in references.bib (the guide itself)."""
    data = parse_string(raw_entry, "bibtex")
    key, entry = next(iter(data.entries.items()))
    return " ".join(_style().format_entry(key, entry).text.render(PlaintextBackend()).split())
