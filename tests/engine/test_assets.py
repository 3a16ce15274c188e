"""Assets are content, and symbolic links are never published."""

from __future__ import annotations

from pathlib import Path

import pytest

from kunskapsbank.config import open_layout
from kunskapsbank.content.assets import DEFAULT_MAX_ASSET_BYTES, published_assets
from kunskapsbank.content.validate import validate_project
from kunskapsbank.errors.catalogue import Problem

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def _problems(project: Path) -> list[Problem]:
    return validate_project(open_layout(project)).problems


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("x.html", b"<script>alert(1)</script>"),
        ("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("sida.md", b"# Rubrik\n\n<script>alert(1)</script>\n"),
        ("x.js", b"alert(1)"),
        ("bild.png", b"<script>alert(1)</script>"),
        ("bild.jpg", PNG),
        ("bild.gif", JPEG),
        ("BILD.PNG.html", PNG),
        (".htaccess", b"Options +Indexes"),
        ("undermapp/x.svg", b"<svg/>"),
    ],
)
def test_only_images_whose_bytes_match_are_published(
    project: Path, name: str, content: bytes
) -> None:
    path = project / "cases" / "assets" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    found = [(p.code, p.file, p.line) for p in _problems(project)]
    assert found == [("asset-type", f"cases/assets/{name}", 1)]
    assert path not in published_assets(open_layout(project))


@pytest.mark.parametrize(
    ("name", "content"), [("a.png", PNG), ("b.JPG", JPEG), ("c.gif", b"GIF89a" + b"\0" * 8)]
)
def test_allowed_images_pass(project: Path, name: str, content: bytes) -> None:
    path = project / "cases" / "assets" / name
    path.write_bytes(content)
    assert _problems(project) == []
    assert path in published_assets(open_layout(project))


def test_image_over_the_size_limit(project: Path) -> None:
    path = project / "cases" / "assets" / "stor.png"
    path.write_bytes(PNG + b"\0" * DEFAULT_MAX_ASSET_BYTES)
    assert [p.code for p in _problems(project)] == ["asset-too-large"]


def test_symlinked_asset_folder(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "hemligt"
    outside.mkdir()
    (outside / "id_rsa.png").write_bytes(PNG)
    folder = project / "cases" / "assets"
    for f in folder.iterdir():
        f.unlink()
    folder.rmdir()
    folder.symlink_to(outside, target_is_directory=True)
    found = [(p.code, p.file) for p in _problems(project) if not p.code.startswith("link-")]
    assert found == [("symlink", "cases/assets")]
    assert published_assets(open_layout(project)) == []


def test_symlinked_file_under_assets(project: Path, tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(PNG)
    (project / "cases" / "assets" / "x.png").symlink_to(tmp_path / "x.png")
    assert [(p.code, p.file) for p in _problems(project)] == [("symlink", "cases/assets/x.png")]
    assert project / "cases" / "assets" / "x.png" not in published_assets(open_layout(project))


def test_symlinked_case_inside_the_project(project: Path) -> None:
    link = project / "cases" / "kopia-av-fall.md"
    link.symlink_to(project / "cases" / "exempelby-digitala-larm.md")
    found = [(p.code, p.file) for p in _problems(project)]
    assert found == [("file-symlink", "cases/kopia-av-fall.md")]


def test_symlink_under_docs(project: Path, tmp_path: Path) -> None:
    docs = project / "docs"
    docs.mkdir(exist_ok=True)
    (tmp_path / "ute").mkdir()
    (docs / "extra").symlink_to(tmp_path / "ute", target_is_directory=True)
    assert [(p.code, p.file) for p in _problems(project)] == [("symlink", "docs/extra")]


def test_the_cases_folder_itself_is_a_symlink(project: Path, tmp_path: Path) -> None:
    real = tmp_path / "riktiga-fall"
    (project / "cases").rename(real)
    (project / "cases").symlink_to(real, target_is_directory=True)
    assert ("symlink", "cases") in [(p.code, p.file) for p in _problems(project)]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("vagledning/sida.html", "docs-file-type"),
        ("assets/x.html", "docs-file-type"),
        ("x.js", "docs-file-type"),
        ("vagledning/bild.svg", "docs-file-type"),
        ("vagledning/bild.png", "asset-type"),  # not PNG bytes
    ],
)
def test_docs_holds_pages_images_and_the_sites_own_code_only(
    project: Path, name: str, code: str
) -> None:
    path = project / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"<script>alert(1)</script>")
    assert [(p.code, p.file) for p in _problems(project)] == [(code, f"docs/{name}")]


@pytest.mark.parametrize("name", ["assets/egen.css", "assets/egen.js", "assets/ikon.svg", "a.pdf"])
def test_docs_may_hold_the_sites_own_code_and_pdf(project: Path, name: str) -> None:
    path = project / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"/* */")
    assert _problems(project) == []
