"""Additions to a guidance page: related content, owner and dates, search data."""

from __future__ import annotations

from kunskapsbank.content.model import Guide
from kunskapsbank.render.base import PageBase
from kunskapsbank.render.format import date_label, esc


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
        """Hidden Pagefind metadata for a guidance page (put inside the indexed body)."""
        d = guide.data
        out = [
            '<span data-pagefind-filter="Innehållstyp" hidden>Vägledning</span>',
            '<span data-pagefind-meta="type" hidden>Vägledning</span>',
        ]
        if d.get("summary"):
            out.append(f'<span data-pagefind-meta="summary" hidden>{esc(d["summary"])}</span>')
        if d.get("last_reviewed"):
            out.append(f'<span data-pagefind-meta="date" hidden>{esc(d["last_reviewed"])}</span>')
            out.append(
                f'<span data-pagefind-sort="granskad" hidden>{esc(d["last_reviewed"])}</span>'
            )
        for theme in d.get("themes") or []:
            out.append(
                f'<span data-pagefind-filter="Tema" hidden>'
                f"{esc(self.col.label('themes', theme))}</span>"
            )
        if d.get("synonyms"):
            # Indexed as words of the page, never shown.
            out.append(
                '<p class="kb-synonyms" aria-hidden="true" hidden>'
                + esc(" ".join(d["synonyms"]))
                + "</p>"
            )
        return "".join(out)

    # -- library and facets ----------------------------------------------------
