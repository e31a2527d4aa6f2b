"""Beyond the basics: glossary tooltips, topics and paths, citing, print edition, machine metadata."""

from __future__ import annotations

import json
import re
import subprocess
from urllib.parse import urljoin

import pytest
import yaml
from conftest import ROOT, Build

from aipapers.data import TAGS, load_glossary

LANGUAGES = ("zh", "en")
HAN = re.compile(r"[\u4e00-\u9fff]")


def prefix(language: str) -> str:
    return "" if language == "zh" else "en/"


# --- glossary ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_page_lists_every_term_with_its_definition(hosted: Build, language: str) -> None:
    soup = hosted.html(f"{prefix(language)}glossary/index.html")
    rows = soup.select("article table tbody tr")
    terms = load_glossary(ROOT / "glossary.yml")
    assert len(rows) == len(terms)
    for term in terms:
        assert term.definition and term.definition[language], f"{term.en}: no {language} definition"
    text = soup.select_one("article table").get_text(" ")
    assert all(term.definition[language] in text for term in terms)


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_terms_get_a_tooltip_in_the_pages_language(hosted: Build, language: str) -> None:
    soup = hosted.html(f"{prefix(language)}papers/05-dpo/index.html")
    tooltips = soup.select("article abbr.glossary-term[title]")
    by_abbr = {term.abbr: term.definition[language] for term in load_glossary(ROOT / "glossary.yml") if term.abbr}
    assert {by_abbr["DPO"], by_abbr["RLHF"], by_abbr["PPO"]} <= {abbr["title"] for abbr in tooltips}
    for abbr in tooltips:
        in_chinese = bool(HAN.search(abbr["title"]))
        assert in_chinese == (language == "zh"), abbr
    for abbr in tooltips:
        assert not abbr.find_parent(["code", "pre", "a", "h1", "h2", "h3", "h4"]), (
            "never inside code, links or headings"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_term_gets_its_tooltip_once_per_page_at_its_first_use(hosted: Build, guide, language: str) -> None:
    for paper in guide.papers:
        soup = hosted.html(f"{prefix(language)}papers/{paper.slug}/index.html")
        titles = [abbr["title"] for abbr in soup.select("article abbr.glossary-term")]
        assert titles, paper.slug
        assert len(titles) == len(set(titles)), f"{paper.slug}: a term is explained twice"
        assert all(abbr.get("tabindex") == "0" for abbr in soup.select("abbr.glossary-term")), "focusable"
    # The first use carries the tooltip: no paragraph before it mentions the term unwrapped.
    soup = hosted.html(f"{prefix(language)}papers/05-dpo/index.html")
    for abbr in soup.select("article abbr.glossary-term")[:5]:
        earlier = [p for p in abbr.find_all_previous("p") if p.find_parent("article") and p is not abbr.parent]
        assert not any(abbr.get_text() in p.get_text() for p in earlier), abbr.get_text()


def test_ambiguous_chinese_words_get_no_tooltip(hosted: Build) -> None:
    ambiguous = {term.zh for term in load_glossary(ROOT / "glossary.yml") if term.ambiguous_zh}
    soup = hosted.html("papers/07-orca-2/index.html")
    assert ambiguous and not {abbr.get_text() for abbr in soup.select("abbr.glossary-term")} & ambiguous


# --- topics and reading paths ----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_topic_index_has_a_section_per_used_tag(hosted: Build, language: str, guide) -> None:
    soup = hosted.html(f"{prefix(language)}topics/index.html")
    used = [tag for tag in TAGS if any(tag in paper.tags for paper in guide.papers)]
    assert [h2["id"] for h2 in soup.select("article h2[id]")] == used
    for tag in used:
        links = soup.select_one(f"h2#{tag}").find_next("ul").select("a")
        expected = [paper for paper in guide.papers if tag in paper.tags]
        assert [a["href"].split("/")[-2] for a in links] == [paper.slug for paper in expected]


@pytest.mark.parametrize("language", LANGUAGES)
def test_card_tags_link_to_their_topic_and_paths_name_the_next_paper(hosted: Build, language: str, guide) -> None:
    path = guide.paths[0]
    first, second = path.papers[0], path.papers[1]
    page = f"{prefix(language)}papers/{first.slug}/index.html"
    soup = hosted.html(page)
    card = soup.select_one("aside.paper-card")
    here = urljoin("https://site.test/", page)
    for tag_link in card.select("a.paper-card__tag"):
        target = urljoin(here, tag_link["href"])
        assert target.startswith(urljoin("https://site.test/", f"{prefix(language)}topics/") + "#")
    next_links = [urljoin(here, a["href"]) for a in card.select("dd a") if path.title[language] in a.parent.get_text()]
    assert urljoin("https://site.test/", f"{prefix(language)}papers/{second.slug}/") in next_links


# --- citing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_bibliography_page_lists_every_work_grouped_with_links(hosted: Build, language: str, guide) -> None:
    from aipapers.bib import parse as parse_bib

    soup = hosted.html(f"{prefix(language)}bibliography/index.html")
    groups = soup.select("article h2")
    assert len(groups) == 3, "the ten papers, their companions, other works"
    lists = [group.find_next("ol") for group in groups]
    assert len(lists[0].select("li")) == len(guide.papers)
    assert len(lists[1].select("li")) == sum(len(paper.companions) for paper in guide.papers)
    entries = parse_bib(ROOT / "references.bib").entries
    assert sum(len(items.select("li")) for items in lists) == len(entries)
    for item in soup.select("article ol li"):
        assert item.select_one("a[href^='https://']"), item.get_text()[:80]
    download = soup.select_one("article a[href$='references.bib']")
    assert download is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_itself_can_be_cited(hosted: Build, language: str) -> None:
    soup = hosted.html(f"{prefix(language)}about/index.html")
    assert soup.select_one("h2#cite-guide") is not None
    assert "AI Papers 2023 contributors" in soup.select_one("h2#cite-guide ~ div.language-text code").get_text()
    assert "@misc{aipapers2023guide," in soup.select_one("h2#cite-guide ~ div.language-bibtex code").get_text()


def test_the_bibliography_file_and_citation_cff_are_published(hosted: Build) -> None:
    assert (hosted.root / "references.bib").read_bytes() == (ROOT / "references.bib").read_bytes()
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"].startswith("1.2") and cff["license"] == "CC-BY-4.0"


# --- print edition ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_edition_contains_every_paper_in_order_with_a_merged_bibliography(
    hosted: Build, language: str, guide
) -> None:
    soup = hosted.html(f"{prefix(language)}print/index.html")
    titles = soup.select("h2.print-paper-title")
    assert [h2["id"] for h2 in titles] == [paper.slug for paper in guide.papers]
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids)), "ids stay unique when the pages are merged"
    cited = {li["id"].removeprefix("fn:") for li in soup.select("div.footnote li[id^='fn:']")}
    assert {paper.key for paper in guide.papers} <= cited


