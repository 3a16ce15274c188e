"""Organisations written inline in two near-identical ways in different cases (issue 14).

The fixture project names "Exempelby kommun" inline in two cases (line 10 of
cases/exempelby-digitala-larm.md and line 12 of cases/norrfors-skolmaltider.md); each test
adds cases that spell an organisation in another way and expects the problem at the less
common spelling.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from test_problems import VALID_CASE, line_of, replace

from kunskapsbank.config import open_layout
from kunskapsbank.content.checks.orgnames import Mention, near_names
from kunskapsbank.content.model import build_collection
from kunskapsbank.content.organisations import build_directory
from kunskapsbank.content.registry import name_key
from kunskapsbank.content.schemas import load_schemas
from kunskapsbank.content.validate import validate_project
from kunskapsbank.errors.catalogue import Problem
from kunskapsbank.site.plan import check_and_render

REPO = Path(__file__).resolve().parents[2]
FIRST = "cases/exempelby-digitala-larm.md"  # "Exempelby kommun" at line 10
CODE = "organisation-spelling"


def write_case(project: Path, slug: str, name: str) -> str:
    text = replace(VALID_CASE, "  - name: Exempelby kommun\n", f"  - name: {name}\n")
    (project / "cases" / f"{slug}.md").write_text(text, encoding="utf-8")
    return text


def spelling_problems(project: Path) -> list[Problem]:
    return [p for p in validate_project(open_layout(project)).problems if p.code == CODE]


def directory(project: Path):  # noqa: ANN201
    layout = open_layout(project)
    schemas = load_schemas(layout.schemas_dir)
    result = validate_project(layout, schemas=schemas)
    collection = build_collection(layout, schemas, result.cases, result.guides)
    return build_directory(collection.cases, result.registry, schemas.vocabularies["lan"])


def test_the_less_common_spelling_is_reported_at_its_file_and_line(project: Path) -> None:
    text = write_case(project, "ystad-fall", "Exempelbys kommun")
    (found,) = spelling_problems(project)
    line = line_of(text, "Exempelbys kommun")
    assert (found.file, found.line, found.column, found.field) == (
        "cases/ystad-fall.md",
        line,
        text.split("\n")[line - 1].index("Exempelbys") + 1,
        "organisations[0].name",
    )
    assert "'Exempelbys kommun'" in found.message
    assert f"'Exempelby kommun' i {FIRST} (rad 10)" in found.message
    assert (found.hint or "").startswith("Menade ni 'Exempelby kommun'?")
    assert "data/organisations.yaml" in (found.hint or "")


def test_on_a_tie_the_later_file_is_reported(project: Path) -> None:
    write_case(project, "a-fall", "Nyby kommunalförbund")
    write_case(project, "b-fall", "Nybys kommunalförbund")
    (found,) = spelling_problems(project)
    assert found.file == "cases/b-fall.md"
    assert "'Nyby kommunalförbund' i cases/a-fall.md" in found.message


def test_one_page_for_a_spelling_in_other_letter_case_and_still_a_problem(
    project: Path,
) -> None:
    text = write_case(project, "ystad-fall", '"Exempelby  Kommun "')
    (found,) = spelling_problems(project)
    assert (found.file, found.line) == ("cases/ystad-fall.md", line_of(text, "Exempelby  Kommun"))
    assert "Fallen visas redan på samma sida" in (found.hint or "")
    pages = directory(project)
    assert [o.slug for o in pages.organisations].count("exempelby-kommun") == 1
    # The page shows the name of the newest case first: why the spelling is still a problem.
    org = pages.by_slug["exempelby-kommun"]
    assert {" ".join(org.name.split()), *org.names} == {"Exempelby Kommun", "Exempelby kommun"}
    assert not any(o.slug.startswith("exempelby-kommun-") for o in pages.organisations)


def test_white_space_alone_is_no_problem_and_no_other_name(project: Path) -> None:
    write_case(project, "ystad-fall", '"  Exempelby   kommun "')
    assert spelling_problems(project) == []
    assert directory(project).by_slug["exempelby-kommun"].names == []


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Exempelkommun 12", "Exempelkommun 13"),  # numbers tell them apart
        ("Innovationsbolaget A", "Innovationsbolaget B"),  # so does a short word of their own
        ("Norrby kommun", "Söderby kommun"),  # not near at all
    ],
)
def test_different_organisations_are_no_problem(project: Path, one: str, other: str) -> None:
    write_case(project, "a-fall", one)
    write_case(project, "b-fall", other)
    assert spelling_problems(project) == []


def test_a_name_in_the_registry_is_left_to_the_registry(project: Path) -> None:
    (project / "data").mkdir()
    (project / "data" / "organisations.yaml").write_text(
        "- id: nyby-kommun\n  name: Nyby kommun\n  aliases: [Nybys kommun]\n  org_type: kommun\n"
        "  lan: skane\n  website: https://nyby.example/upphandling/\n"
        "  source: https://nyby.example/om/\n  verified: 2026-11-01\n",
        encoding="utf-8",
    )
    write_case(project, "a-fall", "Nyby kommun")
    write_case(project, "b-fall", "Nybys kommun")
    assert validate_project(open_layout(project)).problems == []


def test_validate_json_names_file_and_line_and_the_build_stops(project: Path, run_cli) -> None:
    text = write_case(project, "ystad-fall", "Exempelbyy kommun")
    proc = run_cli("validate", "--project", str(project), "--format", "json")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    (found,) = json.loads(proc.stdout)
    assert (found["file"], found["line"], found["code"]) == (
        "cases/ystad-fall.md",
        line_of(text, "Exempelbyy kommun"),
        CODE,
    )
    # The build reads each case once and keeps only the data of a valid one: the names
    # travel with it, so the build finds the same problem.
    result, _bodies = check_and_render(open_layout(project))
    assert [(p.file, p.code) for p in result.problems] == [("cases/ystad-fall.md", CODE)]


def test_the_synthetic_corpus_has_no_near_duplicates(project: Path) -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from synthetic import write_cases
    finally:
        sys.path.remove(str(REPO / "scripts"))
    write_cases(project / "cases", 120, load_schemas(project / "schemas"))
    assert spelling_problems(project) == []
    # The same names at the scale of the benchmark, straight into the check.
    names = [f"Exempelkommun {i}" for i in range(1, 5001)]
    names += [f"Påhittat företag {i % 97}" for i in range(1, 5001)]
    mentions = [
        Mention(f"cases/{i:05d}.md", 10, 11, 0, n, name_key(n)) for i, n in enumerate(names)
    ]
    assert near_names(mentions) == []
