"""The arena on the built fixture: /natverk/, the county map on /fall/ and the Atom feeds.

Expectations come from the fixture's files (data/networks.yaml, the cases and the
vocabularies), never from the engine. The last test adds a case for a county that had
none to a copy of the project and finds it in that county's feed and on the map.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import yaml
from sitetools import (
    FIXTURE,
    BuiltSite,
    date_label,
    facet_values,
    labels,
    parse_html,
    prepare_project,
    published_cases,
    run_build,
    site_path,
)

ATOM = "{http://www.w3.org/2005/Atom}"
NETWORKS = yaml.safe_load((FIXTURE / "data" / "networks.yaml").read_text(encoding="utf-8"))
PUBLISHED = published_cases()
COUNTIES = {k: v for k, v in labels("lan").items() if k != "riket"}


def cases_in(facet_field: str, value: str, published: dict | None = None) -> set[str]:
    published = PUBLISHED if published is None else published
    return {s for s, d in published.items() if value in facet_values(d, facet_field)}


# -- /natverk/ ------------------------------------------------------------------


def test_networks_page_shows_every_entry_under_its_type(built_site: BuiltSite) -> None:
    page = built_site.page("natverk/")
    types = labels("network_type")
    for entry in NETWORKS:
        item = page.find("li", id=f"n-{entry['id']}")
        section = item.parent.parent
        assert section.tag == "section"
        assert section.find("h3").squashed().startswith(types[entry["type"]])
        assert item.find("h4").squashed() == entry["name"]
        text = item.squashed()
        assert entry["description"] in text
        assert entry["organiser"] in text
        for county in entry["scope"]:
            assert labels("lan")[county] in text
        link = item.find("a")
        assert link.get("href") == entry["url"]
        assert f"Senast kontrollerad {date_label(str(entry['checked']))}" in text
        assert item.find("time").get("datetime") == str(entry["checked"])
        assert ("Avslutad" in text) == (entry.get("status") == "avslutad")


def test_networks_page_groups_the_entries_by_county(built_site: BuiltSite) -> None:
    page = built_site.page("natverk/")
    expected: dict[str, set[str]] = {}
    for entry in NETWORKS:
        for county in entry["scope"]:
            expected.setdefault(county, set()).add(entry["id"])
    found = {}
    for heading in page.find_all("h3"):
        if heading.get("id").startswith("lan-"):
            section = heading.parent
            found[heading.get("id").removeprefix("lan-")] = {
                a.get("href").removeprefix("#n-")
                for a in section.find_all("a")
                if a.get("href").startswith("#n-")
            }
    assert found == expected


def test_networks_page_escapes_the_data_and_is_in_the_nav(built_site: BuiltSite) -> None:
    page = built_site.page("natverk/")
    assert "<script>alert(1)</script>" not in page.source
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.source
    assert not page.find("div", cls="kb-networks").find_all("img")
    nav_targets = {site_path("natverk/", a.get("href")) for a in page.find_all("a")}
    assert "/natverk/" in nav_targets
    start = built_site.page("")
    assert "/natverk/" in {site_path("", a.get("href")) for a in start.find_all("a")}


def test_network_schema_is_exported(built_site: BuiltSite) -> None:
    exported = (built_site.root / "schemas" / "network.schema.json").read_text(encoding="utf-8")
    assert '"natverk"' in exported and '"skane"' in exported


# -- the county map on /fall/ ----------------------------------------------------------


def map_links(page_url: str, page) -> dict[str, str]:
    """County page path -> accessible name, for every link in the map."""
    svg = page.find("svg", cls="kb-map__svg")
    return {site_path(page_url, a.get("href")): a.get("aria-label") for a in svg.find_all("a")}


def test_map_has_21_counties_and_links_those_with_cases(built_site: BuiltSite) -> None:
    page = built_site.page("fall/")
    svg = page.find("svg", cls="kb-map__svg")
    assert len(svg.find_all("path")) == 21
    counts = Counter(c for d in PUBLISHED.values() for c in d["lan"] if c != "riket")
    expected = {
        f"/fall/lan/{county}/": f"{COUNTIES[county]}: {n} fall" for county, n in counts.items()
    }
    assert map_links("fall/", page) == expected
    # Counties without cases are drawn but not links, and hidden from assistive technology.
    unlinked = [p for p in svg.find_all("path") if p.parent.tag != "a"]
    assert len(unlinked) == 21 - len(counts)
    assert all(p.get("aria-hidden") == "true" for p in unlinked)


def test_map_shading_follows_the_counts_and_has_a_legend(built_site: BuiltSite) -> None:
    page = built_site.page("fall/")
    svg = page.find("svg", cls="kb-map__svg")
    shade = {}
    for a in svg.find_all("a"):
        (cls,) = [c for c in a.find("path").get("class").split() if "--" in c]
        shade[a.get("aria-label")] = int(cls.rsplit("--", 1)[1])
    by_count = sorted(shade.items(), key=lambda kv: int(re.search(r"(\d+) fall", kv[0])[1]))
    assert [s for _, s in by_count] == sorted(s for _, s in by_count)
    assert all(s >= 1 for s in shade.values())
    legend = page.find("ul", cls="kb-map__legend").squashed()
    assert "Inga fall" in legend


def test_map_numbers_are_also_a_list(built_site: BuiltSite) -> None:
    page = built_site.page("fall/")
    items = page.find("div", cls="kb-map__list").find_all("li")
    counts = Counter(c for d in PUBLISHED.values() for c in d["lan"])
    lines = {li.squashed() for li in items}
    for county, label in COUNTIES.items():
        assert f"{label}: {counts.get(county, 0)} fall" in lines
    if counts.get("riket"):
        assert any(line.startswith(f"Hela landet: {counts['riket']} fall") for line in lines)


# -- feeds ---------------------------------------------------------------------------


def check_atom(path: Path) -> ET.Element:
    """The RFC 4287 elements a feed and its entries must have (sections 4.1.1 and 4.1.2)."""
    root = ET.parse(path).getroot()  # well-formed XML, or this raises
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
        assert root.findtext(f"{ATOM}{name}").strip(), name
    assert root.find(f"{ATOM}author/{ATOM}name").text.strip()
    self_links = [l for l in root.findall(f"{ATOM}link") if l.get("rel") == "self"]
    assert len(self_links) == 1
    date = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
    assert date.match(root.findtext(f"{ATOM}updated"))
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert date.match(entry.findtext(f"{ATOM}updated"))
        alternate = [l for l in entry.findall(f"{ATOM}link") if l.get("rel") == "alternate"]
        assert len(alternate) == 1 and alternate[0].get("href")
    return root


def feed_slugs(root: ET.Element, site_url: str) -> set[str]:
    base = site_url.rstrip("/") + "/fall/"
    return {e.findtext(f"{ATOM}id").removeprefix(base).strip("/") for e in root.iter(f"{ATOM}entry")}


def facet_pages(facet: str, field: str) -> dict[str, set[str]]:
    values: dict[str, set[str]] = {}
    for slug, data in PUBLISHED.items():
        for value in facet_values(data, field):
            values.setdefault(value, set()).add(slug)
    return values


def test_every_county_and_theme_has_a_valid_feed_of_its_cases(built_site: BuiltSite) -> None:
    for facet, field in (("lan", "lan"), ("tema", "themes")):
        for value, slugs in facet_pages(facet, field).items():
            path = built_site.root / "fall" / facet / value / "feed.xml"
            root = check_atom(path)
            assert feed_slugs(root, built_site.site_url) == slugs, path
            self_href = next(l for l in root.findall(f"{ATOM}link") if l.get("rel") == "self")
            assert self_href.get("href") == f"{built_site.site_url}fall/{facet}/{value}/feed.xml"
            newest = max(str(PUBLISHED[s]["last_reviewed"]) for s in slugs)
            assert root.findtext(f"{ATOM}updated") == f"{newest}T00:00:00Z"


def test_the_site_feed_also_has_the_required_elements(built_site: BuiltSite) -> None:
    check_atom(built_site.root / "feed.xml")


def test_county_and_theme_pages_announce_and_link_their_feed(built_site: BuiltSite) -> None:
    for facet, field in (("lan", "lan"), ("tema", "themes")):
        for value in facet_pages(facet, field):
            url = f"fall/{facet}/{value}/"
            page = built_site.page(url)
            feeds = [
                site_path(url, link.get("href"))
                for link in page.find_all("link", type="application/atom+xml")
                if "alternate" in link.get("rel").split()
            ]
            assert f"/{url}feed.xml" in feeds, url
            visible = [
                a
                for a in page.find("div", cls="kb-listing").find_all("a")
                if site_path(url, a.get("href")) == f"/{url}feed.xml"
            ]
            assert len(visible) == 1 and visible[0].squashed().startswith("Prenumerera"), url


def test_case_pages_announce_only_the_site_feed(built_site: BuiltSite) -> None:
    slug = next(iter(PUBLISHED))
    page = built_site.page(f"fall/{slug}/")
    feeds = [
        link
        for link in page.find_all("link", type="application/atom+xml")
        if "alternate" in link.get("rel").split()
    ]
    assert [site_path(f"fall/{slug}/", f.get("href")) for f in feeds] == ["/feed.xml"]


# -- a new case for a new county ------------------------------------------------------------


def test_a_new_case_in_a_new_county_reaches_its_feed_and_the_map(tmp_path: Path) -> None:
    county = "norrbotten"
    assert not cases_in("lan", county), "the fixture should have no case in Norrbotten"
    project = prepare_project(tmp_path / "project")
    source = (project / "cases" / "skolmat-i-sagostad.md").read_text(encoding="utf-8")
    new = re.sub(r"lan:\n  - skane\n", f"lan:\n  - {county}\n", source)
    new = new.replace('title: "', 'title: "Norrbotten: ', 1)
    assert new != source
    (project / "cases" / "skolmat-i-kiruna.md").write_text(new, encoding="utf-8")
    site = tmp_path / "site"
    proc = run_build(project, site)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    root = check_atom(site / "fall" / "lan" / county / "feed.xml")
    built = BuiltSite(project, site, proc.stdout)
    assert feed_slugs(root, built.site_url) == {"skolmat-i-kiruna"}
    page = parse_html(site / "fall" / "index.html")
    links = map_links("fall/", page)
    assert links[f"/fall/lan/{county}/"] == f"{COUNTIES[county]}: 1 fall"
    county_page = built.page(f"fall/lan/{county}/")
    assert "Prenumerera" in county_page.find("p", cls="kb-subscribe").squashed()
