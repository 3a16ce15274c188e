"""The organisation registry and the organisations and contacts of cases: one test per problem.

Each test writes a registry (data/organisations.yaml) and maybe a case into a copy of
the fixture project, validates through the API and compares the problems with the
expected (code, line, field). Lines are computed from the text written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_problems import VALID_CASE, line_of, replace

from kunskapsbank.config import open_layout
from kunskapsbank.content.organisations import build_directory
from kunskapsbank.content.registry import looks_personal, luhn_digit
from kunskapsbank.content.schemas import load_schemas
from kunskapsbank.content.validate import validate_project
from kunskapsbank.errors.catalogue import CATALOGUE, Problem
from kunskapsbank.errors.organisation_codes import CODES
from kunskapsbank.urls import is_home_page

REGISTRY = "data/organisations.yaml"

VALID_REGISTRY = """\
# Ett påhittat register för testerna.
- id: exempelby-kommun
  name: Exempelby kommun
  aliases: [Exempelby]
  org_type: kommun
  lan: skane
  org_number: "212000-1124"
  website: https://exempelby.example/naringsliv/upphandling/
  contact:
    label: Upphandlingsenheten
    email: upphandling@exempelby.example
    phone: "0411-57 70 00"
  source: https://exempelby.example/kontakt/
  verified: 2026-11-01

- id: fiktiva-verket
  name: Fiktiva verket
  org_type: statlig-myndighet
  lan: riket
  website: https://fiktiva.example/om-oss/
  contact:
    label: Växel
    url: https://fiktiva.example/kontakt/
  source: https://fiktiva.example/om-oss/
  verified: 2026-11-01
