"""How a county or theme page offers its feed: the words, the head link and the visible link."""

from __future__ import annotations

from kunskapsbank.render.format import esc
from kunskapsbank.urls import rel_url

# facet path -> how a feed title names what it follows
FOLLOWS = {"lan": "i {label}", "tema": "om temat {label}"}


def feed_title(facet_path: str, label: str) -> str:
    """``lan``, ``Skåne län`` -> ``nya och uppdaterade fall i Skåne län``."""
    return "nya och uppdaterade fall " + FOLLOWS[facet_path].format(label=label)


def alternate_link(feed: str, page: str, title: str) -> str:
    """The ``<link rel="alternate feed">`` that announces a feed in the page's head.

    Feed readers find it by the ``alternate`` token and the Atom type. The extra
    ``feed`` token keeps Material's script (which prefetches ``sitemap.xml`` beside
    every ``link[rel=alternate]``, for alternate languages) from requesting a
    sitemap in the feed's folder, where there is none.
    """
    return (
        f'<link rel="alternate feed" type="application/atom+xml" title="{esc(title[:1].upper() + title[1:])}" '
        f'href="{esc(rel_url(feed, page))}">'
    )


def subscribe_link(feed: str, page: str, title: str) -> str:
    """The visible "Prenumerera" link on the page."""
    return (
        f'<p class="kb-subscribe"><a href="{esc(rel_url(feed, page))}" '
        f'type="application/atom+xml">Prenumerera på {esc(title)}</a> '
        '<span class="kb-muted">(ett Atom-flöde: lägg in adressen i en flödesläsare så ser ni '
        "när ett fall kommer till eller uppdateras)</span></p>"
    )
