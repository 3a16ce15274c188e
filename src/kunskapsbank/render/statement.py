"""The test results in the accessibility statement, filled in by the release process.

``kunskapsbank release`` runs the accessibility tests (axe-core in Chromium on
every page type) and hands their report to the build through
``KUNSKAPSBANK_A11Y_RESULTS``. A build without a report says so plainly
instead of showing old figures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kunskapsbank.render.format import date_label
from kunskapsbank.render.templating import render


def load_results(path: Path | None) -> dict[str, Any] | None:
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("pages") else None


def results_html(path: Path | None) -> str:
    """The results in ``path`` (the settings' ``a11y_results``), or why there are none."""
    data = load_results(path)
    if data is None:
        return render("a11y_results.html", results=None)
    day = str(data.get("generated", ""))[:10]
    pages = [
        {
            "page_type": page.get("page_type", ""),
            "url": page.get("url", ""),
            "violations": int(page.get("violations", 0)),
            "passes": page.get("passes", ""),
        }
        for page in data["pages"]
    ]
    results = {
        "day": day,
        "when": date_label(day) if len(day) == 10 else "okänt datum",
        "tool": data.get("tool") or "axe-core",
        "browser": data.get("browser") or "Chromium",
        "pages": pages,
        "total": sum(p["violations"] for p in pages),
    }
    return render("a11y_results.html", results=results)


def storage_keys_html(keys: list[dict[str, Any]]) -> str:
    """The browser-storage keys the site writes, from ``extra.kunskapsbank.storage_keys``."""
    rows = [{f: k.get(f, "") for f in ("key", "storage", "purpose")} for k in keys]
    return render("storage_keys.html", keys=rows)
