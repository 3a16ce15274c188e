"""The search page hands sok.js every name the index and the script share (issue 13 point 4)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from kunskapsbank.content.model import FACETS
from kunskapsbank.render import search_keys
from kunskapsbank.render.search_page import SEARCH_FILTERS, search_fields, search_page_html

REPO = Path(__file__).resolve().parents[2]
SOK_JS = REPO / "docs" / "assets" / "sok.js"


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


def test_the_search_root_carries_the_names_the_script_reads() -> None:
    counts = {search_keys.CONTENT_TYPE: {search_keys.TYPE_GUIDE: 2}, "Län": {'Skåne "län"': 1}}
    found = elements(search_page_html("sok/", counts, {"t": {}}))
    root = next(attrs for tag, attrs in found if attrs.get("id") == "kb-search")
    assert json.loads(root["data-filters"]) == list(SEARCH_FILTERS)
    assert json.loads(root["data-values"]) == counts
    assert root["data-sort-default"] == search_keys.SORT_WITHOUT_QUERY
    county = next(f for f in FACETS if f.path == "lan")
    assert root["data-place-filter"] == county.filter_name
    assert json.loads(root["data-guide-filter"]) == {
        search_keys.CONTENT_TYPE: [search_keys.TYPE_GUIDE]
    }
    assert json.loads(root["data-meta-keys"]) == search_keys.META_KEYS
    options = [attrs["value"] for tag, attrs in found if tag == "option"]
    assert options == [key for key, _label in search_keys.SORTS]


def test_the_script_retypes_no_shared_name() -> None:
    """Filter names, content types and sort keys reach sok.js only through the page."""
    script = SOK_JS.read_text(encoding="utf-8")
    code = "\n".join(line for line in script.splitlines() if not line.strip().startswith("//"))
    names = {
        search_keys.CONTENT_TYPE,
        search_keys.CASE_TYPE,
        search_keys.START_YEAR,
        search_keys.TYPE_CASE,
        search_keys.TYPE_GUIDE,
        search_keys.TYPE_ORGANISATION,
        *(key for key, _label in search_keys.SORTS if key),
        *(f.filter_name for f in FACETS),
    }
    for name in names:
        assert not re.search(r"[\"']" + re.escape(name) + r"[\"']", code), name
    # Pagefind's metadata is read through the keys the page hands over (data-meta-keys).
    assert not re.search(r"meta\.(?:" + "|".join(search_keys.META_KEYS.values()) + r")\b", code)


def test_search_fields_are_attribute_values_of_empty_elements() -> None:
    html = search_fields(
        'En "titel" <b>',
        meta={"title": "A & B", "type": search_keys.TYPE_CASE},
        filters=[(search_keys.CONTENT_TYPE, search_keys.TYPE_CASE)],
        sorts={search_keys.SORT_REVIEWED: "2026-01-02"},
    )
    assert html.startswith('<p class="kb-search-title" hidden data-pagefind-weight="8">')
    assert "En &#34;titel&#34; &lt;b&gt;</p>" in html
    found = elements(html)
    assert [a.get("data-pagefind-meta") for _t, a in found[1:3]] == ["title:A & B", "type:Fall"]
    assert found[3][1]["data-pagefind-filter"] == f"{search_keys.CONTENT_TYPE}:Fall"
    assert found[4][1]["data-pagefind-sort"] == "granskad:2026-01-02"
    assert html.endswith("></span>") and "\n" not in html
