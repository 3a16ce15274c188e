"""``kunskapsbank new-case``: the template, its placeholders and its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from kunskapsbank.cli.main import main
from kunskapsbank.config import open_layout
from kunskapsbank.content.model import RESERVED_SLUGS
from kunskapsbank.content.schemas import load_schemas
from kunskapsbank.content.validate import validate_project

from .conftest import PLACEHOLDER, REPO


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def live_placeholder_lines(text: str) -> list[int]:
    """Line numbers of placeholders outside comments (commented-out fields do not count)."""
    return [
        n
        for n, line in enumerate(text.split("\n"), 1)
        if PLACEHOLDER.search(line) and not line.lstrip().startswith("#")
    ]


def test_new_case_writes_every_field_and_section(project: Path, capsys) -> None:
    code, out, err = run(capsys, "new-case", "mitt-fall", "--project", str(project))
    assert code == 0, err
    path = project / "cases" / "mitt-fall.md"
    assert "Skapade cases/mitt-fall.md" in out
    assert "kunskapsbank validate cases/mitt-fall.md" in out
    text = path.read_text(encoding="utf-8")
    schemas = load_schemas(REPO / "schemas")
    case = schemas.raw["case"]
    for key, prop in case["properties"].items():
        # Required fields are live, optional ones commented out; each has its explanation.
        marker = f"\n{key}:" if key in case["required"] else f"\n# {key}:"
        assert marker in text, key
        assert f"# {prop['title']}: " in text, key
    for term in schemas.vocabularies["case_type"].terms:
        assert f"{term.id} ({term.label})" in text
    for term in schemas.vocabularies["lan"].terms:
        assert f"{term.id} ({term.label})" in text
    sections = case["x-body"]["sections"]
    body = text.split("\n---\n", 1)[1]
    positions = [body.index(f"## {s}\n") for s in sections]
    assert positions == sorted(positions)


def test_scaffold_fails_with_one_problem_per_placeholder(project: Path, capsys) -> None:
    code, out, _ = run(capsys, "new-case", "mitt-fall", "--project", str(project))
    assert code == 0
    path = project / "cases" / "mitt-fall.md"
    text = path.read_text(encoding="utf-8")
    expected = live_placeholder_lines(text)
    result = validate_project(open_layout(project), [path])
    assert {p.code for p in result.problems} == {"placeholder"}
    assert [p.line for p in result.problems] == expected
    assert f"de {len(expected)} platshållarna" in out
    # Everything a contributor must choose is a placeholder; the dates are today.
    fields = {p.field for p in result.problems}
    assert {"title", "summary", "organisations[0].name", "lessons[0].text"} <= fields
    assert {"sources[0].title", "case_type", "lan[0]", "themes[0]"} <= fields
    body_problems = [p for p in result.problems if not p.field]
    assert len(body_problems) == 3
    assert "published: 2026-11-29" in text and "last_reviewed: 2026-11-29" in text
    # The message names the placeholder and the column points at it.
    title = next(p for p in result.problems if p.field == "title")
    line = text.split("\n")[title.line - 1]
    assert line[title.column - 1 :].startswith('"<<')
    assert "inte ifyllt" in title.message and "<<Skriv fallets titel>>" in title.message
    assert title.hint


def test_cli_exit_status_for_an_unfilled_case(project: Path, capsys) -> None:
    run(capsys, "new-case", "mitt-fall", "--project", str(project))
    code, out, _ = run(capsys, "validate", "--project", str(project), "--format", "json")
    assert code == 1
    assert out.count('"code": "placeholder"') == len(
        live_placeholder_lines((project / "cases" / "mitt-fall.md").read_text(encoding="utf-8"))
    )


def test_filling_the_placeholders_makes_the_case_valid(empty_project: Path, filled) -> None:
    assert main(["new-case", "mitt-fall", "--project", str(empty_project)]) == 0
    filled(empty_project, "cases/mitt-fall.md")
    text = (empty_project / "cases" / "mitt-fall.md").read_text(encoding="utf-8")
    assert live_placeholder_lines(text) == []
    result = validate_project(open_layout(empty_project))
    assert result.problems == []


def test_placeholder_replaces_the_schema_problem(empty_project: Path, filled) -> None:
    """A placeholder in a vocabulary field gives one problem, not also 'vocabulary'."""
    assert main(["new-case", "mitt-fall", "--project", str(empty_project)]) == 0
    path = empty_project / "cases" / "mitt-fall.md"
    filled(empty_project, "cases/mitt-fall.md")
    text = path.read_text(encoding="utf-8")
    text = text.replace('role: "upphandlande"', 'role: "<<Välj roll>>"')
    text = text.replace('lan:\n  - "skane"', 'lan: "<<Välj län>>"')
    path.write_text(text, encoding="utf-8")
    problems = validate_project(open_layout(empty_project)).problems
    assert [(p.code, p.field) for p in problems] == [
        ("placeholder", "organisations[0].role"),
        ("placeholder", "lan"),
    ]


def test_title_option_fills_the_title(empty_project: Path, capsys) -> None:
    code, _, _ = run(
        capsys,
        "new-case",
        "mitt-fall",
        "--title",
        'Ett fall med "citat" och kolon: här',
        "--project",
        str(empty_project),
    )
    assert code == 0
    result = validate_project(open_layout(empty_project))
    assert "title" not in {p.field for p in result.problems}
    assert result.cases[0].data["title"] == 'Ett fall med "citat" och kolon: här'


@pytest.mark.parametrize(
    "slug",
    ["Mitt_Fall", "ab", "x" * 81, "mitt-fall.md", "mitt-fall-", "mitt--fall", "räksmörgås"],
)
def test_invalid_slug_is_refused(project: Path, capsys, slug: str) -> None:
    before = sorted(p.name for p in (project / "cases").iterdir())
    code, out, err = run(capsys, "new-case", slug, "--project", str(project))
    assert code == 2
    assert "går inte att använda som namn på ett fall" in err
    assert "kunskapsbank new-case " in err  # a suggestion
    assert sorted(p.name for p in (project / "cases").iterdir()) == before


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_reserved_slug_is_refused(project: Path, capsys, slug: str) -> None:
    code, _, err = run(capsys, "new-case", slug, "--project", str(project))
    assert code == 2
    assert "används redan av webbplatsens egna sidor" in err
    assert not (project / "cases" / f"{slug}.md").exists()


def test_existing_file_is_left_untouched(project: Path, capsys) -> None:
    path = project / "cases" / "exempelby-digitala-larm.md"
    before = path.read_bytes()
    code, _, err = run(capsys, "new-case", "exempelby-digitala-larm", "--project", str(project))
    assert code == 2
    assert "finns redan" in err
    assert path.read_bytes() == before
