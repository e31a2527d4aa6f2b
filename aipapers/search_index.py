"""One search index per language, with that language's pages first.

The merged index (both languages) is written once per language, with that language's pages
boosted, so a reader sees results in the language of the page first. Pages of the other
languages read their own copy (overrides/main.html points them at it).
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

# lunr multiplies the score of every term of a document by its boost. Title matches already weigh
# 1,000 times text matches, so the boost must exceed that for the page's language to come first.
SAME_LANGUAGE_BOOST = 100_000


def _language_of(location: str, languages: list[str], default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def _relocate(location: str, root: str) -> str:
    """A search location (relative to the site root) made relative to a language root."""
    if not root:
        return location
    path, _, anchor = location.partition("#")
    relative = posixpath.relpath(path or ".", root.rstrip("/"))
    relative = "" if relative == "." else relative + ("/" if path.endswith("/") or not path else "")
    return relative + (f"#{anchor}" if anchor else "")


def write_language_indexes(site_dir: Path, languages: list[str], default: str, offline: bool) -> None:
    index_file = site_dir / "search" / "search_index.json"
    if not index_file.exists():
        return
    merged = json.loads(index_file.read_text(encoding="utf-8"))
    for language in languages:
        root = "" if language == default else f"{language}/"
        docs = []
        for doc in merged["docs"]:
            doc = dict(doc)
            if _language_of(doc["location"], languages, default) == language:
                doc["boost"] = doc.get("boost", 1) * SAME_LANGUAGE_BOOST
            doc["location"] = _relocate(doc["location"], root)
            docs.append(doc)
        data = json.dumps({**merged, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        target = site_dir / root / "search"
        target.mkdir(parents=True, exist_ok=True)
        (target / "search_index.json").write_text(data, encoding="utf-8")
        if offline:
            (target / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
