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
