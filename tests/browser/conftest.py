"""Browser tests: the real site, built once, served on 127.0.0.1, read by Chromium.

Session fixtures build the repository's site (and a small hostile one) into temporary
folders, serve each with the standard library's HTTP server in a background thread,
and share one Chromium. A missing Chromium fails the tests; it never skips them.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .hostile import make_project

REPO = Path(__file__).resolve().parents[2]
RESULTS_DIR = Path(__file__).resolve().parent / ".results"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
]
# One page of each type, with a Swedish name for the accessibility statement.
PAGE_TYPES = [
    ("Startsida", "/"),
    ("Vägledning", "/vagledning/mandat/"),
    ("Fallbibliotek med karta", "/fall/"),
    ("Fall per län", "/fall/lan/"),
    ("Fall i ett län", "/fall/lan/skane/"),
    ("Fall", "/fall/innovationsupphandling-syd/"),
    ("Organisationer", "/organisationer/"),
    ("Organisation", "/organisationer/ystads-kommun/"),
    ("Nätverk och stöd", "/natverk/"),
    ("Sökning med träffar", "/sok/?q=upphandling"),
    ("Tillgänglighetsredogörelse", "/om/tillganglighetsredogorelse/"),
    ("Formulär för nya fall", "/bidra/"),
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_executable() -> str:
    """Debian's Chromium, or KUNSKAPSBANK_CHROMIUM. Fails (never skips) when absent."""
    wanted = os.environ.get("KUNSKAPSBANK_CHROMIUM")
    candidates = [wanted] if wanted else ["/usr/bin/chromium", shutil.which("chromium")]
    for path in candidates:
        if path and Path(path).is_file() and os.access(path, os.X_OK):
            return path
    pytest.fail(
        "Chromium saknas, så webbläsartesterna kan inte köras. Installera det med "
        "'apt-get install chromium' (eller kör .ci/run), eller ange sökvägen i "
        f"KUNSKAPSBANK_CHROMIUM. Letade efter: {', '.join(p for p in candidates if p) or 'chromium'}.",
        pytrace=False,
    )


def real_date_env() -> dict[str, str]:
    """The environment without the tests' fixed date: the repository's content (copied
    into every project these tests build) carries real review dates."""
    return {k: v for k, v in os.environ.items() if k != "KUNSKAPSBANK_TODAY"}


def build(
    project: Path, site_dir: Path, *, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``kunskapsbank build --site-dir SITE_DIR`` in ``project``, as a subprocess, with the
    real date: the repository's content carries real review dates."""
    return subprocess.run(
        [sys.executable, "-m", "kunskapsbank", "build", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
        env=real_date_env(),
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Server:
    """A static file server for one built site on 127.0.0.1 and a free port."""

    def __init__(self, root: Path):
        self.root = root
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.base = f"http://{self.host}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _built_site(tmp_path_factory: pytest.TempPathFactory, project: Path, name: str) -> Path:
    site = tmp_path_factory.mktemp(name) / "site"
    done = build(project, site)
    assert done.returncode == 0, f"Bygget misslyckades:\n{done.stdout}\n{done.stderr}"
    assert (site / "index.html").is_file()
    return site


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once."""
    return _built_site(tmp_path_factory, REPO, "real")


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[Server]:
    srv = Server(site_dir)
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("hostile") / "project")


@pytest.fixture(scope="session")
def hostile_server(
    tmp_path_factory: pytest.TempPathFactory, hostile_project: Path
) -> Iterator[Server]:
    srv = Server(_built_site(tmp_path_factory, hostile_project, "hostile-site"))
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_executable()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser) -> Iterator[object]:
    """A fresh browser context per test: no cookies or storage carried over."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="sv-SE")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context) -> object:
    return context.new_page()


@pytest.fixture(scope="session")
def axe_results(browser) -> Iterator[dict[str, dict[str, object]]]:
    """Per page type: axe's counts. Written to tests/browser/.results/axe.json at the end."""
    results: dict[str, dict[str, object]] = {}
    yield results
    if not results:
        return
    order = [name for name, _ in PAGE_TYPES]
    pages = sorted(results.values(), key=lambda r: order.index(str(r["page_type"])))
    report = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "tool": pages[0].get("tool"),
        "browser": f"Chromium {browser.version}",
        "tags": AXE_TAGS,
        "pages": [{k: v for k, v in p.items() if k != "tool"} for p in pages],
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "axe.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def settle_search(pg) -> None:
    """Wait until the search page has run its latest search and listed the results.

    sok.js marks the result list aria-busy from the moment a search starts (in the
    same event as the change that caused it) until its results are in the list.
    """
    pg.wait_for_selector("#kb-search[data-ready='true']")
    pg.wait_for_function(
        "() => { const s = document.getElementById('kb-status').textContent;"
        " return s && s !== 'Söker …'"
        " && !document.getElementById('kb-results').hasAttribute('aria-busy'); }"
    )


@pytest.fixture
def wait_for_results() -> Callable[[object], None]:
    return settle_search
