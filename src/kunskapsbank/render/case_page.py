"""A case's page: summary, fact box, body, lessons, sources, contacts and related content."""

from __future__ import annotations

from kunskapsbank.content.model import Case
from kunskapsbank.render.base import PageBase, Rendered
from kunskapsbank.render.format import date_label, esc, period_html, sek
from kunskapsbank.render.search_keys import (
    CASE_TYPE,
    CONTENT_TYPE,
    SORT_REVIEWED,
    SORT_START,
    START_YEAR,
    TYPE_CASE,
)
from kunskapsbank.render.search_page import SUMMARY_WEIGHT, search_fields, spaced_cells
from kunskapsbank.urls import CASE_SRC


class CasePage(PageBase):
    def case_page(self, case: Case, body_html: str) -> Rendered:
        """The page of ``case``; ``body_html`` is its body, rendered and sanitized."""
        page = case.url
        d = case.data
        col = self.col
        rows: list[tuple[str, str]] = []
        # Fact-box labels are the schema's field titles (schemas/case.schema.yaml).
        title = {key: str(prop.get("title", key)) for key, prop in self.case_fields.items()}

        orgs = []
        filtered: set[str] = set()  # Pagefind counts every marked element, so mark each type once
        for i, o in enumerate(d["organisations"]):
            org_type = self._facet_link(
                self._facet("organisationstyp"),
                o["org_type"],
                page,
                filter_attr=o["org_type"] not in filtered,
            )
            filtered.add(o["org_type"])
            href = self.organisation_link(case, i, page)  # type: ignore[attr-defined]
            name = f'<a href="{esc(href)}">{esc(o["name"])}</a>' if href else esc(o["name"])
            orgs.append(
                f'<li><span class="kb-org">{name}</span> '
                f'<span class="kb-muted">({esc(col.label("role", o["role"]))}, {org_type})</span></li>'
            )
        rows.append((title["organisations"], f'<ul class="kb-plain">{"".join(orgs)}</ul>'))
        rows.append((title["lan"], self._links("lan", d["lan"], page)))
        rows.append((title["period"], period_html(case.period)))
        rows.append((title["status"], self._links("status", [d["status"]], page)))
        rows.append(
            (
                title["case_type"],
                f'<span data-pagefind-filter="{CASE_TYPE}">{esc(col.label("case_type", d["case_type"]))}</span>',
            )
        )
        if d.get("procedures"):
            rows.append((title["procedures"], self._links("forfarande", d["procedures"], page)))
        if d.get("methods"):
            rows.append(
                (title["methods"], esc(", ".join(col.label("methods", m) for m in d["methods"])))
            )
        if d.get("innovation_level"):
            rows.append(
                (
                    title["innovation_level"],
                    esc(col.label("innovation_level", d["innovation_level"])),
                )
            )
        if d.get("phase_reached"):
            rows.append((title["phase_reached"], esc(col.label("phases", d["phase_reached"]))))
        if d.get("sectors"):
            rows.append((title["sectors"], self._links("sektor", d["sectors"], page)))
        rows.append((title["themes"], self._links("tema", d["themes"], page)))
        if d.get("funding"):
            items = []
            for f in d["funding"]:
                parts = [f'<span class="kb-org">{esc(f["funder"])}</span>']
                if f.get("programme"):
                    parts.append(f"program {esc(f['programme'])}")
                if f.get("reference"):
                    parts.append(f"diarienummer {esc(f['reference'])}")
                if f.get("amount_sek") is not None:
                    parts.append(f'<span class="kb-amount">{esc(sek(f["amount_sek"]))}</span>')
                items.append("<li>" + ", ".join(parts) + "</li>")
            rows.append((title["funding"], f'<ul class="kb-plain">{"".join(items)}</ul>'))
        evidence = col.schemas.vocabularies["evidence"].by_id[d["evidence"]]
        checked = ""
        if d["evidence"] == "redaktionellt-granskad":
            checked = (
                " Uppgifterna kontrollerades mot källorna "
                f'<time datetime="{esc(d["last_reviewed"])}">'
                f"{esc(date_label(d['last_reviewed']))}</time>."
            )
        description = esc(evidence.description or "") + checked
        rows.append(
            (
                title["evidence"],
                esc(evidence.label)
                + (f'<br><span class="kb-muted">{description}</span>' if description else ""),
            )
        )
        facts = "".join(
            f'<div class="kb-fact"><dt>{esc(k)}</dt><dd>{v}</dd></div>' for k, v in rows
        )
        parts = [
            f'<p class="kb-lead" data-pagefind-meta="summary" data-pagefind-weight="{SUMMARY_WEIGHT}">'
            f"{esc(case.summary)}</p>",
            # The fact box is metadata, not words of the page (its filters still count).
            '<section class="kb-facts" aria-labelledby="fakta" data-pagefind-ignore>'
            '<h2 id="fakta">Fakta om fallet</h2>'
            f"<dl>{facts}</dl></section>",
            f'<div class="kb-body">{spaced_cells(body_html)}</div>',
        ]
        lessons = []
        for lesson in d["lessons"]:
            themes = ""
            if lesson.get("themes"):
                themes = (
                    '<br><span class="kb-muted">Tema: '
                    + self._links("tema", lesson["themes"], page, filter_attr=False)
                    + "</span>"
                )
            lessons.append(f"<li>{esc(lesson['text'])}{themes}</li>")
        parts.append(self._section("lardomar", "Lärdomar", f"<ul>{''.join(lessons)}</ul>"))
        sources = []
        for s in d["sources"]:
            title = esc(s["title"])
            if s.get("url"):
                title = f'<a href="{esc(s["url"])}" rel="noopener noreferrer">{title}</a>'
            extra = ", ".join(esc(x) for x in (s.get("publisher"), s.get("year")) if x)
            if s.get("accessed"):
                read = f'läst <time datetime="{esc(s["accessed"])}">{esc(date_label(s["accessed"]))}</time>'
                extra = f"{extra}, {read}" if extra else read
            sources.append(f"<li>{title}{', ' + extra if extra else ''}</li>")
        parts.append(self._section("kallor", "Källor", f"<ol>{''.join(sources)}</ol>"))
        parts.append(self.ask_section(case, page))  # type: ignore[attr-defined]
        related = col.related_cases(case)
        if related:
            links = self._case_list(related, page)
            parts.append(self._section("relaterade-fall", "Relaterade fall", links, index=False))
        guides = col.related_guides_of_case(case)
        if guides:
            links = self._guide_list(guides, page)
            parts.append(
                self._section("relaterad-vagledning", "Relaterad vägledning", links, index=False)
            )
        parts.append(self._page_meta(case.doc.rel, d, case.title))
        html_out = (
            '<article class="kb-case" data-pagefind-body>'
            + search_fields(
                case.title,
                meta={"title": case.title, "type": TYPE_CASE, "date": d["last_reviewed"]},
                filters=[(CONTENT_TYPE, TYPE_CASE), (START_YEAR, case.start_year)],
                # A start that is not known sorts last.
                sorts={
                    SORT_START: case.period.start.sort_key() or "0000",
                    SORT_REVIEWED: d["last_reviewed"],
                },
            )
            + "".join(parts)
            + "</article>"
        )
        return Rendered(page, CASE_SRC.format(slug=case.slug), case.title, case.summary, html_out)
