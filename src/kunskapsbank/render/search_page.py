"""The search page and the filter values every indexed page carries.

Python gathers the data; ``search.html`` and ``search_fields.html`` write the markup.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup

from kunskapsbank.content.model import FACETS, Case, Guide
from kunskapsbank.render.base import PageBase
from kunskapsbank.render.search_keys import (
    CASE_TYPE,
    CONTENT_TYPE,
    META_KEYS,
    SORT_WITHOUT_QUERY,
    SORTS,
    START_YEAR,
    TYPE_CASE,
    TYPE_GUIDE,
)
from kunskapsbank.render.templating import template
from kunskapsbank.urls import CASES, GUIDANCE, rel_url

_CELL_END = re.compile(r"</(?:th|dt|dd|caption)>")


def spaced_cells(html_text: str) -> str:
    """A space before each </th>, </dt>, </dd>: Pagefind treats them as inline elements
    and would glue neighbouring cells into one word ("VärdeBetyder") in its excerpts."""
    return _CELL_END.sub(r" \g<0>", html_text)


TITLE_WEIGHT = 8  # Pagefind: h1 7, h2 6, body text 1 (a quadratic scale)
SUMMARY_WEIGHT = 2


def search_fields(
    title: str,
    *,
    meta: dict[str, str],
    filters: list[tuple[str, str]],
    sorts: dict[str, str],
) -> str:
    """Pagefind metadata, filters and sort keys of a page, and its title as a heading.

    Metadata, filters and sort keys are written as attribute values on empty
    elements (``name:value``), so that none of them is a word of the page: no date or
    tag can show up in an excerpt or be glued to the words around it. The title is
    indexed once, weighted above the body, as a block element of its own.
    """
    return template("search_fields.html").render(
        title=title,
        weight=TITLE_WEIGHT,
        meta=list(meta.items()),
        filters=filters,
        sorts=list(sorts.items()),
    )


def json_for_html(value: object) -> str:
    """JSON that is safe inside a <script type="application/json"> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Pagefind filters in the order the search page shows them.
SEARCH_FILTERS = (CONTENT_TYPE, *(f.filter_name for f in FACETS), CASE_TYPE, START_YEAR)
_FACET_FILTER = {f.path: f.filter_name for f in FACETS}
# The county filter: a query that names a county also searches that county's pages.
PLACE_FILTER = _FACET_FILTER["lan"]


def search_page_html(
    page_url: str,
    filter_counts: dict[str, dict[str, int]],
    terms: dict[str, object] | None = None,
) -> str:
    """The search form and result list on /sok/; the script fills it in.

    The filter values and their totals are written into the page, so that the
    first search downloads no filter chunk it does not need; so are the search
    terms (acronyms, synonyms, known words: content.searchterms.search_data), and
    the names the script needs (render/search_keys.py, content.model.FACETS).
    """
    return template("search.html").render(
        bundle=rel_url("pagefind/", page_url),
        cases_url=rel_url(CASES, page_url),
        guides_url=rel_url(GUIDANCE, page_url),
        script=rel_url("assets/sok.js", page_url),
        filters=json.dumps(SEARCH_FILTERS, ensure_ascii=False),
        values=json.dumps(filter_counts, ensure_ascii=False, sort_keys=True),
        sorts=SORTS,
        sort_default=SORT_WITHOUT_QUERY,
        place_filter=PLACE_FILTER,
        guide_filter=json.dumps({CONTENT_TYPE: [TYPE_GUIDE]}, ensure_ascii=False),
        meta_keys=json.dumps(META_KEYS, ensure_ascii=False),
        # JSON made safe for a <script> element by json_for_html; escaping it would break it.
        terms=Markup(json_for_html(terms or {})),
    )


class SearchData(PageBase):
    def case_filters(self, case: Case) -> dict[str, list[str]]:
        """The Pagefind filter values a case page carries (as its markup writes them)."""
        out: dict[str, list[str]] = {CONTENT_TYPE: [TYPE_CASE]}
        for facet in FACETS:
            values = facet.values(case.data)
            if values:
                out[facet.filter_name] = [self.col.label(facet.vocabulary, v) for v in values]
        out[CASE_TYPE] = [self.col.label("case_type", case.data["case_type"])]
        out[START_YEAR] = [case.start_year]
        return out

    def guide_filters(self, guide: Guide) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {CONTENT_TYPE: [TYPE_GUIDE]}
        themes = [self.col.label("themes", t) for t in guide.data.get("themes") or []]
        if themes:
            out[_FACET_FILTER["tema"]] = themes
        return out

    def filter_counts(self, searchable_guides: list[Guide]) -> dict[str, dict[str, int]]:
        """Every filter value in the search index with its number of pages."""
        counts: dict[str, dict[str, int]] = {name: {} for name in SEARCH_FILTERS}
        pages = [self.case_filters(c) for c in self.col.cases]
        pages += [self.guide_filters(g) for g in searchable_guides]
        pages += self.organisation_filters()  # type: ignore[attr-defined]
        for filters in pages:
            for name, values in filters.items():
                for value in dict.fromkeys(values):
                    counts[name][value] = counts[name].get(value, 0) + 1
        return {name: values for name, values in counts.items() if values}
