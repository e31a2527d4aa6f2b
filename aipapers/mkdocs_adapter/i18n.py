"""Everything this site reads from mkdocs-static-i18n, in one place.

The plugin builds the default language, then every other language inside its own post-build step,
running all events again per language. It exposes, and this module alone reads:
- `default_language`, `build_languages` and `building` on the plugin object;
- `file.alternates` (the same page in each language) and `config.extra.alternate` (the switcher);
- `config.theme["language"]`, which it sets to the language being built.

What the site does with them:
- Language switcher: every page, the home pages included, links to the same page in the other
  language with a relative URL, so it works under any sub-path and from file://. (The i18n plugin
  uses absolute links on home pages, built from site_url.)
- 404 page: one page for both languages (GitHub Pages serves the root 404.html for every missing
  path), switching to either home page; in the offline build its links are made relative.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page


def _plugin(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the aipapers plugin needs the `i18n` plugin (mkdocs-static-i18n)")
    return plugin


def language(config: MkDocsConfig) -> str:
    """The language being built."""
    return str(config.theme["language"])


def default_language(config: MkDocsConfig) -> str:
    return _plugin(config).default_language


def build_languages(config: MkDocsConfig) -> list[str]:
    return list(_plugin(config).build_languages)


def more_languages_to_build(config: MkDocsConfig) -> bool:
    """True in every post-build step but the last (the others run inside the default language's)."""
    return bool(getattr(_plugin(config), "building", False))


def alternates(file: File) -> dict[str, File]:
    return getattr(file, "alternates", {}) or {}


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


def language_root(lang: str, config: MkDocsConfig) -> str:
    """URL of a language's home page relative to the site root ('' for the default language)."""
    suffix = "" if config.use_directory_urls else "index.html"
    return suffix if lang == default_language(config) else f"{lang}/{suffix}"


def point_switcher_at(page: Page, config: MkDocsConfig) -> None:
    """Each switcher entry links to this page in that language (or that language's home)."""
    same_page = alternates(page.file)
    for alternate in switcher_entries(config):
        target = same_page.get(alternate["lang"])
        # `link` goes through MkDocs' `url` filter in the templates, which makes it relative to
        # the current page: a page URL here becomes e.g. ../../en/papers/01-pythia/.
        alternate["link"] = target.url if target is not None else language_root(alternate["lang"], config)


def not_found_context(context: dict[str, Any], config: MkDocsConfig) -> None:
    """404.html is not a page, so the switcher still holds the last page's links: point it at the homes."""
    # MkDocs renders error pages with absolute links from site_url's path (context base_url).
    base = context["base_url"].rstrip("/") + "/"
    for alternate in switcher_entries(config):
        alternate["link"] = base + language_root(alternate["lang"], config)
    context["languages"] = [dict(alternate) for alternate in switcher_entries(config)]


class NotFoundPage:
    """Every language build renders the root 404.html; the default language's version is kept."""

    def __init__(self) -> None:
        self.kept: str | None = None

    def output(self, output: str, config: MkDocsConfig, offline: bool) -> str:
        if language(config) == default_language(config):
            self.kept = output
        else:
            output = self.kept or output
        if not offline:
            return output
        # The offline build is opened from disk, where the usual absolute 404 links cannot work; the
        # page sits at the site root, so root-relative links become ./ links.
        base = urlsplit(config.site_url or "/").path
        if not base.endswith("/"):
            base += "/"
        output = re.sub(r'((?:href|src)=")' + re.escape(base), r"\g<1>./", output)
        return output.replace(f'"base": "{base}"', '"base": "."')
