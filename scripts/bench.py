#!/usr/bin/env python3
"""Benchmark kunskapsbank against N synthetic cases, optionally against stock Material.

Usage:
    .venv/bin/python scripts/bench.py [--cases 1000 5000] [--runs 3] [--compare-naive]
                                      [--text zipf|fa-ord] [--json bench-results/bench.json]
                                      [--no-browser]

For each N it copies the project to a temporary folder, replaces cases/ with N
generated, clearly fictional cases (never written to the real cases/), and
measures, as the median of --runs runs:

- validate: `kunskapsbank validate` wall time
- build: the full `kunskapsbank build` (validation, pages, facets, exports, Pagefind)
  into an empty folder, as the stock-Material build is measured; and, after every
  other measurement, once more over the finished site, which adds deleting the old
  copy after the swap. Nothing else is deleted before the end: on ext4, creating
  files soon after deleting many is slower, which would blur the figures.
- peak memory: the largest resident set of any process of the build (ru_maxrss)
- Pagefind alone: the same Pagefind call on a copy of the finished site, to show
  how much of the build is the search index and how much the engine
- output size, the median case-page size, the Pagefind index size
- first search: the bytes a first query transfers in headless Chromium, from
  Pagefind's files ("golv", and the acronym "IOP", which runs three searches) and for
  the whole visit of /sok/?q=golv (page, scripts, styles, index)
- --text: "zipf" (default) draws the case text from 6,000 pseudo-words with
  Zipf-like frequencies, like real text; "fa-ord" from 38 words evenly, which makes
  Pagefind's work far smaller (shown to compare with figures measured that way)
- with --compare-naive: stock MkDocs + Material with every case in the nav and the
  built-in search plugin, built in the same run, and the ratio of the two.
- with --relevance: search relevance on the repository's real site (no synthetic
  cases): every query of tests/search/queries.yaml through /sok/ in Chromium, printed
  as hit@1, hit@3 and mean reciprocal rank (scripts/relevance.py). Alone (without
  --cases) it measures only that.

Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from synthetic import TEXTS, write_cases  # noqa: E402

from kunskapsbank.content.schemas import load_schemas  # noqa: E402
from kunskapsbank.site.search import pagefind_command  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
import relevance  # noqa: E402

PROJECT_PARTS = ("mkdocs.yml", "docs", "cases", "data", "schemas", "hooks", "overrides")
CHROMIUM = os.environ.get("KUNSKAPSBANK_CHROMIUM", "/usr/bin/chromium")

MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "dt = time.perf_counter() - t\n"
    "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(rc, dt, rss)\n"
)


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of the largest process the command ran."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    rc, seconds, rss = out.stdout.split()
    if rc != "0":
        raise SystemExit(f"Kommandot misslyckades ({rc}): {' '.join(cmd)}\n{out.stderr}")
    return float(seconds), int(rss)


def copy_project(folder: Path) -> Path:
    """A copy of the repository's project (content, schemas, settings) in a new ``folder``."""
    folder.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, folder / part)
        elif src.exists():
            shutil.copy2(src, folder / part)
    return folder


def make_project(folder: Path, count: int, text: str = "zipf") -> Path:
    copy_project(folder)
    schemas = load_schemas(REPO / "schemas")
    write_cases(folder / "cases", count, schemas, text=text)
    return folder


