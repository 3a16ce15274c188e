"""Case bodies render in GitHub's dialect (what contributors see in a pull request) and are sanitized."""

from __future__ import annotations

from pathlib import Path

import pytest

from kunskapsbank.config import open_layout
from kunskapsbank.content.loader import Document
from kunskapsbank.render.markdown import BodyRenderer

FIXTURE = Path(__file__).resolve().parents[1] / "site" / "fixtures" / "site-project"


@pytest.fixture(scope="module")
def renderer() -> BodyRenderer:
    return BodyRenderer(open_layout(FIXTURE), ["vagledning/mandat"])


def render(renderer: BodyRenderer, body: str) -> str:
    doc = Document(path=FIXTURE / "cases" / "exempel.md", rel="cases/exempel.md", body=body)
    return renderer.render(doc)


def test_table_keeps_column_alignment(renderer: BodyRenderer) -> None:
    html = render(renderer, "| År | Kostnad |\n|:---|---:|\n| 2024 | 10 |\n")
    assert '<th align="left">År</th>' in html
    assert '<td align="right">10</td>' in html


def test_list_directly_after_a_paragraph_is_a_list(renderer: BodyRenderer) -> None:
    # Python-Markdown needs a blank line here; GitHub's preview does not.
    html = render(renderer, "Vi gjorde tre saker:\n- behovsanalys\n- dialog\n")
    assert "<ul>\n<li>behovsanalys</li>" in html


def test_fenced_code_and_strikethrough(renderer: BodyRenderer) -> None:
    html = render(renderer, "~~gammalt~~ nytt\n\n```\n<b>kod</b>\n```\n")
    assert "<del>gammalt</del>" in html
    assert "<pre><code>&lt;b&gt;kod&lt;/b&gt;\n</code></pre>" in html


def test_allowed_inline_html_survives_and_other_html_does_not(renderer: BodyRenderer) -> None:
    body = (
        'H<sub>2</sub>O, <abbr title="Lagen om offentlig upphandling">LOU</abbr>, '
        "<kbd>Ctrl</kbd><br>\n\n<script>alert(1)</script>\n\n"
        '<div onclick="x()">klick</div> <img src="https://example.com/x.png" alt="x">\n'
    )
    html = render(renderer, body)
    assert "<sub>2</sub>" in html
    assert '<abbr title="Lagen om offentlig upphandling">LOU</abbr>' in html
    assert "<kbd>Ctrl</kbd><br>" in html
    for gone in ("<script", "onclick", "<div", "example.com"):
        assert gone not in html


def test_bare_urls_stay_text(renderer: BodyRenderer) -> None:
    html = render(renderer, "Se www.example.com och http://example.com.\n")
    assert "<a" not in html


def test_links_point_at_site_urls(renderer: BodyRenderer) -> None:
    html = render(
        renderer,
        "[Mandat](../docs/vagledning/mandat.md#roller) och [fall](golv-i-forskolan.md) "
        "och [farligt](javascript:alert(1)).\n",
    )
    assert 'href="../../vagledning/mandat/#roller"' in html
    assert 'href="../golv-i-forskolan/"' in html
    assert "javascript" not in html
