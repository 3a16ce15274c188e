"""Hostile input in the browser: contributed strings that look like markup stay text.

The fixture project (hostile.py) is valid: the validator accepts every string, so
only escaping stands between the strings and the reader's browser.
"""

from __future__ import annotations

import pytest

from kunskapsbank import urlpolicy

from .conftest import settle_search
from .hostile import HOSTILE_CASES, HOSTILE_LINKS, LINK_PAGE, PAYLOADS, write_link_page

# Case fields that show a payload on the case page: title, summary, two organisation
# names, funder, programme, lesson, source title, publisher, contact organisation, role.
FIELDS_ON_CASE_PAGE = 11

ACTIVE_MARKUP = """() => ({
  pwned: typeof window.__pwned !== 'undefined',
  handlers: document.querySelectorAll('[onerror], [onload]').length,
  scripts: [...document.scripts].filter(s => s.textContent.includes('__pwned')).length,
  svgs: document.querySelectorAll('body svg:not(.kb-chart):not([class*="md-"])').length,
})"""


@pytest.fixture
def visit(context, hostile_server):
    """Open a page of the hostile site and report what, if anything, ran."""
    dialogs: list[str] = []
    requests: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))

    def go(path: str):
        page.goto(hostile_server.url(path))
        if path.startswith("/sok/"):
            settle_search(page)
        page.wait_for_load_state("networkidle")
        state = page.evaluate(ACTIVE_MARKUP)
        assert not dialogs, f"{path}: en dialogruta öppnades: {dialogs}"
        assert state["pwned"] is False, f"{path}: skript från innehållet kördes"
        assert state["handlers"] == 0 and state["scripts"] == 0, f"{path}: {state}"
        stray = [u for u in requests if u.rstrip("/").endswith("/x")]
        assert not stray, f"{path}: en bild från innehållet hämtades: {stray}"
        return page

    return go


@pytest.mark.parametrize(("slug", "payload"), list(HOSTILE_CASES.items()))
def test_case_page_shows_markup_as_text(visit, slug, payload):
    page = visit(f"/fall/{slug}/")
    main = page.locator("#kb-innehall").inner_text()
    assert main.count(payload) >= FIELDS_ON_CASE_PAGE, main
    assert payload in page.locator("h1").inner_text()
    assert payload in page.title()
    assert payload in (page.get_attribute("meta[name=description]", "content") or "")
    # Allowed body markup still works: <abbr> and a Markdown link.
    assert page.locator(".kb-body abbr", has_text="RFI").count() == 1
    link = page.locator('.kb-body a[href="https://example.org"]')
    assert link.count() == 1 and link.inner_text() == "x"


@pytest.mark.parametrize(
    "path", ["/fall/", "/fall/lan/skane/", "/fall/organisationstyp/kommun/", "/sok/?q=fall"]
)
def test_lists_show_markup_as_text(visit, path):
    page = visit(path)
    text = page.locator("#kb-innehall").inner_text()
    for payload in PAYLOADS:
        assert payload in text, f"{path}: {payload!r} visas inte som text"


def test_hostile_links_are_harmless_in_the_browser(context, hostile_server, hostile_project):
    """Every refused link, had it been published: nothing runs, nothing loads off-site."""
    path = write_link_page(hostile_project, hostile_server.root)
    dialogs: list[str] = []
    requests: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(hostile_server.url(path))
    page.wait_for_load_state("networkidle")
    links = page.locator(".kb-body a")
    assert links.count() >= len([x for x in HOSTILE_LINKS if x.startswith("[")]) - 1
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href")
        assert href is None or urlpolicy.allowed(href, "href", LINK_PAGE), href
        if href is not None:
            links.nth(i).click(modifiers=["Control"])  # opens in a new tab, if anywhere
    for src in page.locator(".kb-body img").evaluate_all("els => els.map(e => e.src)"):
        assert not src or src.startswith(hostile_server.base), src
    page.wait_for_timeout(300)
    page.wait_for_load_state("networkidle")
    state = page.evaluate(ACTIVE_MARKUP)
    assert not dialogs, dialogs
    assert state["pwned"] is False and state["handlers"] == 0, state
    off_site = [u for u in requests if not u.startswith(hostile_server.base)]
    assert off_site == [], off_site
    for other in context.pages:
        assert other.url.startswith((hostile_server.base, "about:")), other.url
