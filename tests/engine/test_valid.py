"""The fixture project and the real repository validate without problems."""

from __future__ import annotations

from pathlib import Path

from kunskapsbank.config import open_layout
from kunskapsbank.content.validate import validate_project

REPO = Path(__file__).resolve().parents[2]


def test_fixture_project_has_no_problems(project: Path) -> None:
    result = validate_project(open_layout(project))
    assert result.problems == []
    assert result.ok
    # Two cases, docs/index.md and two guidance pages.
    assert result.checked == 5
    assert sorted(d.rel for d in result.cases) == [
        "cases/exempelby-digitala-larm.md",
        "cases/norrfors-skolmaltider.md",
    ]
    assert sorted(d.rel for d in result.guides) == [
        "docs/index.md",
        "docs/vagledning/behovet.md",
        "docs/vagledning/mandat.md",
    ]


def test_fixture_project_parses_the_frontmatter(project: Path) -> None:
    result = validate_project(open_layout(project))
    by_rel = {d.rel: d for d in result.cases}
    draft = by_rel["cases/norrfors-skolmaltider.md"].data
    assert draft is not None
    assert draft["draft"] is True
    assert draft["related_cases"] == ["exempelby-digitala-larm"]
    full = by_rel["cases/exempelby-digitala-larm.md"].data
    assert full is not None
    # Dates stay text; the schema decides what a date looks like.
    assert full["published"] == "2026-01-15"
    assert full["related_guidance"] == ["vagledning/mandat"]


def test_fixture_project_cli_exit_0(project: Path, run_cli) -> None:
    proc = run_cli("validate", "--project", str(project))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Inga problem hittades" in proc.stdout
    assert proc.stdout.strip().splitlines()[-1].startswith("Inga problem hittades")


def test_real_repository_validates(run_cli, monkeypatch) -> None:
    # The repository's dates are real (data/networks.yaml was checked after the tests'
    # fixed date), so it is checked against the real date.
    monkeypatch.delenv("KUNSKAPSBANK_TODAY")
    proc = run_cli("validate", "--project", str(REPO))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Inga problem hittades" in proc.stdout
