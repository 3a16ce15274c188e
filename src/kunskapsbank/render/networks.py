"""The page of networks and support (/natverk/): every entry grouped by type and by county."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from kunskapsbank.render.base import PageBase, Rendered
from kunskapsbank.render.format import date_label
from kunskapsbank.render.templating import render
from kunskapsbank.urls import NETWORKS, NETWORKS_SRC, facet_url, rel_url

TITLE = "Nätverk och stöd"
ANCHOR = "n-"  # entries' fragment ids: #n-<id>


class NetworksPage(PageBase):
    def networks_page(self) -> Rendered | None:
        """The page, or None when the project has no networks file entries."""
        networks = self.col.networks
        if not networks:
            return None
        schemas = self.col.schemas
        types = schemas.vocabularies["network_type"]
        counties = schemas.vocabularies["lan"]
        cases_by_lan = self.col.facet_index.get("lan", {})

        def entry(n: Any) -> dict[str, Any]:
            return {
                "anchor": ANCHOR + n.id,
                "name": n.name,
                "type": types.label(n.type),
                "organiser": n.organiser,
                "scope": [counties.label(v) for v in n.scope],
                "url": n.url,
                "host": (urlsplit(n.url).hostname or "").removeprefix("www."),
                "description": n.description,
                "ended": n.status == "avslutad",
                "checked": n.checked,
                "checked_label": date_label(n.checked),
            }

        by_type = [
            {
                "id": t.id,
                "label": t.label,
                "entries": [entry(n) for n in networks if n.type == t.id],
            }
            for t in types.terms
        ]
        by_county = []
        for term in counties.terms:
            here = [n for n in networks if term.id in n.scope]
            if not here:
                continue
            cases = term.id in cases_by_lan and term.id != "riket"
            by_county.append(
                {
                    "id": term.id,
                    "label": term.label,
                    "cases_url": rel_url(facet_url("lan", term.id), NETWORKS) if cases else None,
                    "entries": [
                        {"anchor": ANCHOR + n.id, "name": n.name, "type": types.label(n.type)}
                        for n in here
                    ],
                }
            )
        html = render(
            "networks.html",
            count=len(networks),
            by_type=[g for g in by_type if g["entries"]],
            by_county=by_county,
        )
        description = (
            f"{len(networks)} nätverk, stöd, finansieringar och mötesplatser för "
            "innovationsupphandling, efter typ och län."
        )
        return Rendered(NETWORKS, NETWORKS_SRC, TITLE, description, html)
