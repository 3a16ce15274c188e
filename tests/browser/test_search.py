"""Search (issue "Search"): Pagefind in the real site, driven like a reader would."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import REPO

CASE_SYD = "/fall/innovationsupphandling-syd/"
TAB_LIMIT = 200  # more than the tab stops before the first result on /sok/


def result_paths(page) -> list[str]:
    """The result links on the search page, as site paths (like /fall/x/)."""
    hrefs = page.eval_on_selector_all(
        "#kb-results .kb-result__title a", "as => as.map(a => a.href)"
    )
    return [urlsplit(h).path for h in hrefs]


def status_count(page) -> int:
    text = page.locator("#kb-status").inner_text()
    match = re.match(r"(\d+) träff", text)
    return int(match.group(1)) if match else 0


def all_results(page) -> list[str]:
    """Every result, pressing "Visa fler träffar" until the list is complete."""
    more = page.locator("#kb-more")
    while more.is_visible():
        before = len(result_paths(page))
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('#kb-results .kb-result').length > n", arg=before
        )
    return result_paths(page)


def cases_in(site_dir, county_id: str) -> set[str]:
    """Site paths of the cases in a county, from the site's own open data."""
    cases = json.loads((site_dir / "cases.json").read_text(encoding="utf-8"))
    return {f"/fall/{c['slug']}/" for c in cases if county_id in c["lan"]}


def county_box(page, label: str):
    return page.get_by_role("checkbox", name=re.compile("^" + re.escape(label) + r"\b"))


def test_body_word_in_another_inflection_finds_the_case(page, server, wait_for_results):
    # "golv" is in the case's body only (not in its title, summary, lessons or sources),
    # so a hit proves that the body is searched. "golvens" is not in the case: only
    # the Swedish stemmer (golvens -> golv) connects it to "golv".
    source = (REPO / "cases" / "innovationsupphandling-syd.md").read_text(encoding="utf-8")
    _, frontmatter, body = source.split("---\n", 2)
    assert "golv" not in frontmatter.lower()
    assert "golv " in body and "golvens" not in body
    for query in ("golv", "golvens"):
        page.goto(server.url(f"/sok/?q={query}"))
        wait_for_results(page)
        assert CASE_SYD in all_results(page), f"'{query}' hittar inte fallet"


def test_county_filter_narrows_the_results(page, server, site_dir, wait_for_results):
    page.goto(server.url("/sok/?q=upphandling"))
    wait_for_results(page)
    before = status_count(page)
    assert before > 2, "Sökordet ska ge flera träffar innan filtret väljs"
    county_box(page, "Östergötlands län").check()
    wait_for_results(page)
    after = status_count(page)
    assert 0 < after < before
    paths = all_results(page)
    assert len(paths) == after
    assert set(paths) <= cases_in(site_dir, "ostergotland"), paths
    assert "L%C3%A4n=%C3%96sterg%C3%B6tlands+l%C3%A4n" in page.url


def test_search_page_restores_query_and_filters_from_the_url(
    page, server, site_dir, wait_for_results
):
    page.goto(server.url("/sok/?q=upphandling&L%C3%A4n=Sk%C3%A5ne+l%C3%A4n"))
    wait_for_results(page)
    assert page.locator("#kb-q").input_value() == "upphandling"
    assert county_box(page, "Skåne län").is_checked()
    assert not county_box(page, "Östergötlands län").is_checked()
    restored = all_results(page)
    assert restored and set(restored) <= cases_in(site_dir, "skane"), restored

    # The same search made by hand gives the same list.
    page.goto(server.url("/sok/"))
    wait_for_results(page)
    page.locator("#kb-q").fill("upphandling")
    page.keyboard.press("Enter")
    wait_for_results(page)
    county_box(page, "Skåne län").check()
    wait_for_results(page)
    assert all_results(page) == restored


def test_keyboard_only_search_from_the_start_page(page, server, wait_for_results):
    page.goto(server.url("/"))
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "kb-header-q"
    page.keyboard.type("golv")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    parts = urlsplit(page.url)
    assert parts.path == "/sok/"
    assert parse_qs(parts.query).get("q") == ["golv"]
    wait_for_results(page)
    assert result_paths(page), "Sökningen gav inga träffar"

    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('#kb-results .kb-result__title')"):
            break
    else:
        pytest.fail(f"Ingen träfflänk fick fokus efter {TAB_LIMIT} tryck på Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.fullmatch(r"/(fall|vagledning)/[a-z0-9-]+/(?:[a-z0-9-]+/)?", urlsplit(page.url).path)
    assert page.locator("h1").count() == 1


def test_ctrl_k_focuses_the_search_field(page, server):
    page.goto(server.url("/fall/innovationsupphandling-syd/"))
    page.locator("body").click(position={"x": 5, "y": 400})
    page.keyboard.press("Control+k")
    assert page.evaluate("document.activeElement.id") == "kb-header-q"


def test_sort_control_updates_the_url(page, server, site_dir, wait_for_results):
    page.goto(server.url("/sok/?q=upphandling"))
    wait_for_results(page)
    page.get_by_label("Sortera").select_option(value="start")
    page.wait_for_function("() => location.search.includes('sortera=start')")
    assert parse_qs(urlsplit(page.url).query)["sortera"] == ["start"]
    wait_for_results(page)
    paths = all_results(page)
    assert paths
    cases = json.loads((site_dir / "cases.json").read_text(encoding="utf-8"))
    start = {f"/fall/{c['slug']}/": c["period"]["start"] for c in cases}
    assert all(p in start for p in paths), f"the start-year sort lists only cases: {paths}"
    # A start that is not known ("okand") sorts last.
    starts = [start[p] if start[p] != "okand" else "" for p in paths]
    assert starts == sorted(starts, reverse=True), paths


def test_filter_totals_in_the_page_match_pagefinds_index(page, server):
    """The search page lists filter values from the build, so that a first search
    downloads no filter chunk; those totals must be exactly Pagefind's own."""
    page.goto(server.url("/sok/"))
    page.wait_for_selector("#kb-search[data-ready='true']")
    built = json.loads(page.get_attribute("#kb-search", "data-values"))
    indexed = page.evaluate(
        "async () => { const pf = await import('/pagefind/pagefind.js'); return pf.filters(); }"
    )
    indexed = {name: values for name, values in indexed.items() if values}
    assert built == indexed


def test_a_first_search_loads_no_filter_chunk(page, server, wait_for_results):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(server.url("/sok/?q=upphandling"))
    wait_for_results(page)
    assert any(p.startswith("/pagefind/index/") for p in requested)
    assert not [p for p in requested if p.startswith("/pagefind/filter/")]


def test_a_place_name_finds_the_organisation_and_its_cases(page, server, wait_for_results):
    """The place name "Ystad" (an alias of Ystads kommun) finds the organisation's page, a
    result of its own type, and its case; the content type filter keeps only organisations."""
    page.goto(server.url("/sok/?q=Ystad"))
    wait_for_results(page)
    paths = all_results(page)
    assert "/organisationer/ystads-kommun/" in paths
    assert CASE_SYD in paths
    types = page.eval_on_selector_all("#kb-results .kb-result", "rs => rs.map(r => r.innerText)")
    assert any("Organisation" in t for t in types)
    page.get_by_role("checkbox", name=re.compile(r"^Organisation\b")).check()
    wait_for_results(page)
    assert all_results(page) and all(p.startswith("/organisationer/") for p in all_results(page))
