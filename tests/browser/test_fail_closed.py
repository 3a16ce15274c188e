"""Fail closed: a failed or killed build never touches the published site.

Runs the real command (``python -m kunskapsbank build``) on the hostile fixture project.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import build, real_date_env
from .hostile import BAD_CASE, make_project

TMP_GLOB = ".kunskapsbank-tmp-*"
OLD_GLOB = ".kunskapsbank-old-*"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder``, with a hash of each file's bytes."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_dir():
            out[rel + "/"] = "dir"
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in [*site.parent.glob(TMP_GLOB), *site.parent.glob(OLD_GLOB)])


def test_failed_and_killed_builds_leave_the_site_untouched(tmp_path: Path, monkeypatch):
    # The project holds the repository's own data/, whose dates are real: use the real date.
    monkeypatch.delenv("KUNSKAPSBANK_TODAY")
    project = make_project(tmp_path / "project")
    site = tmp_path / "out" / "site"

    first = build(project, site)
    assert first.returncode == 0, first.stdout + first.stderr
    published = snapshot(site)
    assert "index.html" in published and "pagefind/pagefind.js" in published
    assert leftovers(site) == []

    # A validation problem: exit status 1 and not one byte of the site changed.
    bad = project / "cases" / "med-skript.md"
    bad.write_text(BAD_CASE, encoding="utf-8")
    failed = build(project, site)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "<script>" in failed.stdout + failed.stderr
    assert snapshot(site) == published
    assert leftovers(site) == []
    bad.unlink()

    # A build killed while it writes: the site is still the old one, complete.
    proc = subprocess.Popen(
        [sys.executable, "-m", "kunskapsbank", "build", "--site-dir", str(site)],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=real_date_env(),
    )
    try:
        started = time.monotonic()
        # Kill as soon as the temporary site has files in it (about half a second
        # in): the kill then hits a half-written site, on a slow or a fast machine.
        while time.monotonic() - started < 20:
            if any(any(p.iterdir()) for p in site.parent.glob(TMP_GLOB)):
                break
            if proc.poll() is not None:
                pytest.fail(f"Bygget blev klart (status {proc.returncode}) innan det avbröts")
            time.sleep(0.02)
        else:
            pytest.fail("Bygget skrev ingen tillfällig mapp inom 20 sekunder")
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(site) == published
    half_written = leftovers(site)
    assert half_written, "Det avbrutna bygget lämnade ingen tillfällig mapp att städa"

    # The next successful build cleans up after the killed one.
    again = build(project, site)
    assert again.returncode == 0, again.stdout + again.stderr
    assert leftovers(site) == []
    rebuilt = snapshot(site)
    assert "index.html" in rebuilt and "pagefind/pagefind.js" in rebuilt
