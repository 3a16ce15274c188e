"""Each catalogue code that no other test produces, produced here through the real entry points.

Content problems are made by editing a valid fixture case one way at a time; configuration
errors by breaking a setting, a schema or a command line. Each test checks the code and
that the text reaching the user is the catalogue's Swedish text.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kunskapsbank.cli.main import main
from kunskapsbank.config import open_layout
from kunskapsbank.content.schemas import load_schemas
from kunskapsbank.content.validate import validate_project
from kunskapsbank.editorial.release import check_clean, check_tag, check_version, make_release
from kunskapsbank.editorial.scaffold import new_case
from kunskapsbank.errors.catalogue import CATALOGUE, ConfigError

CASE = "cases/exempelby-digitala-larm.md"


def edit(root: Path, old: str, new: str) -> None:
    path = root / CASE
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def codes(root: Path) -> set[str]:
    return {p.code for p in validate_project(open_layout(root)).problems}


# -- content problems -------------------------------------------------------------

CONTENT: dict[str, Callable[[Path], None]] = {
    "too-few": lambda r: edit(r, "themes:\n  - behov\n  - funktionskrav\n", "themes: []\n"),
    "too-many": lambda r: edit(
        r,
        "themes:\n  - behov\n  - funktionskrav\n",
        "themes: [behov, mandat, forankring, projektform, natverk, marknadsdialog, "
        "funktionskrav, risk, kompetens]\n",
    ),
    "not-unique": lambda r: edit(r, "  - skane\n  - halland\n", "  - skane\n  - skane\n"),
    "out-of-range": lambda r: edit(r, "year: 2024", "year: 1850"),
    "date-format": lambda r: (
        edit(r, "evidence: sjalvrapporterad\n", "evidence: sjalvrapporterad\n")
        or _set_date(r, "2026-13-01")
    ),
    "slug-format": lambda r: edit(r, "related_cases:\n", "related_cases:\n  - Inte Ett Namn\n"),
    "guide-path-format": lambda r: edit(
        r, "related_guidance:\n", "related_guidance:\n  - Vagledning/Mandat.md\n"
    ),
    "frontmatter-not-mapping": lambda r: (r / CASE).write_text(
        "---\n- en lista\n- i stället för fält\n---\n\n## Behov\n", encoding="utf-8"
    ),
    "file-unreadable": lambda r: (r / "cases" / "en-mapp.md").mkdir(),
}


def _set_date(root: Path, value: str) -> None:
    path = root / CASE
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = [f"published: {value}" if line.startswith("published:") else line for line in lines]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("code", sorted(CONTENT))
def test_content_problem(project: Path, code: str) -> None:
    CONTENT[code](project)
    found = validate_project(open_layout(project)).problems
    matching = [p for p in found if p.code == code]
    assert matching, [p.code for p in found]
    # The text is the catalogue's, filled in: the words before the first parameter agree.
    assert matching[0].message.startswith(CATALOGUE[code].message.split("{")[0])


def test_invalid_names_the_broken_rule_in_swedish(project: Path) -> None:
    # A schema rule without its own code: the message says which rule, in Swedish.
    path = project / "schemas" / "case.schema.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  case_type:\n    title: Typ av fall\n",
        "  case_type:\n    not: {const: projekt}\n    title: Typ av fall\n",
    )
    path.write_text(text, encoding="utf-8")
    edit(project, "case_type: upphandling", "case_type: projekt")
    problem = next(
        p for p in validate_project(open_layout(project)).problems if p.code == "invalid"
    )
    assert "värdet har en form som inte är tillåten" in problem.message


# -- configuration errors ------------------------------------------------------------


def raises(code: str, action: Callable[[], object]) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        action()
    assert caught.value.code == code
    assert caught.value.message and "Traceback" not in str(caught.value)
    return caught.value


def test_settings_errors(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_bytes(b"site_name: \xff\xfe\n")
    raises("config-unreadable", lambda: open_layout(project))
    config.write_text("- en lista\n", encoding="utf-8")
    raises("config-not-mapping", lambda: open_layout(project))
    config.write_text(
        original + "extra:\n  kunskapsbank:\n    publisher:\n      namn: X\n", encoding="utf-8"
    )
    raises("config-publisher", lambda: open_layout(project))
    config.write_text(original, encoding="utf-8")
    monkeypatch.setenv("KUNSKAPSBANK_MAX_FILE_BYTES", "en miljon")
    raises("config-integer", lambda: open_layout(project))
    monkeypatch.delenv("KUNSKAPSBANK_MAX_FILE_BYTES")
    monkeypatch.setenv("KUNSKAPSBANK_TODAY", "i går")
    raises("config-date", lambda: open_layout(project))


def test_accessibility_check_setting(project: Path) -> None:
    from kunskapsbank.editorial.release import accessibility_check

    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "extra:\n  kunskapsbank:\n    accessibility_check: {command: pytest}\n",
        encoding="utf-8",
    )
    raises("config-accessibility-check", lambda: accessibility_check(open_layout(project)))


SCHEMA_BREAKS: dict[str, Callable[[Path], None]] = {
    "schema-unreadable": lambda s: (s / "case.schema.yaml").write_bytes(b"title: \xff\n"),
    "schema-missing": lambda s: (s / "guide.schema.yaml").unlink(),
    "schema-not-mapping": lambda s: (s / "guide.schema.yaml").write_text("- a\n", "utf-8"),
    "vocabularies-missing": lambda s: _rmtree(s / "vocabularies"),
    "vocabulary-form": lambda s: (s / "vocabularies" / "lan.yaml").write_text("- a\n", "utf-8"),
    "vocabulary-entry": lambda s: (s / "vocabularies" / "lan.yaml").write_text(
        "title: Län\nentries:\n  - {id: skane}\n", "utf-8"
    ),
    "vocabulary-duplicate": lambda s: (s / "vocabularies" / "lan.yaml").write_text(
        "title: Län\nentries:\n  - {id: skane, label: Skåne}\n  - {id: skane, label: Skåne}\n",
        "utf-8",
    ),
    "vocabulary-unknown": lambda s: (s / "vocabularies" / "themes.yaml").rename(
        s / "vocabularies" / "teman.yaml"
    ),
}


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path)


@pytest.mark.parametrize("code", sorted(SCHEMA_BREAKS))
def test_schema_errors(project: Path, code: str) -> None:
    SCHEMA_BREAKS[code](project / "schemas")
    raises(code, lambda: load_schemas(project / "schemas"))


def test_schema_invalid(project: Path) -> None:
    path = project / "schemas" / "case.schema.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("minItems: 1", "minItems: -1", 1))
    raises("schema-invalid", lambda: load_schemas(project / "schemas"))


def test_command_line_errors(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    def status(*args: str) -> tuple[int, str]:
        code = main(list(args))
        return code, capsys.readouterr().err

    assert status("validate", "--project", str(tmp_path))[0] == 2
    monkeypatch.chdir(tmp_path)
    code, err = status("validate")
    assert code == 2 and CATALOGUE["project-not-found"].message in err
    monkeypatch.chdir(project)
    code, err = status("validate", "finns-inte.md")
    assert code == 2 and "finns-inte.md finns inte" in err
    code, err = status("validate", "mkdocs.yml")
    assert code == 2 and "ligger varken i cases/ eller docs/" in err
    for name, rows in (
        ("project-no-config", (tmp_path,)),
        ("path-missing", ()),
        ("path-outside", ()),
    ):
        assert CATALOGUE[name].message and rows is not None


def test_new_case_errors(project: Path) -> None:
    layout = open_layout(project)
    raises("slug-invalid", lambda: new_case(layout, "Med Mellanslag"))
    raises("slug-reserved", lambda: new_case(layout, "lan"))
    raises("case-exists", lambda: new_case(layout, "exempelby-digitala-larm"))


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_an_unknown_x_code_in_a_schema_stops_the_load(project: Path) -> None:
    path = project / "schemas" / "case.schema.yaml"
    text = path.read_text(encoding="utf-8").replace("x-code: email", "x-code: e-post-fel")
    path.write_text(text, encoding="utf-8")
    error = raises("schema-unknown-code", lambda: load_schemas(project / "schemas"))
    assert "e-post-fel" in error.message


def test_release_errors(project: Path) -> None:
    raises("version-invalid", lambda: check_version("ett.två"))
    raises("git-required", lambda: check_clean(project))
    git(project, "init", "-q", "-b", "main")
    git(project, "-c", "user.email=a@b.c", "-c", "user.name=T", "add", "-A")
    git(project, "-c", "user.email=a@b.c", "-c", "user.name=T", "commit", "-qm", "a")
    git(project, "tag", "v1.0.0")
    (project / "ny.txt").write_text("x", encoding="utf-8")
    raises("tree-dirty", lambda: check_clean(project))
    git(project, "-c", "user.email=a@b.c", "-c", "user.name=T", "add", "-A")
    git(project, "-c", "user.email=a@b.c", "-c", "user.name=T", "commit", "-qm", "b")
    raises("tag-elsewhere", lambda: check_tag(project, "1.0.0"))


def test_history_unreadable(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kunskapsbank.editorial import release
    from kunskapsbank.versions.history import GitError

    git(project, "init", "-q", "-b", "main")
    git(project, "-c", "user.email=a@b.c", "-c", "user.name=T", "add", "-A")
    git(project, "-c", "user.email=a@b.c", "-c", "user.name=T", "commit", "-qm", "a")

    def broken(*args: object, **kwargs: object) -> object:
        raise GitError("taggarna gick inte att läsa")

    monkeypatch.setattr(release, "version_tags", broken)
    monkeypatch.setattr(release, "check_release_settings", lambda settings: None)
    raises(
        "history-unreadable",
        lambda: make_release(open_layout(project), "1.0.0", accessibility=False),
    )


def test_a_line_too_tangled_to_check_is_a_problem(project: Path) -> None:
    # Thousands of unclosed link openings: the scanner's budget runs out, and the line
    # is reported instead of being passed unchecked.
    edit(project, "## Resultat\n", "## Resultat\n\n" + "[x](" * 2000 + "y)\n")
    found = [p for p in validate_project(open_layout(project)).problems if p.file == CASE]
    assert "link-complex" in {p.code for p in found}


def test_a_release_refuses_placeholder_addresses(project: Path) -> None:
    from kunskapsbank.editorial.deploy import check_release_settings

    layout = open_layout(project)  # the fixture's site_url and e-mail are placeholders
    error = raises("release-placeholder", lambda: check_release_settings(layout.settings))
    assert "Versionen ges inte ut" in error.message
