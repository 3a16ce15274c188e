"""Case pages, fact boxes, the library, facet pages, back-links and guidance pages in the built site."""

from __future__ import annotations

import gzip
import json
import re

import pytest
import yaml
from sitetools import (
    FACETS,
    BuiltSite,
    date_label,
    draft_cases,
    facet_values,
    frontmatter,
    labels,
    month_label,
    published_cases,
    schema_keys,
    schema_vocabularies,
    site_path,
    vocabularies,
)

PUBLISHED = published_cases()
DRAFTS = draft_cases()
NBSP = "\u00a0"


def fact_box(site: BuiltSite, slug: str) -> dict[str, str]:
    """The fact box of a case page: label -> text of the value."""
    box = site.page(f"fall/{slug}/").find("section", cls="kb-facts")
    facts = {}
    for row in box.find_all("div", cls="kb-fact"):
        facts[row.find("dt").squashed()] = row.find("dd").squashed()
    return facts


def card_slugs(site: BuiltSite, url: str) -> list[str]:
    """Slugs of the case cards on a listing page, in page order."""
    out = []
    for card in site.page(url).find_all("li", cls="kb-card"):
        href = card.find("h3").find("a").get("href")
        match = re.fullmatch(r"/fall/([a-z0-9-]+)/", site_path(url, href))
        assert match, f"card link {href!r} on /{url} does not point at a case"
        out.append(match.group(1))
    return out


def section_links(site: BuiltSite, url: str, anchor: str) -> list[str]:
    """Link texts in the section headed by h2#anchor, or [] when the page has none."""
    page = site.page(url)
    for section in page.find_all("section"):
        if section.find_all("h2", id=anchor):
            return [a.squashed() for a in section.find_all("a")]
    return []


# -- case pages and drafts ------------------------------------------------------------


def test_fixture_has_published_cases_and_a_draft() -> None:
    assert len(PUBLISHED) >= 4
    assert len(DRAFTS) == 1


@pytest.mark.parametrize("slug", sorted(PUBLISHED))
def test_case_pages_are_small_with_only_the_top_level_navigation(
    built_site: BuiltSite, slug: str
) -> None:
    html = (built_site.root / "fall" / slug / "index.html").read_text(encoding="utf-8")
    assert len(html.encode("utf-8")) <= 30 * 1024
    nav_links = html.count('class="md-nav__link')
    top_level = len(yaml.safe_load((built_site.project / "mkdocs.yml").read_text("utf-8"))["nav"])
    assert nav_links <= top_level, "case pages must not carry the whole guidance tree"


@pytest.mark.parametrize("slug", sorted(PUBLISHED))
def test_case_page_exists_for_each_published_case(built_site: BuiltSite, slug: str) -> None:
    page = built_site.page(f"fall/{slug}/")
    title = page.find("p", cls="kb-search-title")  # the title, indexed above the body
    assert title.text() == PUBLISHED[slug]["title"]
    assert page.find("span", data_pagefind_meta="title:" + PUBLISHED[slug]["title"])
    lead = page.find("p", cls="kb-lead")
    assert lead.text() == PUBLISHED[slug]["summary"]


def test_draft_has_no_page_and_appears_nowhere(built_site: BuiltSite) -> None:
    site = built_site.root
    for slug, data in DRAFTS.items():
        assert not (site / "fall" / slug).exists(), f"draft {slug} got a page"
        needles = (slug, data["title"], data["organisations"][0]["name"])
        for path in sorted(site.rglob("*")):
            if not path.is_file() or path.suffix not in {".html", ".json", ".csv", ".xml"}:
                continue
            text = path.read_text(encoding="utf-8")
            for needle in needles:
                assert needle not in text, f"draft text {needle!r} in {path.relative_to(site)}"


def test_facet_values_used_only_by_the_draft_have_no_page(built_site: BuiltSite) -> None:
    for facet, (_vocab, field_name) in FACETS.items():
        used = {v for d in PUBLISHED.values() for v in facet_values(d, field_name)}
        for data in DRAFTS.values():
            for value in facet_values(data, field_name):
                if value in used:
                    continue
                assert not (built_site.root / "fall" / facet / value).exists(), (
                    f"/fall/{facet}/{value}/ exists but only a draft uses {value!r}"
                )
                index = built_site.page(f"fall/{facet}/")
                targets = [site_path(f"fall/{facet}/", a.get("href")) for a in index.find_all("a")]
                assert f"/fall/{facet}/{value}/" not in targets


