"""The ``kunskapsbank validate`` command: output formats, exit codes and paths."""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from kunskapsbank.cli.main import main

VALID = "cases/exempelby-digitala-larm.md"
JSON_KEYS = {"file", "line", "column", "field", "code", "message", "hint"}
GITHUB_LINE = re.compile(r"^::error file=([^,]+),line=(\d+),col=(\d+)(?:,title=[^:]*)?::\S.*$")
TEXT_LINE = re.compile(r"^(\S+\.md):(\d+):(\d+): \S.*$")
TOTAL_LINE = re.compile(r"^(\d+) problem i (\d+) fil(?:er)? \((\d+) fil(?:er)? kontrollerades\)")


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run the command in this process (fast); ``run_cli`` runs a real subprocess."""

    def run(*args: str, cwd: Path | None = None) -> Ran:
        capsys.readouterr()
        with contextlib.chdir(cwd) if cwd else contextlib.nullcontext():
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: --help and usage errors
                code = exc.code if isinstance(exc.code, int) else 2
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


def valid_case(project: Path) -> str:
    return (project / VALID).read_text(encoding="utf-8")


def mutate(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def write_bad_files(project: Path) -> dict[str, str]:
    """Five files with five different problems; returns file -> expected code."""
    case = valid_case(project)
    files = {
        "cases/a-fel-vokabular.md": (
            mutate(case, "org_type: kommun", "org_type: kommunn"),
            "vocabulary",
        ),
        "cases/b-framtida-datum.md": (
            mutate(case, "last_reviewed: 2026-03-01", "last_reviewed: 2026-12-24"),
            "date-in-future",
        ),
        "cases/c-skript.md": (
            mutate(case, "## Resultat\n", "## Resultat\n\n<script>alert(1)</script>\n"),
            "html-not-allowed",
        ),
        "cases/d-tom.md": ("", "file-empty"),
        "docs/vagledning/e-okant-falt.md": (
            (project / "docs/vagledning/behovet.md")
            .read_text(encoding="utf-8")
            .replace("owner:", "agare:"),
            "unknown-key",
        ),
    }
    for rel, (text, _code) in files.items():
        (project / rel).write_text(text, encoding="utf-8")
    return {rel: code for rel, (_text, code) in files.items()}


def json_problems(proc) -> list[dict]:
    data = json.loads(proc.stdout)
    assert isinstance(data, list)
    return data


# --- JSON -----------------------------------------------------------------------


def test_json_valid_project_is_an_empty_array(project: Path, cli) -> None:
    proc = cli("validate", "--project", str(project), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


def test_json_contract(project: Path, cli) -> None:
    expected = write_bad_files(project)
    proc = cli("validate", "--project", str(project), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    problems = json_problems(proc)
    assert problems
    for p in problems:
        assert set(p) == JSON_KEYS
        assert isinstance(p["file"], str)
        assert "\\" not in p["file"]
        assert not p["file"].startswith("/")
        assert (project / p["file"]).exists()
        assert isinstance(p["line"], int) and p["line"] >= 1
        assert isinstance(p["column"], int) and p["column"] >= 1
        assert isinstance(p["field"], str)
        assert isinstance(p["code"], str) and p["code"]
        assert isinstance(p["message"], str) and p["message"]
        assert p["hint"] is None or isinstance(p["hint"], str)
    keys = [(p["file"], p["line"]) for p in problems]
    assert keys == sorted(keys)
    assert {p["file"] for p in problems} == set(expected)


def test_json_example_from_the_contract(project: Path, cli) -> None:
    text = mutate(valid_case(project), "org_type: kommun", "org_type: kommunn")
    (project / "cases/fel-typ.md").write_text(text, encoding="utf-8")
    proc = cli("validate", "--project", str(project), "--format", "json")
    assert proc.returncode == 1
    lines = text.split("\n")
    line = next(i for i, s in enumerate(lines, start=1) if "org_type: kommunn" in s)
    [p] = json_problems(proc)
    assert p["file"] == "cases/fel-typ.md"
    assert (p["line"], p["column"]) == (line, lines[line - 1].index("kommunn") + 1)
    assert p["field"] == "organisations[0].org_type"
    assert p["code"] == "vocabulary"
    assert "kommunn" in p["message"]
    assert "'kommun'" in p["hint"]


def test_all_problems_from_many_files_in_one_run(project: Path, cli) -> None:
    expected = write_bad_files(project)
    proc = cli("validate", "--project", str(project), "--format", "json")
    assert proc.returncode == 1
    problems = json_problems(proc)
    reported = {(p["file"], p["code"]) for p in problems}
    for rel, code in expected.items():
        assert (rel, code) in reported, f"{rel}: {code} missing"
    files_in_order = list(dict.fromkeys(p["file"] for p in problems))
    assert files_in_order == sorted(expected)
    for rel in expected:
        lines = [p["line"] for p in problems if p["file"] == rel]
        assert lines == sorted(lines)


# --- text and GitHub ------------------------------------------------------------


def test_text_format(project: Path, cli) -> None:
    expected = write_bad_files(project)
    as_json = json_problems(cli("validate", "--project", str(project), "--format", "json"))
    proc = cli("validate", "--project", str(project))
    assert proc.returncode == 1
    out = proc.stdout.rstrip("\n").split("\n")
    located = [TEXT_LINE.match(line) for line in out]
    located = [m for m in located if m]
    assert [(m.group(1), int(m.group(2)), int(m.group(3))) for m in located] == [
        (p["file"], p["line"], p["column"]) for p in as_json
    ]
    total = TOTAL_LINE.match(out[-1])
    assert total, out[-1]
    assert int(total.group(1)) == len(as_json)
    assert int(total.group(2)) == len(expected)
    # Every other line is an indented hint.
    for line in out[:-1]:
        assert TEXT_LINE.match(line) or line.startswith("    Tips: ")


def test_text_format_valid_project(project: Path, cli) -> None:
    proc = cli("validate", "--project", str(project), "--format", "text")
    assert proc.returncode == 0
    assert proc.stdout.strip().splitlines() == ["Inga problem hittades. 5 filer kontrollerades."]


def test_github_format(project: Path, cli) -> None:
    write_bad_files(project)
    as_json = json_problems(cli("validate", "--project", str(project), "--format", "json"))
    proc = cli("validate", "--project", str(project), "--format", "github")
    assert proc.returncode == 1
    annotations = [GITHUB_LINE.match(line) for line in proc.stdout.splitlines()]
    annotations = [m for m in annotations if m]
    assert [(m.group(1), int(m.group(2)), int(m.group(3))) for m in annotations] == [
        (p["file"], p["line"], p["column"]) for p in as_json
    ]
    assert all(
        line.startswith("::error file=") or TOTAL_LINE.match(line)
        for line in proc.stdout.splitlines()
    )


# --- exit codes -------------------------------------------------------------------


def test_exit_0_and_1(project: Path, run_cli) -> None:
    assert run_cli("validate", "--project", str(project)).returncode == 0
    (project / "cases/d-tom.md").write_text("", encoding="utf-8")
    assert run_cli("validate", "--project", str(project)).returncode == 1


def test_exit_2_unknown_format(project: Path, run_cli) -> None:
    proc = run_cli("validate", "--project", str(project), "--format", "xml")
    assert proc.returncode == 2
    assert "Användning" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_exit_2_project_without_mkdocs_yml(tmp_path: Path, run_cli) -> None:
    folder = tmp_path / "inget-projekt"
    (folder / "cases").mkdir(parents=True)
    proc = run_cli("validate", "--project", str(folder))
    assert proc.returncode == 2
    assert "mkdocs.yml" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_exit_2_path_does_not_exist(project: Path, run_cli) -> None:
    proc = run_cli("validate", "--project", str(project), str(project / "cases/finns-inte.md"))
    assert proc.returncode == 2
    assert "finns-inte.md" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("schemas/case.schema.yaml", "type: [inte avslutad\n  properties: {\n"),
        ("schemas/guide.schema.yaml", "- en lista\n- i stället för en mappning\n"),
        ("schemas/vocabularies/lan.yaml", "title: Län\nentries: &a [*a]\n"),
    ],
    ids=["case-schema-yaml-syntax", "guide-schema-not-mapping", "vocabulary-broken"],
)
def test_exit_2_broken_schema(project: Path, run_cli, path: str, text: str) -> None:
    (project / path).write_text(text, encoding="utf-8")
    proc = run_cli("validate", "--project", str(project))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith("kunskapsbank: fel:")
    assert "Traceback" not in proc.stderr


def test_exit_2_invalid_json_schema(project: Path, run_cli) -> None:
    path = project / "schemas/case.schema.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("type: object\n", "type: objekt\n", 1), encoding="utf-8")
    proc = run_cli("validate", "--project", str(project))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert "schemas/case.schema.yaml är inte ett giltigt JSON Schema" in proc.stderr


# --- help -----------------------------------------------------------------------


@pytest.mark.parametrize("args", [["--help"], ["validate", "--help"]], ids=["main", "validate"])
def test_help_is_swedish(cli, args: list[str]) -> None:
    proc = cli(*args)
    assert proc.returncode == 0, proc.stderr
    assert "Användning" in proc.stdout
    assert "Flaggor" in proc.stdout
    assert "usage:" not in proc.stdout
    assert "options:" not in proc.stdout


def test_validate_help_lists_the_formats(cli) -> None:
    out = cli("validate", "--help").stdout
    for name in ("text", "github", "json", "--project"):
        assert name in out


# --- paths ----------------------------------------------------------------------


def test_project_root_found_upward_from_cwd(project: Path, run_cli) -> None:
    proc = run_cli("validate", cwd=project / "cases")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Inga problem hittades. 5 filer" in proc.stdout

    (project / "cases/d-tom.md").write_text("", encoding="utf-8")
    proc = run_cli("validate", "--format", "json", cwd=project / "cases")
    assert proc.returncode == 1
    assert [(p["file"], p["code"]) for p in json_problems(proc)] == [
        ("cases/d-tom.md", "file-empty")
    ]


def test_relative_path_from_a_subfolder(project: Path, cli) -> None:
    (project / "cases/d-tom.md").write_text("", encoding="utf-8")
    proc = cli("validate", "--format", "json", "d-tom.md", cwd=project / "cases")
    assert proc.returncode == 1
    assert [p["file"] for p in json_problems(proc)] == ["cases/d-tom.md"]


def test_single_path_only_reports_that_file(project: Path, cli) -> None:
    expected = write_bad_files(project)
    target = "cases/b-framtida-datum.md"
    proc = cli("validate", "--project", str(project), "--format", "json", str(project / target))
    assert proc.returncode == 1
    problems = json_problems(proc)
    assert problems
    assert {p["file"] for p in problems} == {target}
    assert {p["code"] for p in problems} == {expected[target]}

    proc = cli("validate", "--project", str(project), str(project / target))
    total = TOTAL_LINE.match(proc.stdout.splitlines()[-1])
    assert total, proc.stdout
    assert total.group(3) == "1"
    # Swedish singular: "1 fil", as in the line for a valid run.
    assert "(1 fil kontrollerades)" in proc.stdout


def test_single_valid_path_still_checks_references_against_the_project(project: Path, cli) -> None:
    # The related case exists in the project even though only one file is validated.
    proc = cli("validate", "--project", str(project), str(project / VALID))
    assert proc.returncode == 0, proc.stdout
    assert "Inga problem hittades. 1 fil kontrollerades." in proc.stdout


def test_path_outside_cases_and_docs_is_a_usage_error(project: Path, cli) -> None:
    proc = cli("validate", "--project", str(project), str(project / "mkdocs.yml"))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_python_m_kunskapsbank_help(run_cli) -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0
    assert "validate" in proc.stdout


@pytest.mark.parametrize("command", ["validate", "build", "serve", "new-case", "release", "report"])
def test_every_sub_command_has_swedish_help_with_one_usage_line(
    run_cli: Callable[..., subprocess.CompletedProcess[str]], command: str
) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Användning:") == 1, result.stdout
    assert "Flaggor" in result.stdout
    assert "usage:" not in result.stdout and "options:" not in result.stdout
