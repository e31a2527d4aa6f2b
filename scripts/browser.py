"""The one way this project starts Chromium: the system browser, headless, never a downloaded one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Flags this machine's closed network needs (no background requests, no updates, no sync).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """CHROME_PATH, else Debian's /usr/bin/chromium, else a chromium or Chrome on the PATH."""
    candidates = [
        os.environ.get("CHROME_PATH"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("google-chrome"),
    ]
    return next((c for c in candidates if c and Path(c).exists()), None)
