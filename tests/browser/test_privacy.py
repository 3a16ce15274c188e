"""Privacy (issue "Hostile input, accessibility and privacy"): no other hosts, no cookies,
and every key the site keeps in the browser is named on the personal-data page."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from .conftest import PAGE_TYPES, RESULTS_DIR, settle_search

PERSONAL_DATA_PAGE = "/om/personuppgifter-och-kakor/"
STORAGE_KEYS = """() => ({
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
})"""


def documented_storage_keys(page, server) -> set[str]:
    """The keys named in the table on the personal-data page (the <code> in its rows)."""
    page.goto(server.url(PERSONAL_DATA_PAGE))
    return set(
        page.eval_on_selector_all(
            "#kb-innehall table tr code", "codes => codes.map(c => c.textContent.trim())"
        )
    )


def test_no_other_hosts_no_cookies_and_only_documented_storage(context, server):
    requests: list[str] = []
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    local: set[str] = set()
    session: set[str] = set()

    def collect() -> None:
        keys = page.evaluate(STORAGE_KEYS)
        local.update(keys["local"])
        session.update(keys["session"])

    for _, path in [*PAGE_TYPES, ("", PERSONAL_DATA_PAGE), ("", "/sok/?q=golv")]:
        page.goto(server.url(path))
        if path.startswith("/sok/"):
            settle_search(page)
        collect()

    # Use the search: type, filter, sort, show more.
    page.goto(server.url("/sok/"))
    settle_search(page)
    page.locator("#kb-q").fill("upphandling")
    page.keyboard.press("Enter")
    settle_search(page)
    page.locator("#kb-filters input[type=checkbox]").first.check()
    settle_search(page)
    page.get_by_label("Sortera").select_option("granskad")
    settle_search(page)
    page.goto(server.url("/sok/?q=upphandling"))
    settle_search(page)
    if page.locator("#kb-more").is_visible():
        page.locator("#kb-more").click()
        settle_search(page)
    collect()

    # Use the navigation drawer on a narrow screen, and the header search.
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(server.url("/vagledning/mandat/"))
    page.locator("#kb-menu").click()
    page.locator(".md-sidebar--primary a[href$='/projektform/']").click()
    page.wait_for_url("**/vagledning/projektform/")
    page.locator("#kb-menu").click()
    page.keyboard.press("Escape")
    page.locator("#kb-header-q").fill("mandat")
    page.keyboard.press("Enter")
    settle_search(page)
    page.wait_for_load_state("networkidle")
    collect()

    other = sorted(
        {
            url
            for url in requests
            if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != server.host
        }
    )
    cookies = context.cookies()
    extra = page.evaluate(
        "async () => ({ idb: (await indexedDB.databases()).map(d => d.name),"
        " caches: await caches.keys() })"
    )
    observed = {"localStorage": sorted(local), "sessionStorage": sorted(session)}
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "privacy.json").write_text(
        json.dumps(
            {
                "requests": len(requests),
                "other_hosts": other,
                "cookies": len(cookies),
                "storage": observed,
                "indexeddb": extra["idb"],
                "cache_storage": extra["caches"],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )

    assert requests, "Inga anrop registrerades"
    assert not other, f"Anrop till andra värdar än {server.host}: {other}"
    assert cookies == [], f"Webbplatsen satte kakor: {cookies}"
    assert extra == {"idb": [], "caches": []}, f"Annan lagring i webbläsaren: {extra}"
    documented = documented_storage_keys(page, server)
    undocumented = (local | session) - documented
    assert not undocumented, (
        f"Nycklar som webbplatsen sparar men som inte står i tabellen på {PERSONAL_DATA_PAGE}: "
        f"{sorted(undocumented)} (sparade: {observed}, i tabellen: {sorted(documented)})"
    )
