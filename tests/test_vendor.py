"""The browser assets the site serves itself: pinned, integrity-checked, licensed, no CDN."""

from __future__ import annotations

import base64
import hashlib
import json

from conftest import ROOT, Build

from scripts import vendor


def test_integrity_check_rejects_a_tampered_tarball() -> None:
    blob = b"some package bytes"
    good = "sha512-" + base64.b64encode(hashlib.sha512(blob).digest()).decode()
    assert vendor.verify_integrity(blob, good)
    assert not vendor.verify_integrity(blob + b"!", good)


def test_every_vendored_package_is_pinned_installed_and_licensed() -> None:
    manifest = json.loads((ROOT / "vendor.json").read_text(encoding="utf-8"))["packages"]
    assert vendor.is_current(vendor.load_manifest()), "run `make vendor`"
    for name, spec in manifest.items():
        assert spec["version"][0].isdigit(), f"{name}: pin an exact version"
        assert spec["integrity"].startswith("sha512-")
        assert (vendor.TARGET / name / "LICENSE").exists(), f"{name} ships its licence"


def test_built_site_serves_the_vendored_runtimes(hosted: Build) -> None:
    for path in (
        "assets/vendor/mermaid/dist/mermaid.min.js",
        "assets/vendor/katex/dist/katex.min.js",
        "assets/vendor/katex/dist/fonts/KaTeX_Main-Regular.woff2",
        "assets/vendor/iframe-worker/shim/index.js",
    ):
        assert (hosted.root / path).exists(), path


def test_diagram_and_math_runtimes_load_only_where_needed(hosted: Build) -> None:
    home = (hosted.root / "index.html").read_text(encoding="utf-8")
    assert "mermaid.min.js" not in home and "katex.min.js" not in home
    paper = (hosted.root / "papers/01-pythia/index.html").read_text(encoding="utf-8")
    assert "mermaid.min.js" in paper and "katex.min.js" in paper
