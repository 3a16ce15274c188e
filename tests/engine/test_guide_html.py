"""Guidance pages go through the same sanitizer and URL policy as cases."""

from __future__ import annotations

import pytest

from kunskapsbank.render.guide_html import sanitize_guide

ENGINE = '<form id="kb-search-form"><script src="../assets/sok.js" defer></script></form>'


def clean(html: str, page: str = "om/") -> str:
    return sanitize_guide(html, page, {"sok": lambda: ENGINE})


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVa&#x53;cript:alert(1)">x</a>',
        '<a href="java&#9;script:alert(1)">x</a>',
        '<a href="//evil.example/">x</a>',
        '<a href="\\\\evil.example/">x</a>',
        '<a href="../../../../etc/">x</a>',
        '<img src="https://evil.example/p.png">',
        '<img src="data:image/png;base64,AAAA">',
        '<iframe src="https://evil.example/"></iframe>',
        '<form action="https://evil.example/"><input name="q"></form>',
        '<svg onload="alert(1)"></svg>',
        '<div style="background:url(https://evil.example/)">x</div>',
        '<object data="x.swf"></object>',
        '<base href="https://evil.example/">',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    ],
)
def test_hostile_markup_in_a_guide_is_removed(hostile: str) -> None:
    out = clean(f"<p>Före</p>{hostile}<p>Efter</p>")
    for bad in ("<script", "onerror", "onload", "javascript", "evil.example", "data:",
                "<iframe", "<form", "<svg", "style=", "<object", "<base", "<meta", "etc/"):  # fmt: skip
        assert bad not in out.lower(), out
    assert "<p>Före</p>" in out and "<p>Efter</p>" in out


def test_editors_markup_survives() -> None:
    html = (
        '<h2 id="roller">Roller</h2><div class="admonition note"><p class="admonition-title">'
        'Obs</p><p>Text</p></div><div class="kb-start"><p>Start</p></div>'
        '<table><thead><tr><th align="left">A</th></tr></thead></table>'
        '<dl><dt>Term</dt><dd>Förklaring</dd></dl><abbr title="Lagen om offentlig upphandling">'
        'LOU</abbr><a href="../vagledning/mandat/#roller">Mandat</a>'
        '<a href="https://www.upphandlingsmyndigheten.se/">UHM</a>'
    )
    out = clean(html)
    for kept in (
        '<h2 id="roller">',
        '<div class="admonition note">',
        '<p class="admonition-title">',
        '<div class="kb-start">',
        '<th align="left">',
        "<dl><dt>Term</dt><dd>",
        '<abbr title="Lagen om offentlig upphandling">',
        'href="../vagledning/mandat/#roller"',
        'href="https://www.upphandlingsmyndigheten.se/"',
    ):
        assert kept in out, (kept, out)


def test_classes_outside_the_allow_list_are_dropped() -> None:
    out = clean('<div class="admonition md-sidebar kb-start"><p class="x">t</p></div>')
    assert 'class="admonition kb-start"' in out and "md-sidebar" not in out
    assert '<p class="x"' not in out


def test_markers_become_engine_html_after_sanitizing() -> None:
    out = clean("<p>Sök:</p>\n<!-- kunskapsbank:sok -->\n<!-- kunskapsbank:okand -->")
    assert ENGINE in out
    assert "kunskapsbank:" not in out and "KBMARKER" not in out


def test_validator_reports_html_a_guide_may_not_hold(project) -> None:
    from kunskapsbank.config import open_layout
    from kunskapsbank.content.validate import validate_project

    page = project / "docs" / "vagledning" / "farlig.md"
    page.write_text(
        "---\ntitle: En sida med skript\n---\n\n# Rubrik\n\n"
        '<div class="admonition note">Ok</div>\n\n<script>alert(1)</script>\n\n'
        "Text med `<iframe>` i kod och <iframe src=x></iframe>.\n\n"
        '<a class="md-button" href="JaVaScRiPt:alert(1)">Klicka</a>\n',
        encoding="utf-8",
    )
    found = [
        (p.code, p.line, p.column)
        for p in validate_project(open_layout(project)).problems
        if p.file == "docs/vagledning/farlig.md"
    ]
    assert ("guide-html", 9, 1) in found
    assert ("guide-html", 11, 31) in found  # the one outside the code span
    assert not [f for f in found if f[1] == 7]
    assert ("link-scheme", 13, 28) in found  # a URL in a raw HTML attribute is checked too
