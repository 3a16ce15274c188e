"""Strings are text: control characters, strict dates, CSV cells, XML and release notes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_problems import CASE_NAME, VALID_CASE, line_of, replace

from kunskapsbank.config import open_layout
from kunskapsbank.content.validate import validate_project
from kunskapsbank.editorial.report import Report
from kunskapsbank.editorial.report import format_text as report_text
from kunskapsbank.errors.catalogue import Problem
from kunskapsbank.errors.printers import format_github, format_text
from kunskapsbank.site.exports import escape, neutralise, quoteattr
from kunskapsbank.versions.history import md_text

CONTROLS = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, 0x85, 0x9B]]


def _problems(project: Path, text: str) -> list[Problem]:
    (project / "cases" / CASE_NAME).write_text(text, encoding="utf-8")
    result = validate_project(open_layout(project))
    return [p for p in result.problems if p.file == f"cases/{CASE_NAME}"]


@pytest.mark.parametrize("escape_seq", ["\\e", "\\x01", "\\a", "\\x7f", "\\x9b", "\\r", "\\0"])
def test_control_character_in_a_frontmatter_string(project: Path, escape_seq: str) -> None:
    title = 'title: "Testfall från Exempelby kommun"'
    text = replace(VALID_CASE, title, f'title: "Testfall{escape_seq} från Exempelby kommun"')
    found = [(p.code, p.line, p.field) for p in _problems(project, text)]
    assert found == [("string-control", line_of(text, "title:"), "title")]


def test_control_character_in_a_key(project: Path) -> None:
    text = replace(VALID_CASE, "evidence: sjalvrapporterad\n", '"evi\\edence": sjalvrapporterad\n')
    codes = {p.code for p in _problems(project, text)}
    assert "string-control" in codes


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('note: ["a", {"b": "x\\x07y"}]\n', "note[1].b"),  # deep in a flow collection
        ('"n\\x02ote": [a]\n', "n\x02ote"),  # a key, with a plain value
        ("note: ['a \\x07', \"b\"]\n", None),  # single-quoted: no escape
    ],
)
def test_control_character_from_an_escape_anywhere(project: Path, line: str, field: str) -> None:
    """Only a double-quoted scalar's escape can make a control character out of plain source
    text: each one is found where it is, and a backslash outside one is text."""
    text = replace(
        VALID_CASE, "evidence: sjalvrapporterad\n", "evidence: sjalvrapporterad\n" + line
    )
    problems = _problems(project, text)
    assert "yaml-syntax" not in {p.code for p in problems}
    found = [(p.code, p.line, p.field) for p in problems if p.code == "string-control"]
    expected = [("string-control", line_of(text, line.strip()), field)] if field else []
    assert found == expected


def test_tab_and_newline_are_text(project: Path) -> None:
    text = replace(
        VALID_CASE,
        'title: "Testfall från Exempelby kommun"',
        'title: "Testfall\\tfrån Exempelby\\nkommun"',
    )
    assert [p.code for p in _problems(project, text)] == []


@pytest.mark.parametrize("value", ['"2099-12-31\\n"', '"2026-01-15\\n"', '" 2026-01-15"'])
def test_date_with_white_space_is_not_a_date(project: Path, value: str) -> None:
    text = replace(VALID_CASE, "published: 2026-01-15", f"published: {value}")
    found = [(p.code, p.line) for p in _problems(project, text)]
    assert ("date-format", line_of(text, "published:")) in found


def test_month_with_trailing_newline_is_not_a_period_point(project: Path) -> None:
    start = next(line for line in VALID_CASE.splitlines() if "start:" in line)
    text = replace(VALID_CASE, start, '  start: "2024-01\\n"')
    found = [(p.code, p.line) for p in _problems(project, text)]
    assert ("period-format", line_of(text, "start:")) in found


def _problem(message: str) -> Problem:
    return Problem("cases/x\x1b[2J.md", 3, 1, "title", "date-format", message, "Tips\x07 här")


@pytest.mark.parametrize("formatter", [format_text, format_github])
def test_terminal_output_escapes_what_it_echoes(formatter) -> None:
    out = formatter([_problem("'2099-12-31\x1b]0;pwned\x07\n::error::fake' är fel")], 1)
    for ch in CONTROLS:
        assert ch not in out, repr(ch)
    assert "\\u001b" in out
    assert len(out.splitlines()) == (2 if formatter is format_github else 3)


def test_report_escapes_titles() -> None:
    report = Report("Sajt\x1b[31m", "2026-12-01", "2025-12-01", 0)
    out = report_text(report)
    assert "\x1b" not in out and "\\u001b" in out


def test_xml_stays_well_formed_whatever_a_string_holds() -> None:
    nasty = "".join(CONTROLS) + "\ufffe\uffff<&>\"'" + "\ud800"
    doc = f"<a t={quoteattr(nasty)}>{escape(nasty)}</a>"
    parsed = ET.fromstring(doc.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    assert "<&>" in parsed.text


@pytest.mark.parametrize(
    ("cell", "out"),
    [
        (
            '=HYPERLINK("https://evil.example","klick")',
            '\'=HYPERLINK("https://evil.example","klick")',
        ),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Ett fall = bra", "Ett fall = bra"),
        ("2024-01", "2024-01"),
    ],
)
def test_csv_cells_never_start_a_formula(cell: str, out: str) -> None:
    assert neutralise(cell) == out


def test_release_notes_quote_titles_as_text() -> None:
    title = "[klick](javascript:alert(1)) <img src=x onerror=alert(1)> @alla &amp; `x`\n# Rubrik"
    out = md_text(title)
    assert "\n" not in out
    for markup in ("[", "]", "(", "<", "@", "&", "`", "#"):
        assert all(out[i - 1] == "\\" for i, ch in enumerate(out) if ch == markup), markup
