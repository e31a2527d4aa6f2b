"""Chinese words for the search index, cached by content.

The search index stores Chinese text cut into words (jieba), joined by U+200B. Cutting depends
only on the text and jieba's version, while loading jieba's dictionary alone takes about a second:
so the words of every run of Chinese characters are kept in .cache/segment/, and jieba is
loaded only when a run has not been seen before (a new or edited paragraph).
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from .project import write_atomically


class SegmentCache:
    """jieba's words for runs of Chinese text, read from and written to one JSON file."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / f"jieba-{version('jieba')}.json"
        try:
            self.words: dict[str, list[str]] = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.words = {}
        self.changed = False
        self.misses = 0

    def cut(self, text: str) -> list[str]:
        words = self.words.get(text)
        if words is None:
            import jieba

            words = self.words[text] = list(jieba.cut(text))
            self.changed = True
            self.misses += 1
        return words

    def save(self) -> None:
        if not self.changed:
            return
        write_atomically(self.file, json.dumps(self.words, ensure_ascii=False, separators=(",", ":")))
        self.changed = False
