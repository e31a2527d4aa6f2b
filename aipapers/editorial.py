"""The guide's house style as rules: Chinese typography, American spelling, one vocabulary,
citations that don't clutter, and provenance a reader can follow.

Each rule is a plain function that takes text (with line numbers) and yields `(line, message)`,
where the message says what is wrong and how to fix it. `rules` applies them (for `make check` and the build)
on every page, on Mermaid labels, on glossary.yml and on papers.yml; tests/cases.py
shows each rule failing on an example.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .pages import CITATION_BLOCK, CITATION_KEY, Page

# CJK Unified Ideographs and Extension A: the characters a Chinese sentence is made of.
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
HAN_CHAR = re.compile(f"[{HAN}]")  # one Chinese character (the one definition the hooks use too)

# Parts of a line that are not prose: math, citations, link targets, attribute lists, HTML, URLs.
NOT_PROSE = [
    re.compile(r"\$\$?[^$]*\$\$?"),
    re.compile(r"\[@[^\]]*\]"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"\{[#.][\w-]+\}"),
    re.compile(r"<[^>]+>"),
    re.compile(r"https?://\S+"),
    re.compile(r"^ {4}\w+: "),  # the option names of a `/// figure` block (their values are prose)
]

Finding = tuple[int, str]


def prose_of(line: str) -> str:
    """The line with everything that is not prose blanked out (positions are not kept)."""
    for pattern in NOT_PROSE:
        line = pattern.sub(" ", line)
    return line


def body_lines(page: Page) -> Iterator[tuple[int, str]]:
    """(line number, prose) for the page's Markdown body, display math and code left out."""
    in_math = False
    for number, line in enumerate(page.lines, start=1):
        if number < page.body_start:
            continue
        if line.strip() == "$$":
            in_math = not in_math
            continue
        if not in_math:
            yield number, prose_of(line)


# --- Chinese typography ----------------------------------------------------------------------

_H = f"[{HAN}]"
ZH_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(f"{_H}[A-Za-z0-9]|[A-Za-z0-9]{_H}"),
        "put a space between Chinese and Latin letters or digits (CONTRIBUTING.md, typography)",
    ),
    (
        re.compile(f"{_H} ?[,;:?!]|(?<!\\d)[,;:?!] ?{_H}|{_H} ?\\(|\\) ?{_H}"),
        "use full-width punctuation (，；：？！（）) in Chinese sentences",
    ),
    (
        re.compile(r"\(\s*[^()]*[" + HAN + r"][^()]*\)"),
        "use full-width parentheses （…） around text in a Chinese sentence",
    ),
    (
        re.compile(r"\d[\d.,]*\s+(?:[KMGTP]i?B)\b"),
        "write a number and its unit without a space (48GB, 26MB), as 65B and 7B are written",
    ),
    (re.compile(r"(?<![A-Za-z])\d[\d.]*K\b"), "write thousands with a lowercase k (9k 条样本, 32k 词元)"),
    (re.compile(r"~"), "write 约 instead of “~” in Chinese text"),
    (re.compile(r"(?<![A-Za-z])vs\.?(?![A-Za-z])"), "write 对 or 与 instead of “vs” in Chinese text"),
    (
        re.compile(r"(?<![\w.+-])\d[\d.,]*[%BMK]?\s?(?:[~～—]|\s-\s|-(?=\d+[%BMK]?(?![\w.-])))\s?\d[\d.]*"),
        "write a numeric range with an en dash and no spaces (70M–12B, 52–55%)",
    ),
]


def chinese_typography(lines: Iterable[tuple[int, str]]) -> Iterator[Finding]:
    """Typography of Chinese prose: one finding per rule and line, quoting the offending text."""
    for number, text in lines:
        for pattern, advice in ZH_RULES:
            match = pattern.search(text)
            if match:
                yield number, f"“{match.group(0).strip()}” — {advice}"


MERMAID_LABEL = re.compile(r'"([^"]*)"')


