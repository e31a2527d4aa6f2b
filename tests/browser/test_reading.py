"""Reading comfort: diagrams and formulas a reader can read on a desktop and on a phone, full
screen on demand, and pages whose HTML (MathML included) is valid, hosted and offline.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import DRAW_ALL, ROOT, Build, Watched, run_make
from reader import open_page

NU_JAR = ROOT / "tests" / "nu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Labels as displayed (font size × the SVG's scale on screen), in every pre-rendered diagram.
DIAGRAMS = """() => [...document.querySelectorAll('div.mermaid')].map(host => {
  const svg = host.shadowRoot && host.shadowRoot.querySelector('svg')
  if (!svg) return {drawn: false}
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
  const sizes = [...svg.querySelectorAll('foreignObject span, foreignObject p, text')]
    .filter(t => t.textContent.trim())
    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale)
  return {drawn: true, smallest: Math.min(...sizes), labels: sizes.length}
})"""

# The same for the figures of figures/ (their labels are SVG text with a font-size in SVG units).
FIGURES = """() => [...document.querySelectorAll('.guide-figure svg')].map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
  const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale)
  return {id: svg.closest('figure').id, smallest: Math.min(...sizes), width: svg.getBoundingClientRect().width}
})"""

# A display formula fits its column, or scrolls sideways with the edge shadow that says so.
FORMULAS = """() => [...document.querySelectorAll('div.arithmatex')].map(box => {
  const style = getComputedStyle(box)
  return {fits: box.scrollWidth <= box.clientWidth + 1, scrolls: ['auto', 'scroll'].includes(style.overflowX),
          cue: style.backgroundImage.includes('gradient'), mathml: !!box.querySelector('math'),
          text: box.textContent.slice(0, 40)}
})"""


@pytest.mark.browser
@pytest.mark.parametrize("width, floor", [(1280, 12), (390, 11)])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_diagrams_figures_and_formulas_are_readable_and_never_cut_off(
    site: Build,
    watched: Watched,
    guide,
    width: int,
    floor: float,
    language: str,
) -> None:
    watched.page.set_viewport_size({"width": width, "height": 900})
    prefix = "" if language == "zh" else "en/"
    for paper in guide.papers:
        open_page(watched, site, f"{prefix}papers/{paper.slug}/")
        watched.page.evaluate(DRAW_ALL)
        diagrams = watched.page.evaluate(DIAGRAMS)
        assert diagrams, f"{paper.slug}: no diagram"
        for diagram in diagrams:
            assert diagram["drawn"], f"{paper.slug}: a diagram was not drawn ahead of time (make prerender)"
            assert diagram["labels"] and diagram["smallest"] >= floor - 0.01, f"{paper.slug} at {width}px: {diagram}"
        figures = watched.page.evaluate(FIGURES)
        assert figures, f"{paper.slug}: no figure"
        for figure in figures:
            assert figure["width"] > 200 and figure["smallest"] >= floor - 0.01, f"{paper.slug} at {width}px: {figure}"
        for formula in watched.page.evaluate(FORMULAS):
            assert formula["mathml"], f"{paper.slug}: formula not typeset ahead of time: {formula}"
            assert formula["fits"] or (formula["scrolls"] and formula["cue"]), f"{paper.slug} at {width}px: {formula}"


@pytest.mark.browser
@pytest.mark.parametrize("selector", ["div.mermaid", ".guide-figure__frame"])
def test_a_diagram_or_figure_opens_full_screen_and_closes(
    site: Build,
    watched: Watched,
    selector: str,
) -> None:
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 800})
    open_page(watched, site, "papers/06-mistral-7b/")
    host = page.locator(selector).first
    inline_width = host.bounding_box()["width"]
    host.scroll_into_view_if_needed()
    host.click()
    dialog = page.locator("dialog.guide-zoom[open]")
    dialog.wait_for(timeout=5_000)
    width = page.evaluate(
        """() => { const p = document.querySelector('dialog.guide-zoom .guide-zoom__picture')
                   const svg = p.shadowRoot ? p.shadowRoot.querySelector('svg') : p.querySelector('svg')
                   return svg.getBoundingClientRect().width }"""
    )
    assert width >= 0.9 * (390 - 40) and width > 0, (width, inline_width)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('dialog.guide-zoom[open]')")
    # The keyboard way in: the button next to the picture.
    button = page.locator(".guide-zoom__open").first
    button.focus()
    page.keyboard.press("Enter")
    dialog.wait_for(timeout=5_000)
    assert page.evaluate("document.activeElement.className").startswith("guide-zoom__close")


def test_built_pages_are_valid_html_apart_from_materials_own_templates(hosted: Build) -> None:
    """The Nu Html Checker finds nothing in what this site writes (MathML, figures, cards, citations).

    Two errors come from Material 9.8.2's templates on every page and are not ours to fix: the
    palette toggles' `autocomplete` on checkboxes and an empty `tabindex` on a label.
    """
    assert NU_JAR.exists(), "run `make test` (it installs the Nu Html Checker from tests/nu with npm ci)"
    pages = [hosted.root / "index.html", hosted.root / "en" / "index.html"]
    pages += sorted((hosted.root / "papers").glob("*/index.html")) + sorted(
        (hosted.root / "en" / "papers").glob("*/index.html")
    )
    pages += [hosted.root / "print" / "index.html", hosted.root / "glossary" / "index.html"]
    result = subprocess.run(
        ["java", "-jar", str(NU_JAR), "--errors-only", "--format", "gnu", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    material = re.compile(
        r"Attribute “autocomplete” is only allowed|Bad value “” for attribute “tabindex” on element “label”"
    )
    errors = [line for line in result.stderr.splitlines() if line.startswith('"') and ": error:" in line]
    errors = [line for line in errors if not material.search(line)]
    assert not errors, "\n".join(errors[:20])
    assert len(pages) == 24 and all(Path(p).exists() for p in pages)


# --- the PDF editions --------------------------------------------------------------------------


def _pdf_fonts(reader) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font the PDF uses."""
    fonts = []
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            if font.get("/Subtype") == "/Type3":  # glyph outlines stored in the PDF itself (Chromium's CJK)
                fonts.append(("Type3", "/ToUnicode" in font))
                continue
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.append((str(font.get("/BaseFont")), embedded))
    return fonts


