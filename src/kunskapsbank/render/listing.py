"""Listings: the case library, facet pages with their chart, cards and paging.

Python gathers each page's data; the markup is in autoescaped templates: ``listing.html``
(one page of the library or of a facet value, rendered once per page), ``cards.html``
(the cards a page still needs, each then cached) and ``facet_index.html``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from kunskapsbank.content.model import FACETS, Case, Facet
from kunskapsbank.render.base import Rendered
from kunskapsbank.render.contribute import form_page
from kunskapsbank.render.county_map import CountyMap
from kunskapsbank.render.feeds import alternate_link, feed_title, subscribe_link
from kunskapsbank.render.format import period_label
from kunskapsbank.render.templating import template as load_template
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
# Written by cards.html after each card, to part the cards of one render; never published.
# The one piece of markup here: it holds a "<", which autoescape turns into "&lt;" in every
# value, so no title or summary can end a card early.
CARD_END = Markup("<!--/kb-card-->")
# The bar chart of a facet's values: bar height, gap, label column and bar widths in pixels.
BAR_H, GAP, LABEL_W, CHART_W = 22, 8, 210, 300


class Listings(CountyMap):
    def cards(self, cases: list[Case], page: str, prefix: str) -> Markup:
        """The cards of ``cases`` on ``page``, whose relative path to /fall/ is ``prefix``.

        A card is cached per case and prefix (a case is on many listing pages);
        the missing ones are rendered together, by one template render.
        """
        missing = [c for c in cases if (c.slug, prefix) not in self._cards]
        if missing:
            rendered = load_template("cards.html").render(
                cards=[(rel_url(c.url, page), *self._card_texts(c)) for c in missing],
                end=CARD_END,
            )
            # cards.html ends each card with CARD_END, which no escaped value can hold.
            for case, card in zip(missing, rendered.split(CARD_END), strict=False):
                self._cards[case.slug, prefix] = card
        # Cards from cards.html, escaped there: joined as they are.
        return Markup("".join([self._cards[c.slug, prefix] for c in cases]))

    def _card_texts(self, case: Case) -> tuple[str, str, str, str, str]:
        """A card's title, summary, counties, status and period; the same at every depth."""
        known: dict[str, tuple[str, str, str, str, str]] = self.__dict__.setdefault(
            "_card_text", {}
        )
        texts = known.get(case.slug)
        if texts is None:
            label = self.col.label
            texts = known[case.slug] = (
                case.title,
                case.summary,
                ", ".join(label("lan", v) for v in case.data["lan"]),
                label("status", case.data["status"]),
                period_label(case.period),
            )
        return texts

    def list_pages(
        self,
        base: str,
        title: str,
        intro: Callable[[str], dict[str, Any]],
        cases: list[Case],
        after: Callable[[str], str] | None = None,
        feed: tuple[str, str] | None = None,
    ) -> list[Rendered]:
        """Paginated card lists: ``base``, then ``base``sida/2/ and so on.

        ``intro`` gives the introduction's data for a page URL (as listing.html
        reads it: the library's or a facet value's), so its links stay relative; ``after``
        what follows the list on the first page. ``feed`` is (URL, title) of the
        list's Atom feed, announced and linked on each page.
        """
        pages = max(1, -(-len(cases) // PAGE_SIZE))
        count = len(cases)
        page_template = load_template("listing.html")
        out = []
        for n in range(1, pages + 1):
            url = page_n(base, n)
            chunk = cases[(n - 1) * PAGE_SIZE : n * PAGE_SIZE]
            prefix = rel_url(CASES, url)
            body = page_template.render(
                intro(url),
                count=count,
                n=n,
                pages=pages,
                cards=self.cards(chunk, url, prefix),
                pager=[rel_url(page_n(base, i), url) for i in range(1, pages + 1)]
                if pages > 1
                else [],
                # Engine HTML, escaped where it was made (feeds.py, organisations.py).
                subscribe=Markup(subscribe_link(feed[0], url, feed[1]) if feed else ""),
                after=Markup(after(url) if after is not None and n == 1 else ""),
            )
            page_title = title if n == 1 else f"{title}, sida {n} av {pages}"
            source = src_uri(base) if n == 1 else url.rstrip("/") + ".md"
            head = alternate_link(feed[0], url, feed[1]) if feed else ""
            out.append(Rendered(url, source, page_title, f"{title}: {count} fall.", body, head))
        return out

    def library(self) -> list[Rendered]:
        col = self.col
        facets = [f for f in FACETS if col.facet_index.get(f.path)]
        form = form_page(col.guides)

        def intro(url: str) -> dict[str, Any]:
            return {
                "library": True,
                "facets": [
                    (
                        rel_url(facet_index_url(f.path), url),
                        col.schemas.vocabularies[f.vocabulary].title,
                    )
                    for f in facets
                ],
                "form": rel_url(form, url) if form is not None else None,
                # county_map.html's output, escaped there.
                "county_map": Markup(self.county_map(url) if url == CASES else ""),
            }

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

                def intro(url: str, noun: str = noun, index_url: str = index_url) -> dict[str, Any]:
                    return {
                        "library": False,
                        "index_url": rel_url(index_url, url),
                        "noun": noun,
                        "cases_url": rel_url(CASES, url),
                    }

                after = None
                if facet.path == "lan":

                    def after(url: str, county: str = term_id) -> str:
                        return self.county_organisations(county, url)  # type: ignore[attr-defined]

                feed = None
                if facet.path in FEED_FACETS:
                    feed = (facet_feed_url(facet.path, term_id), feed_title(facet.path, label))
                title = f"{vocab.title}: {label}"
                out.extend(self.list_pages(base, title, intro, cases, after=after, feed=feed))
        return out

    def _facet_index_html(
        self, facet: Facet, title: str, ordered: list[tuple[str, str, int]], page: str
    ) -> str:
        top = max(c for _, _, c in ordered)
        values = []
        for i, (term_id, label, count) in enumerate(ordered):
            y = GAP + i * (BAR_H + GAP)
            values.append(
                {
                    "url": rel_url(facet_url(facet.path, term_id), page),
                    "label": label,
                    "count": count,
                    "y": y,
                    "text_y": f"{y + BAR_H * 0.7:.1f}",
                    "width": max(2, round(CHART_W * count / top)),
                }
            )
        return load_template("facet_index.html").render(
            noun=title.lower(),
            values=values,
            width=LABEL_W + CHART_W + 60,
            height=len(ordered) * (BAR_H + GAP) + GAP,
            label_x=LABEL_W - 8,
            bar_x=LABEL_W,
            bar_h=BAR_H,
        )
