"""``kunskapsbank release`` and the version history page, in throwaway git repositories.

The site is built once for the whole module (release 1.1.0 after a tagged 1.0.0).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kunskapsbank.cli.main import main
from kunskapsbank.config import open_layout
from kunskapsbank.editorial.deploy import is_placeholder_host
from kunskapsbank.editorial.release import ReleaseResult, make_release, write_archive
from kunskapsbank.versions.history import release_for, version_tags

from .conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "project"
TODAY = "2026-11-29"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}
# Where a released site lives: the release workflow sets these from the repository.
DEPLOY_ENV = {
    "SITE_URL": "https://kunskapsbank.github.io/innovationsupphandling/",
    "KUNSKAPSBANK_EDITORS_EMAIL": "redaktionen@kunskapsbank.se",
}


def git(root: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-C", str(root), "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
        check=True,
    )
    return proc.stdout.strip()


def mkdocs_config() -> str:
    """The repository's mkdocs.yml without its navigation (the fixture has other pages)."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^nav:\n(?:[ \t]+.*\n|\n)*", "", text, flags=re.MULTILINE)
    return text.replace("site_name: Kunskapsbanken om innovationsupphandling", "site_name: Test")


def make_project(root: Path) -> Path:
    """The fixture project plus what a build needs, committed in a new git repository."""
    shutil.copytree(FIXTURE, root, symlinks=True)
    for folder in ("schemas", "hooks", "overrides", "docs/assets"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "docs" / "om").mkdir()
    shutil.copy(REPO / "docs" / "om" / "versioner.md", root / "docs" / "om" / "versioner.md")
    shutil.copy(REPO / ".gitignore", root / ".gitignore")
    (root / "mkdocs.yml").write_text(mkdocs_config(), encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Första versionen")
    return root


def retitle(source: Path, target: Path, title: str) -> None:
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", f'title: "{title}"', text, count=1, flags=re.MULTILINE)
    target.write_text(text, encoding="utf-8")


@dataclass
class Released:
    root: Path
    result: ReleaseResult
    epoch: int


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Released]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KUNSKAPSBANK_TODAY", TODAY)
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        mp.delenv("KUNSKAPSBANK_RELEASE_VERSION", raising=False)
        for key, value in {**GIT_ENV, **DEPLOY_ENV}.items():
            mp.setenv(key, value)
        root = tmp_path_factory.mktemp("release") / "projekt"
        cases = FIXTURE / "cases"
        make_project(root)
        base = cases / "exempelby-digitala-larm.md"
        retitle(base, root / "cases" / "ska-tas-bort.md", "Ett fall som tas bort i 1.1.0")
        retitle(base, root / "cases" / "orort-fall.md", "Ett fall som inte ändras")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Två fall till")
        git(root, "tag", "v1.0.0")
        # 1.1.0: one case added, one changed, one removed, one guidance page changed.
        retitle(base, root / "cases" / "nytt-fall.md", "Ett nytt fall i 1.1.0")
        retitle(base, root / "cases" / "exempelby-digitala-larm.md", "Exempelby, ny titel")
        (root / "cases" / "ska-tas-bort.md").unlink()
        mandat = root / "docs" / "vagledning" / "mandat.md"
        mandat.write_text(mandat.read_text(encoding="utf-8") + "\nEtt nytt stycke.\n")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Ändringar till 1.1.0")
        result = make_release(open_layout(root), "1.1.0")
        epoch = int(git(root, "log", "-1", "--format=%ct"))
        yield Released(root, result, epoch)


def test_notes_list_exactly_what_changed(released: Released) -> None:
    release = released.result.release
    assert release.previous == "v1.0.0"
    assert release.tag is None
    cases = {(c.status, c.key) for c in release.cases}
    assert cases == {
        ("added", "nytt-fall"),
        ("changed", "exempelby-digitala-larm"),
        ("removed", "ska-tas-bort"),
    }
    assert [(g.status, g.key) for g in release.guides] == [("changed", "vagledning/mandat")]
    notes = released.result.notes.read_text(encoding="utf-8")
    assert released.result.notes.name == "RELEASE-NOTES-1.1.0.md"
    assert notes.startswith("# Test 1.1.0\n")
    assert "Ändringar sedan v1.0.0." in notes
    assert "## Nya fall (1)\n\n- Ett nytt fall i 1.1.0 (`nytt-fall`)\n" in notes
    assert "## Ändrade fall (1)\n\n- Exempelby, ny titel (`exempelby-digitala-larm`)\n" in notes
    assert "## Borttagna fall (1)\n\n- Ett fall som tas bort i 1.1.0 (`ska-tas-bort`)\n" in notes
    assert "(`vagledning/mandat`, ändrad)" in notes
    assert "orort-fall" not in notes
    assert "norrfors" not in notes  # a draft is not part of a release


