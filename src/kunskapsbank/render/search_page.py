"""The search page and the filter values every indexed page carries."""

from __future__ import annotations

import json

from kunskapsbank.content.model import FACETS, Case, Guide
from kunskapsbank.render.base import PageBase
from kunskapsbank.render.format import esc
from kunskapsbank.urls import CASES, GUIDANCE, rel_url

SEARCH_FILTERS = ("Innehållstyp", *(f.filter_name for f in FACETS), "Typ av fall", "Startår")
SORTS = (
    ("", "Relevans"),
    ("start", "Startår, nyast först (bara fall)"),
    ("granskad", "Senast granskad"),
)


def search_page_html(page_url: str, filter_counts: dict[str, dict[str, int]]) -> str:
    """The search form and result list on /sok/; the script fills it in.

    The filter values and their totals are written into the page, so that the
    first search downloads no filter chunk it does not need.
    """
    bundle = rel_url("pagefind/", page_url)
    options = "".join(f'<option value="{esc(v)}">{esc(label)}</option>' for v, label in SORTS)
    return (
        '<div id="kb-search-nojs" class="kb-notice"><p>Sökningen behöver JavaScript. '
        f'Ni kan också <a href="{esc(rel_url(CASES, page_url))}">bläddra bland fallen</a> '
        f'eller läsa <a href="{esc(rel_url(GUIDANCE, page_url))}">vägledningen</a>.</p></div>'
        f'<div id="kb-search" class="kb-search" hidden data-bundle="{esc(bundle)}" '
        f"data-filters='{esc(json.dumps(SEARCH_FILTERS, ensure_ascii=False))}' "
        f"data-values='{esc(json.dumps(filter_counts, ensure_ascii=False, sort_keys=True))}'>"
        '<form id="kb-search-form" role="search" aria-label="Sök i kunskapsbanken">'
        '<div class="kb-search__row"><label for="kb-q">Sökord</label>'
        '<input id="kb-q" type="search" name="q" autocomplete="off">'
        '<button type="submit" class="md-button md-button--primary">Sök</button></div>'
        '<div class="kb-search__row"><label for="kb-sort">Sortera</label>'
        f'<select id="kb-sort" name="sortera">{options}</select></div>'
        '<p class="kb-skip-results"><a href="#kb-status">Hoppa förbi filtren till träffarna</a></p>'
        '<div class="kb-search__layout"><div id="kb-filters" class="kb-filters" '
        'role="group" aria-label="Filter"></div><div class="kb-search__results">'
        '<p id="kb-status" role="status" aria-live="polite" tabindex="-1"></p>'
        '<ol id="kb-results" class="kb-results"></ol>'
        '<button id="kb-more" type="button" class="md-button" hidden>Visa fler träffar</button>'
        "</div></div></form></div>"
        f'<script src="{esc(rel_url("assets/sok.js", page_url))}" defer></script>'
    )


class SearchData(PageBase):
    def case_filters(self, case: Case) -> dict[str, list[str]]:
        """The Pagefind filter values a case page carries (as its markup writes them)."""
        out: dict[str, list[str]] = {"Innehållstyp": ["Fall"]}
        for facet in FACETS:
            values = facet.values(case.data)
            if values:
                out[facet.filter_name] = [self.col.label(facet.vocabulary, v) for v in values]
        out["Typ av fall"] = [self.col.label("case_type", case.data["case_type"])]
        out["Startår"] = [case.start_year]
        return out

    def guide_filters(self, guide: Guide) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {"Innehållstyp": ["Vägledning"]}
        themes = [self.col.label("themes", t) for t in guide.data.get("themes") or []]
        if themes:
            out["Tema"] = themes
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
