"""Organisations as objects: one per organisation named in a published case.

An organisation in a case is matched, in this order, by its registry ``id``, by its
name against the registry's names and aliases, and by its name against the names of
organisations already seen (by key: case, diacritics and punctuation do not matter).
So "Ystads kommun", "Ystad" and "YSTADS KOMMUN" are one organisation with one page.
Everything here is linear in the number of organisation mentions.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from kunskapsbank.content.model import Case
from kunskapsbank.content.registry import Registry, name_key
from kunskapsbank.content.schemas import Vocabulary
from kunskapsbank.urls import organisation_url

RESERVED = frozenset({"lan", "typ", "sida", "index"})  # folders of the directory itself
PEERS = 8  # other organisations shown on an organisation page
CANDIDATES = 12  # per (län, theme): the organisations with most cases are looked at first


@dataclass(slots=True)
class Part:
    """One organisation's part in one case."""

    case: Case
    role: str


@dataclass(eq=False, slots=True)
class Organisation:
    slug: str
    name: str
    org_type: str
    lan: str | None  # None: not in the registry, so not known
    entry: dict[str, Any] | None = None  # the registry entry
    names: list[str] = field(default_factory=list)  # other names seen in cases, and aliases
    parts: list[Part] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)  # each once, newest first
    themes: list[str] = field(default_factory=list)  # most frequent first
    procedures: list[str] = field(default_factory=list)
    home: list[str] = field(default_factory=list)  # its län, or the län of its cases
    peers: list[Organisation] = field(default_factory=list)
    key: str = ""  # name_key(name), to sort by
    theme_set: frozenset[str] = frozenset()

    @property
    def url(self) -> str:
        return organisation_url(self.slug)

    @property
    def contact(self) -> dict[str, Any] | None:
        return (self.entry or {}).get("contact")

    @property
    def website(self) -> str | None:
        return (self.entry or {}).get("website")

    def role_in(self, case: Case) -> list[str]:
        return [p.role for p in self.parts if p.case is case]


@dataclass(slots=True)
class Directory:
    organisations: list[Organisation]  # by name
    by_slug: dict[str, Organisation]
    of_case: dict[str, list[Organisation]]  # case slug -> one per entry in its organisations
    by_home: dict[str, list[Organisation]]  # län -> organisations at home there, most cases first
    neighbours: dict[str, list[str]]

    def near(self, lan: str) -> list[tuple[str, list[Organisation]]]:
        """The organisations at home in ``lan``, then in each neighbouring län."""
        return [(x, self.by_home.get(x, [])) for x in [lan, *self.neighbours.get(lan, [])]]


def neighbour_map(lan: Vocabulary) -> dict[str, list[str]]:
    return {t.id: [str(n) for n in t.extra.get("neighbours") or []] for t in lan.terms}


def build_directory(cases: list[Case], registry: Registry | None, lan: Vocabulary) -> Directory:
    """One organisation per registry entry or distinct name in ``cases`` (newest first)."""
    by_slug: dict[str, Organisation] = {}
    by_key: dict[str, Organisation] = {}  # inline names -> organisation
    of_case: dict[str, list[Organisation]] = {}
    for case in cases:
        found: list[Organisation] = []
        for item in case.data["organisations"]:
            org = _match(item, registry, by_slug, by_key)
            name = " ".join(item["name"].split())  # white space alone is no other name
            if name != " ".join(org.name.split()) and name not in org.names:
                org.names.append(name)
            org.parts.append(Part(case, item["role"]))
            if not org.cases or org.cases[-1] is not case:
                org.cases.append(case)
            found.append(org)
        of_case[case.slug] = found
    for org in by_slug.values():
        org.key = name_key(org.name)
    orgs = sorted(by_slug.values(), key=lambda o: (o.key, o.slug))
    neighbours = neighbour_map(lan)
    by_home: dict[str, list[Organisation]] = defaultdict(list)
    for org in orgs:
        themes: Counter[str] = Counter()
        procedures: Counter[str] = Counter()
        counties: dict[str, None] = {}
        for case in org.cases:
            themes.update(case.data["themes"])
            procedures.update(case.data.get("procedures") or [])
            counties.update(dict.fromkeys(case.data["lan"]))
        org.themes = [t for t, _ in themes.most_common()]
        org.theme_set = frozenset(org.themes)
        org.procedures = [p for p, _ in procedures.most_common()]
        org.home = [org.lan] if org.lan else list(counties)
        for county in org.home:
            by_home[county].append(org)
    for members in by_home.values():
        members.sort(key=lambda o: (-len(o.cases), o.key))
    _find_peers(orgs, by_home, neighbours)
    return Directory(orgs, by_slug, of_case, dict(by_home), neighbours)


