"""Reproduce the JavaScript libraries vendored under docs/assets/vendor/ from npm.

The site loads nothing from another host, so the case form's libraries are
served from the site itself. This script fetches each pinned package with
``npm pack`` into a temporary folder, checks the tarball's SHA-256, and copies
the files the site uses, with the licence and a VERSION file.

    python scripts/vendor_js.py          # write docs/assets/vendor/
    python scripts/vendor_js.py --check  # exit 1 when the committed files differ

To update a library: change its version, run once to see the new checksum in
the error message, read the library's changelog, then put the checksum here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "docs" / "assets" / "vendor"
SOURCE_MAP = re.compile(rb"\n?//# sourceMappingURL=\S+\s*$")


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    sha256: str  # of the tarball npm pack downloads
    folder: str  # under docs/assets/vendor/
    files: dict[str, str]  # path in the tarball -> path under folder
    # The npm tarball of @cfworker/json-schema has no licence file; its LICENSE is the
    # MIT licence of the cfworker repository (LICENSE.md), committed next to the files.
    license_in_tarball: bool = True


PACKAGES = (
    Package(
        name="@cfworker/json-schema",
        version="4.1.6",
        sha256="816fd637a08f4ea48b17850ed1a91bc888100db893539c53237af9cb274886f5",
        folder="cfworker-json-schema",
        files={
            f"package/dist/esm/{n}.js": f"esm/{n}.js"
            for n in (
                "deep-compare-strict",
                "dereference",
                "format",
                "index",
                "pointer",
                "types",
                "ucs2-length",
                "validate",
                "validator",
            )
        },
        license_in_tarball=False,
    ),
    Package(
        name="js-yaml",
        version="4.1.1",
        sha256="948181607d4fb62dde7b9e04a62d89b20e62cd0c5659ceb711bc31768d00436f",
        folder="js-yaml",
        files={"package/dist/js-yaml.mjs": "js-yaml.mjs", "package/LICENSE": "LICENSE"},
    ),
)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pack(package: Package, tmp: Path) -> Path:
    spec = f"{package.name}@{package.version}"
    out = subprocess.run(
        ["npm", "pack", spec, "--json", "--pack-destination", str(tmp)],
        cwd=tmp,
        capture_output=True,
        text=True,
        check=True,
    )
    filename = json.loads(out.stdout)[0]["filename"]
    return tmp / filename


def contents(package: Package, tarball: Path) -> dict[str, bytes]:
    """The vendored files of ``package`` by their path under its folder."""
    digest = sha256(tarball.read_bytes())
    if digest != package.sha256:
        sys.exit(f"{package.name}@{package.version}: SHA-256 {digest}, expected {package.sha256}")
    out: dict[str, bytes] = {}
    with tarfile.open(tarball) as tar:
        meta = json.load(tar.extractfile("package/package.json"))  # type: ignore[arg-type]
        if meta["version"] != package.version or meta["license"] != "MIT":
            sys.exit(f"{package.name}: unexpected package.json {meta['version']} {meta['license']}")
        for source, target in package.files.items():
            data = tar.extractfile(source).read()  # type: ignore[union-attr]
            if target.endswith((".js", ".mjs")):
                data = SOURCE_MAP.sub(b"\n", data)  # the .map files are not vendored
            out[target] = data
    out["VERSION"] = (
        f"{package.name}@{package.version}\n"
        f"npm tarball sha256 {package.sha256}\n"
        "Made by scripts/vendor_js.py; do not edit.\n"
    ).encode()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    differ = []
    with tempfile.TemporaryDirectory() as tmp:
        for package in PACKAGES:
            folder = VENDOR / package.folder
            files = contents(package, pack(package, Path(tmp)))
            if not package.license_in_tarball and not (folder / "LICENSE").is_file():
                sys.exit(f"{folder}/LICENSE is missing: copy the licence from the upstream repo.")
            for rel, data in files.items():
                path = folder / rel
                if args.check:
                    if not path.is_file() or path.read_bytes() != data:
                        differ.append(str(path.relative_to(ROOT)))
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            if not args.check:
                print(f"{package.name}@{package.version} -> {folder.relative_to(ROOT)}")
    if differ:
        print("Differs from npm:\n  " + "\n  ".join(differ))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