def test_archive_is_reproducible_and_anonymous(released: Released) -> None:
    archive = released.result.archive
    assert archive.name == "kunskapsbank-1.1.0.tar.gz"
    raw = archive.read_bytes()
    assert raw[:2] == b"\x1f\x8b" and raw[4:8] == b"\0\0\0\0"  # gzip header time 0
    assert raw[3] & 0x08 == 0  # no file name in the gzip header
    with tarfile.open(archive, "r:gz") as tar:
        members = tar.getmembers()
        names = [m.name for m in members]
        assert names == sorted(names)
        assert names[0] == "kunskapsbank-1.1.0"
        assert all(n == names[0] or n.startswith(names[0] + "/") for n in names)
        for m in members:
            assert (m.uid, m.gid, m.uname, m.gname) == (0, 0, "", "")
            assert m.mtime == released.epoch
            assert m.isdir() or m.isfile()
        site = released.result.site_dir
        files = {m.name.split("/", 1)[1] for m in members if m.isfile()}
        expected = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
        assert files == expected
        assert "fall/nytt-fall/index.html" in files
        assert "fall/ska-tas-bort/index.html" not in files
        index = tar.extractfile("kunskapsbank-1.1.0/index.html")
        assert index is not None and index.read() == (site / "index.html").read_bytes()


def test_same_site_gives_the_same_bytes(released: Released, tmp_path: Path) -> None:
    again = tmp_path / "igen.tar.gz"
    write_archive(released.result.site_dir, again, "kunskapsbank-1.1.0", released.epoch)
    assert again.read_bytes() == released.result.archive.read_bytes()
    with gzip.open(again) as fh:
        assert fh.read(1)  # a valid gzip stream


def test_checksums_match(released: Released) -> None:
    sums = released.result.sums
    assert sums.name == "SHA256SUMS"
    lines = sums.read_text(encoding="utf-8").splitlines()
    seen = {}
    for line in lines:
        digest, name = line.split("  ", 1)
        seen[name] = digest
    assert set(seen) == {"kunskapsbank-1.1.0.tar.gz", "RELEASE-NOTES-1.1.0.md"}
    for name, digest in seen.items():
        assert hashlib.sha256((sums.parent / name).read_bytes()).hexdigest() == digest


def test_version_page_lists_every_release(released: Released) -> None:
    page = (released.result.site_dir / "om" / "versioner" / "index.html").read_text("utf-8")
    assert page.index("Version 1.1.0") < page.index("Version 1.0.0")
    newest = page[page.index("Version 1.1.0") : page.index("Version 1.0.0")]
    assert '<a href="../../fall/nytt-fall/">Ett nytt fall i 1.1.0</a>' in newest
    assert "Ett fall som tas bort i 1.1.0" in newest  # removed: named, not linked
    assert "../../fall/ska-tas-bort/" not in newest
    oldest = page[page.index("Version 1.0.0") :]
    assert "Första utgåvan." in oldest
    assert "Ett fall som inte ändras" in oldest


def test_tree_stays_clean(released: Released) -> None:
    assert git(released.root, "status", "--porcelain") == ""


def test_notes_are_the_same_once_tagged(released: Released) -> None:
    root = released.root
    git(root, "tag", "-a", "v1.1.0", "-m", "Version 1.1.0")
    try:
        tagged = release_for(open_layout(root), "1.1.0", version_tags(root))
        assert tagged.tag == "v1.1.0"
        assert tagged.message == "Version 1.1.0"
        assert tagged.previous == "v1.0.0"
        assert tagged.cases == released.result.release.cases
    finally:
        git(root, "tag", "-d", "v1.1.0")
    git(root, "tag", "1.1.0")
    try:
        assert release_for(open_layout(root), "1.1.0", version_tags(root)).tag == "1.1.0"
    finally:
        git(root, "tag", "-d", "1.1.0")


def test_two_releases_of_one_commit_are_identical(released: Released, tmp_path: Path) -> None:
    """The second (and last) build of the suite: same commit, same archive bytes."""
    first = released.result.archive.read_bytes()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KUNSKAPSBANK_TODAY", TODAY)
        for key, value in DEPLOY_ENV.items():
            mp.setenv(key, value)
        again = make_release(open_layout(released.root), "1.1.0", site_dir=tmp_path / "site")
    assert again.archive.read_bytes() == first


# -- refusals (no build) ---------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key, value in {**GIT_ENV, **DEPLOY_ENV}.items():
        monkeypatch.setenv(key, value)
    return make_project(tmp_path / "projekt")


