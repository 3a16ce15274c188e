"""The county map on /fall/ and the feeds, in Chromium: readable in forced-colours mode,
usable from the keyboard, and announced to feed readers. axe runs on these pages in
test_accessibility.py (PAGE_TYPES)."""

from __future__ import annotations

import re

MAP = "svg.kb-map__svg"
# The painted colours of the map's shapes and count labels.
PAINT = """() => {
  const svg = document.querySelector('svg.kb-map__svg');
  const style = el => getComputedStyle(el);
  const linked = [...svg.querySelectorAll('a path')].map(p => ({
    fill: style(p).fill, stroke: style(p).stroke, width: parseFloat(style(p).strokeWidth)}));
  const plain = [...svg.querySelectorAll(':scope > path')].map(p => ({
    fill: style(p).fill, stroke: style(p).stroke, width: parseFloat(style(p).strokeWidth)}));
  const counts = [...svg.querySelectorAll('text')].map(t => ({
    fill: style(t).fill, text: t.textContent}));
  const background = style(document.body).backgroundColor;
  const link = style(document.querySelector('.kb-map__list a')).color;
  return {linked, plain, counts, background, link};
}"""


def test_map_links_have_their_count_in_the_accessible_name(page, server):
    page.goto(server.url("/fall/"))
    links = page.locator(f"{MAP} a")
    assert links.count() > 0
    for i in range(links.count()):
        link = page.get_by_role("link", name=links.nth(i).get_attribute("aria-label"))
        assert link.count() == 1
        assert re.fullmatch(r".+ län: \d+ fall", links.nth(i).get_attribute("aria-label"))


def test_map_is_readable_in_forced_colours(page, server):
    page.emulate_media(forced_colors="active")
    page.goto(server.url("/fall/"))
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    paint = page.evaluate(PAINT)
    # Every county keeps a visible outline, and counties with cases a different one.
    for shape in paint["linked"] + paint["plain"]:
        assert shape["stroke"] != "none" and shape["width"] > 0
        assert shape["stroke"] != paint["background"]
    assert {s["stroke"] for s in paint["linked"]}.isdisjoint({s["stroke"] for s in paint["plain"]})
    # The counts are written on the map in the text colour, on the background colour.
    assert paint["counts"] and all(c["text"].strip().isdigit() for c in paint["counts"])
    assert all(c["fill"] != paint["background"] for c in paint["counts"])
    assert {s["fill"] for s in paint["linked"]} == {paint["background"]}


def test_map_shades_differ_from_the_page_without_forced_colours(page, server):
    page.goto(server.url("/fall/"))
    paint = page.evaluate(PAINT)
    linked = {s["fill"] for s in paint["linked"]}
    plain = {s["fill"] for s in paint["plain"]}
    assert linked and plain and linked.isdisjoint(plain)


def test_map_links_are_reached_by_tab_and_show_focus(page, server):
    page.goto(server.url("/fall/"))
    first = page.locator(f"{MAP} a").first
    first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    state = page.evaluate(
        """() => { const el = document.activeElement; const s = getComputedStyle(el);
        return {inMap: !!el.closest('svg.kb-map__svg'), outline: s.outlineStyle,
                width: parseFloat(s.outlineWidth),
                fill: getComputedStyle(el.querySelector('path')).fill}; }"""
    )
    assert state["inMap"] and state["outline"] != "none" and state["width"] > 0
    href = first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(server.url("/fall/" + href))
    assert page.locator("p.kb-subscribe a").inner_text().startswith("Prenumerera")


def test_county_page_announces_its_feed_to_the_browser(page, server):
    page.goto(server.url("/fall/lan/skane/"))
    hrefs = page.eval_on_selector_all(
        "link[rel~=alternate][type='application/atom+xml']", "ls => ls.map(l => l.href)"
    )
    assert server.url("/fall/lan/skane/feed.xml") in hrefs
    response = page.request.get(server.url("/fall/lan/skane/feed.xml"))
    assert response.ok and b'<feed xmlns="http://www.w3.org/2005/Atom"' in response.body()
