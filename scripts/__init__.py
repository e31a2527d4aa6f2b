"""Contributor tools (run as `python -m scripts.<tool>` from the repository root, or via make).

The tools share their definitions of the guide's data with the MkDocs hooks, which live in
overrides/hooks/ and import each other by module name; that folder is put on the import path here.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "overrides" / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))