# --- metadata for machines -------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_paper_pages_describe_themselves_for_search_engines(hosted: Build, language: str, guide) -> None:
    for paper in guide.papers:
        soup = hosted.html(f"{prefix(language)}papers/{paper.slug}/index.html")
        description = soup.select_one("meta[name=description]")["content"]
        assert description and soup.select_one("meta[property='og:description']")["content"] == description
        assert soup.select_one("meta[property='og:type']")["content"] == "article"
        assert soup.select_one("meta[property='og:url']")["content"].startswith(hosted.url)
        data = json.loads(soup.select_one("script[type='application/ld+json']").string)
        assert data["@type"] == "TechArticle" and data["about"]["@type"] == "ScholarlyArticle"
        assert data["about"]["datePublished"] == paper.date.isoformat()
        assert data["about"]["url"].startswith("https://arxiv.org/abs/")
        assert data["inLanguage"].startswith(language)


def test_llms_txt_lists_every_page_with_its_markdown_source(hosted: Build) -> None:
    text = (hosted.root / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith("# ")
    links = re.findall(r"\]\(([^)]+\.md)\)", text)
    sources = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    expected = {source.removeprefix("zh/") for source in sources}
    assert set(links) == expected
    for link in links:
        assert (hosted.root / link).exists(), link


def test_pages_show_when_they_were_last_updated(hosted: Build) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert tracked, "the pages are committed"
    for source in tracked:
        language, rest = source.removeprefix("docs/").split("/", 1)
        stem = rest.removesuffix(".md")
        built = f"{prefix(language)}{'' if stem == 'index' else stem + '/'}index.html"
        time = hosted.html(built).select_one(".md-source-file time[datetime]")
        assert time is not None, built
