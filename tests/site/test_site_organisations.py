"""The organisation directory, organisation pages, "Fråga dem som gjort det" and the
organisations on county pages, in the built fixture site (with its registry)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import yaml
from sitetools import FIXTURE, BuiltSite, labels, prepare_project, published_cases, run_build, site_path

REGISTRY = yaml.safe_load((FIXTURE / "data" / "organisations.yaml").read_text(encoding="utf-8"))
PUBLISHED = published_cases()
LAN = labels("lan")
ORG_TYPE = labels("org_type")

# What the fixture holds, written out: slug -> (cases, län label or None).
EXPECTED = {
    "sagostads-kommun": ({"skolmat-i-sagostad", "natverk-for-bestallare"}, "Skåne län"),
    "region-exempelland": ({"digitala-larm-i-hemtjansten"}, "Stockholms län"),
    "hallands-provkommun": ({"golv-i-forskolan"}, "Hallands län"),
    "pahittby-kommun": ({"digitala-larm-i-hemtjansten"}, None),
    "ankeby-kommun-img-src-x-onerror-alert-1": ({"golv-i-forskolan"}, None),
    "golvbolaget-pahittat-ab": ({"golv-i-forskolan"}, None),
    "fiktiva-innovationsfonden": ({"golv-i-forskolan"}, None),
    "foreningen-fiktiva-bestallare": ({"natverk-for-bestallare"}, None),
    "sagostads-kostbolag": ({"skolmat-i-sagostad"}, None),
}


def links_to(site: BuiltSite, url: str, prefix: str, within: str | None = None) -> list[str]:
    page = site.page(url)
    root = page.find(id=within).parent if within else page.root
    out = []
    for a in root.find_all("a"):
        path = site_path(url, a.get("href"))
        if path.startswith(prefix) and path != prefix:
            out.append(path)
    return out


def org_slugs(paths: list[str]) -> set[str]:
    return {p.split("/")[2] for p in paths if p.count("/") == 3}


def test_the_directory_lists_every_organisation_of_a_published_case(built_site: BuiltSite):
    page = built_site.page("organisationer/")
    assert org_slugs(links_to(built_site, "organisationer/", "/organisationer/")) == set(EXPECTED)
    assert "Gotlandsvikens akademi" not in page.source  # only in a draft
    rows = {
        site_path("organisationer/", r.find("a").get("href")).split("/")[2]: r
        for r in page.find_all("tr")
        if r.find_all("a")
    }
    for slug, (cases, _lan) in EXPECTED.items():
        cells = [c.squashed() for c in rows[slug].find_all("td")]
        assert cells[-1] == str(len(cases)), slug
    assert "Län okänt" in page.root.squashed()


def test_the_directory_is_browsable_by_lan_and_type_without_javascript(built_site: BuiltSite):
    links = links_to(built_site, "organisationer/", "/organisationer/")
    assert "/organisationer/lan/skane/" in links and "/organisationer/typ/kommun/" in links
    skane = org_slugs(links_to(built_site, "organisationer/lan/skane/", "/organisationer/"))
    # Sagostad is in Skåne; organisations outside the registry are listed where their cases are.
    assert {"sagostads-kommun", "ankeby-kommun-img-src-x-onerror-alert-1"} <= skane
    assert "region-exempelland" not in skane
    kommun = org_slugs(links_to(built_site, "organisationer/typ/kommun/", "/organisationer/"))
    assert kommun == {"sagostads-kommun", "hallands-provkommun", "pahittby-kommun",
                      "ankeby-kommun-img-src-x-onerror-alert-1"}  # fmt: skip
    for url in ("organisationer/", "organisationer/lan/skane/", "organisationer/typ/kommun/"):
        assert "<noscript" not in built_site.page(url).source


def test_an_organisation_page_from_the_registry(built_site: BuiltSite):
    url = "organisationer/sagostads-kommun/"
    page = built_site.page(url)
    text = page.root.squashed()
    assert page.find("h1").squashed() == "Sagostads kommun"
    facts = {
        row.find("dt").squashed(): row.find("dd").squashed()
        for row in page.find("section", cls="kb-facts").find_all("div", cls="kb-fact")
    }
    assert facts["Typ"] == "Kommun" and facts["Län"] == "Skåne län"
    assert facts["Andra namn"] == "Sagostad"
    assert facts["Organisationsnummer"] == "212000-1124"
    hrefs = [a.get("href") for a in page.find_all("a")]
    assert "https://sagostad.example/naringsliv/upphandling/" in hrefs
    assert "mailto:upphandling@sagostad.example" in hrefs and "tel:+46411123456" in hrefs
    cases = links_to(built_site, url, "/fall/", within="fall")
    assert sorted(cases) == ["/fall/natverk-for-bestallare/", "/fall/skolmat-i-sagostad/"]
    assert "Upphandlande organisation" in text and "Partner" in text
    themes = links_to(built_site, url, "/fall/tema/", within="teman")
    wanted = {t for s in EXPECTED["sagostads-kommun"][0] for t in PUBLISHED[s]["themes"]}
    assert {p.split("/")[3] for p in themes} == wanted


def test_an_inline_organisation_says_its_lan_is_unknown(built_site: BuiltSite):
    page = built_site.page("organisationer/golvbolaget-pahittat-ab/")
    text = page.root.squashed()
    assert "Okänt. Organisationen finns inte i registret" in text
    assert "Ingen kontaktväg i registret." in text
    assert links_to(built_site, "organisationer/golvbolaget-pahittat-ab/", "/fall/", "fall") == [
        "/fall/golv-i-forskolan/"
    ]


def test_neighbours_are_in_the_same_or_a_neighbouring_lan_with_shared_themes(built_site):
    # Hallands provkommun (Halland) shares themes with the Skåne organisations of its case
    # and of Sagostad's cases; Skåne borders Halland. Region Exempelland (Stockholm) does not.
    peers = org_slugs(
        links_to(built_site, "organisationer/hallands-provkommun/", "/organisationer/", "i-narheten")
    )
    assert "sagostads-kommun" in peers
    assert "region-exempelland" not in peers


def test_registry_and_contributed_text_is_escaped(built_site: BuiltSite):
    source = built_site.page("organisationer/hallands-provkommun/").source
    assert "<script>alert" not in source and "<b>fet</b>" not in source
    assert "Växel &lt;script&gt;alert(1)&lt;/script&gt;" in source
    ankeby = built_site.page("organisationer/ankeby-kommun-img-src-x-onerror-alert-1/").source
    assert "<img src=x" not in ankeby


def test_every_case_page_asks_the_organisations_behind_it(built_site: BuiltSite):
    for slug, data in PUBLISHED.items():
        url = f"fall/{slug}/"
        section = built_site.page(url).find(id="fraga").parent
        assert section.find("h2").squashed() == "Fråga dem som gjort det"
        linked = org_slugs(links_to(built_site, url, "/organisationer/", "fraga"))
        assert linked == {s for s, (cases, _) in EXPECTED.items() if slug in cases}, slug
        for contact in data.get("contacts") or []:
            assert f"mailto:{contact['email']}" in [a.get("href") for a in section.find_all("a")]
    sagostad = built_site.page("fall/skolmat-i-sagostad/").find(id="fraga").parent
    assert "mailto:upphandling@sagostad.example" in [a.get("href") for a in sagostad.find_all("a")]


def test_a_county_page_lists_organisations_in_the_county_and_its_neighbours(built_site):
    url = "fall/lan/skane/"
    section = built_site.page(url).find("section", cls="kb-county-orgs")
    headings = [h.squashed() for h in section.find_all("h3")]
    assert headings == ["Skåne län", "Hallands län", "Kronobergs län", "Blekinge län"]
    slugs = org_slugs(links_to(built_site, url, "/organisationer/", "organisationer"))
    assert {"sagostads-kommun", "hallands-provkommun"} <= slugs
    assert "region-exempelland" not in slugs


def test_organisation_pages_are_in_the_search_index_as_their_own_type(built_site: BuiltSite):
    bundle = built_site.root / "pagefind" / "fragment"
    types = {}
    for path in bundle.glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        types[data["url"]] = data["filters"].get("Innehållstyp")
    orgs = {url for url, kind in types.items() if kind == ["Organisation"]}
    assert {u.split("/")[-2] for u in orgs} == set(EXPECTED)
    values = json.loads(
        built_site.page("sok/").find(id="kb-search").get("data-values").replace("&quot;", '"')
    )
    assert values["Innehållstyp"]["Organisation"] == len(EXPECTED)


def test_a_new_case_for_a_new_organisation_appears_everywhere(tmp_path: Path):
    """A contributor adds a case for an organisation nobody has named before: no manual step."""
    project = prepare_project(tmp_path / "project")
    text = (project / "cases" / "skolmat-i-sagostad.md").read_text(encoding="utf-8")
    text = text.replace('name: "Sagostads kommun"', 'name: "Nyköpings Provkommun"', 1)
    text = text.replace('name: "Sagostads kostbolag"', 'name: "Nya kostbolaget"', 1)
    text = text.replace("  - skane\n", "  - sodermanland\n", 1)
    (project / "cases" / "ny-provkommun.md").write_text(text, encoding="utf-8")
    site_dir = tmp_path / "site"
    proc = run_build(project, site_dir)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    site = BuiltSite(project, site_dir, proc.stdout)
    slug = "nykopings-provkommun"
    assert f"/organisationer/{slug}/" in links_to(site, "organisationer/", "/organisationer/")
    page = site.page(f"organisationer/{slug}/")
    assert page.find("h1").squashed() == "Nyköpings Provkommun"
    assert "/fall/ny-provkommun/" in links_to(site, f"organisationer/{slug}/", "/fall/", "fall")
    county = links_to(site, "fall/lan/sodermanland/", "/organisationer/", "organisationer")
    assert f"/organisationer/{slug}/" in county
    # ... and on the county pages of the neighbours, under Södermanland.
    assert f"/organisationer/{slug}/" in links_to(
        site, "fall/lan/stockholm/", "/organisationer/", "organisationer"
    )
    assert f"/organisationer/{slug}/" in links_to(
        site, "organisationer/lan/sodermanland/", "/organisationer/"
    )


def test_organisations_are_open_data(built_site: BuiltSite):
    records = json.loads((built_site.root / "organisations.json").read_text(encoding="utf-8"))
    by_slug = {r["slug"]: r for r in records}
    assert set(by_slug) == set(EXPECTED)
    for slug, (cases, lan_label) in EXPECTED.items():
        record = by_slug[slug]
        assert {c["slug"] for c in record["cases"]} == cases
        assert (LAN[record["lan"]] if record["lan"] else None) == lan_label
        assert record["in_registry"] is (lan_label is not None)
    assert by_slug["sagostads-kommun"]["contact"]["email"] == "upphandling@sagostad.example"
    assert by_slug["sagostads-kommun"]["other_names"] == ["Sagostad"]
