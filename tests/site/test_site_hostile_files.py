"""Files that may not be published stop the build; nothing of them reaches a site."""

from __future__ import annotations

from pathlib import Path

from sitetools import prepare_project, run_build

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def test_build_refuses_svg_markdown_html_and_symlinks(tmp_path: Path) -> None:
    project = prepare_project(tmp_path / "project")
    assets = project / "cases" / "assets"
    (assets / "skript.svg").write_bytes(SVG)
    (assets / "sida.md").write_text("# Sida\n\n<script>alert(1)</script>\n", encoding="utf-8")
    (project / "docs" / "vagledning" / "sida.html").write_text("<script>1</script>")
    outside = tmp_path / "utanfor"
    outside.mkdir()
    (outside / "hemlig.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    (project / "docs" / "lankad").symlink_to(outside, target_is_directory=True)
    site = tmp_path / "site"

    proc = run_build(project, site)

    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    for where in (
        "cases/assets/skript.svg:1:1",
        "cases/assets/sida.md:1:1",
        "docs/vagledning/sida.html:1:1",
        "docs/lankad:1:1",
    ):
        assert where in output, output
    assert not site.exists()
