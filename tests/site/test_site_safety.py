"""Contributed text cannot inject markup, every page is Swedish, and no page loads from another host."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitetools import BuiltSite, parse_html, published_cases, site_path

PUBLISHED = published_cases()
HOSTILE = "golv-i-forskolan"  # the case whose frontmatter is full of markup
ENTITY_TITLE = "natverk-for-bestallare"  # title with literal '&lt;/title&gt;...' text

# Attributes that make a browser fetch something, by element ('*' = any element).
LOADING_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"src", "srcset", "poster", "background"},
    "link": {"href", "imagesrcset"},
    "script": {"href"},
    "img": {"href"},
    "iframe": {"href"},
    "source": {"href"},
    "object": {"data"},
    "embed": {"href"},
    "image": {"href", "xlink:href"},
    "use": {"href", "xlink:href"},
    "feimage": {"href", "xlink:href"},
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)


def _hostile_title() -> str:
    return str(PUBLISHED[HOSTILE]["title"])


# -- escaping of frontmatter -----------------------------------------------------------


def test_fixture_is_hostile() -> None:
    assert "<script>" in _hostile_title()
    assert '"><img' in PUBLISHED[HOSTILE]["summary"]
    assert "onerror=" in PUBLISHED[HOSTILE]["organisations"][0]["name"]
    assert "&lt;/title&gt;" in PUBLISHED[ENTITY_TITLE]["title"]


def test_hostile_title_appears_escaped(built_site: BuiltSite) -> None:
    source = built_site.page(f"fall/{HOSTILE}/").source
    assert "Golv &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;" in source


@pytest.mark.parametrize("slug", [HOSTILE, ENTITY_TITLE])
def test_case_heading_is_the_title_as_text(built_site: BuiltSite, slug: str) -> None:
    h1 = built_site.page(f"fall/{slug}/").find("h1")
    elements = [c.tag for c in h1.children if not isinstance(c, str)]
    assert elements == [], f"<h1> on /fall/{slug}/ holds markup from the title: {elements}"
    assert h1.text() == PUBLISHED[slug]["title"]


@pytest.mark.parametrize("slug", [HOSTILE, ENTITY_TITLE])
def test_document_title_is_the_title_as_text(built_site: BuiltSite, slug: str) -> None:
    page = built_site.page(f"fall/{slug}/")
    titles = page.find_all("title")
    assert len(titles) == 1
    assert [c for c in titles[0].children if not isinstance(c, str)] == []
    assert titles[0].text() == f"{PUBLISHED[slug]['title']} - {built_site.config['site_name']}"


def test_meta_description_is_the_summary(built_site: BuiltSite) -> None:
    page = built_site.page(f"fall/{HOSTILE}/")
    metas = [m for m in page.find_all("meta") if m.get("name") == "description"]
    assert len(metas) == 1
    assert metas[0].get("content") == PUBLISHED[HOSTILE]["summary"]
    head = page.find("head")
    assert head.find_all("img") == [], "the summary injected an <img> into <head>"


def test_no_injected_script_in_any_page(built_site: BuiltSite) -> None:
    offenders = []
    for path in built_site.html_files():
        page = parse_html(path)
        rel = path.relative_to(built_site.root).as_posix()
        if re.search(r"<script>\s*alert", page.source, re.I):
            offenders.append(f"{rel}: '<script>alert' in the source")
        for script in page.find_all("script"):
            if "alert(" in script.text():
                offenders.append(f"{rel}: <script> element running {script.text()!r}")
    assert not offenders, "\n".join(offenders)


def test_no_event_handler_attribute_in_any_page(built_site: BuiltSite) -> None:
    offenders = []
    for path in built_site.html_files():
        page = parse_html(path)
        rel = path.relative_to(built_site.root).as_posix()
        for tag, name, value in page.all_attrs:
            if name.lower().startswith("on"):
                offenders.append(f"{rel}: <{tag} {name}={value!r}>")
    assert not offenders, "\n".join(offenders)


def test_org_lesson_source_and_contact_text_is_escaped(built_site: BuiltSite) -> None:
    page = built_site.page(f"fall/{HOSTILE}/")
    data = PUBLISHED[HOSTILE]
    article = page.find("article", cls="kb-case")
    assert article.find_all("img", src="x") == []
    text = article.text()
    assert data["organisations"][0]["name"] in text
    assert data["lessons"][0]["text"] in text
    assert data["sources"][0]["title"] in text
    assert data["contacts"][0]["role"] in text
    assert data["funding"][0]["funder"] in text
    links = [a for a in article.find_all("a") if a.text() == data["sources"][0]["title"]]
    assert [a.get("href") for a in links] == [data["sources"][0]["url"]]


# -- sanitized body --------------------------------------------------------------------------


def test_body_keeps_allowed_html(built_site: BuiltSite) -> None:
    body = built_site.page(f"fall/{HOSTILE}/").find("div", cls="kb-body")
    abbrs = body.find_all("abbr")
    assert [a.text() for a in abbrs] == ["RFI"]
    assert all(a.attrs == {} for a in abbrs)
    assert [s.text() for s in body.find_all("sub")] == ["2"]
    codes = [c.text() for c in body.find_all("code")]
    assert "<img src=x onerror=alert(1)>" in codes
    assert body.find_all("img", src="x") == []


def test_body_links_and_images_are_rewritten_to_site_paths(built_site: BuiltSite) -> None:
    url = f"fall/{HOSTILE}/"
    body = built_site.page(url).find("div", cls="kb-body")
    images = [site_path(url, i.get("src")) for i in body.find_all("img")]
    assert images == ["/fall/assets/golv.png"]
    assert (built_site.root / "fall" / "assets" / "golv.png").is_file()
    targets = [site_path(url, a.get("href")) for a in body.find_all("a")]
    assert targets == ["/fall/digitala-larm-i-hemtjansten/", "/vagledning/behovet/"]
    for target in targets:
        assert (built_site.root / target.strip("/") / "index.html").is_file()


@pytest.mark.parametrize("slug", sorted(PUBLISHED))
def test_rendered_body_is_sanitized(built_site: BuiltSite, slug: str) -> None:
    body = built_site.page(f"fall/{slug}/").find("div", cls="kb-body")
    for node in body.iter():
        assert node.tag not in {"script", "style", "iframe", "object", "embed", "form"}
        for name, value in node.attrs.items():
            assert not name.lower().startswith("on"), f"<{node.tag} {name}>"
            if name in ("href", "src"):
                scheme = urlsplit(value or "").scheme.lower()
                assert scheme in {"", "https", "mailto"}, f"<{node.tag} {name}={value!r}>"


# -- language and requests to other hosts --------------------------------------------------


def test_every_page_is_swedish(built_site: BuiltSite) -> None:
    files = built_site.html_files()
    assert len(files) > 20
    wrong = []
    for path in files:
        html = parse_html(path).find_all("html")
        if not html or html[0].get("lang") != "sv":
            wrong.append(path.relative_to(built_site.root).as_posix())
    assert not wrong, f"pages without lang='sv': {wrong}"


def _foreign(url: str, own_host: str) -> bool:
    """True when loading ``url`` would contact a host other than the site's own."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() in ("data", "blob", "about"):
        return False
    if parts.scheme or url.startswith("//"):
        return parts.hostname != own_host
    return False


