"""Property-based tests: whatever a contributed file holds, the validator answers, and fast.

Hypothesis writes random and adversarial files (frontmatter and body) and hands
each to the validator, as a case and as a guidance page, and to the renderers. Neither may raise, and each
example must finish within a generous per-example deadline: a backtracking
pattern on a long run of backticks or brackets would blow it by orders of
magnitude. (Speed figures belong in scripts/bench.py; the deadline only catches
runaway work.)
"""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kunskapsbank import urlpolicy
from kunskapsbank.config import open_layout
from kunskapsbank.content import body as body_scan
from kunskapsbank.content.loader import read_document
from kunskapsbank.content.schemas import load_schemas
from kunskapsbank.content.validate import Validator
from kunskapsbank.render.guide_html import sanitize_guide
from kunskapsbank.render.markdown import BodyRenderer

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "project"

# Pieces that made the old patterns backtrack, and Markdown that matters to the scan.
ADVERSARIAL = [
    "`",
    "``",
    "```",
    "#",
    " #",
    "[",
    "]",
    "](",
    "[a](",
    "![",
    "(",
    ")",
    "<",
    ">",
    "<a ",
    "\\",
    '"',
    "'",
    " ",
    "\t",
    "\n",
    "=",
    "-",
    "*",
    "&#x61;",
    "%2F",
    "javascript:",
    "//",
    "../",
    "<<",
    ">>",
    "---",
    ":",
    "\x00",
    "\x1b",
    "\u2028",
]
RUN_LENGTHS = st.integers(min_value=1, max_value=4000)


@st.composite
def adversarial_text(draw: st.DrawFn) -> str:
    """Runs of the pieces above, a few of them thousands of times over."""
    parts = draw(
        st.lists(st.tuples(st.sampled_from(ADVERSARIAL), RUN_LENGTHS), min_size=1, max_size=12)
    )
    return "".join(piece * min(count, 40_000 // len(piece)) for piece, count in parts)


BODIES = st.one_of(adversarial_text(), st.text(max_size=2000))
SCALARS = st.one_of(
    st.text(max_size=300),
    adversarial_text(),
    st.integers(),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False),
)


def _nested(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=20), children, max_size=4),
    )


VALUES = st.recursive(SCALARS, _nested, max_leaves=12)
KEYS = st.sampled_from(
    [
        "title",
        "summary",
        "period",
        "organisations",
        "lan",
        "sources",
        "published",
        "last_reviewed",
        "related_cases",
        "contacts",
        "status",
    ]
) | st.text(max_size=30)
FRONTMATTER = st.dictionaries(KEYS, VALUES, max_size=8)
RAW_FRONTMATTER = st.one_of(adversarial_text(), st.text(max_size=500))

SETTINGS = settings(
    max_examples=60,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(FIXTURE, root, symlinks=True)
    shutil.copytree(REPO / "schemas", root / "schemas")
    layout = open_layout(root)
    validator = Validator(layout, load_schemas(layout.schemas_dir))
    renderer = BodyRenderer(layout, validator.index.guide_keys)
    path = root / "cases" / "slumpfall.md"
    guide = root / "docs" / "vagledning" / "slumpsida.md"

    def check(text: str) -> None:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        guide.write_text(text, encoding="utf-8", errors="surrogatepass")
        for doc in (validator.check_case(path), validator.check_guide(guide)):
            for p in doc.problems:
                assert p.line >= 1 and p.column >= 1 and p.message
        read = read_document(path, "cases/slumpfall.md")
        renderer.render(read)
        sanitize_guide(renderer.render(read), "vagledning/slumpsida/", {})

    return check


@SETTINGS
@given(data=FRONTMATTER, body=BODIES)
def test_any_frontmatter_and_body(checker, data, body) -> None:
    checker("---\n" + json.dumps(data, ensure_ascii=False) + "\n---\n" + body)


@SETTINGS
@given(front=RAW_FRONTMATTER, body=BODIES)
def test_any_text(checker, front, body) -> None:
    checker("---\n" + front + "\n---\n" + body)


@SETTINGS
@given(line=adversarial_text())
def test_body_scan_and_url_policy_on_one_long_line(line) -> None:
    scan = body_scan.scan(line, 1)
    for link in scan.links:
        urlpolicy.refusal(body_scan.destination(link.target), "href", "fall/x/")
    urlpolicy.refusal(line, "src", "fall/x/")


def test_code_spans_are_blanked_like_markdown() -> None:
    line = "a `kod` b ``x ` y`` c ```"
    assert body_scan._blank_code_spans(line) == "a " + " " * 5 + " b " + " " * 9 + " c ```"


def test_a_line_of_unclosed_links_is_reported_not_scanned_forever() -> None:
    text = "[a](" * 50_000
    scan = body_scan.scan("Text\n\n" + text + "\n", 10)
    assert scan.complex_lines == [12]


def test_links_found_by_the_scanner() -> None:
    line = '[a](x.md) ![b](<assets/c d.png> "t") [c](y(1).md) [nej](z [ok](w)'
    links, complete = body_scan._inline_links(line)
    assert complete
    assert [(t, image) for t, image, _ in links] == [
        ("x.md", False),
        ("assets/c d.png", True),
        ("y(1).md", False),
        ("w", False),
    ]