def test_draft_is_not_in_the_search_index(built_site: BuiltSite) -> None:
    bundle = built_site.root / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    fragments = sorted((bundle / "fragment").glob("*.pf_fragment"))
    urls = set()
    for path in fragments:
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        urls.add(json.loads(raw[len(b"pagefind_dcd") :])["url"])
    case_urls = {u for u in urls if re.fullmatch(r"/fall/[a-z0-9-]+/", u)}
    assert case_urls == {f"/fall/{slug}/" for slug in PUBLISHED}
    for path in sorted(bundle.rglob("*.pf_*")):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        for slug, data in DRAFTS.items():
            assert slug not in raw, f"draft {slug} in {path.name}"
            assert data["title"] not in raw, f"draft title in {path.name}"


# -- fact box ---------------------------------------------------------------------------


@pytest.mark.parametrize("slug", sorted(PUBLISHED))
def test_fact_box_values(built_site: BuiltSite, slug: str) -> None:
    data = PUBLISHED[slug]
    facts = fact_box(built_site, slug)
    role, org_type = labels("role"), labels("org_type")
    orgs = facts["Organisationer"]
    for org in data["organisations"]:
        expected = f"{org['name']} ({role[org['role']]}, {org_type[org['org_type']]})"
        assert expected in orgs
    lan = labels("lan")
    assert facts["Län"] == ", ".join(lan[v] for v in data["lan"])
    period = data["period"]
    assert facts["Period"].startswith(month_label(period["start"]))
    if period.get("end"):
        assert facts["Period"] == f"{month_label(period['start'])} – {month_label(period['end'])}"
    assert facts["Status"] == labels("status")[data["status"]]
    assert facts["Typ av fall"] == labels("case_type")[data["case_type"]]
    assert facts["Teman"] == ", ".join(labels("themes")[v] for v in data["themes"])
    assert facts["Underlag"].startswith(labels("evidence")[data["evidence"]])
    if data.get("procedures"):
        assert facts["Förfaranden"] == ", ".join(
            labels("procedures")[v] for v in data["procedures"]
        )
    if data.get("sectors"):
        assert facts["Sektorer"] == ", ".join(labels("sectors")[v] for v in data["sectors"])
    for funding in data.get("funding") or []:
        assert funding["funder"] in facts["Finansiering"]


def test_fact_box_amount_and_period_format(built_site: BuiltSite) -> None:
    facts = fact_box(built_site, "golv-i-forskolan")
    assert facts["Period"] == "mars 2024 – oktober 2025"
    page = built_site.page("fall/golv-i-forskolan/")
    # Raw text: str.split() would treat the non-breaking spaces as white space.
    amounts = [s.text() for s in page.find_all("span", cls="kb-amount")]
    assert amounts == [f"2{NBSP}377{NBSP}200{NBSP}kr"]
    other = built_site.page("fall/skolmat-i-sagostad/").find_all("span", cls="kb-amount")
    assert [s.text() for s in other] == [f"45{NBSP}000{NBSP}kr"]
    times = [t.get("datetime") for t in page.find("section", cls="kb-facts").find_all("time")]
    # The period, then (a checked case) the day the editors checked the facts.
    assert times == ["2024-03", "2025-10", "2026-04-01"]
    assert "kontrollerades mot källorna 1 april 2026" in facts["Underlag"]
    ongoing = fact_box(built_site, "digitala-larm-i-hemtjansten")["Period"]
    assert ongoing.startswith("januari 2025")


# -- library and facet pages ------------------------------------------------------------


def test_library_lists_every_published_case_newest_first(built_site: BuiltSite) -> None:
    expected = sorted(PUBLISHED, key=lambda s: (str(PUBLISHED[s]["published"]), s), reverse=True)
    assert card_slugs(built_site, "fall/") == expected
    count = built_site.page("fall/").find("p", cls="kb-count").squashed()
    assert count.startswith(f"{len(PUBLISHED)} fall")


@pytest.mark.parametrize("facet", sorted(FACETS))
def test_facet_value_pages(built_site: BuiltSite, facet: str) -> None:
    vocab, field_name = FACETS[facet]
    expected: dict[str, list[str]] = {}
    for slug, data in PUBLISHED.items():
        for value in facet_values(data, field_name):
            expected.setdefault(value, []).append(slug)
    assert expected, f"the fixture uses no {facet} value"
    for value, slugs in expected.items():
        cards = card_slugs(built_site, f"fall/{facet}/{value}/")
        assert sorted(cards) == sorted(slugs), f"/fall/{facet}/{value}/"
        newest_first = sorted(slugs, key=lambda s: str(PUBLISHED[s]["published"]), reverse=True)
        assert cards == newest_first, f"/fall/{facet}/{value}/ is not newest first"
    for term in labels(vocab):
        if term not in expected:
            assert not (built_site.root / "fall" / facet / term).exists(), (
                f"/fall/{facet}/{term}/ exists but no published case uses it"
            )


