"""Shared fixtures: a throw-away copy of the fixture project with the real schemas."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE_PROJECT = REPO / "tests" / "fixtures" / "project"
TODAY = "2026-11-29"


# Slow lanes, by folder: a browser (Chromium) or a full site build. `make test-fast` skips both.
SLOW_LANES = {"browser": "browser", "site": "build", "scripts": "build"}
SLOW_FILES = {"test_release.py": "build"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.fspath))
        lane = SLOW_FILES.get(path.name) or SLOW_LANES.get(path.parent.name)
        if lane:
            item.add_marker(getattr(pytest.mark, lane))


@pytest.fixture(autouse=True)
def _stable_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed build date and no inherited limits, for every test."""
    monkeypatch.setenv("KUNSKAPSBANK_TODAY", TODAY)
    monkeypatch.delenv("KUNSKAPSBANK_MAX_FILE_BYTES", raising=False)


@pytest.fixture
def real_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real date, for tests of the repository's own content: its review dates are real."""
    monkeypatch.delenv("KUNSKAPSBANK_TODAY", raising=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/project with the repository's schemas/ folder added."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE_PROJECT, root, symlinks=True)
    shutil.copytree(REPO / "schemas", root / "schemas")
    return root


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m kunskapsbank ARGS`` in a subprocess and capture its output."""

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kunskapsbank", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=cwd,
            timeout=120,
        )

    return run
