"""One URL policy, applied last: hostile links are reported at their line and never written.

Each hostile link is tried three ways: the policy function on its own, the
validator on a case that holds it (a problem at the link's line and column),
and the renderer (the link's URL never reaches the HTML).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_problems import CASE_NAME, VALID_CASE, body_append, column_of, line_of

from kunskapsbank import urlpolicy
from kunskapsbank.config import open_layout
from kunskapsbank.content.loader import read_document
from kunskapsbank.content.validate import validate_project
from kunskapsbank.render.markdown import BodyRenderer

OWN = "/fall/" + CASE_NAME.removesuffix(".md")

# Link as written in a case body -> the problem code the validator reports.
HOSTILE_LINKS = {
    "own-prefix-javascript": (f"[k]({OWN}/javascript:alert(1))", "url-unsafe"),
    "own-prefix-mixed-case": (f"[k]({OWN}/JaVaScRiPt:alert(1))", "url-unsafe"),
    "own-prefix-percent": (f"[k]({OWN}/javascript%3Aalert(1))", "url-unsafe"),
    "own-prefix-double-percent": (f"[k]({OWN}/javascript%253Aalert(1))", "url-unsafe"),
    "own-prefix-tab-in-scheme": (f"[k]({OWN}/java%09script:alert(1))", "url-unsafe"),
    "own-prefix-newline-in-scheme": (f"[k]({OWN}/java%0Ascript:alert(1))", "url-unsafe"),
    "own-prefix-entity": (f"[k]({OWN}/jav&#x61;script:alert(1))", "url-unsafe"),
    "own-prefix-data": (f"[k]({OWN}/data:text/html,hej)", "url-unsafe"),
    "own-prefix-vbscript": (f"[k]({OWN}/vbscript:x)", "url-unsafe"),
    "own-prefix-encoded-host": (f"[k]({OWN}/%2F%2Fevil.example/)", "url-unsafe"),
    "own-prefix-image-host": (f"![p]({OWN}/%2F%2Fevil.example/p.png)", "url-unsafe"),
    "own-prefix-backslash": (f"[k]({OWN}/\\\\evil.example/)", "url-host"),
    "protocol-relative": ("[k](//evil.example/x)", "url-host"),
    "protocol-relative-image": ("![p](//evil.example/p.png)", "url-host"),
    "backslash-host": ("[k](\\\\evil.example/x)", "url-host"),
    "slash-backslash-host": ("[k](/\\evil.example/x)", "url-host"),
    "nested-dotdot": ("[k](/fall/../../../etc/passwd)", "url-unsafe"),
    "own-prefix-dotdot": (f"[k]({OWN}/../../../x)", "url-unsafe"),
    "encoded-dotdot": ("[k](/fall/%2e%2e/%2E%2E/x)", "url-unsafe"),
    "javascript": ("[k](javascript:alert(1))", "link-scheme"),
    "javascript-entity": ("[k](&#106;avascript:alert(1))", "link-scheme"),
    "image-data": ("![p](data:image/png;base64,iVBORw0KGgo=)", "image-scheme"),
    "case-that-does-not-exist": ("[k](/fall/finns-inte/)", "link-missing"),
    "page-under-a-case": (f"[k]({OWN}/annat/)", "link-missing"),
    "facet-value-not-in-vocabulary": ("[k](/fall/lan/atlantis/)", "link-missing"),
    "facet-value-no-case-uses": ("[k](/fall/lan/gotland/)", "link-missing"),
}

SAFE_LINKS = (
    f"[k]({OWN}/)",
    "[k](/fall/)",
    "[k](/fall/lan/skane/)",
    "[k](/fall/lan/)",
    "[k](/fall/sida/2/)",
    "[k](https://example.org/a%20b?q=1#x)",
    "[k](mailto:info@example.org)",
    "[k](#behov)",
    "[k](/cases.csv)",
    "[k](/schemas/case.schema.json)",
)


def _write(project: Path, snippet: str) -> str:
    text = body_append(VALID_CASE, snippet)
    (project / "cases" / CASE_NAME).write_text(text, encoding="utf-8")
    return text


def _problems(project: Path):
    result = validate_project(open_layout(project))
    return [p for p in result.problems if p.file == f"cases/{CASE_NAME}"]


@pytest.mark.parametrize("name", list(HOSTILE_LINKS))
def test_hostile_link_is_reported_at_its_line(project: Path, name: str) -> None:
    snippet, code = HOSTILE_LINKS[name]
    text = _write(project, snippet)
    needle = snippet[snippet.index("(") + 1 :]
    found = [(p.code, p.line, p.column) for p in _problems(project)]
    assert found == [(code, line_of(text, snippet), column_of(text, needle))]
    problem = _problems(project)[0]
    assert problem.hint and problem.message


@pytest.mark.parametrize("name", list(HOSTILE_LINKS))
def test_hostile_link_never_reaches_the_html(project: Path, name: str) -> None:
    snippet, _code = HOSTILE_LINKS[name]
    _write(project, snippet)
    layout = open_layout(project)
    doc = read_document(project / "cases" / CASE_NAME, f"cases/{CASE_NAME}")
    html = BodyRenderer(layout, []).render(doc)
    for value in re.findall(r'(?:href|src)="([^"]*)"', html):
        assert urlpolicy.allowed(value, "href", "fall/testfall/"), value
        assert not re.search(r"(?i)script|data:|evil\.example", value), value
    assert "//evil" not in html and "\\evil" not in html


@pytest.mark.parametrize("snippet", SAFE_LINKS)
def test_links_to_pages_that_exist_pass(project: Path, snippet: str) -> None:
    _write(project, snippet)
    assert _problems(project) == []


@pytest.mark.parametrize(
    ("value", "attribute", "reason"),
    [
        ("javascript:alert(1)", "href", urlpolicy.SCHEME),
        ("JAVASCRIPT:alert(1)", "href", urlpolicy.SCHEME),
        ("java\tscript:alert(1)", "href", urlpolicy.CONTROL),
        (" javascript:alert(1)", "href", urlpolicy.CONTROL),
        ("java\x00script:alert(1)", "href", urlpolicy.CONTROL),
        ("java%09script:alert(1)", "href", urlpolicy.SCHEME),
        ("jav&#x61;script:alert(1)", "href", urlpolicy.SCHEME),
        ("javascript&colon;alert(1)", "href", urlpolicy.SCHEME),
        ("%6Aavascript:alert(1)", "href", urlpolicy.SCHEME),
        ("data:text/html,x", "href", urlpolicy.SCHEME),
        ("http://example.org/", "href", urlpolicy.SCHEME),
        ("//evil.example/", "href", urlpolicy.HOST),
        ("\\\\evil.example/", "href", urlpolicy.HOST),
        ("/\\evil.example/", "href", urlpolicy.HOST),
        ("%2F%2Fevil.example/", "href", urlpolicy.HOST),
        ("../../../x", "href", urlpolicy.OUTSIDE),
        ("%2e%2e/%2e%2e/%2e%2e/x", "href", urlpolicy.OUTSIDE),
        ("https://example.org/bild.png", "src", urlpolicy.EMBED_SCHEME),
        ("a.png 1x, https://evil.example/b.png 2x", "srcset", urlpolicy.EMBED_SCHEME),
        ("https://example.org/", "poster", urlpolicy.EMBED_SCHEME),
        ("javascript:alert(1)", "action", urlpolicy.SCHEME),
    ],
)
def test_policy_refuses(value: str, attribute: str, reason: str) -> None:
    assert urlpolicy.refusal(value, attribute, "fall/x/") == reason


@pytest.mark.parametrize(
    ("value", "attribute"),
    [
        ("https://example.org/a%20b?q=1#x", "href"),
        ("mailto:info@example.org", "href"),
        ("../../vagledning/mandat/#roller", "href"),
        ("../assets/golv.png", "src"),
        ("./", "href"),
        ("#behov", "href"),
        ("../assets/a.png 1x, ../assets/b.png 2x", "srcset"),
    ],
)
def test_policy_allows(value: str, attribute: str) -> None:
    assert urlpolicy.refusal(value, attribute, "fall/x/") is None


def test_image_with_a_space_in_its_name_is_written_encoded(project: Path) -> None:
    from shutil import copyfile

    assets = project / "cases" / "assets"
    copyfile(assets / "golv.png", assets / "mitt golv.png")
    _write(project, "![Golv](assets/mitt%20golv.png)")
    assert _problems(project) == []
    doc = read_document(project / "cases" / CASE_NAME, f"cases/{CASE_NAME}")
    html = BodyRenderer(open_layout(project), []).render(doc)
    assert 'src="../assets/mitt%20golv.png"' in html