@pytest.mark.parametrize("facet", sorted(FACETS))
def test_facet_index_pages(built_site: BuiltSite, facet: str) -> None:
    vocab, field_name = FACETS[facet]
    counts: dict[str, int] = {}
    for data in PUBLISHED.values():
        for value in facet_values(data, field_name):
            counts[value] = counts.get(value, 0) + 1
    names = labels(vocab)
    page = built_site.page(f"fall/{facet}/")
    items = page.find("ul", cls="kb-facet-values").find_all("li")
    shown = {}
    for item in items:
        link = item.find("a")
        match = re.search(r"\((\d+) fall\)", item.squashed())
        assert match, item.squashed()
        shown[link.squashed()] = int(match.group(1))
        target = site_path(f"fall/{facet}/", link.get("href"))
        value = target.rstrip("/").rsplit("/", 1)[-1]
        assert target == f"/fall/{facet}/{value}/"
        assert names[value] == link.squashed()
    assert shown == {names[v]: n for v, n in counts.items()}
    svgs = page.find_all("svg")
    assert any(s.get("role") == "img" for s in svgs), f"/fall/{facet}/ has no <svg role=img>"
    assert re.search(r"<svg\b[^>]*\brole=\"img\"", page.source)


def test_lan_pages_for_each_used_county_only(built_site: BuiltSite) -> None:
    used: dict[str, int] = {}
    for data in PUBLISHED.values():
        for county in data["lan"]:
            used[county] = used.get(county, 0) + 1
    built = {p.name for p in (built_site.root / "fall" / "lan").iterdir() if p.is_dir()}
    assert built == set(used)
    for county, n in used.items():
        assert len(card_slugs(built_site, f"fall/lan/{county}/")) == n
        h1 = built_site.page(f"fall/lan/{county}/").find("h1").squashed()
        assert labels("lan")[county] in h1


# -- cross-links ---------------------------------------------------------------------------


def test_guide_lists_cases_that_name_it(built_site: BuiltSite) -> None:
    citing: dict[str, list[str]] = {}
    for slug, data in PUBLISHED.items():
        for key in data.get("related_guidance") or []:
            citing.setdefault(key, []).append(slug)
    assert citing, "the fixture must have a case with related_guidance"
    for key, slugs in citing.items():
        url = key.removesuffix("/index") + "/"
        listed = section_links(built_site, url, "fall-om-detta")
        for slug in slugs:
            assert PUBLISHED[slug]["title"] in listed, f"/{url} does not list {slug}"


def test_guide_lists_no_draft(built_site: BuiltSite) -> None:
    for data in DRAFTS.values():
        for key in data.get("related_guidance") or []:
            listed = section_links(built_site, key + "/", "fall-om-detta")
            assert data["title"] not in listed


def test_case_lists_guides_that_name_it(built_site: BuiltSite) -> None:
    guide = frontmatter(built_site.project / "docs" / "vagledning" / "mandat.md")
    for slug in guide["related_cases"]:
        listed = section_links(built_site, f"fall/{slug}/", "relaterad-vagledning")
        assert guide["title"] in listed


def test_case_lists_guides_it_names(built_site: BuiltSite) -> None:
    for slug, data in PUBLISHED.items():
        listed = section_links(built_site, f"fall/{slug}/", "relaterad-vagledning")
        for key in data.get("related_guidance") or []:
            title = frontmatter(built_site.project / "docs" / f"{key}.md")["title"]
            assert title in listed, f"/fall/{slug}/ does not link to {key}"


def test_related_cases_in_both_directions(built_site: BuiltSite) -> None:
    pairs = [
        (slug, other)
        for slug, data in PUBLISHED.items()
        for other in data.get("related_cases") or []
    ]
    assert pairs
    for slug, other in pairs:
        forward = section_links(built_site, f"fall/{slug}/", "relaterade-fall")
        backward = section_links(built_site, f"fall/{other}/", "relaterade-fall")
        assert PUBLISHED[other]["title"] in forward, f"{slug} -> {other} missing"
        assert PUBLISHED[slug]["title"] in backward, f"{other} <- {slug} missing"


