"""What every engine page shares: the collection, cached facet links, sections and lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kunskapsbank.content.model import FACETS, Case, Collection, Facet, Guide
from kunskapsbank.render.format import date_label, esc
from kunskapsbank.urls import CASES, ISSUE_TEMPLATE, facet_url, rel_url


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
        self._facet_links: dict[tuple[str, str, str, bool], str] = {}
        self.case_fields: dict[str, Any] = collection.schemas.properties("case")

    # -- links -------------------------------------------------------------

    def _facet_link(self, facet: Facet, value: str, page: str, *, filter_attr: bool) -> str:
        """A link to a facet value's page; cached, since thousands of pages share each one."""
        prefix = rel_url(CASES, page)
        key = (facet.path, value, prefix, filter_attr)
        cached = self._facet_links.get(key)
        if cached is not None:
            return cached
        label = self.col.label(facet.vocabulary, value)
        attr = f' data-pagefind-filter="{esc(facet.filter_name)}"' if filter_attr else ""
        if value in self.col.facet_index.get(facet.path, {}):
            url = prefix + facet_url(facet.path, value).removeprefix(CASES)
            cached = f'<a href="{esc(url)}"{attr}>{esc(label)}</a>'
        else:
            cached = f"<span{attr}>{esc(label)}</span>"
        self._facet_links[key] = cached
        return cached

    def _facet(self, path: str) -> Facet:
        return next(f for f in FACETS if f.path == path)

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
    ) -> str:
        facet = self._facet(facet_path)
        return ", ".join(self._facet_link(facet, v, page, filter_attr=filter_attr) for v in values)

    @staticmethod
    def _section(anchor: str, title: str, body: str, *, index: bool = True) -> str:
        ignore = "" if index else " data-pagefind-ignore"
        return (
            f'<section class="kb-section" aria-labelledby="{anchor}"{ignore}>'
            f'<h2 id="{anchor}">{esc(title)}</h2>{body}</section>'
        )

    def _page_meta(self, rel_path: str, data: dict[str, Any], title: str) -> str:
        owner = data.get("owner") or self.settings.publisher.team
        bits = [f"Ansvarig: {esc(owner)}."]
        if data.get("published"):
            bits.append(
                f'Publicerad <time datetime="{esc(data["published"])}">'
                f"{esc(date_label(data['published']))}</time>."
            )
        bits.append(
            f'Senast granskad <time datetime="{esc(data["last_reviewed"])}">'
            f"{esc(date_label(data['last_reviewed']))}</time>."
        )
        links = []
        edit = self.edit_url(rel_path)
        if edit:
            links.append(f'<a href="{esc(edit)}">Föreslå en ändring</a>')
        issue = self.issue_url(title)
        if issue:
            links.append(f'<a href="{esc(issue)}">Rapportera ett fel på sidan</a>')
        link_html = f"<p>{' · '.join(links)}</p>" if links else ""
        return (
            f'<footer class="kb-page-meta" data-pagefind-ignore><p>{" ".join(bits)}</p>'
            f"{link_html}</footer>"
        )

    def _case_list(self, cases: list[Case], page: str) -> str:
        items = "".join(
            f'<li><a href="{esc(rel_url(c.url, page))}">{esc(c.title)}</a></li>' for c in cases
        )
        return f"<ul>{items}</ul>"

    def _guide_list(self, guides: list[Guide], page: str) -> str:
        items = "".join(
            f'<li><a href="{esc(rel_url(g.url, page))}">{esc(g.title)}</a></li>' for g in guides
        )
        return f"<ul>{items}</ul>"

    # -- guidance additions --------------------------------------------------