def _srcset_urls(value: str) -> list[str]:
    return [c.strip().split()[0] for c in value.split(",") if c.strip()]


def _css_urls(css: str) -> list[str]:
    return [m.group(2) or m.group(4) or "" for m in CSS_URL.finditer(css)]


def test_no_page_loads_anything_from_another_host(built_site: BuiltSite) -> None:
    own_host = urlsplit(built_site.site_url).hostname
    assert own_host
    offenders = []
    for path in built_site.html_files():
        page = parse_html(path)
        rel = path.relative_to(built_site.root).as_posix()
        for tag, name, value in page.all_attrs:
            name = name.lower()
            watched = LOADING_ATTRIBUTES["*"] | LOADING_ATTRIBUTES.get(tag, set())
            if value is None:
                continue
            if name in watched:
                urls = _srcset_urls(value) if "srcset" in name else [value]
                offenders += [f"{rel}: <{tag} {name}={u!r}>" for u in urls if _foreign(u, own_host)]
            if name == "style":
                offenders += [
                    f"{rel}: <{tag} style> url({u!r})"
                    for u in _css_urls(value)
                    if _foreign(u, own_host)
                ]
        offenders += [
            f"{rel}: <style> url({u!r})"
            for u in _css_urls(page.style_text)
            if _foreign(u, own_host)
        ]
    css_files = sorted(built_site.root.rglob("*.css"))
    assert css_files
    for path in css_files:
        rel = path.relative_to(built_site.root).as_posix()
        css = path.read_text(encoding="utf-8")
        offenders += [f"{rel}: url({u!r})" for u in _css_urls(css) if _foreign(u, own_host)]
    assert not offenders, "requests to other hosts:\n" + "\n".join(offenders)


def test_links_to_other_sites_are_allowed_and_present(built_site: BuiltSite) -> None:
    """Sanity check for the scan above: plain links to other sites exist and are fine."""
    page = built_site.page("fall/skolmat-i-sagostad/")
    hrefs = [a.get("href") for a in page.find_all("a")]
    assert "https://sagostad.example.org/matsvinn" in hrefs


def test_scan_would_catch_a_foreign_load() -> None:
    own = "kunskapsbank.example"
    assert _foreign("https://fonts.googleapis.com/css?family=Roboto", own)
    assert _foreign("//cdn.example.net/x.js", own)
    assert not _foreign("https://kunskapsbank.example/assets/x.css", own)
    assert not _foreign("../assets/x.css", own)
    assert not _foreign("data:image/svg+xml,%3Csvg%3E", own)
    assert _css_urls("a{background:url('https://x.example/a.png')} @import \"b.css\";") == [
        "https://x.example/a.png",
        "b.css",
    ]


def test_no_web_fonts_and_no_material_search_index(built_site: BuiltSite) -> None:
    root: Path = built_site.root
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for host in (b"fonts.googleapis", b"fonts.gstatic"):
            assert host not in data, f"{host.decode()} in {path.relative_to(root)}"
    assert not (root / "search" / "search_index.json").exists()
    assert not (root / "search").exists()
    for path in built_site.html_files():
        page = parse_html(path)
        rel = path.relative_to(root).as_posix()
        assert "search/search_index.json" not in page.source, rel
        # Material's bundle only fetches its search index for a search component.
        assert page.find_all(data_md_component="search") == [], rel
