"""Additions to a guidance page: related content, owner and dates, search data."""

from __future__ import annotations

from markupsafe import Markup

from kunskapsbank.content.model import Guide
from kunskapsbank.render.base import PageBase
from kunskapsbank.render.format import date_label
from kunskapsbank.render.search_keys import (
    CONTENT_TYPE,
    META_DATE,
    META_SUMMARY,
    META_TITLE,
    META_TYPE,
    SORT_REVIEWED,
    TYPE_GUIDE,
)
from kunskapsbank.render.search_page import SUMMARY_WEIGHT, search_fields
from kunskapsbank.render.templating import render, template

GUIDE_DATES = (
    ("Publicerad", "published"),
    ("Senast granskad", "last_reviewed"),
    ("Nästa granskning", "next_review"),
)


class GuideParts(PageBase):
    def guide_page(self, guide: Guide, body_html: str, *, searchable: bool) -> str:
        """A guidance page's content: the sanitized body, inside the search index's body
        with its search data when the page is searchable, then the additions (none on a
        home page that is not indexed)."""
        additions = "" if not searchable and guide.key == "index" else self.guide_additions(guide)
        return template("guide_page.html").render(
            # Engine markup: the body was rendered and sanitized (htmlpolicy), the search
            # data and additions come from this module's own autoescaped templates.
            body=Markup(body_html),
            search=Markup(self.guide_search_data(guide)) if searchable else "",
            additions=Markup(additions),
            searchable=searchable,
        )

    def guide_additions(self, guide: Guide) -> str:
        """Owner, review date, related guidance and the cases that point here."""
        page = guide.url
        d = guide.data
        related = [
            self.col.guides[k] for k in d.get("related_guidance") or [] if k in self.col.guides
        ]
        dates = [
            (word, str(d[key]), date_label(str(d[key]))) for word, key in GUIDE_DATES if d.get(key)
        ]
        return render(
            "guide_additions.html",
            cases=self._link_items(self.col.cases_for_guide(guide), page),
            related=self._link_items(related, page),
            owner=d.get("owner"),
            dates=dates,
            under_review=d.get("status") == "under-oversyn",
        )

    def guide_search_data(self, guide: Guide) -> str:
        """Pagefind metadata for a guidance page (put inside the indexed body)."""
        d = guide.data
        filters = [(CONTENT_TYPE, TYPE_GUIDE)]
        theme = self._facet("tema").filter_name
        filters += [(theme, self.col.label("themes", t)) for t in d.get("themes") or []]
        meta = {META_TITLE: guide.title, META_TYPE: TYPE_GUIDE}
        sorts = {}
        if d.get("summary"):
            meta[META_SUMMARY] = str(d["summary"])
        if d.get("last_reviewed"):
            meta[META_DATE] = str(d["last_reviewed"])
            sorts[SORT_REVIEWED] = str(d["last_reviewed"])
        # The guide's synonyms are not words of the page (they would show in excerpts):
        # the search page gets them as term data (content/searchterms.py).
        return render(
            "guide_search.html",
            # Engine markup: search_fields escapes every value it writes.
            search=Markup(search_fields(guide.title, meta=meta, filters=filters, sorts=sorts)),
            summary=d.get("summary"),
            summary_weight=SUMMARY_WEIGHT,
        )

    # -- library and facets ----------------------------------------------------
