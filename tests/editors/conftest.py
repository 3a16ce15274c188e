"""Helpers for the contributor and editor commands: an empty project and a filled-in case."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kunskapsbank.config import open_layout
from kunskapsbank.content.validate import validate_project

REPO = Path(__file__).resolve().parents[2]

# What a contributor writes instead of each placeholder, by field.
VALUES = {
    "title": "Ett påhittat fall för testerna",
    "summary": "En påhittad sammanfattning som är lång nog för att uppfylla regeln om minst "
    "fyrtio tecken.",
    "case_type": "upphandling",
    "status": "pagaende",
    "period.start": "2025-03",
    "organisations[0].name": "Testkommunen",
    "organisations[0].org_type": "kommun",
    "organisations[0].role": "upphandlande",
    "lan[0]": "skane",
    "themes[0]": "behov",
    "lessons[0].text": "En påhittad lärdom som är lång nog för att räknas.",
    "sources[0].title": "Påhittad källa",
    "evidence": "sjalvrapporterad",
}
BODY_TEXT = "Ett påhittat stycke text."
PLACEHOLDER = re.compile(r"<<[^\n]*?>>")


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    """A project with the real schemas and no content."""
    root = tmp_path / "tomt"
    (root / "cases").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text("site_name: Testprojekt\n", encoding="utf-8")
    shutil.copytree(REPO / "schemas", root / "schemas")
    return root


def fill(root: Path, rel: str, values: dict[str, str] | None = None) -> None:
    """Fill in every placeholder the validator reports, as the comments tell a person to."""
    values = {**VALUES, **(values or {})}
    path = root / rel
    result = validate_project(open_layout(root), [path])
    lines = path.read_text(encoding="utf-8").split("\n")
    for p in result.problems:
        assert p.code == "placeholder", p
        value = values[p.field] if p.field else BODY_TEXT
        lines[p.line - 1] = PLACEHOLDER.sub(value, lines[p.line - 1], count=1)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def filled() -> Callable[..., None]:
    return fill
