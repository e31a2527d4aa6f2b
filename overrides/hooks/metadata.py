"""MkDocs hook: what machines read — update dates, JSON-LD, the .bib download, llms.txt and sources.

- "Updated on" dates come from git, one `git log` call per build (Material shows page.meta.revision_date).
- Paper pages describe themselves in JSON-LD: a TechArticle `about` the paper (a ScholarlyArticle
  with its authors, date and arXiv URL); main.html renders page.meta.json_ld.
- references.bib is published at the site root for download.
- llms.txt lists every page in both languages with a link to its Markdown source, and the sources
  are published next to the pages (papers/01-pythia/ → papers/01-pythia.md).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from bibfile import author_names
from bibfile import parse as parse_bib
from sitedata import BIB_FILE, ROOT, docs_path, load_guide

_updated: dict[str, dt.date] = {}
_pages: dict[str, list[tuple[str, str, str]]] = {}  # language → (title, url, source url)


def git_dates(root: Path) -> dict[str, dt.date]:
    """Last commit date of every file under docs/, from one `git log` (empty outside a git checkout)."""
    try:
        output = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "docs"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    for chunk in output.split("\0")[1:]:
        lines = chunk.strip().splitlines()
        if not lines:
            continue
        day = dt.date.fromisoformat(lines[0])
        for name in lines[1:]:
            dates.setdefault(name.strip(), day)  # newest first: keep the first date seen
    return dates


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _updated.clear()
    _updated.update(git_dates(ROOT))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # MkDocs runs the whole build (on_config included) once per language; start this language afresh.
    _pages[str(config.theme["language"])] = []


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if files.get_file_from_path("references.bib") is None:
        files.append(File.generated(config, "references.bib", abs_src_path=str(BIB_FILE)))
    return files


def _json_ld(page: Page, config: MkDocsConfig, language: str) -> dict[str, Any] | None:
    # Both loaders cache by file modification time: this reads what papers.py already validated.
    paper = load_guide().by_src_path(docs_path(page.file))
    if paper is None:
        return None
    entry = parse_bib(BIB_FILE).entries[paper.key]
    arxiv = entry.fields.get("eprint")
    about: dict[str, Any] = {
        "@type": "ScholarlyArticle",
        "name": entry.fields.get("title", "").replace("{", "").replace("}", ""),
        "author": [{"@type": "Person", "name": name} for name in author_names(entry)],
        "datePublished": paper.date.isoformat(),
    }
    if arxiv:
        about["url"] = f"https://arxiv.org/abs/{arxiv}"
        about["identifier"] = f"arXiv:{arxiv}"
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "TechArticle",
        "headline": page.title,
        "description": page.meta.get("description", ""),
        "inLanguage": "zh-CN" if language == "zh" else "en",
        "about": about,
        "isPartOf": {"@type": "WebSite", "name": config.site_name, "url": config.site_url},
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    if page.canonical_url:
        article["url"] = page.canonical_url
    if "revision_iso" in page.meta:
        article["dateModified"] = page.meta["revision_iso"]
    return article


@event_priority(-50)
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    language = str(config.theme["language"])
    updated = _updated.get(f"docs/{page.file.src_uri}")
    if updated:
        page.meta["revision_iso"] = updated.isoformat()
        page.meta["revision_date"] = f'<time datetime="{updated.isoformat()}">{updated.isoformat()}</time>'
    json_ld = _json_ld(page, config, language)
    if json_ld:
        page.meta["json_ld"] = json_ld
    root = "" if language == config.plugins["i18n"].default_language else f"{language}/"
    source_url = root + docs_path(page.file)  # papers/01-pythia/ → papers/01-pythia.md
    _pages.setdefault(language, []).append((page.title or "", page.url, source_url))
    page.meta["source_url"] = source_url
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Publish the page's Markdown source next to it (see llms.txt)."""
    target = Path(config.site_dir) / page.meta["source_url"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(page.file.abs_src_path, target)
    return output


@event_priority(-120)  # after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return
    lines = [
        "# 2023 AI 论文精读 · Noteworthy AI Papers of 2023",
        "",
        "> A bilingual (Simplified Chinese / English) reading guide to ten AI research papers of 2023, in "
        "reading order. Every number is cited to the paper, its official repository or model card. "
        "Citations `[@key]` in the Markdown sources refer to entries of /references.bib.",
        "",
        "Text is licensed CC BY 4.0. Each link below points to a page's Markdown source.",
        "",
    ]
    headings = {"zh": "简体中文", "en": "English"}
    for language, pages in _pages.items():
        lines += [f"## {headings.get(language, language)}", ""]
        lines += [f"- [{title}]({source})" for title, _url, source in pages]
        lines.append("")
    lines += ["## Optional", "", "- [references.bib](references.bib): every work cited on the site", ""]
    (Path(config.site_dir) / "llms.txt").write_text("\n".join(lines), encoding="utf-8")
