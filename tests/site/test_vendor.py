"""The browser assets the site serves itself: pinned, integrity-checked, licensed, no CDN."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from conftest import ROOT, Build

from aipapers import vendor


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


def test_prerendered_pages_load_no_diagram_or_math_runtime(hosted: Build, guide) -> None:
    """make test runs make prerender first, as the deploy job does: readers get SVG and MathML."""
    for language_root in ("", "en/"):
        for paper in guide.papers:
            html = (hosted.root / f"{language_root}papers/{paper.slug}/index.html").read_text(encoding="utf-8")
            assert "mermaid.min.js" not in html and "katex.min.js" not in html, paper.slug
            assert '<template shadowrootmode="open"><svg' in html, "diagrams are inline SVG"
            assert '<pre class="mermaid">' not in html and "\\(" not in html


def test_without_prerendering_pages_draw_diagrams_and_math_in_the_browser(project: Path) -> None:
    """A contributor without Chromium still gets working pages: the runtimes load where needed."""
    from conftest import run_mkdocs_build

    result = run_mkdocs_build(project, project / "site")  # the copy has no .cache/prerender/
    assert result.returncode == 0, result.stderr
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert "mermaid.min.js" not in home and "katex.min.js" not in home
    paper = (project / "site/papers/01-pythia/index.html").read_text(encoding="utf-8")
    assert "mermaid.min.js" in paper and "katex.min.js" in paper
    assert '<pre class="mermaid">' in paper
