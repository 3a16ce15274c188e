"""The vendored JavaScript (docs/assets/vendor/) is what scripts/vendor_js.py pins.

Fetching from npm needs the network, so this test checks the committed side: every
package has its licence and a VERSION file naming the pinned version and checksum,
and no vendored file evaluates code from strings (the site's CSP has no 'unsafe-eval').
Run ``python scripts/vendor_js.py --check`` to compare the files with npm.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENDOR = REPO / "docs" / "assets" / "vendor"


def load_script():
    spec = importlib.util.spec_from_file_location("vendor_js", REPO / "scripts" / "vendor_js.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_vendored_files_match_the_pins() -> None:
    script = load_script()
    for package in script.PACKAGES:
        folder = VENDOR / package.folder
        version = (folder / "VERSION").read_text(encoding="utf-8").splitlines()
        assert version[0] == f"{package.name}@{package.version}"
        assert version[1] == f"npm tarball sha256 {package.sha256}"
        assert "MIT License" in (folder / "LICENSE").read_text(encoding="utf-8")
        for target in package.files.values():
            assert (folder / target).is_file(), target
    on_disk = {p.name for p in VENDOR.iterdir() if p.is_dir()}
    assert on_disk == {p.folder for p in script.PACKAGES}


def test_no_vendored_code_evaluates_strings() -> None:
    files = [*VENDOR.rglob("*.js"), *VENDOR.rglob("*.mjs"), REPO / "docs/assets/bidra.js"]
    assert len(files) > 5
    for path in files:
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"\bnew Function\s*\(|\beval\s*\(", code), path
        assert "sourceMappingURL" not in code, path  # the maps are not vendored
