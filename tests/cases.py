"""Bad inputs a contributor might write, one per rule: each breaks a throw-away copy of the project.

Every case says where the report must point (path, line) and what it must say. tests/unit/test_rules.py
runs the validator on each; tests/site/test_contributor_builds.py holds the build to the same verdict.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conftest import append

ZH, EN = "docs/zh/papers/01-pythia.md", "docs/en/papers/01-pythia.md"


def replace(project: Path, relative: str, old: str, new: str, count: int = 1) -> int:
    """Replace text in a file; return the line number where the first replacement happened."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def line_count(project: Path, relative: str) -> int:
    return len((project / relative).read_text(encoding="utf-8").splitlines())


@dataclass
class Case:
    name: str
    breaks: Callable[[Path], tuple[str, int]]  # returns (path, line) the report must point at
    says: str  # regex the message must match
    breaks_the_site: bool = False  # would break the rendered site if it were built (make build is tried too)


def unknown_key(p: Path) -> tuple[str, int]:
    append(p, EN, "\nA claim [@nosuchkey2023].\n")
    return EN, line_count(p, EN)


def bib_unbalanced(p: Path) -> tuple[str, int]:
    return "references.bib", replace(
        p, "references.bib", "@inproceedings{biderman2023pythia,", "@inproceedings{biderman2023pythia,\n  note = {oops,"
    )


def bib_duplicate(p: Path) -> tuple[str, int]:
    append(
        p,
        "references.bib",
        "\n@misc{biderman2023pythia,\n  title = {x}, author = {A, B}, year = {2023}, url = {https://x.test}\n}\n",
    )
    return "references.bib", line_count(p, "references.bib") - 2


def bib_missing_fields(p: Path) -> tuple[str, int]:
    append(p, "references.bib", "\n@misc{lonely2023note,\n  title = {A note}\n}\n")
    return "references.bib", line_count(p, "references.bib") - 2


def bib_bad_arxiv(p: Path) -> tuple[str, int]:
    append(
        p,
        "references.bib",
        "\n@misc{odd2023id,\n  title = {T}, author = {A, B}, year = {2023}, eprint = {2304.1x}\n}\n",
    )
    return "references.bib", line_count(p, "references.bib") - 2


def one_language_only(p: Path) -> tuple[str, int]:
    (p / "docs/zh/extra.md").write_text("---\ndescription: 只有中文。\n---\n\n# 额外\n", encoding="utf-8")
    return "docs/zh/extra.md", 1


def papers_missing_field(p: Path) -> tuple[str, int]:
    replace(p, "papers.yml", "    venue: ICML 2023\n", "")
    return "papers.yml", _entry_line(p, "pythia")


def papers_bad_date(p: Path) -> tuple[str, int]:
    replace(p, "papers.yml", "date: 2023-04-03", 'date: "April 2023"')
    return "papers.yml", _entry_line(p, "pythia")


def papers_unknown_tag(p: Path) -> tuple[str, int]:
    replace(p, "papers.yml", "tags: [language-models,", "tags: [llm,")
    return "papers.yml", _entry_line(p, "pythia")


