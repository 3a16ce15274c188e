"""The Content-Security-Policy holds on every page type, and the site still works under it.

Each page is opened in Chromium with listeners for CSP violations (the
``securitypolicyviolation`` event, registered before any page script runs) and
for console errors. Search must still find cases (Pagefind's WebAssembly runs
under the policy) and the navigation must still open.
"""

from __future__ import annotations

import pytest

from .conftest import PAGE_TYPES, settle_search

LISTEN = """
window.__kbViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__kbViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
"""
EXTRA_PAGES = [("Sidan finns inte (404)", "/404.html"), ("Sök utan sökord", "/sok/")]


@pytest.fixture
def watched(context, server):
    errors: list[str] = []
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def go(path: str):
        response = page.goto(server.url(path))
        if path.startswith("/sok/") and "q=" in path:
            settle_search(page)
        page.wait_for_load_state("networkidle")
        return response

    return page, errors, go


@pytest.mark.parametrize(("name", "path"), PAGE_TYPES + EXTRA_PAGES)
def test_no_policy_violation_on_any_page_type(watched, name, path) -> None:
    page, errors, go = watched
    go(path)
    meta = page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert meta.count() == 1, name
    policy = meta.get_attribute("content")
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "base-uri 'self'" in policy
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    violations = page.evaluate("window.__kbViolations")
    assert violations == [], f"{name}: {violations}"
    csp_errors = [e for e in errors if "Content Security Policy" in e or "CSP" in e]
    assert csp_errors == [], f"{name}: {csp_errors}"
    assert errors == [], f"{name}: {errors}"


def test_search_works_under_the_policy(watched) -> None:
    page, errors, go = watched
    go("/sok/?q=upphandling")
    assert page.locator("#kb-results li").count() > 0
    assert page.evaluate("window.__kbViolations") == []
    assert errors == []


def test_navigation_works_under_the_policy(watched) -> None:
    page, errors, go = watched
    page.set_viewport_size({"width": 600, "height": 800})
    go("/vagledning/mandat/")
    page.locator("#kb-menu").click()  # kunskapsbank.js has replaced the label: it ran
    page.wait_for_function("document.getElementById('__drawer').checked")
    link = page.locator(".md-nav--primary").get_by_role("link", name="Sök", exact=True)
    link.click()
    page.wait_for_url("**/sok/")
    settle_search(page)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__kbViolations") == []
    assert errors == []
