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

from kunskapsbank.render.format import date_label, esc


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
        return (
            "<p>Den här versionen av webbplatsen byggdes utan de automatiska "
            "tillgänglighetstesterna. Resultaten skrivs in här när redaktionen ger ut en ny "
            "version av webbplatsen.</p>"
        )
    day = str(data.get("generated", ""))[:10]
    when = date_label(day) if len(day) == 10 else "okänt datum"
    rows = []
    total = 0
    for page in data["pages"]:
        violations = int(page.get("violations", 0))
        total += violations
        rows.append(
            f'<tr><th scope="row">{esc(page.get("page_type", ""))}</th>'
            f"<td><code>{esc(page.get('url', ''))}</code></td>"
            f"<td>{violations}</td><td>{esc(page.get('passes', ''))}</td></tr>"
        )
    verdict = (
        "Testerna hittade inga brister mot WCAG 2.1 nivå A och AA."
        if total == 0
        else f"Testerna hittade {total} brister mot WCAG 2.1 nivå A och AA."
    )
    return (
        f'<p>Senaste automatiska test: <time datetime="{esc(day)}">{esc(when)}</time>, med '
        f"{esc(data.get('tool') or 'axe-core')} i {esc(data.get('browser') or 'Chromium')}, "
        f"regler för WCAG 2.1 nivå A och AA. {esc(verdict)}</p>"
        '<div class="kb-table-wrap"><table><caption>Resultat per sidtyp</caption><thead><tr>'
        '<th scope="col">Sidtyp</th><th scope="col">Testad sida</th>'
        '<th scope="col">Brister</th><th scope="col">Godkända kontroller</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        "<p>Automatiska test hittar ungefär en tredjedel av alla tillgänglighetsbrister. "
        "Därför testar vi också att allt går att använda med bara tangentbordet.</p>"
    )


def storage_keys_html(keys: list[dict[str, Any]]) -> str:
    """The browser-storage keys the site writes, from ``extra.kunskapsbank.storage_keys``."""
    if not keys:
        return (
            "<p><strong>I dag sparar webbplatsen ingenting i din webbläsare</strong>: inga kakor, "
            "inget i local storage och inget i session storage. Om det ändras listar vi här "
            "varje nyckel som sparas och vad den används till.</p>"
        )
    rows = "".join(
        f"<tr><td><code>{esc(k.get('key', ''))}</code></td><td>{esc(k.get('storage', ''))}</td>"
        f"<td>{esc(k.get('purpose', ''))}</td></tr>"
        for k in keys
    )
    return (
        "<p>Det här sparar webbplatsen i din webbläsare:</p>"
        '<div class="kb-table-wrap"><table><thead><tr><th scope="col">Nyckel</th>'
        '<th scope="col">Lagring</th><th scope="col">Används till</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
