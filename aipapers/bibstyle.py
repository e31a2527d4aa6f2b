"""How references are written: pybtex's plain style, titles as written, long author lists shortened.

Used for the numbered references of every page (through mkdocs-bibtex), the plain reference in
"cite this paper" blocks and the bibliography pages, so a work reads the same everywhere.

Every work of references.bib is formatted once per version of the file and of this style, and the
result kept in .cache/references/ next to the .bib (the project's cache folder): pybtex is slow, and
an unchanged file needs no formatting at all.
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib.metadata import version as version_of
from pathlib import Path

from pybtex.backends.markdown import Backend as MarkdownBackend
from pybtex.backends.plaintext import Backend as PlaintextBackend
from pybtex.database import parse_string
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import FieldIsMissing, field, join, node, sentence

from .bib import BibFile
from .project import CACHE, write_atomically

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


def _format(bib: BibFile, key: str, plain: bool) -> str:
    entry = bib.pybtex.entries[key]
    text = _style().format_entry(key, entry).text
    if plain:
        return " ".join(text.render(PlaintextBackend()).split())
    rendered = text.render(MarkdownBackend()).replace("\n", " ")
    return rendered.replace("\\(", "(").replace("\\)", ")").replace("\\.", ".")


@functools.lru_cache(maxsize=8)
def _references(bib: BibFile) -> dict[str, list[str]]:
    """key → [Markdown reference, plain reference] for every work, from the cache when the file is unchanged."""
    version = hashlib.sha256(Path(__file__).read_bytes() + version_of("pybtex").encode() + bib.text.encode())
    folder = bib.path.parent / CACHE / "references"  # the .bib sits at the project's root
    stored = folder / f"{version.hexdigest()[:32]}.json"
    try:
        return json.loads(stored.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    formatted = {key: [_format(bib, key, False), _format(bib, key, True)] for key in bib.pybtex.entries}
    try:
        for older in folder.glob("*.json"):
            older.unlink()
        write_atomically(stored, json.dumps(formatted, ensure_ascii=False))
    except OSError:
        pass  # a read-only checkout builds all the same, formatting every time
    return formatted


def markdown_reference(bib: BibFile, key: str) -> str:
    """The reference for `key` in Markdown (links included)."""
    return _references(bib)[key][0]


def plain_reference(bib: BibFile, key: str) -> str:
    """The reference for `key` as plain text, ready to paste."""
    return _references(bib)[key][1]


def plain_reference_of(raw_entry: str) -> str:
    """A plain-text reference for a BibTeX entry that is not in references.bib (the guide itself)."""
    data = parse_string(raw_entry, "bibtex")
    key, entry = next(iter(data.entries.items()))
    return " ".join(_style().format_entry(key, entry).text.render(PlaintextBackend()).split())
