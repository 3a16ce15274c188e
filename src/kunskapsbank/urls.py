"""The site's URL scheme, written once: where every kind of page lives, and slugs.

Every URL here is a path from the site root without a leading slash and, for a
page, with a trailing one (``fall/x/``), so that pages link to each other with
relative URLs and the site works from any folder.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

CASES = "fall/"  # the case library; a case is at fall/<slug>/
CASE = CASES + "{slug}/"
CASE_SRC = CASES + "{slug}.md"  # the source path a generator sees for a case page
FACET_INDEX = CASES + "{facet}/"
FACET = CASES + "{facet}/{value}/"
CASE_ASSETS = CASES + "assets/"
LIBRARY_SRC = CASES + "index.md"
PAGE_N = "{base}sida/{n}/"  # page n (from 2) of a paginated list at base
SEARCH = "sok/"
GUIDANCE = "vagledning/"
FEED = "feed.xml"
FACET_FEED = FACET + FEED  # an Atom feed of one county's or theme's cases
FEED_FACETS = ("lan", "tema")  # the facets whose value pages have a feed
NETWORKS = "natverk/"  # networks and support, from data/networks.yaml
NETWORKS_SRC = NETWORKS + "index.md"
ISSUE_TEMPLATE = "fel-i-fall.yml"  # .github/ISSUE_TEMPLATE/, linked from every case page
ORGANISATIONS = "organisationer/"  # the directory; an organisation is at organisationer/<slug>/
ORGANISATION = ORGANISATIONS + "{slug}/"
ORGANISATIONS_SRC = ORGANISATIONS + "index.md"  # in the generator's navigation
ORGANISATION_FACET = ORGANISATIONS + "{facet}/{value}/"  # facet is 'lan' or 'typ'

# URL segments under fall/ that are never a case (the facet paths are added by the model).
RESERVED_UNDER_CASES = frozenset({"assets", "sida", "alfabetisk", "kb-skal", "index"})

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_MIN, SLUG_MAX = 3, 80


def case_url(slug: str) -> str:
    return CASE.format(slug=slug)


def facet_url(facet: str, value: str) -> str:
    return FACET.format(facet=facet, value=value)


def organisation_url(slug: str) -> str:
    return ORGANISATION.format(slug=slug)


def organisation_facet_url(facet: str, value: str) -> str:
    return ORGANISATION_FACET.format(facet=facet, value=value)


def facet_feed_url(facet: str, value: str) -> str:
    return FACET_FEED.format(facet=facet, value=value)


def facet_index_url(facet: str) -> str:
    return FACET_INDEX.format(facet=facet)


def page_n(base: str, n: int) -> str:
    """The URL of page ``n`` of a list that starts at ``base``."""
    return base if n == 1 else PAGE_N.format(base=base, n=n)


def guide_url(key: str) -> str:
    """``vagledning/mandat`` -> ``vagledning/mandat/``; ``index`` -> the site root."""
    if key == "index":
        return ""
    if key.endswith("/index"):
        return key[: -len("index")]
    return key + "/"


def src_uri(url: str) -> str:
    """The source path a generator sees for an engine page: ``fall/`` -> ``fall/index.md``."""
    return url + "index.md" if url.endswith("/") else url


def rel_url(target: str, page: str) -> str:
    """A relative URL from the page at ``page`` (like ``fall/x/``) to ``target``.

    Both are paths from the site root; called tens of thousands of times per
    build, so it compares path segments instead of asking ``posixpath.relpath``.
    """
    if target.startswith(("https:", "mailto:", "#")):
        return target
    base = page[: page.rfind("/") + 1]
    here = base.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    out = "../" * (len(here) - common) + "/".join(there[common:])
    return out or "./"


def is_home_page(url: str) -> bool:
    """True for a link to a site's start page (``https://www.x.se/``), which proves nothing:
    a source or a website must lead to the page where the facts are."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query


def fold(text: str) -> str:
    """Lower case, strip diacritics and turn spaces and underscores into hyphens."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("_", "-").split())


def is_slug(value: str) -> bool:
    return bool(SLUG.match(value)) and SLUG_MIN <= len(value) <= SLUG_MAX


def slugify(name: str) -> str:
    """A slug from a name by the case-slug rule: ``Ystads kommun`` -> ``ystads-kommun``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:SLUG_MAX].strip("-")


def suggest_slug(name: str) -> str:
    slug = slugify(name.removesuffix(".md"))
    return slug if len(slug) >= SLUG_MIN else "mitt-fall"
