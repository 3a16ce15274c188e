"""What every engine page shares: the collection, cached facet links and a page's footer data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from markupsafe import Markup

from kunskapsbank.content.model import FACETS, Case, Collection, Facet, Guide
from kunskapsbank.render.format import date_label
from kunskapsbank.render.templating import environment
from kunskapsbank.urls import CASES, ISSUE_TEMPLATE, facet_url, rel_url


@cache
def macros() -> Any:
    """The macro of ``_page.html``, fetched once per process."""
    return environment().get_template("_page.html").module


@dataclass(slots=True)
class Rendered:
    """A generated page: where it goes and what it holds."""

    url: str  # a page URL from urls, like urls.case_url(slug)
    src_uri: str  # its source path, for generators that think in source files
    title: str
    description: str
    html: str
    head: str = ""  # extra markup for the page's <head>, like a feed's alternate link


class PageBase:
    def __init__(self, collection: Collection):
        self.col = collection
        self.settings = collection.layout.settings
        self._cards: dict[tuple[str, str], str] = {}
        self._facet_links: dict[tuple[str, str, str, bool], Markup] = {}
        self._to_cases: dict[str, str] = {}  # page URL -> relative URL of the case list
        self._facets = {f.path: f for f in FACETS}
        self.case_fields: dict[str, Any] = collection.schemas.properties("case")
        # Fact-box labels are the schema's field titles (schemas/case.schema.yaml).
        self.case_labels = {key: str(p.get("title", key)) for key, p in self.case_fields.items()}

    # -- links -------------------------------------------------------------

    def _facet_link(self, facet: Facet, value: str, page: str, *, filter_attr: bool) -> Markup:
        """A link to a facet value's page; cached, since thousands of pages share each one."""
        prefix = self._to_cases.get(page)
        if prefix is None:
            prefix = self._to_cases[page] = rel_url(CASES, page)
        key = (facet.path, value, prefix, filter_attr)
        cached = self._facet_links.get(key)
        if cached is not None:
            return cached
        url = None
        if value in self.col.facet_index.get(facet.path, {}):
            url = prefix + facet_url(facet.path, value).removeprefix(CASES)
        label = self.col.label(facet.vocabulary, value)
        cached = macros().facet_link(url, label, facet.filter_name if filter_attr else None)
        self._facet_links[key] = cached
        return cached

    def _facet(self, path: str) -> Facet:
        return self._facets[path]

    def edit_url(self, rel_path: str) -> str | None:
        repo = self.settings.repo_url.rstrip("/")
        if not repo:
            return None
        edit = self.settings.edit_uri.strip("/") or "edit/main"
        return f"{repo}/{edit.rsplit('/docs', 1)[0] if edit.endswith('/docs') else edit}/{rel_path}"

    def issue_url(self, title: str) -> str | None:
        repo = self.settings.repo_url.rstrip("/")
        if not repo:
            return None
        from urllib.parse import quote

        return f"{repo}/issues/new?template={ISSUE_TEMPLATE}&title=" + quote(
            f"Fel i fallet: {title}", safe=""
        )

    # -- case page ---------------------------------------------------------

    def _links(
        self, facet_path: str, values: Iterable[str], page: str, *, filter_attr: bool = True
    ) -> Markup:
        facet = self._facet(facet_path)
        # Each link is Markup from _facet_link: joined as text and marked once, not re-escaped.
        return Markup(
            ", ".join([self._facet_link(facet, v, page, filter_attr=filter_attr) for v in values])
        )

    def _page_meta(self, rel_path: str, data: dict[str, Any], title: str) -> dict[str, Any]:
        """Owner, dates (word, ISO date, label), edit and report links, for a page's footer."""
        dates = [
            (word, str(data[key]), date_label(str(data[key])))
            for word, key in (("Publicerad", "published"), ("Senast granskad", "last_reviewed"))
            if data.get(key) or key == "last_reviewed"
        ]
        return {
            "owner": data.get("owner") or self.settings.publisher.team,
            "dates": dates,
            "edit": self.edit_url(rel_path),
            "issue": self.issue_url(title),
        }

    @staticmethod
    def _link_items(docs: Iterable[Case | Guide], page: str) -> list[tuple[str, str]]:
        """(URL relative to ``page``, title) of each case or guide, for ``link_list``."""
        return [(rel_url(d.url, page), d.title) for d in docs]

    # -- guidance additions --------------------------------------------------
