"""Material's search plugin, given Chinese words from the guide's cache.

Material segments Chinese at build time with the module-level `jieba` it imported, calling
`jieba.cut(text.encode())` for every run of Chinese characters of every section. This module
puts a stand-in there that answers from `aipapers.segment.SegmentCache` (same words, same order)
and loads jieba only for runs it has not seen. Material 9.8.2 is pinned and at end of life, so
this seam does not move; tests/site/test_search_index.py checks the index is still segmented.
"""

from __future__ import annotations

from collections.abc import Iterator

from material.plugins.search import plugin as material_search

from ..segment import SegmentCache


class CachedJieba:
    """What Material calls on `jieba`: `cut(bytes)`, answered from the cache."""

    def __init__(self, cache: SegmentCache) -> None:
        self.cache = cache

    def cut(self, text: bytes | str) -> Iterator[str]:
        return iter(self.cache.cut(text.decode("utf-8") if isinstance(text, bytes) else text))


def segment_with(cache: SegmentCache) -> None:
    """From now on Material's search plugin cuts Chinese through `cache`."""
    if material_search.jieba is None:
        return  # jieba is not installed: Material does not segment at all (the site tests fail on that)
    material_search.jieba = CachedJieba(cache)
