"""A case's page: summary, fact box, body, lessons, sources, contacts and related content.

Python gathers the data; ``render/templates/case.html`` builds the markup, one
template per page.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from kunskapsbank.content.model import Case, Collection
from kunskapsbank.render.base import PageBase, Rendered, macros
from kunskapsbank.render.format import date_label, period_parts, sek
from kunskapsbank.render.search_keys import (
    CASE_TYPE,
    CONTENT_TYPE,
    META_DATE,
    META_SUMMARY,
    META_TITLE,
    META_TYPE,
    SORT_REVIEWED,
    SORT_START,
    START_YEAR,
    TYPE_CASE,
)
from kunskapsbank.render.search_page import SUMMARY_WEIGHT, search_fields, spaced_cells
from kunskapsbank.render.templating import template
from kunskapsbank.urls import CASE_SRC


class CasePage(PageBase):
    def __init__(self, collection: Collection):
        super().__init__(collection)
        # The page template and the facet-link macro compiled here, in the process that forks
        # the page writers, rather than once in each writer.
        self._case_template = template("case.html")
        macros()

    def case_page(self, case: Case, body_html: str) -> Rendered:
        """The page of ``case``; ``body_html`` is its body, rendered and sanitized."""
        page = case.url
        d = case.data
        col = self.col
        org_type_facet = self._facet("organisationstyp")
        orgs = []
        filtered: set[str] = set()  # Pagefind counts every marked element, so mark each type once
        for i, o in enumerate(d["organisations"]):
            org_type = self._facet_link(
                org_type_facet, o["org_type"], page, filter_attr=o["org_type"] not in filtered
            )
            filtered.add(o["org_type"])
            href = self.organisation_link(case, i, page)  # type: ignore[attr-defined]
            orgs.append((o["name"], href, col.label("role", o["role"]), org_type))
        funding = [
            (
                f["funder"],
                f.get("programme"),
                f.get("reference"),
                sek(f["amount_sek"]) if f.get("amount_sek") is not None else None,
            )
            for f in d.get("funding") or []
        ]
        lessons = [
            (
                lesson["text"],
                self._links("tema", lesson["themes"], page, filter_attr=False)
                if lesson.get("themes")
                else None,
            )
            for lesson in d["lessons"]
        ]
        sources = [
            (
                s["title"],
                s.get("url"),
                [x for x in (s.get("publisher"), s.get("year")) if x],
                s.get("accessed"),
                date_label(s["accessed"]) if s.get("accessed") else None,
            )
            for s in d["sources"]
        ]
        evidence = col.schemas.vocabularies["evidence"].by_id[d["evidence"]]
        period = case.period  # parsed on each access: once here
        start_iso, start, end_iso, end = period_parts(period)
        values: dict[str, Any] = {
            "search": Markup(  # engine markup: search_fields escapes every value it writes
                search_fields(
                    case.title,
                    meta={
                        META_TITLE: case.title,
                        META_TYPE: TYPE_CASE,
                        META_DATE: d["last_reviewed"],
                    },
                    filters=[(CONTENT_TYPE, TYPE_CASE), (START_YEAR, case.start_year)],
                    # A start that is not known sorts last.
                    sorts={
                        SORT_START: period.start.sort_key() or "0000",
                        SORT_REVIEWED: d["last_reviewed"],
                    },
                )
            ),
            "summary": case.summary,
            "summary_weight": SUMMARY_WEIGHT,
            "meta_summary": META_SUMMARY,
            "label": self.case_labels,
            "orgs": orgs,
            "lan": self._links("lan", d["lan"], page),
            "start_iso": start_iso,
            "start": start,
            "end_iso": end_iso,
            "end": end,
            "status": self._links("status", [d["status"]], page),
            "case_type_filter": CASE_TYPE,
            "case_type": col.label("case_type", d["case_type"]),
            "procedures": self._links("forfarande", d["procedures"], page)
            if d.get("procedures")
            else None,
            "methods": ", ".join(col.label("methods", m) for m in d.get("methods") or []),
            "innovation_level": col.label("innovation_level", d["innovation_level"])
            if d.get("innovation_level")
            else None,
            "phase_reached": col.label("phases", d["phase_reached"])
            if d.get("phase_reached")
            else None,
            "sectors": self._links("sektor", d["sectors"], page) if d.get("sectors") else None,
            "themes": self._links("tema", d["themes"], page),
            "funding": funding,
            "evidence": evidence.label,
            "evidence_note": evidence.description or "",
            "checked": d["evidence"] == "redaktionellt-granskad",
            "reviewed_iso": d["last_reviewed"],
            "reviewed": date_label(d["last_reviewed"]),
            # The body is the Markdown renderer's output, sanitized by nh3 (render/markdown.py).
            "body": Markup(spaced_cells(body_html)),
            "lessons": lessons,
            "sources": sources,
            # Engine markup from the autoescaped ask.html (render/organisations.py).
            "ask": Markup(self.ask_section(case, page)),  # type: ignore[attr-defined]
            "related": self._link_items(col.related_cases(case), page),
            "guides": self._link_items(col.related_guides_of_case(case), page),
            **self._page_meta(case.doc.rel, d, case.title),
        }
        html_out = self._case_template.render(values)
        return Rendered(page, CASE_SRC.format(slug=case.slug), case.title, case.summary, html_out)
