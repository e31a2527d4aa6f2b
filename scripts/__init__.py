"""Contributor tools, run as `python -m scripts.<tool>` from the repository root (or via make).

They are thin command lines over the installed `aipapers` package (`make` installs it).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
