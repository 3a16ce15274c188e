"""Peers of an organisation and the links between organisation pages, against plain references.

``_find_peers`` keeps an index per län and ranks with bit masks; the reference below is the
plain walk over every (län, theme) bucket. Random directories with many equal names make
ties, where the order in which candidates are met decides.
"""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from kunskapsbank.content import organisations as m
from kunskapsbank.render.organisations import _href
from kunskapsbank.urls import rel_url


def reference_peers(orgs, by_home, neighbours):
    index = defaultdict(list)
    for county, members in by_home.items():
        for org in members:
            for theme in org.themes:
                if len(index[county, theme]) < m.CANDIDATES + 1:
                    index[county, theme].append(org)
    out = {}
    for org in orgs:
        regions = dict.fromkeys(org.home)
        for county in list(regions):
            regions.update(dict.fromkeys(neighbours.get(county, [])))
        seen = {}
        for county in regions:
            for theme in org.themes:
                for other in index.get((county, theme), ()):
                    if other is not org:
                        seen.setdefault(id(other), other)
        own = org.theme_set
        ranked = sorted(
            seen.values(), key=lambda o: (-len(own & o.theme_set), -len(o.cases), o.key)
        )
        out[org.slug] = [o.slug for o in ranked[: m.PEERS]]
    return out


@pytest.mark.parametrize("seed", range(40))
def test_peers_as_the_plain_walk_finds_them(seed: int) -> None:
    rnd = random.Random(seed)
    counties = [f"c{i}" for i in range(rnd.randint(1, 8))]
    themes = [f"t{i}" for i in range(rnd.randint(1, 10))]
    neighbours = {
        c: [n for n in rnd.sample(counties, len(counties) // 2) if n != c] for c in counties
    }
    orgs = []
    for i in range(rnd.randint(1, 80)):
        org = m.Organisation(f"o{i}", f"o{i}", "kommun", None)
        org.key = f"k{rnd.randint(0, 5 if seed % 2 else 1000)}"  # odd seeds: many ties
        org.cases = [None] * rnd.randint(1, 4)
        org.themes = rnd.sample(themes, rnd.randint(1, len(themes)))
        org.theme_set = frozenset(org.themes)
        org.home = rnd.sample(counties, rnd.randint(1, min(3, len(counties))))
        orgs.append(org)
    by_home = defaultdict(list)
    for org in orgs:
        for county in org.home:
            by_home[county].append(org)
    for members in by_home.values():
        members.sort(key=lambda o: (-len(o.cases), o.key))
    expected = reference_peers(orgs, by_home, neighbours)
    m._find_peers(orgs, dict(by_home), neighbours)
    assert {o.slug: [p.slug for p in o.peers] for o in orgs} == expected


PAGES = [
    "",
    "organisationer/",
    "organisationer/a/",
    "organisationer/lan/skane/",
    "fall/x/",
    "fall/lan/skane/",
    "fall/lan/skane/sida/2/",
    "vagledning/mandat/",
    "sok/",
]
TARGETS = [
    "organisationer/",
    "organisationer/a/",
    "organisationer/b/",
    "fall/x/",
    "fall/y/",
    "fall/tema/energi/",
    "sok/",
    "https://example.se/",
    "#fraga",
]


@pytest.mark.parametrize("page", PAGES)
def test_organisation_links_as_rel_url(page: str) -> None:
    assert [_href(t, page) for t in TARGETS] == [rel_url(t, page) for t in TARGETS]