def _match(
    item: dict[str, Any],
    registry: Registry | None,
    by_slug: dict[str, Organisation],
    by_key: dict[str, Organisation],
) -> Organisation:
    name = item["name"]
    org_id = item.get("id")
    if registry is not None:
        if not (org_id and org_id in registry.by_id):
            org_id = registry.id_for(name)
        if org_id and org_id in registry.by_id:
            org = by_slug.get(org_id)
            if org is None or org.entry is None:
                entry = registry.by_id[org_id]
                if org is not None:  # an inline organisation took the slug: move it aside
                    _move(org, by_slug)
                org = Organisation(org_id, entry["name"], entry["org_type"], entry["lan"], entry)
                org.names = [str(a) for a in entry.get("aliases") or []]
                by_slug[org_id] = org
            return org
    key = name_key(name)
    org = by_key.get(key)
    if org is None:
        org = Organisation(_free_slug(key or "organisation", by_slug), name, item["org_type"], None)
        by_slug[org.slug] = org
        by_key[key] = org
    return org


def _free_slug(slug: str, taken: dict[str, Organisation]) -> str:
    out, n = slug, 1
    while out in taken or out in RESERVED:
        n += 1
        out = f"{slug}-{n}"
    return out


def _move(org: Organisation, by_slug: dict[str, Organisation]) -> None:
    del by_slug[org.slug]
    org.slug = _free_slug(org.slug, by_slug)
    by_slug[org.slug] = org


def _find_peers(
    orgs: list[Organisation],
    by_home: dict[str, list[Organisation]],
    neighbours: dict[str, list[str]],
) -> None:
    """Other organisations in the same or a neighbouring län that worked on the same themes.

    Candidates come from an index by (län, theme) that keeps the organisations with
    most cases first, and only the first ``CANDIDATES`` of each are looked at, so a
    directory of thousands stays linear. Ranked by shared themes, then cases, then name.
    The index is kept per län as organisation -> the themes (a bit mask) it is listed
    under, so an organisation listed under many themes is looked at once per län.
    """
    bits: dict[str, int] = {}
    mask: dict[Organisation, int] = {}
    for org in orgs:
        m = 0
        for theme in org.themes:
            m |= bits.setdefault(theme, 1 << len(bits))
        mask[org] = m
    listed: dict[str, dict[Organisation, int]] = {}
    for county, members in by_home.items():
        room = dict.fromkeys(bits, CANDIDATES + 1)
        here: dict[Organisation, int] = {}
        for org in members:
            for theme in org.themes:
                if room[theme]:
                    room[theme] -= 1
                    here[org] = here.get(org, 0) | bits[theme]
        listed[county] = here
    for org in orgs:
        own = mask[org]
        regions = dict.fromkeys(org.home)
        for county in list(regions):
            regions.update(dict.fromkeys(neighbours.get(county, [])))
        seen: dict[Organisation, None] = {}
        for county in regions:
            for other, themes in listed.get(county, {}).items():
                if themes & own:
                    seen[other] = None
        seen.pop(org, None)

        def rank(o: Organisation, own: int = own) -> tuple[int, int, str]:
            return (-(own & mask[o]).bit_count(), -len(o.cases), o.key)

        ranked = heapq.nsmallest(PEERS + 1, seen, key=rank)
        keys = [rank(o) for o in ranked]
        if any(a == b for a, b in zip(keys, keys[1:], strict=False)):
            # Equal rank: the order in which candidates were met decides, as it always has.
            ranked = _peers_in_order(org, regions, by_home)
        org.peers = ranked[:PEERS]


def _peers_in_order(
    org: Organisation, regions: dict[str, None], by_home: dict[str, list[Organisation]]
) -> list[Organisation]:
    """The peers of ``org`` ranked stably in the order the (län, theme) buckets meet them."""
    seen: dict[Organisation, None] = {}
    for county in regions:
        for theme in org.themes:
            bucket = [o for o in by_home.get(county, []) if theme in o.theme_set]
            for other in bucket[: CANDIDATES + 1]:
                if other is not org:
                    seen[other] = None
    own = org.theme_set
    return sorted(seen, key=lambda o: (-len(own & o.theme_set), -len(o.cases), o.key))
