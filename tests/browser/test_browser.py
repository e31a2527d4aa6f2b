"""What a reader sees in a real browser (system Chromium), hosted under a sub-path and offline.

Every test runs against both builds: `hosted` is served over HTTP like GitHub Pages, `offline` is
opened from file:// with no server at all.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import DRAW_ALL, Build, Watched, host_prefix
from reader import open_page, search, url_of

pytestmark = pytest.mark.browser

# (query, language of the query) — each must find the Pythia page.
QUERIES = [("检查点", "zh"), ("checkpoint", "en")]


PAGES = ["", "papers/01-pythia/", "en/", "en/papers/01-pythia/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_with_no_console_error_and_no_foreign_request(site: Build, watched: Watched, path: str) -> None:
    open_page(watched, site, path)
    watched.page.wait_for_timeout(500)  # let late requests (fonts, workers) happen
    assert watched.console_errors == []
    assert watched.foreign_requests(host_prefix(site.url)) == []


@pytest.mark.parametrize(("query", "language"), QUERIES)
@pytest.mark.parametrize("start", ["papers/01-pythia/", "en/papers/01-pythia/"])
def test_search_finds_pythia_in_chinese_and_english(
    site: Build, watched: Watched, start: str, query: str, language: str
) -> None:
    open_page(watched, site, start)
    results = search(watched, query)
    wanted = "en/papers/01-pythia" if language == "en" else "/papers/01-pythia"
    assert any(wanted in href and ("/en/" in href) == (language == "en") for href in results), results


@pytest.mark.parametrize(("start", "first_language"), [("papers/01-pythia/", "zh"), ("en/papers/01-pythia/", "en")])
def test_search_shows_the_pages_of_the_readers_language_first(
    site: Build, watched: Watched, start: str, first_language: str
) -> None:
    open_page(watched, site, start)
    results = search(watched, "Chinchilla")  # named on three papers, in both languages: six pages in all
    languages = ["en" if "/en/" in href else "zh" for href in results]
    assert set(languages) == {"zh", "en"}, "both languages match the query"
    assert languages[0] == first_language
    assert languages == sorted(languages, key=lambda lang: lang != first_language), languages


@pytest.mark.parametrize(
    ("start", "target_language", "expected"),
    [
        ("", "en", "en/"),
        ("en/", "zh", ""),
        ("papers/01-pythia/", "en", "en/papers/01-pythia/"),
        ("en/papers/01-pythia/", "zh", "papers/01-pythia/"),
    ],
)
def test_switching_language_keeps_the_page(
    site: Build, watched: Watched, start: str, target_language: str, expected: str
) -> None:
    open_page(watched, site, start)
    page = watched.page
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={target_language}]").click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0] == url_of(site, expected)
    assert page.locator("html").get_attribute("lang") == target_language


def test_404_page_switches_to_the_english_home(server: str, watched: Watched) -> None:
    page = watched.page
    response = page.goto(server + "papers/no-such-paper/")
    assert response is not None and response.status == 404
    # Chromium reports the 404 status of the page itself; nothing else may fail.
    assert [e for e in watched.console_errors if "status of 404" not in e] == []
    assert len(watched.console_errors) <= 1
    assert watched.foreign_requests(server) == []
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_load_state("load")
    assert page.url == server + "en/"


@pytest.mark.parametrize("path", ["papers/01-pythia/", "en/papers/01-pythia/"])
def test_diagrams_and_math_render(site: Build, watched: Watched, path: str) -> None:
    open_page(watched, site, path)
    page = watched.page
    diagram = page.locator("div.mermaid").first  # Material swaps <pre class=mermaid> for a rendered host
    diagram.wait_for(timeout=15_000)
    page.wait_for_function("() => document.querySelector('div.mermaid').getBoundingClientRect().height > 40")
    assert page.locator("div.arithmatex math, math.arithmatex, .arithmatex .katex").count() > 0
    assert watched.console_errors == []


# --- reading comfort and accessibility ------------------------------------------------------------


@pytest.mark.parametrize("path", ["papers/05-dpo/", "en/papers/05-dpo/"])
def test_glossary_tooltip_appears_on_hover(site: Build, watched: Watched, path: str) -> None:
    open_page(watched, site, path)
    page = watched.page
    term = page.locator("article abbr.glossary-term").first
    definition = term.get_attribute("title") or term.get_attribute("data-md-title") or ""
    term.hover(position={"x": 4, "y": 4})  # a long term may wrap: its box centre can miss the text
    tooltip = page.locator(".guide-tip--active").first
    tooltip.wait_for(timeout=5_000)
    assert definition and definition[:10] in tooltip.inner_text()


@pytest.mark.parametrize("path", ["papers/05-dpo/", "en/papers/05-dpo/"])
def test_citation_shows_its_reference_on_hover(site: Build, watched: Watched, path: str) -> None:
    open_page(watched, site, path)
    page = watched.page
    citation = page.locator("article a.footnote-ref").first
    note_id = (citation.get_attribute("href") or "").lstrip("#")
    reference = page.evaluate("id => document.getElementById(id).textContent", note_id).strip()
    citation.hover()
    tooltip = page.locator(".guide-tip--active").first
    tooltip.wait_for(timeout=5_000)
    assert reference[:20] in tooltip.inner_text()
    assert page.locator("[id=guide-tip]").count() == 1, "one shared tooltip, never one per citation"
    # Moving into the tooltip, across the gap, keeps it open: its links can be followed.
    box = tooltip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=12)
    page.wait_for_timeout(500)
    assert page.locator(".guide-tip--active").count() == 1
    page.mouse.move(5, 400)
    page.wait_for_function("() => !document.querySelector('.guide-tip--active')")
    citation.hover()
    tooltip.wait_for(timeout=5_000)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.guide-tip--active')")


@pytest.mark.parametrize("path", ["papers/05-dpo/", "en/papers/05-dpo/"])
def test_glossary_tooltip_opens_from_the_keyboard(site: Build, watched: Watched, path: str) -> None:
    open_page(watched, site, path)
    page = watched.page
    term = page.locator("article abbr.glossary-term").first
    definition = term.get_attribute("title") or term.get_attribute("data-md-title") or ""
    term.focus()
    tooltip = page.locator(".guide-tip--active").first
    tooltip.wait_for(timeout=5_000)
    assert definition and definition[:10] in tooltip.inner_text()


def test_cite_block_copy_button_copies_the_bibtex(server: str, browser: object) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "papers/01-pythia/")
    block = page.locator("h2#cite ~ div.language-bibtex").first
    block.hover()
    block.locator("button.md-clipboard, button.md-code__button[data-md-type=copy]").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied.startswith("@inproceedings{biderman2023pythia,")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_print_edition_prints_every_paper(server: str, browser: object, guide, language: str, tmp_path) -> None:
    import io

    from pypdf import PdfReader

    from aipapers.browser import print_edition

    url = server + ("" if language == "zh" else "en/") + "print/"
    page = browser.new_page()
    page.goto(url)
    titles = [h.inner_text().removesuffix("¶").strip() for h in page.locator("h2.print-paper-title").all()]
    assert len(titles) == len(guide.papers)
    page.close()
    out = tmp_path / "print.pdf"
    print_edition(browser, url, out)  # the same printing as `make pdf`
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    # PDF text comes back with CJK compatibility forms (⽂ for 文): compare NFKC-normalised text.
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages))
    compact = re.sub(r"\s+", "", text)
    assert len(reader.pages) >= 2 * len(guide.papers), "each paper starts on a new page"
    for title in titles:
        assert re.sub(r"\s+", "", unicodedata.normalize("NFKC", title)) in compact, title


@pytest.mark.parametrize("path", ["", "en/", "papers/05-dpo/", "en/papers/05-dpo/", "glossary/", "en/glossary/"])
def test_no_serious_accessibility_violations(site: Build, watched: Watched, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    open_page(watched, site, path)
    watched.page.evaluate(DRAW_ALL)  # check every block as drawn, not the placeholders of off-screen ones
    results = Axe().run(watched.page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in serious]


def test_search_index_loads_only_when_the_search_is_opened(server: str, watched: Watched) -> None:
    open_page(watched, type("Hosted", (), {"url": server})(), "papers/01-pythia/")
    watched.page.wait_for_timeout(1000)
    assert not [url for url in watched.requests if "search_index" in url], "no index before the search is opened"
    results = search(watched, "Pythia")
    assert [url for url in watched.requests if url.endswith("search/search_index.json")]
    assert results