"""


def write(root: Path, registry: str, case: str | None = None) -> list[Problem]:
    (root / "data").mkdir(exist_ok=True)
    (root / REGISTRY).write_text(registry, encoding="utf-8")
    if case is not None:
        (root / "cases" / "testfall.md").write_text(case, encoding="utf-8")
    return validate_project(open_layout(root)).problems


def found(problems: list[Problem], file: str) -> list[tuple[str, int, str]]:
    return [(p.code, p.line, p.field) for p in problems if p.file == file]


def test_a_valid_registry_and_case_have_no_problems(project: Path) -> None:
    case = replace(VALID_CASE, "  - name: Exempelby kommun\n", "  - name: Exempelby\n")
    assert write(project, VALID_REGISTRY, case) == []


def test_every_new_code_has_a_swedish_entry() -> None:
    for code in CODES:
        entry = CATALOGUE[code]
        assert entry.title and entry.message and entry.hint


@pytest.mark.parametrize(
    ("old", "new", "code", "needle", "field"),
    [
        ('"212000-1124"', '"212000-1125"', "org-number-check-digit", "org_number", "org_number"),
        ('"212000-1124"', '"2120001124"', "org-number-format", "org_number", "org_number"),
        (
            "website: https://exempelby.example/naringsliv/upphandling/",
            "website: https://exempelby.example/",
            "url-not-deep",
            "website:",
            "website",
        ),
        (
            "email: upphandling@exempelby.example",
            "email: anna.svensson@exempelby.example",
            "contact-personal",
            "email:",
            "contact.email",
        ),
        ("  lan: skane\n", "  lan: skåne\n", "vocabulary", "lan: skåne", "lan"),
        (
            '    phone: "0411-57 70 00"\n',
            '    phone: "ring oss"\n',
            "phone-format",
            "phone:",
            "contact.phone",
        ),
        ("- id: exempelby-kommun", "- id: Exempelby_kommun", "org-id-format", "- id:", "id"),
    ],
)
def test_registry_problem_at_its_line(
    project: Path, old: str, new: str, code: str, needle: str, field: str
) -> None:
    text = replace(VALID_REGISTRY, old, new)
    problems = found(write(project, text), REGISTRY)
    assert problems == [(code, line_of(text, needle), f"[0].{field}")]
    hint = next(p.hint for p in write(project, text) if p.code == code)
    assert hint


def test_contact_without_a_way_to_reach_it(project: Path) -> None:
    text = replace(VALID_REGISTRY, "    url: https://fiktiva.example/kontakt/\n", "")
    assert found(write(project, text), REGISTRY) == [
        ("contact-missing-way", line_of(text, "label: Växel"), "[1].contact")
    ]


def test_duplicate_id(project: Path) -> None:
    text = replace(VALID_REGISTRY, "- id: fiktiva-verket", "- id: exempelby-kommun")
    problems = write(project, text)
    assert found(problems, REGISTRY) == [
        ("organisation-duplicate-id", line_of(text, "- id: exempelby-kommun", 2), "[1].id")
    ]
    assert f"rad {line_of(text, '- id: exempelby-kommun')}" in problems[0].message


def test_the_same_name_in_two_entries(project: Path) -> None:
    text = replace(
        VALID_REGISTRY,
        "  name: Fiktiva verket\n",
        "  name: Fiktiva verket\n  aliases: [EXEMPELBY]\n",
    )
    problems = write(project, text)
    assert found(problems, REGISTRY) == [
        ("organisation-duplicate-name", line_of(text, "[EXEMPELBY]"), "[1].aliases[0]")
    ]
    assert "exempelby-kommun" in problems[0].message


def test_a_registry_that_is_not_a_list(project: Path) -> None:
    assert found(write(project, "id: exempelby-kommun\nname: Exempelby\n"), REGISTRY) == [
        ("data-not-list", 1, "")
    ]


def test_unknown_id_in_a_case_suggests_by_name(project: Path) -> None:
    case = replace(
        VALID_CASE,
        "  - name: Exempelby kommun\n",
        "  - name: Exempelby kommun\n    id: exempelby\n",
    )
    problems = write(project, VALID_REGISTRY, case)
    assert found(problems, "cases/testfall.md") == [
        ("organisation-unknown-id", line_of(case, "id: exempelby"), "organisations[0].id")
    ]
    assert "Menade du 'exempelby-kommun'" in (problems[0].hint or "")


def test_unknown_id_in_a_case_suggests_by_spelling(project: Path) -> None:
    case = replace(
        VALID_CASE,
        "  - name: Exempelby kommun\n",
        "  - name: Kommunen i Exempelby\n    id: exempelby-komun\n",
    )
    problems = write(project, VALID_REGISTRY, case)
    assert [p.code for p in problems] == ["organisation-unknown-id"]
    assert "Menade du 'exempelby-kommun'" in (problems[0].hint or "")


def test_a_name_close_to_a_registry_name(project: Path) -> None:
    case = replace(VALID_CASE, "  - name: Exempelby kommun\n", "  - name: Exempelbyn kommun\n")
    problems = write(project, VALID_REGISTRY, case)
    assert found(problems, "cases/testfall.md") == [
        ("organisation-near-duplicate", line_of(case, "Exempelbyn kommun"), "organisations[0].name")
    ]
    assert "id: exempelby-kommun" in (problems[0].hint or "")


def test_a_personal_contact_needs_consent(project: Path) -> None:
    case = replace(
        VALID_CASE,
        "    email: upphandling@exempelby.example\n",
        "    email: karin.berg@exempelby.example\n",
    )
    problems = write(project, VALID_REGISTRY, case)
    assert found(problems, "cases/testfall.md") == [
        ("contact-personal", line_of(case, "karin.berg"), "contacts[0].email")
    ]
    assert "personal_consent: true" in (problems[0].hint or "")
    consented = replace(
        case,
        "    email: karin.berg@exempelby.example\n",
        "    email: karin.berg@exempelby.example\n    personal_consent: true\n",
    )
    assert write(project, VALID_REGISTRY, consented) == []


def test_registry_problems_are_reported_by_validate_and_stop_the_build(
    project: Path, run_cli
) -> None:
    text = replace(VALID_REGISTRY, '"212000-1124"', '"212000-1125"')
    write(project, text)
    proc = run_cli("validate", "--project", str(project))
    assert proc.returncode == 1
    assert f"{REGISTRY}:{line_of(text, 'org_number')}:" in proc.stdout
    only = run_cli("validate", "--project", str(project), str(project / REGISTRY))
    assert only.returncode == 1 and "1 problem i 1 fil" in only.stdout


@pytest.mark.parametrize(
    ("email", "personal"),
    [
        ("anna.svensson@kommun.se", True),
        ("a.svensson@kommun.se", True),
        ("per-olof.berg@region.se", True),
        ("åsa.öberg@kommun.se", True),
        ("upphandling@kommun.se", False),
        ("info.upphandling@kommun.se", False),
        ("kontaktcenter@kommun.se", False),
        ("registrator.region@region.se", False),
        ("upphandling2@kommun.se", False),
    ],
)
def test_looks_personal(email: str, personal: bool) -> None:
    assert looks_personal(email) is personal


def test_luhn_and_home_pages() -> None:
    assert luhn_digit("212000112") == 4  # Malmö stad, 212000-1124
    assert luhn_digit("202100521") == 6  # Vinnova, 202100-5216
    assert is_home_page("https://www.x.se/") and is_home_page("https://www.x.se")
    assert not is_home_page("https://www.x.se/kontakt/")


def test_one_organisation_per_name_alias_or_id(project: Path) -> None:
    """Inline names, registry aliases and ids that mean one organisation give one page."""
    write(project, VALID_REGISTRY)
    layout = open_layout(project)
    schemas = load_schemas(layout.schemas_dir)
    result = validate_project(layout, schemas=schemas)
    from kunskapsbank.content.model import build_collection

    col = build_collection(layout, schemas, result.cases, result.guides)
    case = col.cases[0]
    case.data["organisations"] = [
        {"name": "EXEMPELBY", "org_type": "kommun", "role": "upphandlande"},
        {"name": "Kommunen", "id": "exempelby-kommun", "org_type": "kommun", "role": "partner"},
        {"name": "Nya Bolaget AB", "org_type": "foretag", "role": "leverantor"},
        {"name": "nya bolaget ab", "org_type": "foretag", "role": "partner"},
    ]
    directory = build_directory([case], result.registry, schemas.vocabularies["lan"])
    slugs = [o.slug for o in directory.of_case[case.slug]]
    assert slugs == ["exempelby-kommun", "exempelby-kommun", "nya-bolaget-ab", "nya-bolaget-ab"]
    org = directory.by_slug["exempelby-kommun"]
    assert org.lan == "skane" and org.name == "Exempelby kommun" and org.cases == [case]
    assert directory.by_slug["nya-bolaget-ab"].lan is None


def test_a_different_organisation_with_a_similar_name_is_no_problem(project: Path) -> None:
    # "Exempelö kommun" is not "Exempelby kommun" misspelt (like Åre and Ale kommun).
    case = replace(VALID_CASE, "  - name: Exempelby kommun\n", "  - name: Exempelö kommun\n")
    assert write(project, VALID_REGISTRY, case) == []


def test_an_unknown_id_gets_no_far_fetched_suggestion(project: Path) -> None:
    case = replace(
        VALID_CASE,
        "  - name: Exempelby kommun\n",
        "  - name: Karlby kommun\n    id: karlby-kommun\n",
    )
    problems = write(project, VALID_REGISTRY, case)
    assert [p.code for p in problems] == ["organisation-unknown-id"]
    assert "Menade du" not in (problems[0].hint or "")
    assert "data/organisations.yaml" in (problems[0].hint or "")


def test_lan_neighbours_are_symmetric_known_and_never_the_lan_itself() -> None:
    lan = load_schemas(Path(__file__).resolve().parents[2] / "schemas").vocabularies["lan"]
    neighbours = {t.id: list(t.extra["neighbours"]) for t in lan.terms}
    assert len(neighbours) == 22 and neighbours["gotland"] == [] and neighbours["riket"] == []
    for county, near in neighbours.items():
        assert county not in near and len(set(near)) == len(near)
        for other in near:
            assert county in neighbours[other], f"{county} -> {other} but not back"
