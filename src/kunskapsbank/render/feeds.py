"""How a county or theme page offers its feed: the words, the head link and the visible link."""

from __future__ import annotations

from functools import cache
from typing import Any

from markupsafe import Markup

from kunskapsbank.render.templating import environment
from kunskapsbank.urls import rel_url

# facet path -> how a feed title names what it follows
FOLLOWS = {"lan": "i {label}", "tema": "om temat {label}"}


def feed_title(facet_path: str, label: str) -> str:
    """``lan``, ``Skåne län`` -> ``nya och uppdaterade fall i Skåne län``."""
    return "nya och uppdaterade fall " + FOLLOWS[facet_path].format(label=label)


@cache
def _macros() -> Any:
    return environment().get_template("feed_links.html").module


def alternate_link(feed: str, page: str, title: str) -> Markup:
    """The ``<link rel="alternate feed">`` that announces a feed in the page's head.

    Feed readers find it by the ``alternate`` token and the Atom type. The extra
    ``feed`` token keeps Material's script (which prefetches ``sitemap.xml`` beside
    every ``link[rel=alternate]``, for alternate languages) from requesting a
    sitemap in the feed's folder, where there is none.
    """
    return _macros().alternate_link(rel_url(feed, page), title[:1].upper() + title[1:])


def subscribe_link(feed: str, page: str, title: str) -> Markup:
    """The visible "Prenumerera" link on the page."""
    return _macros().subscribe_link(rel_url(feed, page), title)
