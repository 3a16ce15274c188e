"""``kunskapsbank report``: review dates, drafts and counts, at a fixed date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kunskapsbank.cli.main import main

GUIDE = """---
title: "{title}"
summary: "En påhittad vägledningssida för att pröva rapporten över granskningar."
content_type: vagledning
audience: [alla]
owner: "Testredaktionen"
last_reviewed: {reviewed}
{extra}---

Text.
"""


def write_case(root: Path, filled, slug: str, *, reviewed: str, edits: dict[str, str]) -> None:
    assert main(["new-case", slug, "--project", str(root)]) == 0
    filled(root, f"cases/{slug}.md")
    path = root / "cases" / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("published: 2026-11-29", "published: 2025-01-01")
    text = text.replace("last_reviewed: 2026-11-29", f"last_reviewed: {reviewed}")
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def editors_project(empty_project: Path, filled, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = empty_project
    # Made on 2026-11-29 (the suite's date); the report runs on 2027-03-01.
    write_case(
        root,
        filled,
        "gammalt-fall",
        reviewed="2026-03-01",  # exactly 12 months before the report: due
        edits={
            'lan:\n  - "skane"': 'lan:\n  - "skane"\n  - "halland"',
            '# procedures:\n#   - "<<Välj förfaranden>>"': "procedures: [innovationspartnerskap]",
        },
    )
    write_case(
        root,
        filled,
        "nytt-fall",
        reviewed="2026-03-02",  # one day short of 12 months: not due
        edits={'themes:\n  - "behov"': "themes: [behov, risk]"},
    )
    write_case(
        root,
        filled,
        "utkast-fall",
        reviewed="2025-02-01",
        edits={"# draft: false": "draft: true", 'lan:\n  - "skane"': "lan: [norrbotten]"},
    )
    guides = root / "docs" / "vagledning"
    guides.mkdir()
    (guides / "planerad.md").write_text(
        GUIDE.format(
            title="Planerad granskning", reviewed="2026-12-01", extra="next_review: 2027-02-28\n"
        ),
        encoding="utf-8",
    )
    (guides / "aktuell.md").write_text(
        GUIDE.format(
            title="Aktuell sida", reviewed="2026-12-01", extra="next_review: 2027-03-01\n"
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("KUNSKAPSBANK_TODAY", "2027-03-01")
    return root


def report(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> str:
    capsys.readouterr()
    assert main(["report", "--project", str(root), *args]) == 0
    return capsys.readouterr().out


def test_json_report(editors_project: Path, capsys) -> None:
    data = json.loads(report(capsys, editors_project, "--format", "json"))
    assert data["today"] == "2027-03-01"
    assert data["problems"] == 0
    assert data["cases"] == 2 and data["guides"] == 2
    assert [d["slug"] for d in data["drafts"]] == ["utkast-fall"]
    due = {d["file"]: d["reasons"] for d in data["review_due"]}
    assert due == {
        "cases/gammalt-fall.md": ["last_reviewed"],
        "cases/utkast-fall.md": ["last_reviewed"],
        "docs/vagledning/planerad.md": ["next_review"],
    }
    counts = {key: {c["id"]: c["count"] for c in items} for key, items in data["counts"].items()}
    assert counts["lan"]["skane"] == 2
    assert counts["lan"]["halland"] == 1
    assert counts["lan"]["norrbotten"] == 0  # drafts are not counted
    assert len(counts["lan"]) == 22
    assert counts["themes"]["behov"] == 2 and counts["themes"]["risk"] == 1
    assert counts["procedures"]["innovationspartnerskap"] == 1
    labels = {c["id"]: c["label"] for c in data["counts"]["lan"]}
    assert labels["skane"] == "Skåne län"


def test_text_report_is_swedish(editors_project: Path, capsys) -> None:
    out = report(capsys, editors_project)
    assert out.startswith("Rapport för Testprojekt, 2027-03-01")
    assert "2 publicerade fall, 1 utkast och 2 vägledningssidor." in out
    assert "Behöver granskas (3):" in out
    assert "docs/vagledning/planerad.md: Planerad granskning" in out
    assert "nästa granskning var planerad till 2027-02-28" in out
    assert "senast granskad 2026-03-01" in out
    assert "Utkast (1):" in out
    assert "Fall per län (bara publicerade fall):" in out
    skane = next(line for line in out.splitlines() if "Skåne län" in line)
    assert skane.split()[-1] == "2"
    assert "Innovationspartnerskap" in out


def test_report_on_a_later_day(editors_project: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("KUNSKAPSBANK_TODAY", "2027-03-02")
    data = json.loads(report(capsys, editors_project, "--format", "json"))
    due = {d["file"] for d in data["review_due"]}
    assert "cases/nytt-fall.md" in due and "docs/vagledning/aktuell.md" in due
