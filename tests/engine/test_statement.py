"""The accessibility statement shows the release's test results, or says there are none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kunskapsbank.render.statement import results_html


def test_without_results_the_statement_says_the_build_was_not_tested(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "byggdes utan de automatiska tillgänglighetstesterna" in results_html(None)


def test_results_are_shown_per_page_type_with_date_and_tool(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    report = {
        "generated": "2026-11-28T10:00:00+00:00",
        "tool": "axe-core 4.12.1",
        "browser": "Chromium 156",
        "pages": [
            {"page_type": "Startsida", "url": "/", "violations": 0, "passes": 31},
            {"page_type": "Fallbeskrivning <x>", "url": "/fall/a/", "violations": 2, "passes": 28},
        ],
    }
    path = tmp_path / "axe.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    out = results_html(path)
    assert '<time datetime="2026-11-28">28 november 2026</time>' in out
    assert "axe-core 4.12.1 i Chromium 156" in out
    assert '<th scope="row">Startsida</th><td><code>/</code></td><td>0</td><td>31</td>' in out
    assert "Fallbeskrivning &lt;x&gt;" in out
    assert "Testerna hittade 2 brister" in out


def test_storage_keys_page_says_nothing_is_stored_when_the_list_is_empty() -> None:
    from kunskapsbank.render.statement import storage_keys_html

    assert "I dag sparar webbplatsen ingenting" in storage_keys_html([])


def test_storage_keys_are_listed_escaped_in_a_table() -> None:
    from kunskapsbank.render.statement import storage_keys_html

    out = storage_keys_html(
        [{"key": "/.__palette", "storage": "localStorage", "purpose": "Färg <val>"}]
    )
    assert "<tr><td><code>/.__palette</code></td><td>localStorage</td>" in out
    assert "Färg &lt;val&gt;" in out
    assert "ingenting" not in out
