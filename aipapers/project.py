"""Where the guide's sources live, and one cache that reads each of them once per change.

Everything the site is made from is listed here (`Project.sources`): the build reads its data
through the loaders below, and `make serve` watches exactly this list, so a new data file is
added in one place and can never be read by the build but ignored by the edit loop.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


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
        return self.root / ".cache"

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