def front_matter_missing(p: Path) -> tuple[str, int]:
    text = (p / EN).read_text(encoding="utf-8")
    (p / EN).write_text(re.sub(r"^description:.*\n", "", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    return EN, 1


def front_matter_broken(p: Path) -> tuple[str, int]:
    replace(p, EN, "paper: pythia", "paper: [pythia")
    return EN, 1


def not_in_nav(p: Path) -> tuple[str, int]:
    for language in ("zh", "en"):
        (p / f"docs/{language}/orphan.md").write_text("---\ndescription: x\n---\n\n# Orphan\n", encoding="utf-8")
    return "docs/en/orphan.md", 1


def nav_without_page(p: Path) -> tuple[str, int]:
    line = replace(p, "mkdocs.yml", "  - about.md\n", "  - about.md\n  - missing.md\n")
    return "mkdocs.yml", line + 1


def broken_link(p: Path) -> tuple[str, int]:
    append(p, EN, "\nSee [the glossary](../no-such-page.md).\n")
    return EN, line_count(p, EN)


def broken_anchor(p: Path) -> tuple[str, int]:
    append(p, EN, "\nSee [its method](05-dpo.md#no-such-section).\n")
    return EN, line_count(p, EN)


def missing_image(p: Path) -> tuple[str, int]:
    append(p, EN, "\n![A plot of the loss](../assets/loss.png)\n")
    return EN, line_count(p, EN)


def image_without_alt(p: Path) -> tuple[str, int]:
    (p / "docs/assets").mkdir(exist_ok=True)
    (p / "docs/assets/plot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    append(p, EN, "\n![](../../assets/plot.png)\n")
    return EN, line_count(p, EN)


def raw_script(p: Path) -> tuple[str, int]:
    append(p, EN, '\n<script src="https://evil.test/x.js"></script>\n')
    return EN, line_count(p, EN)


def raw_iframe(p: Path) -> tuple[str, int]:
    append(p, EN, '\n<iframe src="https://video.test/embed"></iframe>\n')
    return EN, line_count(p, EN)


def inline_handler(p: Path) -> tuple[str, int]:
    append(p, EN, '\n<span onclick="steal()">click</span>\n')
    return EN, line_count(p, EN)


def javascript_link(p: Path) -> tuple[str, int]:
    append(p, EN, "\n[click me](javascript:alert(1))\n")
    return EN, line_count(p, EN)


def not_utf8(p: Path) -> tuple[str, int]:
    data = (p / EN).read_bytes() + "\nCafé\n".encode("latin-1")
    (p / EN).write_bytes(data)
    return EN, data.count(b"\n")


def duplicate_slug(p: Path) -> tuple[str, int]:
    text = (p / "papers.yml").read_text(encoding="utf-8")
    block = re.search(r"^  - id: pythia\n(?:    .*\n|      .*\n)+", text, re.MULTILINE).group(0)
    twin = block.replace("id: pythia", "id: pythia-again").replace("key: biderman2023pythia", "key: gao2020pile")
    (p / "papers.yml").write_text(text + twin, encoding="utf-8")
    return "papers.yml", text.count("\n") + 1


def duplicate_paper(p: Path) -> tuple[str, int]:
    append(
        p,
        "references.bib",
        "\n@misc{pythia2023again,\n  title = {Pythia again}, author = {A, B}, year = {2023},\n"
        "  eprint = {2304.01373}\n}\n",
    )
    text = (p / "papers.yml").read_text(encoding="utf-8")
    block = re.search(r"^  - id: pythia\n(?:    .*\n|      .*\n)+", text, re.MULTILINE).group(0)
    twin = (
        block.replace("id: pythia", "id: pythia-bis")
        .replace("slug: 01-pythia", "slug: 11-pythia-bis")
        .replace("key: biderman2023pythia", "key: pythia2023again")
    )
    (p / "papers.yml").write_text(text + twin, encoding="utf-8")
    for language in ("zh", "en"):
        shutil.copy2(p / f"docs/{language}/papers/01-pythia.md", p / f"docs/{language}/papers/11-pythia-bis.md")
        replace(p, f"docs/{language}/papers/11-pythia-bis.md", "paper: pythia", "paper: pythia-bis")
    return "papers.yml", text.count("\n") + 1


def languages_cite_differently(p: Path) -> tuple[str, int]:
    append(
        p,
        "references.bib",
        "\n@misc{extra2023note,\n  title = {T}, author = {A, B}, year = {2023}, url = {https://x.test}\n}\n",
    )
    append(p, ZH, "\n补充一条出处[@extra2023note]。\n")
    return EN, 1


def key_numbers_differ(p: Path) -> tuple[str, int]:
    line = replace(p, EN, "| 154 |", "| 155 |")
    return EN, line


def template_left(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n<!-- write: 还没写完 -->\n")
    return ZH, line_count(p, ZH)


def chinese_without_space(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n这个模型有16个检查点。\n")
    return ZH, line_count(p, ZH)


def chinese_half_width(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n模型很小,但很有用。\n")
    return ZH, line_count(p, ZH)


def glossary_term_avoided(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n每个令牌都计入预算。\n")
    return ZH, line_count(p, ZH)


def chinese_diagram_label(p: Path) -> tuple[str, int]:
    append(p, ZH, '\n```mermaid\nflowchart TD\n    A["输入"] --> S["相加: 输出 Y"]\n```\n')
    return ZH, line_count(p, ZH) - 1


def chinese_table_cell(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n| 模型 | 显存 |\n| --- | --- |\n| 65B | 48GB (单卡) |\n")
    return ZH, line_count(p, ZH)


def chinese_unit_spacing(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n显存从 780 GB 降到 48GB。\n")
    return ZH, line_count(p, ZH)


def chinese_thousands(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n训练用了 9K 条样本。\n")
    return ZH, line_count(p, ZH)


def chinese_tilde(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n训练用了 ~9k 条样本。\n")
    return ZH, line_count(p, ZH)


def chinese_vs(p: Path) -> tuple[str, int]:
    append(p, ZH, "\nPythia vs OPT 的比较。\n")
    return ZH, line_count(p, ZH)


def chinese_range_dash(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n准确率只有 52-55%。\n")
    return ZH, line_count(p, ZH)


def chinese_english_term_alone(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n这一招叫 Ghost Attention，用于多轮对话。\n")
    return ZH, line_count(p, ZH)


def english_british_spelling(p: Path) -> tuple[str, int]:
    append(p, EN, "\nThe models' behaviour was analysed at every checkpoint.\n")
    return EN, line_count(p, EN)


def english_avoided_form(p: Path) -> tuple[str, int]:
    append(p, EN, "\nThe suite is used for pre-training studies.\n")
    return EN, line_count(p, EN)


def glossary_british_spelling(p: Path) -> tuple[str, int]:
    old = "en: A small trainable module"
    line = replace(p, "glossary.yml", old, f"{old} with its own behaviour")
    return "glossary.yml", line


def paragraph_cites_twice(p: Path) -> tuple[str, int]:
    append(p, EN, "\nPythia has 16 models [@biderman2023pythia],\nand 154 checkpoints each [@biderman2023pythia].\n")
    return EN, line_count(p, EN)


def _set_source_note(p: Path, note: str) -> tuple[str, int]:
    """Replace Pythia's `sources: date:` note (a one-line or folded scalar) with `note`."""
    lines = (p / "papers.yml").read_text(encoding="utf-8").splitlines()
    at = next(n for n in range(_entry_line(p, "pythia"), len(lines)) if lines[n].startswith("      date:"))
    end = next(n for n in range(at + 1, len(lines)) if len(lines[n]) - len(lines[n].lstrip()) <= 6)
    lines[at:end] = [f'      date: "{note}"']
    (p / "papers.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "papers.yml", at + 1


def source_note_untrusted(p: Path) -> tuple[str, int]:
    return _set_source_note(p, "facts.yaml (verified)")


def source_note_without_source(p: Path) -> tuple[str, int]:
    return _set_source_note(p, "checked carefully")


def figure_without_alt(p: Path) -> tuple[str, int]:
    append(p, ZH, "\n/// figure | nf4-levels\nNF4 的取值。\n///\n")
    return ZH, line_count(p, ZH) - 2


def figure_without_caption(p: Path) -> tuple[str, int]:
    append(p, EN, "\n/// figure | nf4-levels\n    alt: Sixteen NF4 levels next to sixteen even ones.\n///\n")
    return EN, line_count(p, EN) - 2


def figure_alt_breaks_yaml(p: Path) -> tuple[str, int]:
    append(p, EN, "\n/// figure | nf4-levels\n    alt: Two rows: NF4 and even levels.\nA caption.\n///\n")
    return EN, line_count(p, EN) - 2


def figure_unknown(p: Path) -> tuple[str, int]:
    append(p, EN, "\n/// figure | no-such-figure\n    alt: Something.\nA caption.\n///\n")
    return EN, line_count(p, EN) - 3


def figure_labels_differ(p: Path) -> tuple[str, int]:
    replace(p, "figures/nf4-levels.py", '"axis": "Weight after', '"x_axis": "Weight after')
    return "figures/nf4-levels.py", 1


def _entry_line(p: Path, paper_id: str) -> int:
    lines = (p / "papers.yml").read_text(encoding="utf-8").splitlines()
    return lines.index(f"  - id: {paper_id}") + 1


def paper_without_title(p: Path) -> tuple[str, int]:
    text = (p / EN).read_text(encoding="utf-8")
    (p / EN).write_text(re.sub(r"^# .*\n", "", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    end = text.splitlines().index("---", 1)
    return EN, end + 2


def unknown_marker(p: Path) -> tuple[str, int]:
    append(p, "docs/en/about.md", "\n<!-- guide:paper-list -->\n")
    return "docs/en/about.md", line_count(p, "docs/en/about.md")


def citation_with_words(p: Path) -> tuple[str, int]:
    append(p, EN, "\nAs shown before [see @biderman2023pythia].\n")
    return EN, line_count(p, EN)


def nav_without_papers(p: Path) -> tuple[str, int]:
    replace(p, "mkdocs.yml", "  - Papers: []\n", "")
    return "mkdocs.yml", (p / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("nav:") + 1


CASES = [
    Case("unknown citation key", unknown_key, r"unknown citation key `nosuchkey2023`.*references\.bib", True),
    Case("bib: unbalanced braces", bib_unbalanced, r"unbalanced braces", True),
    Case("bib: duplicate key", bib_duplicate, r"duplicate key `biderman2023pythia`"),
    Case("bib: missing fields", bib_missing_fields, r"`lonely2023note` lacks author, year, eprint/doi/url"),
    Case("bib: malformed arXiv ID", bib_bad_arxiv, r"not an arXiv ID"),
    Case("page in one language only", one_language_only, r"has no en version — add docs/en/extra\.md", True),
    Case("papers.yml: missing field", papers_missing_field, r"`venue` is required", True),
    Case("papers.yml: malformed date", papers_bad_date, r"`date` must be a date.*YYYY-MM-DD", True),
    Case("papers.yml: unknown tag", papers_unknown_tag, r"unknown tag 'llm'"),
    Case("front matter: missing field", front_matter_missing, r"front matter lacks `description`"),
    Case("front matter: not YAML", front_matter_broken, r"front matter is not valid YAML", True),
    Case("page not in the navigation", not_in_nav, r"not in the navigation — add it to `nav` in mkdocs\.yml"),
    Case("nav entry without a page", nav_without_page, r"nav entry `missing\.md` has no page", True),
    Case("broken link", broken_link, r"broken link: `\.\./no-such-page\.md`", True),
    Case("broken anchor", broken_anchor, r"broken anchor: `#no-such-section`"),
    Case("missing image", missing_image, r"broken image"),
    Case("image without alt text", image_without_alt, r"image without alt text"),
    Case("raw script", raw_script, r"raw <script>"),
    Case("raw iframe", raw_iframe, r"raw <iframe>"),
    Case("inline event handler", inline_handler, r"inline event handler"),
    Case("javascript: link", javascript_link, r"javascript: link"),
    Case("not UTF-8", not_utf8, r"not UTF-8"),
    Case("duplicate slug", duplicate_slug, r"duplicate slug '01-pythia'", True),
    Case("duplicate paper", duplicate_paper, r"same paper \(arXiv 2304\.01373\)"),
    Case(
        "languages cite different works", languages_cite_differently, r"cites different works.*only zh: extra2023note"
    ),
    Case("key numbers differ", key_numbers_differ, r"key number 155 differs"),
    Case("template text left", template_left, r"template text left"),
    Case("Chinese: no space before digits", chinese_without_space, r"“有1” — put a space"),
    Case("Chinese: half-width comma", chinese_half_width, r"“小,” — use full-width punctuation"),
    Case("Chinese: term outside the glossary", glossary_term_avoided, r"“令牌” — this guide writes “词元”"),
    Case("Chinese: diagram label punctuation", chinese_diagram_label, r"“加:” — use full-width punctuation"),
    Case("Chinese: table cell parentheses", chinese_table_cell, r"“\(单卡\)” — use full-width parentheses"),
    Case("Chinese: number and unit", chinese_unit_spacing, r"“780 GB” — write a number and its unit without a space"),
    Case("Chinese: thousands", chinese_thousands, r"“9K” — write thousands with a lowercase k"),
    Case("Chinese: tilde", chinese_tilde, r"“~” — write 约"),
    Case("Chinese: vs", chinese_vs, r"“vs” — write 对 or 与"),
    Case("Chinese: range dash", chinese_range_dash, r"“52-55” — write a numeric range with an en dash"),
    Case(
        "Chinese: English term without its rendering",
        chinese_english_term_alone,
        r"“Ghost Attention” appears without its Chinese rendering — write “幽灵注意力（Ghost Attention）”",
    ),
    Case("English: British spelling", english_british_spelling, r"“behaviour” — write American English: “behavior”"),
    Case("English: avoided form", english_avoided_form, r"“pre-training” — this guide writes “pretraining”"),
    Case("glossary: British spelling", glossary_british_spelling, r"“behaviour” — write American English"),
    Case("citation repeated in a paragraph", paragraph_cites_twice, r"`biderman2023pythia` is cited again"),
    Case("provenance: untrusted source", source_note_untrusted, r"sources note `date` of `pythia` names “facts\.yaml”"),
    Case("provenance: no public source", source_note_without_source, r"names no public source"),
    Case("figure without alt text", figure_without_alt, r"figure `nf4-levels` has no alt text"),
    Case("figure without caption", figure_without_caption, r"figure `nf4-levels` has no caption"),
    Case("figure alt text that breaks YAML", figure_alt_breaks_yaml, r"not valid YAML.*put the alt text in quotes"),
    Case("unknown figure", figure_unknown, r"there is no figure `no-such-figure`", True),
    Case("figure labels differ by language", figure_labels_differ, r"LABELS differ between zh and en"),
    Case("paper page without a title", paper_without_title, r"no `# Title` heading", True),
    Case("unknown overview block", unknown_marker, r"unknown block `<!-- guide:paper-list -->`", True),
    Case("citation with words inside", citation_with_words, r"`\[see @biderman2023pythia\]` is not a citation", True),
    Case("nav without the papers section", nav_without_papers, r"the nav has no `- Papers: \[\]` section", True),
]
