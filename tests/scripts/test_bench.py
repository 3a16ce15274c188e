"""scripts/bench.py runs end to end on a tiny project (its figures are not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_bench_script_measures_a_small_generated_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The benchmark copies the repository's own data/, whose dates are real: use the real date.
    monkeypatch.delenv("KUNSKAPSBANK_TODAY")
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "bench.py"),
            "--cases",
            "12",
            "--runs",
            "1",
            "--no-browser",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    (result,) = report["results"]
    assert result["cases"] == 12
    assert result["build_s"] > 0 and result["validate_s"] > 0
    assert 0 < result["median_case_page_kb"] <= 30
    assert "build_s" in proc.stdout.splitlines()[0]
    # The real cases/ folder is never touched.
    assert not list((REPO / "cases").glob("syntetiskt-fall-*.md"))
