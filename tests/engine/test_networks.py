"""data/networks.yaml: every problem at its line, in validate, in the build and in the report.

Each test writes a networks file with one thing wrong into a copy of the fixture project
and compares the problems with the expected ``(code, line, field)``; lines are found in
the text that was written, not hard-coded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kunskapsbank.config import open_layout
from kunskapsbank.content.networks import load_networks
from kunskapsbank.content.schemas import load_schemas
from kunskapsbank.content.validate import validate_project
from kunskapsbank.editorial.report import format_text, make_report
from kunskapsbank.errors.catalogue import CATALOGUE
from kunskapsbank.site.plan import check_and_render

ENTRY = """\
- id: exempelby-natverk
  name: Exempelbys nätverk för innovationsupphandling
  type: natverk
  organiser: Exempelby kommun
  scope: [skane, riket]
  url: https://exempelby.example.org/natverk/innovationsupphandling/
  description: "Ett påhittat nätverk där upphandlare träffas och delar erfarenheter varje kvartal."
  checked: 2026-11-01
"""
SECOND = ENTRY.replace("exempelby-natverk", "exempelby-stod").replace("natverk\n", "stod\n")


def write(project: Path, text: str) -> Path:
    path = project / "data" / "networks.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the ``nth`` line that contains ``needle``."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[nth - 1]


def problems(project: Path) -> list[tuple[str, int, str]]:
    result = validate_project(open_layout(project))
    return [(p.code, p.line, p.field) for p in result.problems if p.file == "data/networks.yaml"]


def test_a_valid_file_has_no_problems_and_gives_its_entries(project: Path) -> None:
    write(project, ENTRY + "\n" + SECOND)
    layout = open_layout(project)
    entries, found, exists = load_networks(layout, load_schemas(layout.schemas_dir))
    assert exists and found == []
    assert [n.id for n in entries] == ["exempelby-natverk", "exempelby-stod"]
    assert entries[0].scope == ("skane", "riket")
    assert entries[1].line == line_of(ENTRY + "\n" + SECOND, "- id: exempelby-stod")
    result = validate_project(layout)
    assert result.ok and len(result.networks) == 2
    assert result.checked == len(layout.case_files()) + len(layout.guide_files()) + 1


def test_no_file_means_no_networks_and_no_problems(project: Path) -> None:
    result = validate_project(open_layout(project))
    assert result.ok and result.networks == []


# (name, text, expected [(code, needle for the line, field)])
BAD = [
    (
        "no url",
        ENTRY.replace("  url: https://exempelby.example.org/natverk/innovationsupphandling/\n", ""),
        [("network-url-missing", "- id: exempelby-natverk", "[0].url")],
    ),
    (
        "no checked date",
        ENTRY.replace("  checked: 2026-11-01\n", ""),
        [("network-checked-missing", "- id: exempelby-natverk", "[0].checked")],
    ),
    (
        "a bare home page",
        ENTRY.replace(
            "https://exempelby.example.org/natverk/innovationsupphandling/",
            "https://www.exempelby.example.org/",
        ),
        [("network-url-home", "  url:", "[0].url")],
    ),
    (
        "http, not https",
        ENTRY.replace("https://exempelby", "http://exempelby"),
        [("url-https", "  url:", "[0].url")],
    ),
    (
        "the same id twice",
        ENTRY + "\n" + SECOND.replace("exempelby-stod", "exempelby-natverk"),
        [("network-duplicate-id", "- id: exempelby-natverk\n2", "[1].id")],
    ),
    (
        "checked in the future",
        ENTRY.replace("2026-11-01", "2027-01-01"),
        [("date-in-future", "  checked:", "[0].checked")],
    ),
    (
        "checked not a date",
        ENTRY.replace("2026-11-01", "1 november 2026"),
        [("date-format", "  checked:", "[0].checked")],
    ),
    (
        "an unknown type",
        ENTRY.replace("type: natverk", "type: natverket"),
        [("vocabulary", "  type:", "[0].type")],
    ),
    (
        "an unknown county",
        ENTRY.replace("[skane, riket]", "[skane, ystad]"),
        [("vocabulary", "  scope:", "[0].scope[1]")],
    ),
    (
        "an unknown key",
        ENTRY + "  homepage: https://exempelby.example.org/\n",
        [("unknown-key", "  homepage:", "[0].homepage")],
    ),
    (
        "a mapping, not a list",
        ENTRY.replace("- id:", "id:").replace("\n  ", "\n"),
        [("data-not-list", "id: exempelby-natverk", "")],
    ),
    (
        "a list of texts",
        "- exempelby-natverk\n",
        [("data-not-list", "- exempelby-natverk", "[0]")],
    ),
    (
        "broken YAML",
        ENTRY.replace('description: "Ett', 'description: "Ett: "x" y'),
        [("yaml-syntax", "  description:", "")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), BAD, ids=[b[0] for b in BAD])
def test_each_problem_is_reported_at_its_line(
    project: Path, name: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    write(project, text)
    want = []
    for code, needle, field in expected:
        needle, _, nth = needle.partition("\n")
        want.append((code, line_of(text, needle, int(nth or 1)), field))
    assert problems(project) == want


def test_every_new_code_has_a_swedish_title_message_and_hint() -> None:
    for code in (
        "data-not-list",
        "network-duplicate-id",
        "network-url-missing",
        "network-checked-missing",
        "network-url-home",
    ):
        entry = CATALOGUE[code]
        assert entry.title and entry.message and entry.hint
        assert any(c in entry.message + entry.hint for c in "åäö"), code


def test_the_messages_name_the_entry_and_give_a_date(project: Path) -> None:
    write(project, ENTRY.replace("  checked: 2026-11-01\n", ""))
    (found,) = validate_project(open_layout(project)).problems
    assert "'exempelby-natverk'" in found.message
    assert "checked: 2026-11-29" in (found.hint or "")


def test_validate_cli_exits_1_and_prints_file_and_line(project: Path, run_cli) -> None:
    text = ENTRY.replace("  checked: 2026-11-01\n", "")
    write(project, text)
    proc = run_cli("validate", "--project", str(project), "--format", "json")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    (found,) = json.loads(proc.stdout)
    assert (found["file"], found["line"], found["code"]) == (
        "data/networks.yaml",
        line_of(text, "- id:"),
        "network-checked-missing",
    )


def test_the_build_stops_on_a_network_problem(project: Path) -> None:
    write(
        project,
        ENTRY.replace(
            "https://exempelby.example.org/natverk/innovationsupphandling/",
            "https://exempelby.example.org",
        ),
    )
    result, _bodies = check_and_render(open_layout(project))
    assert [p.code for p in result.problems] == ["network-url-home"]


def test_report_lists_entries_not_checked_in_12_months(project: Path, monkeypatch) -> None:
    old = SECOND.replace("2026-11-01", "2025-11-29")
    text = ENTRY + "\n" + old
    write(project, text)
    monkeypatch.setenv("KUNSKAPSBANK_TODAY", "2026-11-29")
    report = make_report(open_layout(project))
    assert report.networks == 2
    assert [(n.id, n.line, n.checked) for n in report.networks_due] == [
        ("exempelby-stod", line_of(text, "- id: exempelby-stod"), "2025-11-29")
    ]
    text_out = format_text(report)
    assert "Nätverk och stöd att kontrollera igen (1):" in text_out
    assert f"data/networks.yaml:{line_of(text, '- id: exempelby-stod')}:" in text_out


def test_validate_checks_the_file_when_it_is_named(project: Path, run_cli) -> None:
    path = write(project, ENTRY.replace("  checked: 2026-11-01\n", ""))
    named = run_cli("validate", str(path), cwd=project)
    assert named.returncode == 1, named.stdout + named.stderr
    assert "data/networks.yaml:1:3:" in named.stdout
    case = next((project / "cases").glob("*.md"))
    only_case = run_cli("validate", str(case), cwd=project)
    assert only_case.returncode == 0, only_case.stdout + only_case.stderr
