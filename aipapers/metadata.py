"""What machines read: update dates, JSON-LD, and llms.txt.

- "Updated on" dates come from git, one `git log` call per build (`git_dates`).
- Paper pages describe themselves in JSON-LD (`json_ld`): a TechArticle `about` the paper (a
  ScholarlyArticle with its authors, date and arXiv URL); main.html renders page.meta.json_ld.
- llms.txt lists every page in both languages with a link to its Markdown source (`llms_txt`);
  the adapter publishes the sources next to the pages and references.bib at the site root.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bib import BibFile, author_names
from .data import Paper


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


@dataclass(frozen=True)
class PageFacts:
    """What JSON-LD says about the page itself."""

    title: str
    description: str
    language: str
    url: str | None
    modified: str | None
    site_name: str
    site_url: str


def json_ld(paper: Paper, bib: BibFile, page: PageFacts) -> dict[str, Any]:
    entry = bib.entries[paper.key]
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
        "description": page.description,
        "inLanguage": "zh-CN" if page.language == "zh" else "en",
        "about": about,
        "isPartOf": {"@type": "WebSite", "name": page.site_name, "url": page.site_url},
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    if page.url:
        article["url"] = page.url
    if page.modified:
        article["dateModified"] = page.modified
    return article


def llms_txt(pages: dict[str, list[tuple[str, str]]]) -> str:
    """llms.txt: per language, (title, link to the Markdown source) of every page."""
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
    for language, entries in pages.items():
        lines += [f"## {headings.get(language, language)}", ""]
        lines += [f"- [{title}]({source})" for title, source in entries]
        lines.append("")
    lines += ["## Optional", "", "- [references.bib](references.bib): every work cited on the site", ""]
    return "\n".join(lines)
