"""What a reader can rely on in the built site, checked in the HTML of a strict hosted build."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import BUILDER, ROOT, Build

LANGUAGES = ("zh", "en")
PAPER_PAGES = "papers"


def source_pages(language: str) -> set[str]:
    folder = ROOT / "docs" / language
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def built_path(source: str, language: str) -> str:
    """docs/<language>/<source> → path of the built HTML file inside the site."""
    stem = source[: -len(".md")]
    prefix = "" if language == "zh" else "en/"
    if stem == "index" or stem.endswith("/index"):
        return f"{prefix}{stem[: -len('index')]}index.html"
    return f"{prefix}{stem}/index.html"


def page_url(path: str) -> str:
    """URL path (relative to the site root) of a built HTML file."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


ALL_PAGES = [(language, source) for language in LANGUAGES for source in sorted(source_pages(language))]


def test_the_site_was_built_by_the_chosen_builder(hosted: Build) -> None:
    """`make test` builds with MkDocs, then once more with ProperDocs (GUIDE_BUILDER=properdocs)."""
    generator = hosted.html("index.html").select_one("meta[name=generator]")["content"]
    assert generator.startswith("mkdocs-ProperDocs 1.6.7" if BUILDER == "properdocs" else "mkdocs-1.6.1")


def test_both_languages_have_the_same_pages() -> None:
    zh, en = source_pages("zh"), source_pages("en")
    assert zh == en, f"only in zh: {sorted(zh - en)}; only in en: {sorted(en - zh)}"
    assert "index.md" in zh


@pytest.mark.parametrize(("language", "source"), ALL_PAGES)
def test_every_page_is_built_in_its_language(hosted: Build, language: str, source: str) -> None:
    soup = hosted.html(built_path(source, language))
    assert soup.html["lang"] == language


def test_navigation_lists_the_papers_in_reading_order(hosted: Build, guide) -> None:
    for language in LANGUAGES:
        soup = hosted.html(built_path("index.md", language))
        links = soup.select("nav.md-nav--primary a.md-nav__link[href*='papers/']")
        labels = [a.get_text(" ", strip=True) for a in links]
        expected = [f"{paper.position:02d} {paper.name}" for paper in guide.papers]
        assert labels == expected, language


def test_previous_and_next_follow_the_reading_order(hosted: Build, guide) -> None:
    papers = list(guide.papers)
    for language in LANGUAGES:
        for index, paper in enumerate(papers):
            path = built_path(f"papers/{paper.slug}.md", language)
            soup = hosted.html(path)
            here = urljoin("https://site.test/", page_url(path))
            previous = soup.select_one("a.md-footer__link--prev")
            expected_previous = (
                built_path(f"papers/{papers[index - 1].slug}.md", language)
                if index
                else built_path("index.md", language)
            )
            assert previous is not None
            assert urljoin(here, previous["href"]) == urljoin("https://site.test/", page_url(expected_previous))
            following = soup.select_one("a.md-footer__link--next")
            if index + 1 < len(papers):
                expected_next = built_path(f"papers/{papers[index + 1].slug}.md", language)
                assert following is not None
                assert urljoin(here, following["href"]) == urljoin("https://site.test/", page_url(expected_next))


@pytest.mark.parametrize(("language", "source"), ALL_PAGES)
def test_language_switcher_links_to_the_same_page_in_each_language(hosted: Build, language: str, source: str) -> None:
    path = built_path(source, language)
    soup = hosted.html(path)
    here = urljoin("https://site.test/sub/", page_url(path))
    links = {a["hreflang"]: a for a in soup.select("a.md-select__link")}
    assert set(links) == set(LANGUAGES)
    for target_language, link in links.items():
        assert not link["href"].startswith(("/", "http")), "switcher links must be relative"
        assert link["lang"] == target_language
        target = urljoin("https://site.test/sub/", page_url(built_path(source, target_language)))
        assert urljoin(here, link["href"]) == target


def test_404_page_is_bilingual_and_links_to_both_home_pages(hosted: Build) -> None:
    soup = hosted.html("404.html")
    base = urlsplit(hosted.url).path
    switcher = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    assert switcher == {"zh": base, "en": f"{base}en/"}
    homes = {a["hreflang"]: a["href"] for a in soup.select(".not-found__homes a")}
    assert homes == switcher
    assert soup.select_one("h1 [lang=en]") is not None


def test_sitemap_declares_every_page_in_both_languages(hosted: Build) -> None:
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(hosted.root / "sitemap.xml")
    urls = tree.getroot().findall("s:url", namespaces)
    locations = {u.findtext("s:loc", namespaces=namespaces) for u in urls}
    for language, source in ALL_PAGES:
        assert urljoin(hosted.url, page_url(built_path(source, language))) in locations
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)}
        assert set(alternates) >= set(LANGUAGES), url.findtext("s:loc", namespaces=namespaces)
        assert all(href.startswith(hosted.url) for href in alternates.values())


def _asset_urls(soup) -> list[str]:
    urls = [tag["src"] for tag in soup.select("[src]")]
    urls += [
        tag["href"]
        for tag in soup.select("link[href]")
        if not {"canonical", "prev", "next", "alternate"} & set(tag.get("rel", []))
    ]
    return urls


def test_no_asset_is_loaded_from_another_host(hosted: Build) -> None:
    offenders = []
    for html_file in hosted.root.rglob("*.html"):
        soup = hosted.html(html_file.relative_to(hosted.root).as_posix())
        for url in _asset_urls(soup):
            parts = urlsplit(url)
            if (parts.scheme or parts.netloc) and not url.startswith(hosted.url):
                offenders.append(f"{html_file.name}: {url}")
    for css in hosted.root.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:[^)'\"]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.name}: {url}")
    assert offenders == []


