"""Benchmark what contributors and readers wait for: build cost, scaling, edit loop, page weight, search.

    python -m scripts.bench [--runs 5] [--sizes 10 100 500] [--quick]

Writes bench/report.md and bench/report.json (raw timings go to .cache/bench/). Every build is a
clean `mkdocs build` in a subprocess; medians are reported, and the figure that counts on a noisy
machine is the ratio to the baseline built in the same run: the same Markdown with Material alone
(no i18n, no bibtex, no jieba, no hooks).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from scripts import ROOT

BENCH_DIR = ROOT / "bench"
CACHE = ROOT / ".cache" / "bench"
PROJECT_FILES = ["mkdocs.yml", "papers.yml", "references.bib", "glossary.yml", "vendor.json"]
PROJECT_DIRS = ["docs", "figures", "overrides"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Blocks `import jieba` in the baseline: Material segments Chinese only when it can import it.
NO_JIEBA = "import sys; sys.modules['jieba'] = None; from mkdocs.__main__ import cli; cli()"


@dataclass
class Timing:
    seconds: list[float]
    peak_kb: int

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def copy_project(target: Path) -> Path:
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, target / name)
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    prerendered = ROOT / ".cache" / "prerender"  # what `make prerender` drew: the published pages use it
    if prerendered.exists():
        shutil.copytree(prerendered, target / ".cache" / "prerender")
    return target


def write_baseline_config(project: Path) -> Path:
    """Material alone over the same Markdown (both language folders as plain sections)."""
    config = project / "mkdocs.baseline.yml"
    config.write_text(
        "site_name: Baseline\n"
        "docs_dir: docs\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n"
        "markdown_extensions:\n  - abbr\n  - admonition\n  - attr_list\n  - footnotes\n  - md_in_html\n"
        "  - tables\n  - toc:\n      permalink: true\n  - pymdownx.arithmatex:\n      generic: true\n"
        "  - pymdownx.details\n  - pymdownx.highlight\n  - pymdownx.superfences\n"
        "validation:\n  links:\n    not_found: ignore\n    unrecognized_links: ignore\n    anchors: ignore\n",
        encoding="utf-8",
    )
    return config


def timed_build(
    project: Path, config: Path | None, runs: int, *, baseline: bool = False, jieba: bool = False
) -> Timing:
    seconds: list[float] = []
    peak = 0
    for _ in range(runs):
        site = project / "site-bench"
        shutil.rmtree(site, ignore_errors=True)
        mkdocs = ["-c", NO_JIEBA] if baseline and not jieba else ["-m", "mkdocs"]
        command = [sys.executable, *mkdocs, "build", "--site-dir", str(site), "-q"]
        if config:
            command += ["--config-file", str(config)]
        started = time.perf_counter()
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *command], cwd=project, env=ENV, capture_output=True, text=True, check=False
        )
        seconds.append(time.perf_counter() - started)
        if result.returncode != 0:
            raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
        peak = max(peak, int(result.stderr.strip().splitlines()[-1]))
    return Timing(seconds, peak)


# --- synthetic sites ---------------------------------------------------------------------------


def synthetic_site(target: Path, papers: int) -> Path:
    """The real site with `papers` paper pages per language, cloned from the real ones in turn.

    Each clone is a paper of its own: its key and its companions' keys are renamed, so the .bib
    grows with the guide (13 entries per paper), while background works stay shared as they would
    in a real guide. Reading paths and the print edition are left out (they name the real papers).
    """
    project = copy_project(target)
    from aipapers.bib import parse as parse_bib

    bib = parse_bib(ROOT / "references.bib")
    papers_yml = (ROOT / "papers.yml").read_text(encoding="utf-8")
    head, _, body = papers_yml.partition("\npapers:\n")
    head = re.sub(r"\npaths:\n(?:  .*\n|    .*\n)*", "\n", head)
    originals = [block for block in re.split(r"(?m)^(?=  - id: )", body) if block.strip()]
    own_keys = {re.search(r"key: (\S+)", block).group(1) for block in originals}
    for block in originals:
        own_keys.update(
            re.findall(r"companions: \[(.*)\]", block)[0].replace(" ", "").split(",")
            if "companions: [" in block
            else []
        )
    own_keys.discard("")
    for language in ("zh", "en"):
        for path in (project / "docs" / language / "papers").glob("*.md"):
            path.unlink()
    entries = [entry.raw for key, entry in bib.entries.items() if key not in own_keys]
    blocks = []
    for number in range(1, papers + 1):
        block = originals[(number - 1) % len(originals)]
        old_slug = re.search(r"slug: (\S+)", block).group(1)
        old_id = re.search(r"id: (\S+)", block).group(1)
        rename = {key: f"{key}x{number}" for key in own_keys}
        new_block = block.replace(f"id: {old_id}", f"id: synthetic-{number}")
        new_block = new_block.replace(f"slug: {old_slug}", f"slug: {number:02d}-synthetic-{number}")
        new_block = re.sub(
            r"(key: |companions: \[)([^\]\n]+)",
            lambda m, r=rename: m.group(1) + ", ".join(r.get(k.strip(), k.strip()) for k in m.group(2).split(",")),
            new_block,
        )
        blocks.append(new_block)
        for language in ("zh", "en"):
            text = (ROOT / "docs" / language / "papers" / f"{old_slug}.md").read_text(encoding="utf-8")
            text = text.replace(f"paper: {old_id}", f"paper: synthetic-{number}")
            text = re.sub(r"@([\w-]+)", lambda m, r=rename: f"@{r.get(m.group(1), m.group(1))}", text)
            text = re.sub(r"\]\(\d{2}-[a-z0-9-]+\.md(#[\w-]+)?\)", "](../index.md)", text)
            (project / "docs" / language / "papers" / f"{number:02d}-synthetic-{number}.md").write_text(text, "utf-8")
        for index, key in enumerate(sorted(own_keys)):
            raw = bib.entries[key].raw.replace(f"{{{key},", f"{{{rename[key]},", 1)
            # A paper of its own has an arXiv ID of its own (the rules refuse the same paper twice).
            entries.append(re.sub(r"eprint(\s*)=(\s*)\{[^}]*\}", rf"eprint\1=\2{{2399.{number:03d}{index:02d}}}", raw))
    (project / "papers.yml").write_text(head + "\npapers:\n" + "".join(blocks), encoding="utf-8")
    (project / "references.bib").write_text("\n\n".join(entries) + "\n", encoding="utf-8")
    for language in ("zh", "en"):
        (project / "docs" / language / "print.md").unlink(missing_ok=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("  - print.md\n", "")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


# --- edit loop ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def edit_loop(project: Path, only_language: str | None = None, attempts: int = 3) -> list[float]:
    """Seconds from saving a page to `mkdocs serve` serving the changed page."""
    port = _free_port()
    env = {**ENV, "SITE_URL": f"http://127.0.0.1:{port}/"}
    if only_language:
        env["ONLY_LANG"] = only_language
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    language = only_language or "zh"
    page = project / "docs" / language / "papers" / "05-dpo.md"
    # The default language, or the only one built (ONLY_LANG), is served at the root.
    url = f"http://127.0.0.1:{port}/papers/05-dpo/"
    results = []
    try:
        _wait_for(url, lambda body: True, timeout=120)
        for attempt in range(attempts):
            marker = f"edit-loop-marker-{attempt}-{time.time_ns()}"
            text = page.read_text(encoding="utf-8")
            started = time.perf_counter()
            page.write_text(text + f"\n{marker}\n", encoding="utf-8")
            _wait_for(url, lambda body, m=marker: m in body, timeout=120)
            results.append(time.perf_counter() - started)
            time.sleep(1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def _wait_for(url: str, condition: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
            if condition(response.read().decode("utf-8", "replace")):
                return
        time.sleep(0.05)
    raise TimeoutError(url)


# --- reader cost ---------------------------------------------------------------------------------


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    port = _free_port()
    handler = partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed like GitHub Pages does for text (Lighthouse measures transfer)."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".md", ".bib")

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.is_file() and path.suffix in self.COMPRESSIBLE):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


KINDS = {"html": "HTML", "css": "CSS", "js": "JS", "woff2": "fonts", "json": "search index"}


def page_weight(site: Path, base: str, paths: list[str]) -> dict[str, dict[str, object]]:
    """Bytes (raw and gzip) by type and request count for loading each page, search not opened."""
    from playwright.sync_api import sync_playwright

    from aipapers.browser import CHROMIUM_ARGS, chromium_path

    report: dict[str, dict[str, object]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for path in paths:
            page = browser.new_page()
            requested: list[str] = []
            page.on("requestfinished", lambda request, seen=requested: seen.append(request.url))
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.close()
            by_kind: dict[str, list[int]] = {}
            for url in requested:
                local = site / url.removeprefix(base).split("?")[0].split("#")[0]
                if local.is_dir() or url.endswith("/"):
                    local = local / "index.html"
                if not local.exists():
                    continue
                data = local.read_bytes()
                kind = KINDS.get(local.suffix.lstrip("."), local.suffix.lstrip(".") or "other")
                raw, packed = by_kind.setdefault(kind, [0, 0])[0], by_kind[kind][1]
                by_kind[kind] = [raw + len(data), packed + len(gzip.compress(data, 6))]
            report[path] = {
                "requests": len(requested),
                "bytes": by_kind,
                "total_gzip": sum(packed for _, packed in by_kind.values()),
            }
        browser.close()
    return report


def search_timing(base: str, queries: list[tuple[str, str]]) -> dict[str, float]:
    """Milliseconds from typing a query (index already loaded) to results on screen."""
    from playwright.sync_api import sync_playwright

    from aipapers.browser import CHROMIUM_ARGS, chromium_path

    timings = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for start, query in queries:
            page = browser.new_page()
            page.goto(base + start)
            box = page.locator(".md-search__input")
            box.click()
            box.fill("Pythia")  # loads the index and warms the worker
            page.keyboard.press("End")
            page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
            box.fill("")
            elapsed = page.evaluate(
                """async (query) => {
                    const box = document.querySelector('.md-search__input')
                    const list = document.querySelector('.md-search-result__list')
                    list.innerHTML = ""
                    const started = performance.now()
                    box.value = query
                    box.dispatchEvent(new Event('input', {bubbles: true}))
                    box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}))
                    await new Promise(resolve => {
                        const check = () => list.children.length ? resolve() : requestAnimationFrame(check)
                        check()
                    })
                    return performance.now() - started
                }""",
                query,
            )
            timings[f"{query} (from /{start})"] = round(elapsed, 1)
            page.close()
        browser.close()
    return timings


# --- Lighthouse -------------------------------------------------------------------------------

LIGHTHOUSE = BENCH_DIR / "node_modules" / ".bin" / "lighthouse"


def lighthouse(base: str, paths: list[str]) -> dict[str, dict[str, int]] | str:
    """Lighthouse scores (mobile and desktop presets) on the system Chromium, if npm is available."""
    from aipapers.browser import CHROMIUM_ARGS, chromium_path

    if not LIGHTHOUSE.exists():
        npm = shutil.which("npm")
        if npm is None:
            return "skipped: npm is not installed (Lighthouse is optional for the bench)"
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BENCH_DIR, check=True, capture_output=True)
    scores: dict[str, dict[str, int]] = {}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    for path in paths:
        for preset in ("mobile", "desktop"):
            out = CACHE / f"lighthouse-{preset}-{path.strip('/').replace('/', '_') or 'home'}.json"
            command = [
                str(LIGHTHOUSE),
                base + path,
                f"--chrome-path={chromium_path()}",
                f"--chrome-flags={flags}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--output=json",
                f"--output-path={out}",
                "--quiet",
            ]
            if preset == "desktop":
                command.append("--preset=desktop")
            subprocess.run(command, check=False, capture_output=True, timeout=300)
            if not out.exists():
                scores[f"/{path} ({preset})"] = {"error": 1}
                continue
            categories = json.loads(out.read_text(encoding="utf-8"))["categories"]
            scores[f"/{path} ({preset})"] = {k: round(100 * (v["score"] or 0)) for k, v in categories.items()}
    return scores


# --- reader cost, side by side with Material alone ------------------------------------------------

# Our page → the same Markdown's page in the baseline build (both language folders as sections).
SIDE_BY_SIDE = {"": "zh/", "papers/05-dpo/": "zh/papers/05-dpo/", "en/papers/05-dpo/": "en/papers/05-dpo/"}
BUDGET = {"performance_gap": 3, "tbt_ms": 200, "dom_elements": 1500, "label_px_desktop": 12, "label_px_phone": 11}

# Every element, shadow roots included; the smallest diagram or figure label as displayed.
PAGE_PROBE = """() => {
  // Off-screen blocks are laid out lazily (content-visibility): measure them as drawn on screen.
  const style = document.createElement('style')
  style.textContent = '.md-typeset * { content-visibility: visible !important }'
  document.head.append(style)
  const count = root => { let n = 0; for (const el of root.querySelectorAll('*')) {
    n++; if (el.shadowRoot) n += count(el.shadowRoot) } return n }
  const labels = []
  const svgs = [...document.querySelectorAll('.guide-figure svg')]
  for (const host of document.querySelectorAll('div.mermaid'))
    if (host.shadowRoot) svgs.push(...host.shadowRoot.querySelectorAll('svg'))
  for (const svg of svgs) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
    for (const t of svg.querySelectorAll('text, foreignObject span, foreignObject p, foreignObject div')) {
      if (!t.textContent.trim() || (t.closest('foreignObject') && t.querySelector('*'))) continue
      labels.push(parseFloat(getComputedStyle(t).fontSize) * scale)
    }
  }
  return {dom: count(document), smallest_label_px: labels.length ? Math.round(Math.min(...labels) * 10) / 10 : null}
}"""


def lighthouse_mobile(url: str, out: Path) -> dict[str, float] | None:
    from aipapers.browser import CHROMIUM_ARGS, chromium_path

    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-path={chromium_path()}",
        f"--chrome-flags={flags}",
        "--only-categories=performance",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    out.unlink(missing_ok=True)
    subprocess.run(command, check=False, capture_output=True, timeout=300)
    if not out.exists():
        return None
    result = json.loads(out.read_text(encoding="utf-8"))
    audits = result["audits"]
    return {
        "performance": round(100 * (result["categories"]["performance"]["score"] or 0)),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "lighthouse_dom": int(audits["dom-size"]["numericValue"]),
    }


def side_by_side(real: Path, tmp: Path, runs: int = 3) -> dict[str, object]:
    """Mobile Lighthouse, DOM size and smallest label: this site against Material alone, in one run.

    Both sites are built from the same Markdown and served gzip-compressed like GitHub Pages; the
    Lighthouse runs are interleaved (ours, baseline, ours, …) and the median of `runs` is reported,
    so that the noise of a small machine hits both sides alike.
    """
    from playwright.sync_api import sync_playwright

    from aipapers.browser import CHROMIUM_ARGS, chromium_path

    if not LIGHTHOUSE.exists():
        npm = shutil.which("npm")
        if npm is None:
            return {"skipped": "npm is not installed"}
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BENCH_DIR, check=True, capture_output=True)
    ours, plain = tmp / "ours", tmp / "plain"
    for site, config, baseline in ((ours, None, False), (plain, write_baseline_config(real), True)):
        mkdocs = ["-c", NO_JIEBA] if baseline else ["-m", "mkdocs"]
        command = [sys.executable, *mkdocs, "build", "-q", "--site-dir", str(site)]
        if config:
            command += ["--config-file", str(config)]
        subprocess.run(command, cwd=real, env=ENV, check=True, capture_output=True)
    rows: dict[str, object] = {}
    with serve(ours) as ours_base, serve(plain) as plain_base:
        samples: dict[tuple[str, str], list[dict[str, float]]] = {}
        for run in range(runs):
            for path, plain_path in SIDE_BY_SIDE.items():
                for side, url in (("ours", ours_base + path), ("plain", plain_base + plain_path)):
                    name = f"lh-{side}-{path.strip('/').replace('/', '_') or 'home'}-{run}.json"
                    result = lighthouse_mobile(url, CACHE / name)
                    if result:
                        samples.setdefault((path, side), []).append(result)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            probes: dict[tuple[str, str, int], dict[str, float]] = {}
            for width in (1280, 390):
                tab = browser.new_page(viewport={"width": width, "height": 900})
                for path, plain_path in SIDE_BY_SIDE.items():
                    for side, url in (("ours", ours_base + path), ("plain", plain_base + plain_path)):
                        tab.goto(url)
                        tab.wait_for_load_state("load")
                        probes[(path, side, width)] = tab.evaluate(PAGE_PROBE)
                tab.close()
            browser.close()
    for path in SIDE_BY_SIDE:
        row: dict[str, object] = {}
        for side in ("ours", "plain"):
            runs_of = samples.get((path, side), [])
            row[side] = {
                "performance": statistics.median(r["performance"] for r in runs_of) if runs_of else None,
                "tbt_ms": statistics.median(r["tbt_ms"] for r in runs_of) if runs_of else None,
                "dom": probes[(path, side, 1280)]["dom"],
                "smallest_label_px_1280": probes[(path, side, 1280)]["smallest_label_px"],
                "smallest_label_px_390": probes[(path, side, 390)]["smallest_label_px"],
                "runs": [r["performance"] for r in runs_of],
            }
        rows[f"/{path}"] = row
    return {"pages": rows, "runs": runs, "budget": BUDGET}


# --- report ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="clean builds per measurement (median)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500], help="papers per language")
    parser.add_argument("--quick", action="store_true", help="fewer runs and sizes, for a smoke test")
    parser.add_argument(
        "--reader", action="store_true", help="only the side-by-side reader comparison (Lighthouse, DOM, labels)"
    )
    args = parser.parse_args(argv)
    if args.reader:
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
            (Path(tmp) / "real").mkdir()
            real = copy_project(Path(tmp) / "real")
            result = side_by_side(real, Path(tmp))
        print(render_side_by_side(result))
        report_file = BENCH_DIR / "report.json"
        report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else {}
        report["side_by_side"] = result
        report_file.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
        (BENCH_DIR / "report.md").write_text(render_markdown(report), encoding="utf-8")
        return 0
    if args.quick:
        args.runs, args.sizes = 1, [10, 50]
    CACHE.mkdir(parents=True, exist_ok=True)
    BENCH_DIR.mkdir(exist_ok=True)
    report: dict[str, object] = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}

    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        (Path(tmp) / "real").mkdir()
        real = copy_project(Path(tmp) / "real")
        # Interleaved (ours, Material alone, Material alone with jieba), so that the machine's
        # noise falls on all three alike. The first build of ours is the one from a fresh checkout
        # (no .cache/segment, no .cache/jinja); the median is that of a clean build with its caches.
        config = write_baseline_config(real)
        full, baseline, with_jieba = Timing([], 0), Timing([], 0), Timing([], 0)
        for _ in range(args.runs):
            for timing, run in (
                (full, lambda: timed_build(real, None, 1)),
                (baseline, lambda: timed_build(real, config, 1, baseline=True)),
                (with_jieba, lambda: timed_build(real, config, 1, baseline=True, jieba=True)),
            ):
                once = run()
                timing.seconds += once.seconds
                timing.peak_kb = max(timing.peak_kb, once.peak_kb)
        report["build"] = {
            "site_median_s": round(full.median, 2),
            "site_first_s": round(full.seconds[0], 2),
            "baseline_median_s": round(baseline.median, 2),
            "ratio": round(full.median / baseline.median, 2),
            "baseline_jieba_median_s": round(with_jieba.median, 2),
            "ratio_jieba": round(full.median / with_jieba.median, 2),
            "site_peak_mb": round(full.peak_kb / 1024),
            "baseline_peak_mb": round(baseline.peak_kb / 1024),
            "runs": args.runs,
        }
        print("build", report["build"], flush=True)

        scaling = []
        for size in args.sizes:
            (Path(tmp) / f"synthetic-{size}").mkdir()
            project = synthetic_site(Path(tmp) / f"synthetic-{size}", size)
            timing = timed_build(project, None, max(1, args.runs // 2))
            pages = 2 * (size + 6)  # papers + home, topics, glossary, about per language, roughly
            scaling.append(
                {
                    "papers_per_language": size,
                    "seconds": round(timing.median, 2),
                    "ms_per_page": round(1000 * timing.median / pages, 1),
                }
            )
            print("scaling", scaling[-1], flush=True)
        report["scaling"] = scaling

        edit = {"both languages": edit_loop(real), "ONLY_LANG=en": edit_loop(real, "en")}
        report["edit_loop_s"] = {k: round(statistics.median(v), 2) for k, v in edit.items()}
        print("edit loop", report["edit_loop_s"], flush=True)

        site = Path(tmp) / "served"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], cwd=real, env=ENV, check=False
        )
        if result.returncode == 0:
            with serve(site) as base:
                pages = ["", "en/", "papers/05-dpo/", "en/papers/05-dpo/"]
                report["page_weight"] = page_weight(site, base, pages)
                report["search_ms"] = search_timing(base, [("", "量化"), ("en/", "quantization")])
                report["lighthouse"] = lighthouse(base, ["papers/05-dpo/", "en/papers/05-dpo/"])
            report["search_index_kb"] = {
                "zh": round((site / "search/search_index.json").stat().st_size / 1024),
                "en": round((site / "en/search/search_index.json").stat().st_size / 1024),
            }
        report["side_by_side"] = side_by_side(real, Path(tmp))
    (BENCH_DIR / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    (BENCH_DIR / "report.md").write_text(render_markdown(report), encoding="utf-8")
    print((BENCH_DIR / "report.md").read_text(encoding="utf-8"))
    return 0


def render_side_by_side(result: dict[str, object]) -> str:
    if "pages" not in result:
        return f"Side by side: {result}\n"
    budget = result["budget"]
    lines = [
        f"## Reader cost side by side with Material alone (mobile Lighthouse, median of {result['runs']}, interleaved)",
        "",
        f"Budget: performance within {budget['performance_gap']} points of the plain build, TBT ≤ "
        f"{budget['tbt_ms']} ms, ≤ {budget['dom_elements']} elements (shadow roots included), labels ≥ "
        f"{budget['label_px_desktop']} px at 1,280 px and ≥ {budget['label_px_phone']} px at 390 px.",
        "",
        "| page | performance (ours / plain) | TBT ms (ours / plain) | DOM elements (ours / plain) "
        "| smallest label px at 1,280 / 390 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for page, row in result["pages"].items():
        ours, plain = row["ours"], row["plain"]
        lines.append(
            f"| {page} | {ours['performance']} / {plain['performance']} | {ours['tbt_ms']} / {plain['tbt_ms']} "
            f"| {ours['dom']} / {plain['dom']} | {ours['smallest_label_px_1280']} / {ours['smallest_label_px_390']} |"
        )
    return "\n".join(lines) + "\n"


def render_markdown(report: dict[str, object]) -> str:
    build = report["build"]
    lines = [
        "# Benchmark",
        "",
        f"Machine: {report['machine']['cpus']} CPUs, Python {report['machine']['python']}. "
        "Regenerate with `make bench` (raw output in .cache/bench/).",
        "",
        "## Build cost",
        "",
        "| build | median (s) | peak memory (MB) |",
        "| --- | --- | --- |",
        f"| this site (both languages, every plugin) | {build['site_median_s']} | {build['site_peak_mb']} |",
        f"| baseline: same Markdown, Material alone | {build['baseline_median_s']} | {build['baseline_peak_mb']} |",
        f"| **ratio** | **{build['ratio']}×** (budget 1.5×) | |",
        f"| baseline with jieba (how Material indexes Chinese when it is installed) | "
        f"{build.get('baseline_jieba_median_s', '—')} | |",
        f"| ratio to that baseline | {build.get('ratio_jieba', '—')}× | |",
        f"| this site, first build of a fresh checkout (no segmentation or template cache) | "
        f"{build.get('site_first_s', '—')} | |",
        "",
        "## Scaling",
        "",
        "| papers per language | build (s) | ms per page |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {s['papers_per_language']} | {s['seconds']} | {s['ms_per_page']} |" for s in report["scaling"]]
    lines += ["", "## Edit loop (save → page served by `make serve`)", "", "| mode | seconds |", "| --- | --- |"]
    lines += [f"| {mode} | {seconds} |" for mode, seconds in report["edit_loop_s"].items()]
    if "page_weight" in report:
        lines += [
            "",
            "## Reader cost (search not opened)",
            "",
            "| page | requests | gzip KB | by type (gzip KB) |",
            "| --- | --- | --- | --- |",
        ]
        for page, data in report["page_weight"].items():
            kinds = ", ".join(f"{kind} {round(v[1] / 1024)}" for kind, v in sorted(data["bytes"].items()))
            lines.append(f"| /{page} | {data['requests']} | {round(data['total_gzip'] / 1024)} | {kinds} |")
        lines += ["", "## Search", "", f"Index size (KB): {report['search_index_kb']}", ""]
        lines += [f"- {query}: {ms} ms" for query, ms in report["search_ms"].items()]
    scores = report.get("lighthouse")
    if isinstance(scores, dict):
        lines += [
            "",
            "## Lighthouse (12.2.3, system Chromium, local server)",
            "",
            "| page | performance | accessibility | best practices | SEO |",
            "| --- | --- | --- | --- | --- |",
        ]
        for page, s in scores.items():
            lines.append(
                "| {} | {} | {} | {} | {} |".format(
                    page, s.get("performance"), s.get("accessibility"), s.get("best-practices"), s.get("seo")
                )
            )
    elif scores:
        lines += ["", f"Lighthouse: {scores}"]
    if report.get("side_by_side"):
        lines += ["", render_side_by_side(report["side_by_side"]).rstrip("\n")]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
