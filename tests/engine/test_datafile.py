"""The shared steps of the data files (content/datafile.py): the same for all three files.

Each test breaks the file the same way for the registry, the networks and the search terms
and expects the same problem, at the same place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kunskapsbank.config import open_layout
from kunskapsbank.content.validate import validate_project
from kunskapsbank.errors.catalogue import ConfigError

FILES = ["data/organisations.yaml", "data/networks.yaml", "data/search-terms.yaml"]


def problems(project: Path, rel: str) -> list[tuple[str, int, int]]:
    result = validate_project(open_layout(project))
    return [(p.code, p.line, p.column) for p in result.problems if p.file == rel]


@pytest.mark.parametrize("rel", FILES)
def test_a_link_out_of_the_project_is_not_followed(project: Path, tmp_path: Path, rel: str) -> None:
    outside = tmp_path / "utanfor.yaml"
    outside.write_text("- id: hemlig\n", encoding="utf-8")
    (project / "data").mkdir(exist_ok=True)
    (project / rel).symlink_to(outside)
    assert problems(project, rel) == [("file-symlink", 1, 1)]


@pytest.mark.parametrize("rel", FILES)
def test_a_file_not_in_utf8_names_the_line(project: Path, rel: str) -> None:
    (project / "data").mkdir(exist_ok=True)
    (project / rel).write_bytes("# Förklaring\n\n- id: å\n".encode("latin-1"))
    assert problems(project, rel) == [("file-encoding", 1, 1)]
    found = validate_project(open_layout(project)).problems
    assert "rad 1" in next(p.message for p in found if p.file == rel)


@pytest.mark.parametrize("rel", FILES)
def test_a_file_over_the_size_limit(project: Path, rel: str, monkeypatch) -> None:
    monkeypatch.setenv("KUNSKAPSBANK_MAX_FILE_BYTES", "100")
    (project / "data").mkdir(exist_ok=True)
    (project / rel).write_text("# " + "x" * 200 + "\n", encoding="utf-8")
    assert problems(project, rel) == [("file-too-large", 1, 1)]


@pytest.mark.parametrize(("rel", "expected"), list(zip(FILES, [[], [], ["required"]], strict=True)))
def test_an_empty_file_is_an_empty_list_or_mapping(
    project: Path, rel: str, expected: list[str]
) -> None:
    # An empty list of organisations or networks is valid; the term file needs 'terms'.
    (project / "data").mkdir(exist_ok=True)
    (project / rel).write_text("", encoding="utf-8")
    assert [code for code, _line, _column in problems(project, rel)] == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("title: [\n", "schema-unreadable"),
        ("- a\n", "schema-not-mapping"),
        ("type: 5\n", "schema-invalid"),
    ],
)
def test_a_broken_data_file_schema_is_a_configuration_error(
    project: Path, text: str, code: str
) -> None:
    (project / "data").mkdir(exist_ok=True)
    (project / "data" / "networks.yaml").write_text("[]\n", encoding="utf-8")
    (project / "schemas" / "network.schema.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        validate_project(open_layout(project))
    assert caught.value.code == code
