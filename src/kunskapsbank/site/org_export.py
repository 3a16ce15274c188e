"""Open data for the organisation directory: organisations.json, one record per organisation."""

from __future__ import annotations

import json
from typing import Any

from kunskapsbank.config import Settings
from kunskapsbank.content.organisations import Directory

ORGANISATIONS_JSON = "organisations.json"


def organisation_records(directory: Directory, settings: Settings) -> list[dict[str, Any]]:
    """What each organisation page shows, as data: registry details (or null) and its cases."""
    base = settings.site_url or "/"
    base = base if base.endswith("/") else base + "/"
    records = []
    for org in sorted(directory.organisations, key=lambda o: o.slug):
        entry = org.entry or {}
        records.append(
            {
                "slug": org.slug,
                "url": base + org.url,
                "name": org.name,
                "other_names": org.names,
                "org_type": org.org_type,
                "lan": org.lan,
                "in_registry": org.entry is not None,
                "org_number": entry.get("org_number"),
                "website": entry.get("website"),
                "contact": entry.get("contact"),
                "source": entry.get("source"),
                "verified": entry.get("verified"),
                "cases": [{"slug": p.case.slug, "role": p.role} for p in org.parts],
                "themes": org.themes,
                "procedures": org.procedures,
            }
        )
    return records


def organisations_json(directory: Directory, settings: Settings) -> str:
    """A JSON array with one record per line, like cases.json."""
    records = organisation_records(directory, settings)
    lines = [json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in records]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"
