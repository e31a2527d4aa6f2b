"""MkDocs hook: everything that makes the two languages behave as one site.

- Language switcher: every page, the home pages included, links to the same page in the other
  language with a relative URL, so it works under any sub-path and from file://. (The i18n plugin
  uses absolute links on home pages, built from site_url.)
- 404 page: one page for both languages (GitHub Pages serves the root 404.html for every missing
  path), switching to either home page; in the offline build its links are made relative.
- Search: the merged index is written once per language, with that language's pages boosted, so a
  reader sees results in the language of the page first. Pages of the other languages read their
  own copy (see overrides/main.html, which points them at it).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

# lunr multiplies the score of every term of a document by its boost. Title matches already weigh
# 1,000 times text matches, so the boost must exceed that for the page's language to come first.
SAME_LANGUAGE_BOOST = 100_000
_state: dict[str, str] = {}  # lunr multiplies every term score of a document by its boost


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins["i18n"]


def default_language(config: MkDocsConfig) -> str:
    return _i18n(config).default_language


def build_languages(config: MkDocsConfig) -> list[str]:
    return list(_i18n(config).build_languages)


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def switcher_entries(config: MkDocsConfig) -> list[dict[str, str]]:
    """The list the templates read as `config.extra.alternate`.

    The i18n plugin assigns it as an attribute of config.extra (which Jinja reads before the dict
    item of the same name), so look it up the way Jinja does.
    """
    try:
        entries = config.extra.alternate
    except AttributeError:
        entries = config.extra.get("alternate")
    return entries or []


def language_root(language: str, config: MkDocsConfig) -> str:
    """URL of a language's home page relative to the site root ('' for the default language)."""
    suffix = "" if config.use_directory_urls else "index.html"
    return suffix if language == default_language(config) else f"{language}/{suffix}"


@event_priority(-100)  # after the i18n plugin has set config.extra.alternate for this page
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    alternates = getattr(page.file, "alternates", {})
    for alternate in switcher_entries(config):
        target = alternates.get(alternate["lang"])
        # `link` goes through MkDocs' `url` filter in the templates, which makes it relative to
        # the current page: a page URL here becomes e.g. ../../en/papers/01-pythia/.
        alternate["link"] = target.url if target is not None else language_root(alternate["lang"], config)
    # Each language's home page is titled by the site name alone (main.html, og:title).
    page.meta["language_home"] = page.file.src_uri.split("/", 1)[-1] == "index.md"
    language = str(config.theme["language"])
    if language != default_language(config):
        # main.html gives Material this base, so the page reads <language>/search/search_index.json
        context["search_base"] = get_relative_url(f"{language}/", page.url)
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "404.html":
        # Not a page, so the entries still hold the last page's links: point them at the homes.
        # MkDocs renders error pages with absolute links from site_url's path (context base_url).
        base = context["base_url"].rstrip("/") + "/"
        for alternate in switcher_entries(config):
            alternate["link"] = base + language_root(alternate["lang"], config)
        context["languages"] = [dict(alternate) for alternate in switcher_entries(config)]
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    # Every language build renders the root 404.html; the default language's version is kept.
    if str(config.theme["language"]) == default_language(config):
        _state["404"] = output
    else:
        output = _state.get("404", output)
    if not _offline(config):
        return output
    # The offline build is opened from disk, where the usual absolute 404 links cannot work; the
    # page sits at the site root, so root-relative links become ./ links.
    base = urlsplit(config.site_url or "/").path
    if not base.endswith("/"):
        base += "/"
    output = re.sub(r'((?:href|src)=")' + re.escape(base), r"\g<1>./", output)
    return output.replace(f'"base": "{base}"', '"base": "."')


# --- search index per language ------------------------------------------------------------


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


@event_priority(-110)  # after i18n (-100) has merged the index of every language
def on_post_build(config: MkDocsConfig) -> None:
    # The i18n plugin builds the other languages inside the default language's post-build step,
    # so this runs once per language; only the last run sees the complete index.
    if getattr(_i18n(config), "building", False):
        return
    write_language_indexes(Path(config.site_dir), build_languages(config), default_language(config), _offline(config))