def release_cli(capsys: pytest.CaptureFixture[str], root: Path, version: str):
    capsys.readouterr()
    code = main(["release", version, "--project", str(root)])
    out, err = capsys.readouterr()
    return code, out, err


def test_dirty_tree_is_refused(repo: Path, capsys) -> None:
    (repo / "cases" / "nytt.md").write_text("---\n---\n", encoding="utf-8")
    code, _, err = release_cli(capsys, repo, "1.0.0")
    assert code == 2
    assert "inte är incheckade" in err and "cases/nytt.md" in err
    assert not (repo / "dist").exists() and not (repo / "site").exists()


def test_changed_tracked_file_is_refused(repo: Path, capsys) -> None:
    path = repo / "docs" / "index.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMer text.\n", encoding="utf-8")
    code, _, err = release_cli(capsys, repo, "1.0.0")
    assert code == 2
    assert "docs/index.md" in err


def test_invalid_project_is_refused_with_the_validation_output(repo: Path, capsys) -> None:
    path = repo / "cases" / "exempelby-digitala-larm.md"
    path.write_text(path.read_text(encoding="utf-8").replace("lan:", "lan_x:", 1), "utf-8")
    git(repo, "commit", "-q", "-am", "Fel")
    code, out, err = release_cli(capsys, repo, "1.0.0")
    assert code == 1
    assert "cases/exempelby-digitala-larm.md:" in out and "'lan_x'" in out
    assert "Ingen utgåva skapades." in err
    assert not (repo / "dist").exists()


@pytest.mark.parametrize("version", ["ett", "1.0 beta", "../1.0", ""])
def test_invalid_version_is_refused(repo: Path, capsys, version: str) -> None:
    code, _, err = release_cli(capsys, repo, version)
    assert code == 2
    assert "inte ett versionsnummer" in err


def test_tag_on_another_commit_is_refused(repo: Path, capsys) -> None:
    git(repo, "tag", "v1.0.0")
    (repo / "docs" / "index.md").write_text(
        "---\ntitle: Startsidan\n---\n\nNy text.\n", encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "Ny startsida")
    code, _, err = release_cli(capsys, repo, "v1.0.0")
    assert code == 2
    assert "Taggen v1.0.0 finns redan" in err


def test_placeholder_site_url_is_refused(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("SITE_URL")
    code, _, err = release_cli(capsys, repo, "1.0.0")
    assert code == 2
    assert "Versionen ges inte ut" in err
    assert "site_url är platshållaren 'https://kunskapsbank.example/'" in err
    assert "e-postadress" not in err
    assert not (repo / "dist").exists() and not (repo / "site").exists()


@pytest.mark.parametrize("email", ["", "redaktionen@kunskapsbank.example", "a@example.com"])
def test_placeholder_editors_email_is_refused(repo: Path, capsys, monkeypatch, email) -> None:
    monkeypatch.setenv("KUNSKAPSBANK_EDITORS_EMAIL", email)
    code, _, err = release_cli(capsys, repo, "1.0.0")
    assert code == 2
    assert "Redaktionens e-postadress" in err and "KUNSKAPSBANK_EDITORS_EMAIL" in err
    assert "site_url" not in err
    assert not (repo / "dist").exists()


@pytest.mark.parametrize(
    ("host", "placeholder"),
    [
        ("kunskapsbank.example", True),
        ("www.example.org", True),
        ("example.com", True),
        ("kb.test", True),
        ("localhost", True),
        ("", True),
        ("kunskapsbank.github.io", False),
        ("upphandlingsmyndigheten.se", False),
        ("example.se", False),
    ],
)
def test_placeholder_hosts(host: str, placeholder: bool) -> None:
    assert is_placeholder_host(host) is placeholder


def test_not_a_git_repository(tmp_path: Path, capsys) -> None:
    root = tmp_path / "utan-git"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(REPO / "schemas", root / "schemas")
    code, _, err = release_cli(capsys, root, "1.0.0")
    assert code == 2
    assert "git" in err


def test_history_page_says_when_git_cannot_be_read(tmp_path: Path, monkeypatch) -> None:
    from types import SimpleNamespace

    from kunskapsbank.render.history_page import history_html

    root = tmp_path / "utan-git"
    shutil.copytree(FIXTURE, root)
    no_pages = SimpleNamespace(guides={}, by_slug={})
    html = history_html(open_layout(root), no_pages)  # type: ignore[arg-type]
    assert "Versionshistoriken kunde inte läsas" in html
    assert "projektet ligger inte i ett git-arkiv" in html
    monkeypatch.setenv("PATH", str(tmp_path / "ingen-git"))
    html = history_html(open_layout(root), no_pages)  # type: ignore[arg-type]
    assert "git finns inte på datorn" in html