# -- guidance pages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "key", ["vagledning/behovet", "vagledning/mandat", "vagledning/funktionskrav"]
)
def test_guide_page_shows_owner_and_review_date(built_site: BuiltSite, key: str) -> None:
    data = frontmatter(built_site.project / "docs" / f"{key}.md")
    page = built_site.page(key + "/")
    meta = page.find("footer", cls="kb-page-meta").squashed()
    assert f"Ansvarig: {data['owner']}" in meta
    reviewed = str(data["last_reviewed"])
    assert f"Senast granskad {date_label(reviewed)}" in meta
    times = [t.get("datetime") for t in page.find("footer", cls="kb-page-meta").find_all("time")]
    assert reviewed in times


def test_guide_under_review_says_so(built_site: BuiltSite) -> None:
    meta = built_site.page("vagledning/mandat/").find("footer", cls="kb-page-meta").squashed()
    assert "Sidan ses över." in meta


# -- field reference -----------------------------------------------------------------------


def _fieldref_tables(built_site: BuiltSite) -> dict[str, set[str]]:
    page = built_site.page("om/bidra-med-ett-fall/")
    tables = page.find_all("table", cls="kb-fieldref")
    out = {}
    for table in tables:
        caption = table.find("caption").squashed()
        keys = {th.find("code").text() for th in table.find_all("th", scope="row")}
        out[caption] = keys
    return out


@pytest.mark.parametrize(
    ("schema_name", "caption"), [("case", "fall"), ("guide", "vägledningssida")]
)
def test_field_reference_covers_every_key(
    built_site: BuiltSite, schema_name: str, caption: str
) -> None:
    tables = _fieldref_tables(built_site)
    table = next((keys for cap, keys in tables.items() if cap.lower().endswith(caption)), None)
    assert table is not None, f"no field table for {caption}: {sorted(tables)}"
    expected = schema_keys(schema_name)
    if schema_name == "case":  # nested keys are read too
        assert {"organisations.org_type", "period.start", "funding.amount_sek"} <= set(expected)
    missing = [k for k in expected if k not in table]
    assert not missing, f"keys of {schema_name}.schema.yaml missing from the reference: {missing}"


def test_field_reference_lists_every_vocabulary_value(built_site: BuiltSite) -> None:
    page = built_site.page("om/bidra-med-ett-fall/")
    vocabs = vocabularies()
    used = list(dict.fromkeys(schema_vocabularies("case") + schema_vocabularies("guide")))
    assert "org_type" in used and "guide_status" in used
    for name in used:
        heading = page.find("h4", id=f"ordlista-{name}")
        assert heading.squashed() == vocabs[name]["title"]
        siblings = heading.parent.children if heading.parent else []
        after = siblings[siblings.index(heading) + 1 :]
        table_box = None
        for node in after:
            if isinstance(node, str):
                continue
            if node.tag == "h4":
                break
            if node.find_all("table"):
                table_box = node
                break
        assert table_box is not None, f"no table of values after the {name} heading"
        rows = {
            th.find("code").text(): th.parent.find_all("td")[0].squashed()
            for th in table_box.find_all("th", scope="row")
        }
        for entry in vocabs[name]["entries"]:
            assert entry["id"] in rows, f"{name}: {entry['id']} missing from the reference"
            assert rows[entry["id"]] == entry["label"]


def test_field_reference_marker_is_replaced(built_site: BuiltSite) -> None:
    source = built_site.page("om/bidra-med-ett-fall/").source
    assert "kunskapsbank:faltreferens" not in source


def test_every_page_under_fall_is_expected(built_site: BuiltSite) -> None:
    """Cases, the library and facet pages: nothing else (no helper pages left behind)."""
    expected = {"fall"} | {f"fall/{slug}" for slug in PUBLISHED}
    for facet, (_vocab, field_name) in FACETS.items():
        values = {v for d in PUBLISHED.values() for v in facet_values(d, field_name)}
        if values:
            expected.add(f"fall/{facet}")
            expected |= {f"fall/{facet}/{v}" for v in values}
    found = {
        p.parent.relative_to(built_site.root).as_posix()
        for p in (built_site.root / "fall").rglob("*.html")
    }
    assert found - expected == set(), "unexpected pages"
    assert expected - found == set(), "missing pages"
    assert {p.name for p in (built_site.root / "fall").rglob("*.html")} == {"index.html"}
