"""Where the sources live: one list, which the build reads from and `make serve` watches."""

from __future__ import annotations

from pathlib import Path

from aipapers.project import Project


def test_every_source_path_of_the_project_is_watched() -> None:
    project = Project(Path("/repo"))
    paths = {
        name: getattr(project, name)
        for name in dir(Project)
        if isinstance(getattr(Project, name), property) and name != "cache_dir"
    }
    assert set(paths.values()) == set(project.sources()), "a new data file must be added to Project.sources()"


def test_the_core_imports_no_site_generator() -> None:
    """Everything but the adapters runs without MkDocs, its plugins, Material or Zensical installed."""
    import subprocess
    import sys

    core = [
        "bib", "bibstyle", "card", "citations", "compose", "data", "editorial", "extension", "figures", "glossary",
        "metadata", "overviews", "pages", "prerender", "project", "rules", "search_index", "segment", "strings",
    ]  # fmt: skip
    blocked = ["mkdocs", "material", "mkdocs_static_i18n", "mkdocs_bibtex", "zensical", "properdocs"]
    code = (
        "import sys\n"
        + "".join(f"sys.modules[{name!r}] = None\n" for name in blocked)
        + "".join(f"import aipapers.{module}\n" for module in core)
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
