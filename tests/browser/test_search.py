"""Search lands on the right paper, for Chinese and English queries, hosted and offline.

A public relevance test: each query names what a reader looks for and the paper page that should
come first, in the reader's language (a glossary hit may come second). The rates are printed, so
`pytest -s tests/browser/test_search.py` shows them; the test fails when a query misses the top three or
when fewer than 90 % land first.
"""

from __future__ import annotations

import pytest
from conftest import Build, Watched
from reader import open_page, search

pytestmark = pytest.mark.browser

ZH = [
    ("检查点", "01-pythia"),
    ("记忆", "01-pythia"),
    ("去重", "01-pythia"),
    ("训练动态", "01-pythia"),
    ("幽灵注意力", "02-llama-2"),
    ("拒绝采样", "02-llama-2"),
    ("红队测试", "02-llama-2"),
    ("量化", "03-qlora"),
    ("分页优化器", "03-qlora"),
    ("双重量化", "03-qlora"),
    ("金融", "04-bloomberggpt"),
    ("金融数据", "04-bloomberggpt"),
    ("直接偏好优化", "05-dpo"),
    ("隐式奖励", "05-dpo"),
    ("滑动窗口注意力", "06-mistral-7b"),
    ("混合专家", "06-mistral-7b"),
    ("提示擦除", "07-orca-2"),
    ("推理策略", "07-orca-2"),
    ("卷积网络", "08-convnets-match-vits"),
    ("图像分割", "09-segment-anything"),
    ("掩码解码器", "09-segment-anything"),
    ("数据引擎", "09-segment-anything"),
    ("文本到视频", "10-emu-video"),
    ("视频生成", "10-emu-video"),
]
EN = [
    ("checkpoint", "01-pythia"),
    ("memorization", "01-pythia"),
    ("deduplicated Pile", "01-pythia"),
    ("training dynamics", "01-pythia"),
    ("ghost attention", "02-llama-2"),
    ("rejection sampling", "02-llama-2"),
    ("red teaming", "02-llama-2"),
    ("quantization", "03-qlora"),
    ("paged optimizer", "03-qlora"),
    ("NormalFloat", "03-qlora"),
    ("financial data", "04-bloomberggpt"),
    ("FinPile", "04-bloomberggpt"),
    ("direct preference optimization", "05-dpo"),
    ("implicit reward", "05-dpo"),
    ("sliding window attention", "06-mistral-7b"),
    ("mixture of experts", "06-mistral-7b"),
    ("prompt erasure", "07-orca-2"),
    ("reasoning strategies", "07-orca-2"),
    ("NFNet", "08-convnets-match-vits"),
    ("image segmentation", "09-segment-anything"),
    ("mask decoder", "09-segment-anything"),
    ("data engine", "09-segment-anything"),
    ("text-to-video", "10-emu-video"),
    ("video generation", "10-emu-video"),
]


def rank(hrefs: list[str], slug: str, language: str) -> int | None:
    """1-based position of the paper page (in the reader's language) among the result pages."""
    pages: list[str] = []
    for href in hrefs:
        page = href.split("#")[0]
        if page not in pages:
            pages.append(page)
    for position, page in enumerate(pages, start=1):
        in_english = "/en/" in f"/{page}" or page.startswith("en/")
        if slug in page and in_english == (language == "en"):
            return position
    return None


@pytest.mark.parametrize("language, queries", [("zh", ZH), ("en", EN)], ids=["zh", "en"])
def test_queries_land_on_the_right_paper(site: Build, watched: Watched, language: str, queries) -> None:
    assert len(queries) >= 20
    open_page(watched, site, "" if language == "zh" else "en/")
    ranks = {}
    for query, slug in queries:
        watched.page.locator(".md-search__input").fill("")
        ranks[query] = rank(search(watched, query), slug, language)
    top1 = sum(r == 1 for r in ranks.values()) / len(ranks)
    top3 = sum(r is not None and r <= 3 for r in ranks.values()) / len(ranks)
    print(f"\n{language} ({site.url.split(':')[0]}): top-1 {top1:.0%}, top-3 {top3:.0%} of {len(ranks)} queries")
    misses = {q: r for q, r in ranks.items() if r != 1}
    assert top3 == 1.0, f"outside the top three: {misses}"
    assert top1 >= 0.9, f"not first: {misses}"


def test_chinese_query_is_cut_into_words_before_it_is_searched(server: str, watched: Watched) -> None:
    watched.page.goto(server)
    segmented = watched.page.evaluate("window.__guideSegmentQuery('图像分割 SAM')")
    assert segmented.split(" ")[-1] == "SAM"
    assert "\\" in segmented and len(segmented.split(" ")) >= 3, segmented
