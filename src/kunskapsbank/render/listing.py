"""Listings: the case library, facet pages with their chart, cards and paging."""

from __future__ import annotations

from collections.abc import Callable

from kunskapsbank.content.model import FACETS, Case, Facet
from kunskapsbank.render.base import Rendered
from kunskapsbank.render.contribute import form_page
from kunskapsbank.render.county_map import CountyMap
from kunskapsbank.render.feeds import alternate_link, feed_title, subscribe_link
from kunskapsbank.render.format import esc, period_label
from kunskapsbank.urls import (
    CASES,
    FEED_FACETS,
    facet_feed_url,
    facet_index_url,
    facet_url,
    page_n,
    rel_url,
    src_uri,
)

PAGE_SIZE = 50


class Listings(CountyMap):
    def card(self, case: Case, page: str) -> str:
        """A case's card in a listing; cached per case and relative path to /fall/."""
        prefix = rel_url(CASES, page)
        key = (case.slug, prefix)
        cached = self._cards.get(key)
        if cached is None:
            cached = self._cards[key] = self._card(case, page)
        return cached

    def _card(self, case: Case, page: str) -> str:
        d = case.data
        counties = ", ".join(esc(self.col.label("lan", v)) for v in d["lan"])
        period = period_label(case.period)
        return (
            '<li class="kb-card">'
            f'<h3 class="kb-card__title"><a href="{esc(rel_url(case.url, page))}">{esc(case.title)}</a></h3>'
            f'<p class="kb-card__summary">{esc(case.summary)}</p>'
            '<p class="kb-card__meta">'
            f'<span><span class="kb-visually-hidden">Län: </span>{counties}</span> · '
            f'<span><span class="kb-visually-hidden">Status: </span>'
            f"{esc(self.col.label('status', d['status']))}</span> · "
            f'<span><span class="kb-visually-hidden">Period: </span>{esc(period)}</span>'
            "</p></li>"
        )

    def list_pages(
        self,
        base: str,
        title: str,
        intro: Callable[[str], str],
        cases: list[Case],
        after: Callable[[str], str] | None = None,
        feed: tuple[str, str] | None = None,
    ) -> list[Rendered]:
        """Paginated card lists: ``base``, then ``base``sida/2/ and so on.

        ``intro`` gives the introduction for a page URL, so its links stay relative;
        ``after`` what follows the list on the first page. ``feed`` is (URL, title) of
        the list's Atom feed, announced and linked on each page.
        """
        pages = max(1, -(-len(cases) // PAGE_SIZE))
        count = len(cases)
        out = []
        for n in range(1, pages + 1):
            url = page_n(base, n)
            chunk = cases[(n - 1) * PAGE_SIZE : n * PAGE_SIZE]
            cards = "".join(self.card(c, url) for c in chunk)
            page_title = title if n == 1 else f"{title}, sida {n} av {pages}"
            of_pages = f" Sida {n} av {pages}." if pages > 1 else ""
            subscribe = subscribe_link(feed[0], url, feed[1]) if feed else ""
            body = (
                f'<div class="kb-listing" data-pagefind-ignore="all">{intro(url)}{subscribe}'
                f'<p class="kb-count">{count} fall, nyast först.{of_pages}</p>'
                f'<ul class="kb-cards">{cards}</ul>{self._pager(base, url, n, pages)}</div>'
            )
            if after is not None and n == 1:
                body += after(url)
            source = src_uri(base) if n == 1 else url.rstrip("/") + ".md"
            head = alternate_link(feed[0], url, feed[1]) if feed else ""
            out.append(Rendered(url, source, page_title, f"{title}: {count} fall.", body, head))
        return out

    @staticmethod
    def _pager(base: str, url: str, n: int, pages: int) -> str:
        if pages == 1:
            return ""
        links = []
        for i in range(1, pages + 1):
            target = page_n(base, i)
            if i == n:
                links.append(
                    f'<li><a aria-current="page" href="{esc(rel_url(target, url))}">{i}</a></li>'
                )
            else:
                links.append(f'<li><a href="{esc(rel_url(target, url))}">{i}</a></li>')
        return f'<nav class="kb-pager" aria-label="Sidor"><ul>{"".join(links)}</ul></nav>'

    def library(self) -> list[Rendered]:
        col = self.col
        facets = [f for f in FACETS if col.facet_index.get(f.path)]
        form = form_page(col.guides)

        def intro(url: str) -> str:
            links = "".join(
                f'<li><a href="{esc(rel_url(facet_index_url(f.path), url))}">'
                f"{esc(col.schemas.vocabularies[f.vocabulary].title)}</a></li>"
                for f in facets
            )
            share = (
                f'<p>Har er organisation ett fall att dela? <a href="{esc(rel_url(form, url))}">'
                "Lämna in det med formuläret</a>.</p>"
                if form is not None
                else ""
            )
            return (
                "<p>Här finns erfarenheter som organisationer delar med varandra: upphandlingar, "
                "projekt, nätverk och studier. Bläddra bland alla fall nedan, sök, eller välj "
                f'fall efter:</p><ul class="kb-facet-nav">{links}</ul>'
                + share
                + (self.county_map(url) if url == CASES else "")
            )

        return self.list_pages(CASES, "Fall", intro, col.cases)

    def facet_pages(self) -> list[Rendered]:
        out: list[Rendered] = []
        col = self.col
        for facet in FACETS:
            values = col.facet_index.get(facet.path) or {}
            if not values:
                continue
            vocab = col.schemas.vocabularies[facet.vocabulary]
            ordered = [(t.id, t.label, len(values[t.id])) for t in vocab.terms if t.id in values]
            index_url = facet_index_url(facet.path)
            out.append(
                Rendered(
                    index_url,
                    src_uri(index_url),
                    f"Fall per {vocab.title.lower()}",
                    f"Antal fall för varje {vocab.title.lower()} i kunskapsbanken.",
                    self._facet_index_html(facet, vocab.title, ordered, index_url),
                )
            )
            for term_id, label, _count in ordered:
                cases = values[term_id]
                base = facet_url(facet.path, term_id)
                noun = vocab.title.lower()

                def intro(url: str, noun: str = noun, index_url: str = index_url) -> str:
                    return (
                        f'<p><a href="{esc(rel_url(index_url, url))}">Alla värden för '
                        f'{esc(noun)}</a> · <a href="{esc(rel_url(CASES, url))}">Alla fall</a></p>'
                    )

                after = None
                if facet.path == "lan":

                    def after(url: str, county: str = term_id) -> str:
                        return self.county_organisations(county, url)  # type: ignore[attr-defined]

                feed = None
                if facet.path in FEED_FACETS:
                    feed = (facet_feed_url(facet.path, term_id), feed_title(facet.path, label))
                pages = self.list_pages(
                    base, f"{vocab.title}: {label}", intro, cases, after=after, feed=feed
                )
                out.extend(pages)
        return out

    def _facet_index_html(
        self, facet: Facet, title: str, ordered: list[tuple[str, str, int]], page: str
    ) -> str:
        top = max(c for _, _, c in ordered)
        bar_h, gap, label_w, chart_w = 22, 8, 210, 300
        height = len(ordered) * (bar_h + gap) + gap
        bars = []
        items = []
        for i, (term_id, label, count) in enumerate(ordered):
            y = gap + i * (bar_h + gap)
            width = max(2, round(chart_w * count / top))
            url = rel_url(facet_url(facet.path, term_id), page)
            bars.append(
                f'<text x="{label_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end">{esc(label)}</text>'
                f'<rect x="{label_w}" y="{y}" width="{width}" height="{bar_h}" rx="2"></rect>'
                f'<text x="{label_w + width + 6}" y="{y + bar_h * 0.7:.1f}">{count}</text>'
            )
            items.append(
                f'<li><a href="{esc(url)}">{esc(label)}</a> <span class="kb-muted">'
                f"({count} fall)</span></li>"
            )
        svg = (
            f'<svg class="kb-chart" role="img" aria-labelledby="diagram-rubrik" '
            f'viewBox="0 0 {label_w + chart_w + 60} {height}" '
            f'width="{label_w + chart_w + 60}" height="{height}" '
            f'preserveAspectRatio="xMinYMin meet">'
            f'<title id="diagram-rubrik">Antal fall per {esc(title.lower())}</title>'
            + "".join(bars)
            + "</svg>"
        )
        return (
            '<div class="kb-listing" data-pagefind-ignore="all">'
            f"<p>Välj {esc(title.lower())} för att se fallen. Siffran visar hur många fall det finns.</p>"
            f'<ul class="kb-facet-values">{"".join(items)}</ul>'
            f'<figure class="kb-figure">{svg}<figcaption>Diagrammet visar samma siffror som listan.'
            "</figcaption></figure></div>"
        )
