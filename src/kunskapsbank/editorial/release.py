"""``kunskapsbank release``: check, build and package one version of the site.

A release needs a clean git tree (what is released is exactly a commit) and a
valid project. It builds the site into ``site/`` and writes to ``dist/``:

- ``kunskapsbank-<version>.tar.gz``: the site, packed reproducibly (sorted
  entries, every time set to SOURCE_DATE_EPOCH of the commit, owner 0 without
  names, gzip header time 0): the same site files always give the same bytes,
  and two builds of one commit give the same site files.
- ``RELEASE-NOTES-<version>.md``: the changes since the previous release tag;
- ``SHA256SUMS``: checksums of both, in the format of ``sha256sum``.

Nothing is written to the tree itself: the version history page is made from
the git tags when the site is built (see ``history``).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

from kunskapsbank.config import RELEASE_ENV, RESULTS_ENV, Layout
from kunskapsbank.content.validate import validate_project
from kunskapsbank.editorial.deploy import check_release_settings
from kunskapsbank.errors.catalogue import ConfigError
from kunskapsbank.errors.printers import format_text
from kunskapsbank.site.build import build_site, source_date_epoch
from kunskapsbank.versions.history import (
    GitError,
    Release,
    git,
    notes_markdown,
    parse_version,
    release_for,
    tag_commit,
    version_tags,
)

ARCHIVE_NAME = "kunskapsbank-{version}.tar.gz"
NOTES_NAME = "RELEASE-NOTES-{version}.md"
SUMS_NAME = "SHA256SUMS"
_SAFE_VERSION = re.compile(r"[0-9][0-9A-Za-z.+-]*")


class ReleaseProblems(Exception):
    """The project has content problems; ``report`` is the validation output."""

    def __init__(self, report: str):
        super().__init__(report)
        self.report = report


@dataclass(slots=True)
class ReleaseResult:
    version: str
    release: Release
    site_dir: Path
    archive: Path
    notes: Path
    sums: Path


def check_version(text: str) -> str:
    """``1.2.0`` or ``v1.2.0`` -> ``1.2.0``; ConfigError for anything else."""
    version = text[1:] if text[:1] in ("v", "V") else text
    if not _SAFE_VERSION.fullmatch(version) or parse_version(version) is None:
        raise ConfigError("version-invalid", value=text)
    return version


def _git(root: Path, *args: str) -> str:
    try:
        return git(root, *args).decode("utf-8", "replace")
    except GitError as exc:
        raise ConfigError("git-required", reason=exc) from None


def check_clean(root: Path) -> None:
    """ConfigError when the work tree has changes or files that git does not ignore."""
    status = _git(root, "status", "--porcelain", "-z", "--untracked-files=normal", "--", ".")
    # Entries are "XY path"; a rename adds the old path as an entry of its own.
    files = [entry[3:] for entry in status.split("\0") if len(entry) > 3 and entry[2] == " "]
    if not status.strip("\0"):
        return
    shown = "\n".join(f"  {f}" for f in files[:10])
    more = f"\n  ... och {len(files) - 10} till" if len(files) > 10 else ""
    raise ConfigError("tree-dirty", files=f"{shown}{more}")


def check_tag(root: Path, version: str) -> None:
    """A tag for this version is fine on HEAD and refused anywhere else."""
    head = _git(root, "rev-parse", "HEAD").strip()
    for name in (f"v{version}", version):
        commit = tag_commit(root, name)
        if commit and commit != head:
            raise ConfigError("tag-elsewhere", name=name, commit=commit[:12])


def write_archive(site_dir: Path, target: Path, prefix: str, mtime: int) -> None:
    """A reproducible .tar.gz of ``site_dir`` with every entry under ``prefix/``."""
    paths = sorted(site_dir.rglob("*"), key=lambda p: p.relative_to(site_dir).as_posix())

    def info(name: str, *, directory: bool, size: int = 0) -> tarfile.TarInfo:
        entry = tarfile.TarInfo(name)
        entry.type = tarfile.DIRTYPE if directory else tarfile.REGTYPE
        entry.mode = 0o755 if directory else 0o644
        entry.size = size
        entry.mtime = mtime
        entry.uid = entry.gid = 0
        entry.uname = entry.gname = ""
        return entry

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    with (
        tmp.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT, encoding="utf-8") as tar,
    ):
        tar.addfile(info(prefix, directory=True))
        for path in paths:
            name = f"{prefix}/{path.relative_to(site_dir).as_posix()}"
            if path.is_dir() and not path.is_symlink():
                tar.addfile(info(name, directory=True))
            elif path.is_file():
                with path.open("rb") as fh:
                    tar.addfile(info(name, directory=False, size=path.stat().st_size), fh)
    os.replace(tmp, target)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sums(files: list[Path], target: Path) -> None:
    lines = [f"{sha256(p)}  {p.name}\n" for p in sorted(files, key=lambda p: p.name)]
    target.write_text("".join(lines), encoding="utf-8", newline="\n")


# The accessibility check a release runs, unless mkdocs.yml names another in
# extra.kunskapsbank.accessibility_check: {command: [...], results: path}. "{python}"
# in the command is this Python. The command writes axe's report to ``results``.
DEFAULT_ACCESSIBILITY_CHECK = {
    "command": [
        "{python}", "-m", "pytest", "-q", "-p", "no:cacheprovider",
        "tests/browser/test_accessibility.py",
    ],
    "results": "tests/browser/.results/axe.json",
}  # fmt: skip


def accessibility_check(layout: Layout) -> tuple[list[str], Path] | None:
    """The configured check as (command, results path), or None when the project has none."""
    configured = layout.settings.extra.get("accessibility_check", DEFAULT_ACCESSIBILITY_CHECK)
    if not configured:
        return None
    command = configured.get("command") if isinstance(configured, dict) else None
    results = configured.get("results") if isinstance(configured, dict) else None
    if not isinstance(command, list) or not command or not isinstance(results, str):
        raise ConfigError("config-accessibility-check")
    args = [sys.executable if part == "{python}" else str(part) for part in command]
    return args, layout.root / results


def run_accessibility_check(layout: Layout) -> Path | None:
    """Run the accessibility check (axe-core in Chromium on every page type by default);
    its report goes into the accessibility statement. A project whose check names a test
    file it does not have (a copy of the content only) is released without results, and
    the statement says so. A failing check stops the release."""
    check = accessibility_check(layout)
    if check is None:
        return None
    command, results = check
    if any(part.endswith(".py") and not (layout.root / part).is_file() for part in command[1:]):
        return None
    results.unlink(missing_ok=True)
    proc = subprocess.run(command, cwd=layout.root, check=False)
    if proc.returncode != 0 or not results.is_file():
        raise ReleaseProblems(
            "Tillgänglighetstesterna gick inte igenom. Rätta bristerna innan ni ger ut en version."
        )
    return results


def make_release(
    layout: Layout,
    version_text: str,
    *,
    site_dir: Path | None = None,
    quiet: bool = True,
    accessibility: bool = True,
) -> ReleaseResult:
    """Check, build and package. ConfigError (exit 2) or ReleaseProblems (exit 1) on refusal."""
    version = check_version(version_text)
    root = layout.root
    check_clean(root)
    check_tag(root, version)
    check_release_settings(layout.settings)
    result = validate_project(layout)
    if result.problems:
        raise ReleaseProblems(format_text(result.problems, result.checked))
    try:
        release = release_for(layout, version, version_tags(root))
    except GitError as exc:
        raise ConfigError("history-unreadable", reason=exc) from None
    site = (site_dir or root / "site").absolute()
    results = run_accessibility_check(layout) if accessibility else None
    env = {RELEASE_ENV: version}
    if results is not None:
        env[RESULTS_ENV] = str(results)
    status = build_site(layout, site, quiet=quiet, env=env)
    if status != 0:
        raise ReleaseProblems(f"Bygget misslyckades (status {status}). Se meddelandena ovan.")
    epoch = int(source_date_epoch(root) or 0)
    dist = root / "dist"
    archive = dist / ARCHIVE_NAME.format(version=version)
    write_archive(site, archive, f"kunskapsbank-{version}", epoch)
    notes = dist / NOTES_NAME.format(version=version)
    notes.write_text(notes_markdown(release, layout.settings.site_name), encoding="utf-8")
    sums = dist / SUMS_NAME
    write_sums([archive, notes], sums)
    return ReleaseResult(version, release, site, archive, notes, sums)