def test_make_pdf_prints_both_editions_with_every_paper(guide) -> None:
    import unicodedata

    from pypdf import PdfReader

    result = run_make("pdf")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    for language in ("zh", "en"):
        path = ROOT / "build" / f"ai-papers-2023.{language}.pdf"
        reader = PdfReader(path)
        assert (ROOT / "site" / path.name).exists(), "published next to the site"
        # PDF text comes back with CJK compatibility forms (⽂ for 文): compare NFKC-normalized text.
        text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages)))
        for paper in guide.papers:
            from aipapers.pages import read_page

            title = read_page(ROOT / "docs" / language / paper.src_path).headings()[0].text
            assert re.sub(r"\s+", "", unicodedata.normalize("NFKC", title)) in text, f"{language}: {title}"
        assert len(reader.pages) >= 2 * len(guide.papers)
        pages = len(reader.pages)
        assert f"2/{pages}" in re.sub(r"\s+", "", reader.pages[1].extract_text()), "page numbers in the footer"
        assert reader.outline, "the contents are the PDF's bookmarks"
        links = [
            annotation.get_object()
            for page in reader.pages[:3]
            for annotation in (page.get("/Annots") or [])
            if annotation.get_object().get("/Subtype") == "/Link"
        ]
        assert any("/Dest" in link or "/GoTo" in str(link.get("/A", {}).get("/S")) for link in links), "linked contents"
        fonts = _pdf_fonts(reader)
        assert fonts and all(embedded for _, embedded in fonts), f"fonts not embedded: {fonts}"
        if language == "zh":
            # Chinese glyphs travel as outlines (Type3 fonts with a ToUnicode map: searchable, copyable).
            assert any(name == "Type3" for name, _ in fonts) or any("CJK" in name for name, _ in fonts), fonts
            assert re.search(r"[\u4e00-\u9fff]", text)