def make_naive_project(folder: Path, cases_dir: Path) -> Path:
    """Stock MkDocs + Material: every case a page in the nav, built-in search on."""
    folder.mkdir(parents=True)
    docs = folder / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "fall").mkdir(exist_ok=True)
    nav_cases = []
    for path in sorted(cases_dir.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        title = path.stem.replace("-", " ").capitalize()
        (docs / "fall" / path.name).write_text(f"# {title}\n{body}", encoding="utf-8")
        nav_cases.append(f"      - fall/{path.name}")
    config = "\n".join(
        [
            "site_name: Naiv jämförelse",
            "site_url: https://kunskapsbank.example/",
            "theme:",
            "  name: material",
            "  language: sv",
            "plugins:",
            "  - search",
            "markdown_extensions: [toc, tables, admonition, attr_list, def_list, abbr, md_in_html]",
            "validation:",
            "  links: {not_found: info, unrecognized_links: info, anchors: info}",
            "  nav: {omitted_files: info, not_found: info}",
            "nav:",
            "  - Start: index.md",
            "  - Fall:",
            *nav_cases,
        ]
    )
    (folder / "mkdocs.yml").write_text(config + "\n", encoding="utf-8")
    return folder


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def first_search_bytes(site: Path, query: str, prefix: str = "/pagefind/") -> int | None:
    """Bytes a first query on /sok/ downloads from URLs holding ``prefix``, in Chromium.

    With the default, Pagefind's files; with ``prefix="/"``, everything the visit loads
    (page, scripts, styles and index)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    total = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                    "--disable-sync",
                ],
            )
            page = browser.new_page()
            sizes: list[int] = []

            def on_response(response) -> None:  # type: ignore[no-untyped-def]
                if prefix in response.url:
                    with contextlib.suppress(Exception):
                        sizes.append(len(response.body()))

            page.on("response", on_response)
            port = server.server_address[1]
            page.goto(f"http://127.0.0.1:{port}/sok/?q={query}")
            page.wait_for_function(relevance.SETTLED, timeout=60_000)
            page.wait_for_timeout(500)
            total = sum(sizes)
            browser.close()
    finally:
        server.shutdown()
    return total


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench_one(
    folder: Path, count: int, runs: int, compare: bool, browser: bool, text: str = "zipf"
) -> dict[str, object]:
    """Measure one size. Nothing is deleted until the whole benchmark is over.

    Every build goes to a folder of its own: ext4 allocates inodes slowly for
    about 30 s after many files are deleted, so deleting the last run's site
    would slow down the next run by as much as a second at 1,000 cases.
    """
    kb = [str(Path(sys.executable).with_name("kunskapsbank"))]
    root = make_project(folder / "projekt", count, text)
    env = bench_env()
    validate = [timed([*kb, "validate", "--project", str(root)], root, env) for _ in range(runs)]
    sites = [folder / f"site-{i}" for i in range(1, runs + 1)]
    # Into an empty folder, like the stock-Material build it is compared with.
    builds = [
        timed([*kb, "build", "--project", str(root), "--site-dir", str(site)], root, env)
        for site in sites
    ]
    site = sites[0]
    # Pagefind alone on copies of the finished site, to tell its share from the engine's.
    pagefind_runs = []
    for i in range(1, runs + 1):
        copy = folder / f"pagefind-alone-{i}"
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
        pagefind_runs.append(timed(pagefind_command(copy), root, env))
    case_pages = sorted(
        p.stat().st_size for p in (site / "fall").glob("syntetiskt-fall-*/index.html")
    )
    result: dict[str, object] = {
        "cases": count,
        "text": text,
        "validate_s": round(median([t for t, _ in validate]), 3),
        "build_s": round(median([t for t, _ in builds]), 3),
        "build_runs_s": [round(t, 3) for t, _ in builds],
        "pagefind_alone_s": round(median([t for t, _ in pagefind_runs]), 3),
        "peak_rss_mb": round(max(r for _, r in builds) / 1024, 1),
        "pagefind_alone_rss_mb": round(max(r for _, r in pagefind_runs) / 1024, 1),
        "site_mb": round(folder_size(site) / 1e6, 1),
        "pagefind_mb": round(folder_size(site / "pagefind") / 1e6, 2),
        "median_case_page_kb": round(statistics.median(case_pages) / 1024, 1),
        "max_case_page_kb": round(max(case_pages) / 1024, 1),
    }
    if browser:
        for key, query, prefix in (
            ("first_search_kb", "golv", "/pagefind/"),
            # An acronym is searched as typed and as the words it stands for, and the
            # page about it is looked up by its title: three searches.
            ("first_search_acronym_kb", "IOP", "/pagefind/"),
            ("first_visit_kb", "golv", "/"),
        ):
            found = first_search_bytes(site, query, prefix)
            result[key] = round(found / 1024, 1) if found is not None else None
    if compare:
        naive_root = make_naive_project(folder / "naiv", root / "cases")
        naive = []
        for i in range(1, runs + 1):
            naive_site = naive_root / f"site-{i}"
            mk = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(naive_site)]
            naive.append(timed(mk, naive_root, env))
        naive_s = median([t for t, _ in naive])
        result["naive_build_s"] = round(naive_s, 3)
        result["naive_runs_s"] = [round(t, 3) for t, _ in naive]
        result["naive_peak_rss_mb"] = round(max(r for _, r in naive) / 1024, 1)
        result["naive_site_mb"] = round(folder_size(naive_site) / 1e6, 1)
        index = naive_site / "search" / "search_index.json"
        result["naive_search_index_mb"] = round(index.stat().st_size / 1e6, 2)
        result["speedup"] = round(naive_s / float(result["build_s"]), 1)
    return result


def measure_relevance(folder: Path) -> dict[str, object]:
    """hit@1, hit@3 and MRR of the query set on the real site, built into ``folder``."""
    root = copy_project(folder / "projekt")
    kb = str(Path(sys.executable).with_name("kunskapsbank"))
    site = folder / "site"
    subprocess.run(
        [kb, "build", "--project", str(root), "--site-dir", str(site)],
        cwd=root,
        env=bench_env(),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return relevance.measure(site)


def rebuild_over_site(folder: Path) -> float:
    """One more build over a finished site: adds deleting the old copy after the swap.

    Run after every other measurement, since the deletion slows what follows.
    """
    kb = [str(Path(sys.executable).with_name("kunskapsbank"))]
    root = folder / "projekt"
    cmd = [*kb, "build", "--project", str(root), "--site-dir", str(folder / "site-1")]
    seconds, _ = timed(cmd, root, bench_env())
    return round(seconds, 3)


def bench_env() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1764000000")


# Lines that made the old body scan backtrack (cubic on backticks, quadratic on
# headings and links), each repeated to fill a body just under the 1 MB limit.
ADVERSARIAL_LINES = (
    "x" + "`" * 4000,  # not at the start of the line, where it would open a code block
    "``a" * 1500,
    "# a" + " #" * 3000 + "x",
    "[a](" * 1500,
    "![" * 2000 + "](" * 2000,
    "[" * 3000 + "](x" + ")" * 3000,
    "<a " * 2000,
    "&#x61;" * 1000 + "javascript:" + "%2F" * 1000,
)
ADVERSARIAL_BYTES = 990_000


def adversarial_body(folder: Path, runs: int) -> dict[str, float | int]:
    """Validate and render one case whose body is ~1 MB of adversarial Markdown.

    In-process timing of the validator's check and of the body renderer (the median
    of ``runs``), so that interpreter start-up does not hide the scan itself.
    """
    from kunskapsbank.config import open_layout
    from kunskapsbank.content.loader import read_document
    from kunskapsbank.content.validate import Validator
    from kunskapsbank.render.markdown import BodyRenderer

    project = make_project(folder, 1)
    (case,) = sorted((project / "cases").glob("syntetiskt-fall-*.md"))
    text = case.read_text(encoding="utf-8")
    lines: list[str] = []
    size = len(text.encode("utf-8"))
    i = 0
    while size < ADVERSARIAL_BYTES:
        line = ADVERSARIAL_LINES[i % len(ADVERSARIAL_LINES)]
        lines.append(line)
        size += len(line) + 2
        i += 1
    text += "\n" + "\n\n".join(lines) + "\n"
    case.write_text(text, encoding="utf-8")
    layout = open_layout(project)
    validator = Validator(layout, load_schemas(layout.schemas_dir))
    renderer = BodyRenderer(layout, validator.index.guide_keys)
    check_runs, render_runs, check_cpu, render_cpu = [], [], [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        doc = validator.check_case(case)
        check_runs.append(time.perf_counter() - t)
        check_cpu.append(time.process_time() - c)
        t, c = time.perf_counter(), time.process_time()
        renderer.render(read_document(case, layout.rel(case)))
        render_runs.append(time.perf_counter() - t)
        render_cpu.append(time.process_time() - c)
    # CPU time too: on a shared machine the wall time also counts waiting for a core.
    return {
        "bytes": len(text.encode("utf-8")),
        "problems": len(doc.problems),
        "validate_s": round(median(check_runs), 3),
        "validate_cpu_s": round(median(check_cpu), 3),
        "render_s": round(median(render_runs), 3),
        "render_cpu_s": round(median(render_cpu), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Mät bygget med syntetiska fall.")
    parser.add_argument(
        "--cases", type=int, nargs="+", default=None, help="Antal fall (flera går; standard 1000)."
    )
    parser.add_argument("--runs", type=int, default=3, help="Körningar per mätning (median).")
    parser.add_argument(
        "--compare-naive",
        action="store_true",
        help="Bygg samma sidor med standard-Material i samma körning.",
    )
    parser.add_argument(
        "--naive-max",
        type=int,
        default=2000,
        help="Jämför med standard-Material bara upp till så många fall (standard 2000: "
        "det bygget är kvadratiskt och tar över tio minuter vid 5000).",
    )
    parser.add_argument(
        "--text",
        choices=sorted(TEXTS),
        default="zipf",
        help="Fallens text: zipf (som riktig text, standard) eller fa-ord (38 ord, "
        "ger Pagefind mycket mindre arbete).",
    )
    parser.add_argument("--no-browser", action="store_true", help="Mät inte sökningen i Chromium.")
    parser.add_argument(
        "--relevance",
        action="store_true",
        help="Mät sökningens träffsäkerhet på den riktiga webbplatsen (hit@1, hit@3, MRR). "
        "Utan --cases mäts bara den.",
    )
    parser.add_argument("--json", type=Path, default=REPO / "bench-results" / "bench.json")
    args = parser.parse_args()
    if args.cases is None:
        args.cases = [] if args.relevance else [1000]
    results = []
    relevance_result = None
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        if args.relevance:
            print("Mäter sökningens träffsäkerhet ...", file=sys.stderr, flush=True)
            relevance_result = measure_relevance(Path(tmp) / "relevans")
        folders = [Path(tmp) / str(count) for count in args.cases]
        for count, folder in zip(args.cases, folders, strict=True):
            print(f"Mäter {count} fall ...", file=sys.stderr, flush=True)
            compare = args.compare_naive and count <= args.naive_max
            results.append(
                bench_one(folder, count, args.runs, compare, not args.no_browser, args.text)
            )
        for result, folder in zip(results, folders, strict=True):
            print(f"Bygger om {result['cases']} fall över webbplatsen ...", file=sys.stderr)
            result["rebuild_over_site_s"] = rebuild_over_site(folder)
        print("Mäter ett fall med 1 MB fientlig text ...", file=sys.stderr, flush=True)
        hostile = adversarial_body(Path(tmp) / "fientlig", args.runs)
    machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": time.strftime("%Y-%m-%d"),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report: dict[str, object] = {
        "machine": machine,
        "results": results,
        "adversarial_body": hostile,
    }
    if relevance_result is not None:
        report["relevance"] = relevance_result
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    if results:
        keys = [k for k in results[0] if not k.endswith("_runs_s")]
        widths = [max(len(k), *(len(str(r.get(k))) for r in results)) for k in keys]
        print("  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True)))
        for r in results:
            print("  ".join(str(r.get(k)).ljust(w) for k, w in zip(keys, widths, strict=True)))
    print(
        f"adversarial_body: {hostile['bytes']} byte, validate_s {hostile['validate_s']} "
        f"(cpu {hostile['validate_cpu_s']}), render_s {hostile['render_s']} "
        f"(cpu {hostile['render_cpu_s']}), {hostile['problems']} problem"
    )
    if relevance_result is not None:
        missed = [p["q"] for p in relevance_result["per_query"] if not p["rank"] or p["rank"] > 3]
        print(
            f"relevance  queries {relevance_result['queries']}  "
            f"hit@1 {relevance_result['hit_at_1']:.3f}  hit@3 {relevance_result['hit_at_3']:.3f}  "
            f"MRR {relevance_result['mrr']:.3f}"
            + (f"  missed: {', '.join(missed)}" if missed else "")
        )
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
