"""Fixtures for the built-site tests: one build of tests/site/fixtures/site-project per session."""

from __future__ import annotations

import pytest
from sitetools import BuiltSite, prepare_project, run_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture project, built once with ``python -m kunskapsbank build``."""
    base = tmp_path_factory.mktemp("built")
    project = prepare_project(base / "project")
    site_dir = base / "site"
    proc = run_build(project, site_dir)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"the fixture project did not build:\n{output}"
    return BuiltSite(project, site_dir, output)
