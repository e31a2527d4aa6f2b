"""Check the guide's sources before any build and report every problem at once.

Each problem is one line, `path:line: what is wrong — how to fix it`, and the exit status is 1 when
there is any. Run it with `make check` (part of `make test` and of CI). The rules are those of
`aipapers.rules`, the same the build stops at.

Usage: python -m scripts.check [--root DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aipapers.project import Project
from aipapers.rules import check
from scripts import ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this repository)")
    args = parser.parse_args(argv)
    problems = check(Project(args.root.resolve()))
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s). Nothing is published until `make check` passes.", file=sys.stderr)
        return 1
    print("make check: sources OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
