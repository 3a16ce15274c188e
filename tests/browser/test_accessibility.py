"""Accessibility (issue "Hostile input, accessibility and privacy"): axe-core and the keyboard.

axe runs with the WCAG 2.1 A and AA rules only, and no rule is ever turned off. The
counts per page type go to tests/browser/.results/axe.json for the accessibility
statement.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import AXE_TAGS, PAGE_TYPES, settle_search

TAB_LIMIT = 200
FOCUS_STOPS = 25  # tab stops checked for a visible focus indicator on each page

# What the focused element looks like: enough to tell a visible focus indicator.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    href: el.getAttribute('href'),
    text: (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
    shadow: !!s.boxShadow && s.boxShadow !== 'none',
    visible: s.visibility === 'visible' && r.width > 0 && r.height > 0,
    inView: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
  };
}"""


def load(page, url: str) -> None:
    page.goto(url)
    if url.split("?")[0].endswith("/sok/"):
        settle_search(page)


def tab(page) -> dict | None:
    page.keyboard.press("Tab")
    return page.evaluate(FOCUS_STATE)


@pytest.mark.parametrize(("page_type", "path"), PAGE_TYPES, ids=[p for _, p in PAGE_TYPES])
def test_axe_finds_no_wcag_violations(page, server, axe_results, page_type, path):
    load(page, server.url(path))
    if "?q=" in path:
        assert page.locator("#kb-results .kb-result").count() > 0, "Sökningen gav inga träffar"
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    response = Axe().run(page, options=options).response
    violations = response["violations"]
    axe_results[page_type] = {
        "page_type": page_type,
        "url": path,
        "violations": len(violations),
        "violation_nodes": sum(len(v["nodes"]) for v in violations),
        "passes": len(response["passes"]),
        "incomplete": len(response["incomplete"]),
        "tool": f"axe-core {response['testEngine']['version']}",
    }
    details = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {n['target']}: {n['failureSummary']}" for n in v["nodes"][:5])
        for v in violations
    )
    assert not violations, f"axe hittade {len(violations)} problem på {path}:\n{details}"


def test_every_page_type_is_in_swedish(page, server):
    for _, path in [*PAGE_TYPES, ("", "/om/personuppgifter-och-kakor/"), ("", "/404.html")]:
        page.goto(server.url(path))
        assert page.get_attribute("html", "lang") == "sv", path


def test_skip_link_is_first_and_visible_on_focus(page, server):
    for _, path in PAGE_TYPES:
        load(page, server.url(path))
        first = tab(page)
        assert first and first["tag"] == "a", f"{path}: första Tab gav {first}"
        assert first["href"].startswith("#") and "Hoppa" in first["text"], f"{path}: {first}"
        # Material fades it in; wait for the end of the transition.
        page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
        box = page.evaluate(
            "() => { const r = document.activeElement.getBoundingClientRect();"
            " return [r.left, r.top, r.width, r.height]; }"
        )
        assert box[2] > 20 and box[3] > 10 and box[0] >= 0 and box[1] >= 0, f"{path}: {box}"
        assert first["outline"] or first["shadow"], f"{path}: skiplänken har ingen fokusmarkering"
        # Following it lands in the main content.
        target = first["href"][1:]
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == target, path
        following = tab(page)
        assert following and page.evaluate(
            "id => document.getElementById(id).contains(document.activeElement)", target
        ), f"{path}: Tab efter skiplänken gav {following}"


@pytest.mark.parametrize(
    "path", ["/", "/vagledning/mandat/", "/fall/innovationsupphandling-syd/", "/sok/?q=golv"]
)
def test_focus_is_always_visible(page, server, path):
    load(page, server.url(path))
    for n in range(FOCUS_STOPS):
        state = tab(page)
        if state is None:
            break
        assert state["visible"] and state["inView"], f"Tab {n + 1} på {path}: {state}"
        assert state["outline"] or state["shadow"], (
            f"Tab {n + 1} på {path}: ingen fokusmarkering {state}"
        )


def test_search_filters_work_with_the_keyboard(page, server):
    load(page, server.url("/sok/?q=upphandling"))
    before = page.locator("#kb-status").inner_text()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "kb-q"
    for _ in range(TAB_LIMIT):
        state = tab(page)
        if page.evaluate(
            "() => document.activeElement.matches('#kb-filters input[type=checkbox]')"
        ):
            break
    else:
        pytest.fail(f"Ingen filterruta fick fokus efter {TAB_LIMIT} tryck på Tab")
    assert state["outline"] or state["shadow"], f"Filterrutan har ingen fokusmarkering: {state}"
    name = page.evaluate("document.activeElement.getAttribute('data-filter')")
    value = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True
    settle_search(page)
    assert page.locator("#kb-status").inner_text() != before
    assert page.evaluate(
        "([n, v]) => new URLSearchParams(location.search).getAll(n).includes(v)", [name, value]
    )
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is False
    settle_search(page)
    assert page.locator("#kb-status").inner_text() == before


@pytest.mark.parametrize("path", ["/vagledning/mandat/", "/fall/innovationsupphandling-syd/"])
def test_navigation_drawer_works_with_the_keyboard(browser, server, path):
    """Narrow screen: the closed drawer takes no focus; the menu button opens it."""
    ctx = browser.new_context(viewport={"width": 400, "height": 800}, locale="sv-SE")
    try:
        page = ctx.new_page()
        page.goto(server.url(path))
        for _ in range(10):
            state = tab(page)
            assert state and state["visible"] and state["inView"], state
            if state["id"] == "kb-menu":
                break
        else:
            pytest.fail("Menyknappen gick inte att nå med Tab")
        menu = page.locator("#kb-menu")
        assert menu.get_attribute("aria-expanded") == "false"
        assert "Meny" in (menu.get_attribute("aria-label") or "")

        page.keyboard.press("Enter")
        assert menu.get_attribute("aria-expanded") == "true"
        page.wait_for_function(
            "() => document.activeElement.closest('.md-sidebar--primary') !== null"
        )
        links = page.locator(".md-sidebar--primary a[href]").count()
        for n in range(links):
            state = page.evaluate(FOCUS_STATE)
            inside = page.evaluate(
                "() => document.activeElement.closest('.md-sidebar--primary') !== null"
            )
            if not inside:
                break
            assert state["visible"] and state["inView"], f"Länk {n + 1} i menyn syns inte: {state}"
            assert state["outline"] or state["shadow"], f"Länk {n + 1} i menyn: {state}"
            page.keyboard.press("Tab")

        page.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.id") == "kb-menu"
        page.wait_for_function(
            "() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility"
            " === 'hidden'"
        )
        # Space opens it too (a real button).
        page.keyboard.press("Space")
        assert menu.get_attribute("aria-expanded") == "true"
    finally:
        ctx.close()