def test_no_web_fonts_and_system_fonts_for_chinese(hosted: Build) -> None:
    soup = hosted.html("index.html")
    assert "fonts.googleapis" not in str(soup)
    css = (hosted.root / "assets/stylesheets/site.css").read_text(encoding="utf-8")
    for family in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC"):
        assert family in css


def test_reader_features_are_switched_on(hosted: Build) -> None:
    soup = hosted.html(built_path("papers/01-pythia.md", "zh"))
    config = json.loads(soup.select_one("#__config").string)
    for feature in ("content.code.copy", "navigation.footer", "content.action.edit"):
        assert feature in config["features"]
    # Tooltips for terms and citations come from one lazy script, not one component per element.
    assert not {"content.tooltips", "content.footnote.tooltips"} & set(config["features"])
    assert any(s.get("src", "").endswith("assets/javascripts/tips.js") for s in soup.select("script"))
    assert len(soup.select("form[data-md-component=palette] input[name=__palette]")) == 3, "auto/light/dark"
    edit = soup.select_one("a.md-content__button[rel=edit]")
    assert edit is not None and edit["href"].endswith("/edit/main/docs/zh/papers/01-pythia.md")


def test_chinese_headings_get_readable_anchors(hosted: Build) -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    ids = [h["id"] for h in hosted.html(built_path("papers/01-pythia.md", "zh")).select("h2[id], h3[id]")]
    chinese_headings = [
        h for h in hosted.html(built_path("papers/01-pythia.md", "zh")).select("h3") if han.search(h.get_text())
    ]
    assert chinese_headings, "the Pythia page has Chinese subsection headings"
    for heading in chinese_headings:
        assert han.search(heading["id"]), f"anchor {heading['id']!r} lost its Chinese characters"
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("language", LANGUAGES)
def test_citations_render_as_numbered_references_with_a_reference_list(hosted: Build, language: str) -> None:
    soup = hosted.html(built_path("papers/01-pythia.md", language))
    markers = soup.select("sup[id^='fnref'] a.footnote-ref")
    assert markers, "the page cites its sources"
    assert all(marker.get_text().isdigit() for marker in markers)
    heading = soup.select_one("h2#references")
    assert heading is not None
    assert heading.get_text(strip=True).startswith("参考文献" if language == "zh" else "References")
    items = heading.find_next("div", class_="footnote").select("li[id^='fn:']")
    cited = {m["href"].removeprefix("#") for m in markers}
    assert cited == {item["id"] for item in items}
    pythia = soup.select_one("li[id='fn:biderman2023pythia']")
    assert pythia is not None and "Pythia: A Suite for Analyzing" in pythia.get_text(), "titles keep their capitals"
    article = soup.select_one("article")
    for code in article.select("pre, code"):
        code.decompose()
    assert "[@" not in article.get_text(), "no unresolved citation left in the text"


def test_adjacent_citations_are_separated(hosted: Build) -> None:
    for path in hosted.root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"</a></sup><sup id=\"fnref", text), f"{path}: adjacent citations read as one number"


@pytest.mark.parametrize("language", LANGUAGES)
def test_paper_page_has_card_and_cite_block(hosted: Build, language: str, guide) -> None:
    paper = guide.papers[0]
    soup = hosted.html(built_path(f"papers/{paper.slug}.md", language))
    card = soup.select_one("aside.paper-card")
    assert card is not None and card["data-paper"] == paper.id
    text = card.get_text(" ", strip=True)
    assert "Stella Biderman" in text and "13" in text
    assert paper.date.isoformat() in text and paper.venue in text
    assert card.select_one("a[href='https://arxiv.org/abs/2304.01373']") is not None
    assert soup.select_one("h2#cite") is not None
    plain = soup.select_one("h2#cite ~ div.language-text code").get_text()
    assert "Stella Biderman" in plain and "Pythia: A Suite for Analyzing" in plain, "a plain reference to paste"
    bibtex = soup.select_one("h2#cite ~ div.language-bibtex code").get_text()
    assert bibtex.lstrip().startswith("@inproceedings{biderman2023pythia,")


def test_search_index_is_written_per_language_with_its_pages_first(hosted: Build) -> None:
    other_language_prefix = {"zh": "en/", "en": "../"}
    for language, root in (("zh", hosted.root), ("en", hosted.root / "en")):
        docs = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
        for doc in docs:
            other = doc["location"].startswith(other_language_prefix[language])
            boosted = doc.get("boost", 1) >= 1_000  # the reader's language; a page's own boost (0.1) stays
            assert boosted is not other, f"{language}: {doc['location']}"
            target = (root / doc["location"].split("#")[0]).resolve()
            assert target.exists(), f"{language}: search result {doc['location']} points nowhere"
        assert {doc["location"].startswith(other_language_prefix[language]) for doc in docs} == {True, False}
    config = json.loads((hosted.root / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["en"] and config["pipeline"] == ["stopWordFilter"]
    assert "\\u200b" in config["separator"]


def test_chinese_text_is_segmented_in_the_search_index(hosted: Build) -> None:
    index = json.loads((hosted.root / "search/search_index.json").read_text(encoding="utf-8"))
    chinese = [doc["text"] for doc in index["docs"] if re.search(r"[\u4e00-\u9fff]", doc["text"])]
    assert chinese and all("\u200b" in text for text in chinese), "jieba must be installed for Chinese search"