def mermaid_labels(page: Page) -> Iterator[tuple[int, str]]:
    """(line number, label text) of every quoted label in the page's Mermaid diagrams."""
    for fence in page.fences:
        if fence.language != "mermaid":
            continue
        for offset, line in enumerate(fence.body.splitlines(), start=1):
            for match in MERMAID_LABEL.finditer(line):
                yield fence.line + offset, match.group(1)


# --- one vocabulary (glossary.yml) --------------------------------------------------------------


@functools.cache
def _english_term(english: str) -> re.Pattern[str]:
    """An English term as a word, not inside a longer proper name (the Alignment Handbook is not about alignment)."""
    return re.compile(rf"(?<![\w-])(?<![A-Z]\w )({re.escape(english)})(?![\w-])(?! [A-Z])", re.IGNORECASE)


def glossary_zh(lines: list[tuple[int, str]], glossary: Iterable[Any]) -> Iterator[Finding]:
    """A Chinese page uses each term's one rendering, and names an English term only beside it."""
    terms = list(glossary)
    for number, text in lines:
        for term in terms:
            for word in term.avoid:
                if word in text:
                    yield number, f"“{word}” — this guide writes “{term.zh}” for {term.en} (glossary.yml)"
    prose = "\n".join(text for _, text in lines)
    lowered = prose.lower()
    for term in terms:
        if term.en.lower() in term.zh.lower() or term.zh in prose or term.en.lower() not in lowered:
            continue
        pattern = _english_term(term.en)
        hit = next(((number, m) for number, text in lines if (m := pattern.search(text))), None)
        if hit is not None:
            number, match = hit
            yield (
                number,
                f"“{match.group(1)}” appears without its Chinese rendering — write “{term.zh}（{match.group(1)}）” "
                "at the first use (glossary.yml)",
            )


def glossary_en(lines: list[tuple[int, str]], glossary: Iterable[Any]) -> Iterator[Finding]:
    """An English page uses the glossary's English form of a term, not the forms it lists to avoid."""
    terms = list(glossary)
    for number, text in lines:
        for term in terms:
            for word in term.avoid_en:
                if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE):
                    yield number, f"“{word}” — this guide writes “{term.en}” (glossary.yml)"


# --- American spelling -----------------------------------------------------------------------

# British spellings and their American forms. Stems ending in -ise/-isation are matched by rule
# below; words that end so in American English too (raise, precise, noise…) are listed as fine.
BRITISH = {
    "behaviour": "behavior",
    "colour": "color",
    "favour": "favor",
    "flavour": "flavor",
    "honour": "honor",
    "humour": "humor",
    "labour": "labor",
    "neighbour": "neighbor",
    "rumour": "rumor",
    "endeavour": "endeavor",
    "analyse": "analyze",
    "catalyse": "catalyze",
    "paralyse": "paralyze",
    "labelled": "labeled",
    "labelling": "labeling",
    "modelled": "modeled",
    "modelling": "modeling",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "signalled": "signaled",
    "levelled": "leveled",
    "channelled": "channeled",
    "totalled": "totaled",
    "unlabelled": "unlabeled",
    "licence": "license",
    "programme": "program",
    "centre": "center",
    "metre": "meter",
    "judgement": "judgment",
    "artefact": "artifact",
    "grey": "gray",
    "towards": "toward",
    "whilst": "while",
    "amongst": "among",
    "cheque": "check",
    "catalogue": "catalog",
    "defence": "defense",
    "offence": "offense",
    "fulfil": "fulfill",
    "enrol": "enroll",
    "learnt": "learned",
    "spelt": "spelled",
}
_BRITISH_WORD = re.compile(
    r"\b(" + "|".join(sorted(BRITISH, key=len, reverse=True)) + r")(s|es|ed|ing)?\b", re.IGNORECASE
)
_ISE_WORD = re.compile(r"\b([A-Za-z]+?[^aeiouy\W])is(e|es|ed|ing|ation|ations|er|ers)\b", re.IGNORECASE)
# Endings of words spelled -ise in American English too (otherwise, supervise, precise, surprise…),
# and plurals that only look like verbs (crises, analyses).
AMERICAN_ISE = (
    "wis", "vis", "precis", "concis", "exercis", "excis", "incis", "promis", "premis", "surmis", "demis",
    "advertis", "expertis", "chastis", "pris", "guis", "merchandis", "paradis", "franchis",
)  # fmt: skip
PLURALS = {"analyses", "crises", "bases", "theses", "hypotheses", "syntheses", "emphases", "diagnoses", "parentheses"}
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def american_spelling(lines: Iterable[tuple[int, str]]) -> Iterator[Finding]:
    """British spellings in English prose (quotations are left as their authors wrote them)."""
    for number, text in lines:
        text = QUOTED.sub(" ", text)
        for match in _BRITISH_WORD.finditer(text):
            if match.group(0).lower() in PLURALS:
                continue
            american = BRITISH[match.group(1).lower()] + (match.group(2) or "")
            yield number, f"“{match.group(0)}” — write American English: “{american}”"
        for match in _ISE_WORD.finditer(text):
            if f"{match.group(1)}is".lower().endswith(AMERICAN_ISE) or match.group(0).lower() in PLURALS:
                continue
            yield number, f"“{match.group(0)}” — write American English: “{match.group(1)}iz{match.group(2)}”"


