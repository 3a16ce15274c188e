#!/usr/bin/env python3
"""Search relevance: run the query set through the real /sok/ page in Chromium.

Usage:
    .venv/bin/python scripts/relevance.py --site-dir /tmp/search-site [--queries FILE] [-v]

Every query in tests/search/queries.yaml names the pages a procurer would expect.
The script opens /sok/?q=QUERY for each one, reads the result list the page shows
and prints hit@1, hit@3 (share of queries with an expected page first / in the top
three) and the mean reciprocal rank (MRR, 1/rank of the first expected page, 0 when
it is not among the first ten). scripts/bench.py --relevance and
tests/browser/test_search_relevance.py use the same functions.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[1]
QUERIES = REPO / "tests" / "search" / "queries.yaml"
CHROMIUM = os.environ.get("KUNSKAPSBANK_CHROMIUM", "/usr/bin/chromium")
TOP = 10  # results read per query (the first page of the list)

# The page is settled when its latest search has put its results in the list.
SETTLED = (
    "() => { const r = document.getElementById('kb-search');"
    " const s = document.getElementById('kb-status').textContent;"
    " return r && r.getAttribute('data-ready') === 'true' && s && s !== 'Söker …'"
    " && !document.getElementById('kb-results').hasAttribute('aria-busy'); }"
)


@dataclass(frozen=True)
class Query:
    q: str
    expect: tuple[str, ...]
    kind: str


def load_queries(path: Path = QUERIES) -> list[Query]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(i["q"]), tuple(i["expect"]), str(i.get("kind", ""))) for i in items]


def search_url(base: str, q: str) -> str:
    return f"{base}/sok/?q={quote(q)}"


def result_paths(page) -> list[str]:  # type: ignore[no-untyped-def]
    hrefs = page.eval_on_selector_all(
        "#kb-results .kb-result__title a", "as => as.map(a => a.href)"
    )
    return [urlsplit(h).path for h in hrefs]


def run_query(page, base: str, q: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The result paths /sok/ lists for ``q`` (its first page)."""
    page.goto(search_url(base, q))
    page.wait_for_function(SETTLED)
    return result_paths(page)[:TOP]


def rank(paths: list[str], expect: tuple[str, ...]) -> int | None:
    """1-based rank of the first expected page in ``paths``, or None."""
    for i, path in enumerate(paths, start=1):
        if path in expect:
            return i
    return None


def figures(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    return {
        "queries": len(ranks),
        "hit_at_1": round(sum(1 for r in ranks if r == 1) / n, 3),
        "hit_at_3": round(sum(1 for r in ranks if r is not None and r <= 3) / n, 3),
        "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
    }


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def measure(
    site: Path,
    queries: list[Query] | None = None,
    report: Callable[[Query, list[str], int | None], None] | None = None,
) -> dict[str, object]:
    """Run every query on ``site`` in headless Chromium; figures and per-query ranks."""
    from playwright.sync_api import sync_playwright

    queries = load_queries() if queries is None else queries
    per_query = []
    with served(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
        )
        page = browser.new_page()
        for query in queries:
            paths = run_query(page, base, query.q)
            r = rank(paths, query.expect)
            per_query.append({"q": query.q, "kind": query.kind, "rank": r, "top3": paths[:3]})
            if report:
                report(query, paths, r)
        browser.close()
    return {**figures([p["rank"] for p in per_query]), "per_query": per_query}


def main() -> int:
    parser = argparse.ArgumentParser(description="Mät sökningens träffsäkerhet i Chromium.")
    parser.add_argument("--site-dir", type=Path, required=True, help="En byggd webbplats.")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("-v", "--verbose", action="store_true", help="Visa varje sökning.")
    args = parser.parse_args()

    def show(query: Query, paths: list[str], r: int | None) -> None:
        if args.verbose or r is None or r > 3:
            print(f"{r or '-':>2}  {query.q!r:45} {' '.join(paths[:3])}")

    result = measure(args.site_dir, load_queries(args.queries), show)
    print(
        f"Sökningar: {result['queries']}  hit@1: {result['hit_at_1']:.3f}  "
        f"hit@3: {result['hit_at_3']:.3f}  MRR: {result['mrr']:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
