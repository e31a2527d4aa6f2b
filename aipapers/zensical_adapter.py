"""The Zensical adapter: the guide built by Zensical, one site per language.

Zensical (Material's authors' successor to MkDocs) reads a MkDocs-style config and runs any
Python-Markdown extension, but no MkDocs plugin or hook, and builds one language per site. So, as
hello-algo and FastAPI do, each language is built from its own config, zh at the root and en under
/en/:

    python -m aipapers.zensical_adapter [--root DIR]      (make zensical → build/zensical/site/)

1. the rules run first (`aipapers.rules.check`, the same as `make check` and the MkDocs build);
2. `write_configs` writes zh.yml and en.yml into build/zensical/: the settings of mkdocs.yml, the
   language's name, nav titles and site URL from its i18n section, and the papers of papers.yml in
   reading order, titled as the MkDocs navigation titles them. Zensical wants the docs inside the
   config's folder and keeps its cache in `.cache/` there, so docs/ is copied into that folder: its
   cache stays apart from the project's .cache/ and is cleaned on every build (it caches pages by
   their Markdown alone, so an edit to papers.yml would otherwise go unseen);
3. Zensical builds zh, then en (a build empties its site_dir, so the one at the root goes first).

Per page, `aipapers.extension.GuideExtension` (listed under `markdown_extensions` of those configs as
this module) does what the MkDocs plugin does; this module tells it which page is being converted,
from Zensical's rendering context (`zensical.extensions.context`, the one import of Zensical in this
package). CONTRIBUTING.md, "Moving off MkDocs", lists what else a move would take.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from markdown import Markdown

from . import card
from .data import DEFAULT_LANGUAGE, LANGUAGES, load_guide
from .extension import GuideExtension, PageContext
from .project import Project
from .rules import PAPERS_SECTION, check

STAGE = Path("build") / "zensical"  # the configs, a copy of docs/, Zensical's .cache/ and site/


def zensical_page(md: Markdown) -> PageContext | None:
    """The page Zensical is converting, from its rendering context (its meta reaches the templates)."""
    from zensical.extensions.context import ContextPreprocessor

    context = ContextPreprocessor.from_markdown(md)
    if context is None:
        return None
    return PageContext(
        path=context.page.path,
        meta=context.page.meta,
        site_url=str(context.config.get("site_url") or ""),
        directory_urls=bool(context.config.get("use_directory_urls", True)),
    )


def makeExtension(**kwargs: Any) -> GuideExtension:
    """`aipapers.zensical_adapter` under markdown_extensions: the guide's extension, told the page by Zensical."""
    return GuideExtension(page=zensical_page, **kwargs)


# --- one config per language ------------------------------------------------------------------


def _section(text: str, key: str) -> str:
    """A top-level section of mkdocs.yml as written (Python tags and all), e.g. markdown_extensions."""
    match = re.search(rf"^{key}:\n(?:(?:[ #].*)?\n)*", text, re.MULTILINE)
    return match.group(0) if match else ""


def write_configs(project: Project, stage: Path) -> dict[str, Path]:
    """<language>.yml for each language in the stage folder (with a copy of docs/); their paths."""
    # Zensical refuses a docs_dir outside the config's folder (links included): the pages are copied.
    shutil.rmtree(stage / "docs", ignore_errors=True)
    shutil.copytree(project.docs_dir, stage / "docs")
    mkdocs_yml = project.root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    config = project.mkdocs_config()
    plugins = {next(iter(p)) if isinstance(p, dict) else p: p for p in config["plugins"]}
    i18n = plugins["i18n"]["i18n"]
    separator = plugins["search"]["search"]["separator"]
    guide = load_guide(project.papers_file)
    written = {}
    for language in sorted(LANGUAGES, key=lambda lang: lang != DEFAULT_LANGUAGE):  # the root site first
        settings = next(entry for entry in i18n["languages"] if entry["locale"] == language)
        titles = settings.get("nav_translations", {})
        nav: list[Any] = []
        for item in config["nav"]:
            if isinstance(item, dict) and PAPERS_SECTION in item:
                papers = [{card.nav_title(paper): paper.src_path} for paper in guide.papers]
                nav.append({titles.get(PAPERS_SECTION, PAPERS_SECTION): papers})
            elif isinstance(item, dict):
                (name, path), *_ = item.items()
                nav.append({titles.get(name, name): path})
            else:
                nav.append(item)
        root = language == DEFAULT_LANGUAGE
        site = {
            "site_name": settings.get("site_name", config["site_name"]),
            "site_description": settings.get("site_description", config["site_description"]),
            "site_url": config["site_url"] + ("" if root else f"{language}/"),
            "repo_url": config["repo_url"],
            "repo_name": config["repo_name"],
            "edit_uri": f"edit/main/docs/{language}/",
            "copyright": settings.get("copyright", config["copyright"]),
            "docs_dir": f"docs/{language}",
            "site_dir": "site" if root else f"site/{language}",
            "use_directory_urls": True,
            "theme": {**config["theme"], "language": language, "custom_dir": str(project.overrides_dir)},
            "extra_css": config["extra_css"],
            "extra_javascript": config["extra_javascript"],
            "extra": {
                **config["extra"],
                "alternate": [
                    {"name": entry["name"], "lang": entry["locale"], "link": "/" if entry.get("default") else "/en/"}
                    for entry in i18n["languages"]
                ],
            },
            "plugins": {"search": {"separator": separator}},
            "nav": nav,
        }
        extensions = _section(text, "markdown_extensions").rstrip("\n")
        guide_extension = (
            f"  - aipapers.zensical_adapter:\n      root: {json.dumps(str(project.root))}\n      language: {language}\n"
        )
        body = (
            f"# Written by aipapers.zensical_adapter from mkdocs.yml and papers.yml ({language}); do not edit.\n"
            + yaml.safe_dump(site, allow_unicode=True, sort_keys=False)
            + extensions
            + "\n"
            + guide_extension
        )
        path = stage / f"{language}.yml"
        path.write_text(body, encoding="utf-8")
        written[language] = path
    return written


def build(project: Project) -> Path:
    """The rules, then one Zensical build per language (the root language first); the site's folder."""
    problems = check(project)
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    stage = project.root / STAGE
    for config in write_configs(project, stage).values():
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "-f", config.name, "--clean"],
            cwd=stage,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise SystemExit(f"zensical build -f {config.name} failed:\n{result.stdout}\n{result.stderr}")
    return stage / "site"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the guide with Zensical, one site per language.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    args = parser.parse_args(argv)
    site = build(Project(args.root.resolve()))
    print(f"zensical: zh at {site}, en at {site / 'en'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