# --- citations -------------------------------------------------------------------------------


def paragraphs(page: Page) -> Iterator[list[tuple[int, str]]]:
    """The body's paragraphs as lists of (line number, text); list items and table rows stand alone."""
    current: list[tuple[int, str]] = []
    for number, line in enumerate(page.lines, start=1):
        if number < page.body_start:
            continue
        stripped = line.strip()
        starts_block = stripped.startswith(("|", "- ", "* ", "+ ", "#")) or re.match(r"\d+\. ", stripped)
        if not stripped or starts_block:
            if current:
                yield current
            current = []
        if stripped:
            current.append((number, line))
            if stripped.startswith(("|", "#")):
                yield current
                current = []
    if current:
        yield current


def repeated_citations(page: Page) -> Iterator[Finding]:
    """A work cited twice in one paragraph: one marker where it supports the most is enough."""
    for paragraph in paragraphs(page):
        seen: set[str] = set()
        for number, line in paragraph:
            for block in CITATION_BLOCK.finditer(line):
                for key in CITATION_KEY.findall(block.group(1)):
                    if key in seen:
                        yield (
                            number,
                            f"`{key}` is cited again in the same paragraph — cite a work once per paragraph, "
                            "where it supports the most",
                        )
                    seen.add(key)


# --- provenance ------------------------------------------------------------------------------

# A `sources` note in papers.yml names where a field was checked: the paper itself (an arXiv
# listing, a section or table), an official repository, a proceedings page or a model card.
PUBLIC_SOURCE = re.compile(
    r"arXiv|§|\bSection\b|\bTable\b|\bFigure\b|\bAppendix\b|\babstract\b|title page|github\.com/|huggingface\.co/"
    r"|model card|proceedings\.mlr\.press|openaccess\.thecvf\.com|proceedings\.neurips\.cc|papers\.nips\.cc"
    r"|aclanthology\.org|openreview\.net|icml\.cc|nips\.cc|neurips\.cc|iclr\.cc|ecva\.net|jmlr\.org|doi\.org"
    r"|\bDOI\b|\bREADME\b|\bLICENSE\b",
    re.IGNORECASE,
)
UNTRUSTED_SOURCE = re.compile(
    r"facts\.yaml|file id|stored corpus|scribd|study\.space|scoutml|researchtrend|scilynk|econpapers", re.IGNORECASE
)


def source_note(note: str) -> str | None:
    """What is wrong with one provenance note, or None when a reader can follow it."""
    bad = UNTRUSTED_SOURCE.search(note)
    if bad:
        return (
            f"names “{bad.group(0)}”, which a reader cannot open or should not trust — cite the arXiv listing, "
            "the paper's section or table, the official repository at a commit, the proceedings page or the model card"
        )
    if not PUBLIC_SOURCE.search(note):
        return (
            "names no public source — cite the arXiv listing, the paper's section or table, the official "
            "repository (github.com/…), the proceedings page or the model card (huggingface.co/…)"
        )
    return None
