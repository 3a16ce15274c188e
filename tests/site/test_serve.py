"""`kunskapsbank serve`: the preview rebuilds pages and the search index when a case changes."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from sitetools import build_env, prepare_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return None


def wait_for(predicate, seconds: float = 60.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    return None


def test_serve_rebuilds_pages_and_search_index_after_a_case_changes(tmp_path: Path) -> None:
    project = prepare_project(tmp_path / "projekt")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kunskapsbank",
            "serve",
            "--project",
            str(project),
            "--addr",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=build_env(),
    )
    try:
        entry = wait_for(lambda: fetch(f"{base}/pagefind/pagefind-entry.json"))
        assert entry, "the preview never served a search index"
        before = json.loads(entry)["languages"]["sv"]["hash"]
        case = project / "cases" / "golv-i-forskolan.md"
        text = case.read_text(encoding="utf-8")
        case.write_text(
            text.replace("## Resultat", "## Resultat\n\nOrdet zebrakorsning.", 1), "utf-8"
        )

        def rebuilt() -> str | None:
            page = fetch(f"{base}/fall/golv-i-forskolan/")
            return page if page and "zebrakorsning" in page else None

        page = wait_for(rebuilt)
        assert page, "the case page was not rebuilt"
        # The preview's live-reload script is inline, so preview pages carry no policy
        # (a built site always does: tests/browser/test_csp.py).
        assert "livereload" in page and "Content-Security-Policy" not in page
        after = wait_for(
            lambda: (
                (e := fetch(f"{base}/pagefind/pagefind-entry.json"))
                and json.loads(e)["languages"]["sv"]["hash"] != before
                and e
            )
        )
        assert after, "the search index was not rebuilt with the page"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    # Stopping the command stops the server: nothing is left listening on the port.
    assert wait_for(lambda: not port_open(port), seconds=10), "the preview server outlived serve"
