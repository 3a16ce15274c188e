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

import contextlib
import gzip
import hashlib
import os
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .build import build_site, source_date_epoch
from .deploy import check_release_settings
from .history import (
    RELEASE_ENV,
    GitError,
    Release,
    git,
    notes_markdown,
    parse_version,
    release_for,
    tag_commit,
    version_tags,
)
from .problems import format_text
from .project import Layout
from .schemas import ConfigError
from .statement import RESULTS_ENV
from .validate import validate_project

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
        raise ConfigError(
            f"'{text}' är inte ett versionsnummer. Skriv till exempel 1.2.0 "
            "(major.minor.patch, utan mellanslag)."
        )
    return version


def _git(root: Path, *args: str) -> str:
    try:
        return git(root, *args).decode("utf-8", "replace")
    except GitError as exc:
        raise ConfigError(f"En utgåva kräver git: {exc}.") from None


def check_clean(root: Path) -> None:
    """ConfigError when the work tree has changes or files that git does not ignore."""
    status = _git(root, "status", "--porcelain", "-z", "--untracked-files=normal", "--", ".")
    # Entries are "XY path"; a rename adds the old path as an entry of its own.
    files = [entry[3:] for entry in status.split("\0") if len(entry) > 3 and entry[2] == " "]
    if not status.strip("\0"):
        return
    shown = "\n".join(f"  {f}" for f in files[:10])
    more = f"\n  ... och {len(files) - 10} till" if len(files) > 10 else ""
    raise ConfigError(
        "Arbetskopian har ändringar som inte är incheckade, så utgåvan skulle inte motsvara "
        f"en commit:\n{shown}{more}\nChecka in ändringarna eller ta bort dem (git status visar "
        "dem) och försök igen."
    )


def check_tag(root: Path, version: str) -> None:
    """A tag for this version is fine on HEAD and refused anywhere else."""
    head = _git(root, "rev-parse", "HEAD").strip()
    for name in (f"v{version}", version):
        commit = tag_commit(root, name)
        if commit and commit != head:
            raise ConfigError(
                f"Taggen {name} finns redan och pekar på en annan commit ({commit[:12]}). "
                "Välj ett nytt versionsnummer, eller checka ut den taggade commiten."
            )


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


@contextlib.contextmanager
def _env(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


ACCESSIBILITY_TESTS = Path("tests") / "browser" / "test_accessibility.py"
ACCESSIBILITY_RESULTS = Path("tests") / "browser" / ".results" / "axe.json"


def run_accessibility_tests(root: Path) -> Path | None:
    """Run axe-core in Chromium on every page type; their report goes into the statement.

    A project without the test file (a copy of the content only) is released without
    results, and the accessibility statement says so. Failing tests stop the release.
    """
    if not (root / ACCESSIBILITY_TESTS).is_file():
        return None
    results = root / ACCESSIBILITY_RESULTS
    results.unlink(missing_ok=True)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ACCESSIBILITY_TESTS)],
        cwd=root,
        check=False,
    )
    if proc.returncode != 0 or not results.is_file():
        raise ReleaseProblems(
            "Tillgänglighetstesterna gick inte igenom. Rätta bristerna innan du ger ut en version."
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
        raise ConfigError(f"Versionshistoriken går inte att läsa: {exc}.") from None
    site = (site_dir or root / "site").absolute()
    results = run_accessibility_tests(root) if accessibility else None
    with contextlib.ExitStack() as stack:
        stack.enter_context(_env(RELEASE_ENV, version))
        if results is not None:
            stack.enter_context(_env(RESULTS_ENV, str(results)))
        status = build_site(layout, site, quiet=quiet)
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
