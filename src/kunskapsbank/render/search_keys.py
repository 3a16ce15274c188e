"""The names the search index and the search page share, written once.

Pages carry them as Pagefind filters, metadata and sort keys; the search page hands
them to ``docs/assets/sok.js`` in data attributes, so the script retypes none of them.
Facet filters (Län, Tema, ...) are named by ``content.model.FACETS``.
"""

from __future__ import annotations

CONTENT_TYPE = "Innehållstyp"  # filter: which kind of page
CASE_TYPE = "Typ av fall"  # filter: a case's case_type label
START_YEAR = "Startår"  # filter: a case's start year

# Values of the content type filter (and of each page's "type" metadata).
TYPE_CASE = "Fall"
TYPE_GUIDE = "Vägledning"
TYPE_ORGANISATION = "Organisation"

# Pagefind metadata keys the result list shows. "title" is Pagefind's own key for a
# page's title; the search page hands the mapping to sok.js (data-meta-keys).
META_TITLE = "title"
META_TYPE = "type"  # the content type, one of the TYPE_ values
META_DATE = "date"  # the date the page was last reviewed
META_SUMMARY = "summary"
META_KEYS = {"title": META_TITLE, "type": META_TYPE, "date": META_DATE, "summary": META_SUMMARY}

# Sort keys: a case's start, and the date a page was last reviewed.
SORT_START = "start"
SORT_REVIEWED = "granskad"
# The search page's sort choices, in order ("" is Pagefind's relevance).
SORTS = (
    ("", "Relevans"),
    (SORT_START, "Startår, nyast först (bara fall)"),
    (SORT_REVIEWED, "Senast granskad"),
)
# Without a query there is no relevance: newest reviewed first.
SORT_WITHOUT_QUERY = SORT_REVIEWED
