"""Where the guide's sources live, and one cache that reads each of them once per change.

Everything the site is made from is listed here (`Project.sources`): the build reads its data
through the loaders below, and `make serve` watches exactly this list, so a new data file is
added in one place and can never be read by the build but ignored by the edit loop.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")
CACHE = ".cache"  # the project's cache folder: prerendered drawings, Chinese words, references, rule passes
# libyaml's parser when PyYAML has it (the wheels do): the same YAML, read several times faster.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Project:
    """A checkout of the guide: the folder that holds mkdocs.yml."""

    root: Path

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def papers_file(self) -> Path:
        return self.root / "papers.yml"

    @property
    def bib_file(self) -> Path:
        return self.root / "references.bib"

    @property
    def glossary_file(self) -> Path:
        return self.root / "glossary.yml"

    @property
    def figures_dir(self) -> Path:
        return self.root / "figures"

    @property
    def overrides_dir(self) -> Path:
        return self.root / "overrides"

    @property
    def cache_dir(self) -> Path:
        return self.root / CACHE

    def mkdocs_config(self) -> dict[str, Any]:
        """mkdocs.yml as data: `!ENV` settings take their default, Python objects (slugify…) become None."""
        text = (self.root / "mkdocs.yml").read_text(encoding="utf-8")
        return yaml.load(text, Loader=_MkDocsYml)  # noqa: S506 (a SafeLoader subclass)

    def sources(self) -> tuple[Path, ...]:
        """Every file and folder a page is built from: what `make serve` watches."""
        return (
            self.docs_dir,
            self.papers_file,
            self.bib_file,
            self.glossary_file,
            self.figures_dir,
            self.overrides_dir,
        )


def per_file_version(loader: Callable[[Path], T]) -> Callable[[Path], T]:
    """Call `loader(path)` again only when the file changed (same path, size and modification time).

    The one cache of parsed sources: both languages of a build, every page asking for the data,
    and `make check` share one parse of each file.
    """

    @functools.lru_cache(maxsize=512)  # every page of a few hundred-paper guide, and its data files
    def cached(path: Path, stamp: tuple[int, int]) -> T:
        return loader(path)

    @functools.wraps(loader)
    def wrapper(path: Path) -> T:
        stat = path.stat()
        return cached(path, (stat.st_mtime_ns, stat.st_size))

    wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]  (how often a file was parsed)
    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper


class _MkDocsYml(FAST_LOADER):  # type: ignore[misc,valid-type]
    """Reads mkdocs.yml without running its tags."""


_MkDocsYml.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_MkDocsYml.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_mapping(text: str, what: str) -> tuple[dict[str, Any], str | None]:
    """`name: value` lines as a dict, or an empty dict and what is wrong with them (`what` names them)."""
    try:
        loaded = yaml.load(text, Loader=FAST_LOADER) or {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        return {}, f"{what} is not valid YAML ({str(error).splitlines()[0]})"
    if not isinstance(loaded, dict):
        return {}, f"{what} must be `name: value` lines"
    return loaded, None


def write_atomically(path: Path, text: str) -> None:
    """Replace a cache file at once, so that a reader never sees it half written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as out:
        out.write(text)
    Path(out.name).replace(path)
