"""Search as procurers use it: the query set, clean excerpts, OR filters, help on no hits.

Every query in tests/search/queries.yaml runs through the real /sok/ page of the
repository's site; an expected page must be among the first three results.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from .conftest import REPO

_spec = importlib.util.spec_from_file_location("relevance", REPO / "scripts" / "relevance.py")
assert _spec and _spec.loader
relevance = importlib.util.module_from_spec(_spec)
sys.modules["relevance"] = relevance  # dataclasses look their module up there
_spec.loader.exec_module(relevance)

QUERIES = relevance.load_queries()
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A lower-case letter straight before an upper-case one: two words glued together,
# unless the site's own text writes it that way (InnUpp).
GLUED = re.compile(r"\w*[a-zåäö][A-ZÅÄÖ]\w*")
SOURCE_TEXT = " ".join(
    p.read_text(encoding="utf-8")
    for folder in ("cases", "docs")
    for p in sorted((REPO / folder).rglob("*.md"))
)


def test_the_query_set_is_large_and_varied() -> None:
    assert len(QUERIES) >= 30
    kinds = {q.kind for q in QUERIES}
    assert {"akronym", "stavfel", "plats", "organisation", "amne", "fraga"} <= kinds


SYNONYMS = {
    s.lower().replace(", ", " ")
    for p in (REPO / "docs").rglob("*.md")
    for s in re.findall(r"^synonyms: \[(.*)\]$", p.read_text(encoding="utf-8"), re.M)
}


@pytest.mark.parametrize("query", QUERIES, ids=[q.q for q in QUERIES])
def test_an_expected_page_is_in_the_top_three_and_excerpts_are_clean(page, server, query) -> None:
    paths = relevance.run_query(page, server.base, query.q)
    rank = relevance.rank(paths, query.expect)
    assert rank is not None and rank <= 3, f"{query.q!r}: {paths[:5]}, väntade {query.expect}"
    excerpts = page.eval_on_selector_all(
        "#kb-results .kb-result__excerpt", "ps => ps.map(p => p.textContent)"
    )
    assert excerpts
    for text in excerpts:
        # No date, no fact box, no synonym list (they are not text of the pages).
        assert not DATE.search(text), text
        assert "Fakta om fallet" not in text, text
        assert not any(s in text.lower() for s in SYNONYMS), text
        for word in GLUED.findall(text):
            assert word in SOURCE_TEXT, f"hopskrivet '{word}' i {text!r}"


def test_an_acronym_finds_the_page_about_the_concept_and_says_so(
    page, server, wait_for_results
) -> None:
    page.goto(server.url("/sok/?q=IOP"))
    wait_for_results(page)
    first = page.locator("#kb-results .kb-result__title a").first
    assert urlsplit(first.get_attribute("href")).path == "/vagledning/innovationspartnerskap/"
    assert "innovationspartnerskap" in page.locator("#kb-status").inner_text()


def test_a_synonym_is_found_but_never_shown_in_an_excerpt(page, server, wait_for_results) -> None:
    # "utvecklingsavtal" is only in the guide's synonyms, not in its text.
    source = (REPO / "docs" / "vagledning" / "innovationspartnerskap.md").read_text("utf-8")
    assert "utvecklingsavtal" not in source.split("---", 2)[2]
    page.goto(server.url("/sok/?q=utvecklingsavtal"))
    wait_for_results(page)
    hrefs = page.eval_on_selector_all(
        "#kb-results .kb-result__title a", "as => as.map(a => a.href)"
    )
    assert urlsplit(hrefs[0]).path == "/vagledning/innovationspartnerskap/"
    assert "utvecklingsavtal" not in page.locator("#kb-results").inner_text().lower()


def test_a_typo_is_corrected_and_the_reader_can_undo_it(page, server, wait_for_results) -> None:
    page.goto(server.url("/sok/?q=innovationsparnterskap"))
    wait_for_results(page)
    status = page.locator("#kb-status").inner_text()
    assert "Inga träffar för ”innovationsparnterskap”" in status
    assert "”innovationspartnerskap”" in status
    first = page.locator("#kb-results .kb-result__title a").first
    assert urlsplit(first.get_attribute("href")).path == "/vagledning/innovationspartnerskap/"
    undo = page.get_by_role("button", name="Sök bara efter ”innovationsparnterskap”")
    undo.click()
    page.wait_for_function("() => location.search.includes('exakt=1')")
    wait_for_results(page)
    assert "Visar" not in page.locator("#kb-status").inner_text()
    # The exact search is linkable too.
    assert parse_qs(urlsplit(page.url).query) == {"q": ["innovationsparnterskap"], "exakt": ["1"]}


def cases_in(site_dir, *counties: str) -> set[str]:
    cases = json.loads((site_dir / "cases.json").read_text(encoding="utf-8"))
    return {f"/fall/{c['slug']}/" for c in cases if set(counties) & set(c["lan"])}


def all_paths(page) -> list[str]:
    more = page.locator("#kb-more")
    while more.is_visible():
        more.click()
    hrefs = page.eval_on_selector_all(
        "#kb-results .kb-result__title a", "as => as.map(a => a.href)"
    )
    return [urlsplit(h).path for h in hrefs]


def test_or_within_a_facet_is_linkable(page, server, site_dir, wait_for_results) -> None:
    url = "/sok/?" + "&".join(
        f"{quote('Län')}={quote(v).replace('%20', '+')}" for v in ("Skåne län", "Östergötlands län")
    )
    page.goto(server.url(url))
    wait_for_results(page)
    both = set(all_paths(page))
    assert both == cases_in(site_dir, "skane", "ostergotland")
    assert both > cases_in(site_dir, "skane") and both > cases_in(site_dir, "ostergotland")
    assert "Senast granskade först" in page.locator("#kb-status").inner_text()
    # The form shows both values ticked, and the URL is kept as it was.
    for name in ("Skåne län", "Östergötlands län"):
        assert page.get_by_role("checkbox", name=re.compile("^" + name)).is_checked()
    assert parse_qs(urlsplit(page.url).query)["Län"] == ["Skåne län", "Östergötlands län"]
    # A value with no page (Blekinge) adds nothing: Skåne's cases remain.
    page.goto(server.url("/sok/?L%C3%A4n=Sk%C3%A5ne+l%C3%A4n&L%C3%A4n=Blekinge+l%C3%A4n"))
    wait_for_results(page)
    assert set(all_paths(page)) == cases_in(site_dir, "skane")


def count_of(page, name: str) -> int:
    label = page.locator("label", has=page.get_by_text(name, exact=False)).filter(
        has_text=re.compile("^" + re.escape(name) + r" \(")
    )
    return int(re.search(r"\((\d+)\)", label.first.inner_text()).group(1))


def test_counts_follow_the_selection(page, server, site_dir, wait_for_results) -> None:
    page.goto(server.url("/sok/?L%C3%A4n=Sk%C3%A5ne+l%C3%A4n"))
    wait_for_results(page)
    skane = cases_in(site_dir, "skane")
    # Within the facet in use: what ticking the value would add (OR).
    assert count_of(page, "Östergötlands län") == len(cases_in(site_dir, "ostergotland"))
    # In another facet: the pages of the current result list.
    assert count_of(page, "Fall") == len(skane)
    assert count_of(page, "Vägledning") == 0


def test_no_results_explain_which_filter_to_remove(page, server, wait_for_results) -> None:
    # "golv" is only in the Skåne case.
    page.goto(server.url("/sok/?q=golv&L%C3%A4n=%C3%96sterg%C3%B6tlands+l%C3%A4n"))
    wait_for_results(page)
    assert page.locator("#kb-status").inner_text().startswith("Inga träffar")
    help_box = page.locator("#kb-help")
    remove = help_box.get_by_role("button", name=re.compile("^Ta bort Län"))
    page.wait_for_function("() => document.querySelector('#kb-help p a')")
    assert help_box.get_by_role("link").count() >= 1
    remove.click()
    wait_for_results(page)
    assert "/fall/innovationsupphandling-syd/" in all_paths(page)
    assert "L%C3%A4n" not in page.url


def test_an_unclear_typo_gets_suggestions_to_choose_from(page, server, wait_for_results) -> None:
    # "mandet" is one letter from both "mandat" and "landet": no guess, two offers.
    page.goto(server.url("/sok/?q=mandet"))
    wait_for_results(page)
    assert "Menade du" in page.locator("#kb-status").inner_text()
    offer = page.locator("#kb-help").get_by_role("button", name="mandat", exact=True)
    assert page.locator("#kb-help").get_by_role("button", name="landet", exact=True).count() == 1
    offer.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'mandat'")
    wait_for_results(page)
    assert "/vagledning/mandat/" in all_paths(page)[:3]


def test_counts_follow_a_plain_search_once_the_reader_turns_to_the_filters(
    page, server, wait_for_results
) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(server.url("/sok/?q=golven"))
    wait_for_results(page)
    n = len(all_paths(page))
    assert not [p for p in requested if p.startswith("/pagefind/filter/")]
    # Tab into the filters: every count now describes this search.
    page.locator("#kb-filters input").first.focus()
    page.wait_for_function(
        "n => [...document.querySelectorAll('#kb-filters label')].some(l => "
        "l.textContent.startsWith('Fall ') && l.textContent.includes('(' + n + ')'))",
        arg=sum(1 for p in all_paths(page) if p.startswith("/fall/")),
    )
    assert count_of(page, "Skåne län") <= n


def test_a_new_search_shows_its_own_excerpts(page, server, wait_for_results) -> None:
    page.goto(server.url("/sok/?q=Sk%C3%A5ne"))
    wait_for_results(page)
    page.locator("#kb-q").fill("Ystad")
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'Ystad'")
    wait_for_results(page)
    marks = page.eval_on_selector_all(
        "#kb-results .kb-result__excerpt mark", "ms => ms.map(m => m.textContent.toLowerCase())"
    )
    # Every highlighted word is about Ystad (a word, a genitive or a web address),
    # none is left over from the search for Skåne.
    assert marks and all("ystad" in m for m in marks), marks


@pytest.mark.parametrize(
    "path",
    [
        "/sok/?q=innovationsparnterskap",  # corrected, with an undo button
        "/sok/?q=mandet",  # "Menade du ...?"
        "/sok/?q=golv&L%C3%A4n=%C3%96sterg%C3%B6tlands+l%C3%A4n",  # no hits: remove a filter
    ],
)
def test_search_help_has_no_wcag_violations(page, server, wait_for_results, path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    from .conftest import AXE_TAGS

    page.goto(server.url(path))
    wait_for_results(page)
    assert page.locator("#kb-help button").count() > 0
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    violations = Axe().run(page, options=options).response["violations"]
    assert violations == [], [(v["id"], [n["html"] for n in v["nodes"]]) for v in violations]
