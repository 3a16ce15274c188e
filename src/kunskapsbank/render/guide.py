"""Additions to a guidance page: related content, owner and dates, search data."""

from __future__ import annotations

from kunskapsbank.content.model import Guide
from kunskapsbank.render.base import PageBase
from kunskapsbank.render.format import date_label, esc
from kunskapsbank.render.search_keys import CONTENT_TYPE, SORT_REVIEWED, TYPE_GUIDE
from kunskapsbank.render.search_page import SUMMARY_WEIGHT, search_fields


class GuideParts(PageBase):
    def guide_additions(self, guide: Guide) -> str:
        """Owner, review date, related guidance and the cases that point here."""
        page = guide.url
        d = guide.data
        parts = []
        cases = self.col.cases_for_guide(guide)
        if cases:
            parts.append(
                self._section(
                    "fall-om-detta",
                    "Fall som handlar om detta",
                    self._case_list(cases, page),
                    index=False,
                )
            )
        related = [
            self.col.guides[k] for k in d.get("related_guidance") or [] if k in self.col.guides
        ]
        if related:
            parts.append(
                self._section("las-aven", "Läs även", self._guide_list(related, page), index=False)
            )
        meta = []
        if d.get("owner"):
            meta.append(f"Ansvarig: {esc(d['owner'])}.")
        if d.get("published"):
            meta.append(
                f'Publicerad <time datetime="{esc(d["published"])}">'
                f"{esc(date_label(d['published']))}</time>."
            )
        if d.get("last_reviewed"):
            meta.append(
                f'Senast granskad <time datetime="{esc(d["last_reviewed"])}">'
                f"{esc(date_label(d['last_reviewed']))}</time>."
            )
        if d.get("next_review"):
            meta.append(
                f'Nästa granskning <time datetime="{esc(d["next_review"])}">'
                f"{esc(date_label(d['next_review']))}</time>."
            )
        if meta:
            status = ""
            if d.get("status") == "under-oversyn":
                status = (
                    '<p class="kb-notice"><strong>Sidan ses över.</strong> '
                    "Innehållet kan vara inaktuellt.</p>"
                )
            parts.append(
                f'<footer class="kb-page-meta" data-pagefind-ignore>{status}'
                f"<p>{' '.join(meta)}</p></footer>"
            )
        return "".join(parts)

    def guide_search_data(self, guide: Guide) -> str:
        """Pagefind metadata for a guidance page (put inside the indexed body)."""
        d = guide.data
        filters = [(CONTENT_TYPE, TYPE_GUIDE)]
        filters += [("Tema", self.col.label("themes", t)) for t in d.get("themes") or []]
        meta = {"title": guide.title, "type": TYPE_GUIDE}
        sorts = {}
        if d.get("summary"):
            meta["summary"] = str(d["summary"])
        if d.get("last_reviewed"):
            meta["date"] = str(d["last_reviewed"])
            sorts[SORT_REVIEWED] = str(d["last_reviewed"])
        # The guide's synonyms are not words of the page (they would show in excerpts):
        # the search page gets them as term data (content/searchterms.py).
        out = search_fields(guide.title, meta=meta, filters=filters, sorts=sorts)
        if d.get("summary"):
            out += (
                f'<p class="kb-search-summary" hidden data-pagefind-weight="{SUMMARY_WEIGHT}">'
                f"{esc(d['summary'])}</p>"
            )
        return out

    # -- library and facets ----------------------------------------------------
