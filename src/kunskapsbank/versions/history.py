"""Releases from git: version tags, what changed between them, and the history page.

Everything here reads git and nothing else (no clock), so two builds of the
same commit with the same tags write the same version history. A release is a
tag ``v<version>``; the changes of a release are the cases and guidance pages
that differ from the previous release tag (by version order). The first
release adds everything.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

from kunskapsbank.config import Layout
from kunskapsbank.content.loader import Document, split_frontmatter

# Set by 'kunskapsbank release' while it builds, so that the history page of a
# release shows that release even before its tag is created.
MARKER_NAME = "versioner"

STATUS_WORDS = {"added": "ny", "changed": "ändrad", "removed": "borttagen"}
CASE_HEADINGS = {"added": "Nya fall", "changed": "Ändrade fall", "removed": "Borttagna fall"}
GUIDE_HEADING = "Ändrade vägledningssidor"


class GitError(Exception):
    """git is missing, the project is not in a repository, or a git command failed."""


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False
        )
    except OSError as exc:
        raise GitError("git finns inte på datorn") from exc
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip()
        if "not a git repository" in message:
            raise GitError("projektet ligger inte i ett git-arkiv")
        raise GitError(f"git {' '.join(args[:2])} misslyckades: {message}")
    return proc.stdout


def git_text(root: Path, *args: str) -> str:
    return git(root, *args).decode("utf-8", "replace").strip()


def parse_version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


@dataclass(frozen=True, slots=True)
class Change:
    status: str  # added, changed, removed
    key: str  # case slug, or guidance page path under docs/ without .md
    title: str


@dataclass(slots=True)
class Release:
    version: str
    tag: str | None  # None: the release being made, not tagged yet
    date: str  # YYYY-MM-DD, from git
    previous: str | None = None  # the previous release tag
    message: str = ""  # an annotated tag's message
    cases: list[Change] = field(default_factory=list)
    guides: list[Change] = field(default_factory=list)

    @property
    def first(self) -> bool:
        return self.previous is None


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    version: Version
    date: str
    message: str


def version_tags(root: Path, *, merged: str | None = "HEAD") -> list[Tag]:
    """Tags ``v<version>`` (reachable from ``merged``), oldest version first."""
    # Fields end with NUL, records with ASCII record separator (0x1e).
    fields = ("refname:short", "objecttype", "creatordate:short", "contents:subject")
    fmt = "".join(f"%({f})%00" for f in fields) + "%(contents:body)%1e"
    args = ["for-each-ref", f"--format={fmt}"]
    if merged:
        args.append(f"--merged={merged}")
    out = git(root, *args, "refs/tags/v*").decode("utf-8", "replace")
    tags = []
    for record in out.split("\x1e"):
        parts = record.lstrip("\n").split("\0")
        if len(parts) != 5:
            continue
        name, kind, date, subject, body = parts
        version = parse_version(name[1:])
        if version is None:
            continue
        message = "\n\n".join(p.strip() for p in (subject, body) if p.strip())
        tags.append(Tag(name, version, date, message if kind == "tag" else ""))
    tags.sort(key=lambda t: t.version)
    return tags


def tag_commit(root: Path, name: str) -> str | None:
    try:
        return git_text(root, "rev-parse", "--verify", "--quiet", f"refs/tags/{name}^{{commit}}")
    except GitError:
        return None


def previous_tag(tags: list[Tag], version: Version) -> Tag | None:
    """The release tag with the highest version below ``version``."""
    older = [t for t in tags if t.version < version]
    return older[-1] if older else None


class _Reader:
    """Reads files at given revisions with one ``git cat-file --batch``."""

    def __init__(self, root: Path):
        self.root = root
        self.prefix = git_text(root, "rev-parse", "--show-prefix")

    def frontmatter(self, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        """The frontmatter of each (revision, project path) that exists there."""
        items = sorted(wanted)
        if not items:
            return {}
        request = "".join(f"{rev}:{self.prefix}{path}\n" for rev, path in items)
        out = git(self.root, "cat-file", "--batch", stdin=request.encode("utf-8"))
        found: dict[tuple[str, str], dict[str, Any]] = {}
        pos = 0
        for item in items:
            end = out.index(b"\n", pos)
            header = out[pos:end].split()
            pos = end + 1
            if len(header) != 3 or header[1] != b"blob":
                continue  # "<name> missing"
            size = int(header[2])
            text = out[pos : pos + size].decode("utf-8", "replace")
            pos += size + 1
            doc = Document(Path(item[1]), item[1], text.replace("\r\n", "\n").lstrip("\ufeff"))
            split_frontmatter(doc)
            found[item] = doc.data if isinstance(doc.data, dict) else {}
        return found


def _title(data: dict[str, Any] | None, key: str) -> str:
    title = (data or {}).get("title")
    return title.strip() if isinstance(title, str) and title.strip() else key


def changes(layout: Layout, previous: str | None, target: str) -> tuple[list[Change], list[Change]]:
    """Cases and guidance pages added, changed and removed from ``previous`` to ``target``.

    A draft counts as absent: a case is added when it is first published and
    removed when it is deleted or turned back into a draft.
    """
    root = layout.root
    cases_dir, docs_dir = layout.settings.cases_dir, layout.settings.docs_dir
    if previous is None:
        out = git(root, "ls-tree", "-r", "--name-only", "-z", target, "--", cases_dir, docs_dir)
        paths = [p for p in out.decode("utf-8").split("\0") if p]
    else:
        out = git(
            root,
            "diff",
            "--name-only",
            "--no-renames",
            "--relative",
            "-z",
            previous,
            target,
            "--",
            cases_dir,
            docs_dir,
        )
        paths = [p for p in out.decode("utf-8").split("\0") if p]
    found: list[tuple[str, str, str]] = []  # kind, key, path
    for path in paths:
        if not path.endswith(".md"):
            continue
        if path.startswith(cases_dir + "/") and "/" not in path[len(cases_dir) + 1 :]:
            found.append(("case", path[len(cases_dir) + 1 : -3], path))
        elif path.startswith(docs_dir + "/"):
            found.append(("guide", path[len(docs_dir) + 1 : -3], path))
    revisions = [target] if previous is None else [previous, target]
    data = _Reader(root).frontmatter({(rev, path) for _, _, path in found for rev in revisions})
    cases: list[Change] = []
    guides: list[Change] = []
    for kind, key, path in found:
        before = data.get((previous, path)) if previous is not None else None
        after = data.get((target, path))
        if kind == "case":
            before = None if before is None or before.get("draft") is True else before
            after = None if after is None or after.get("draft") is True else after
        if before is not None and after is not None:
            status = "changed"
        elif after is not None:
            status = "added"
        elif before is not None:
            status = "removed"
        else:
            continue
        change = Change(status, key, _title(after if after is not None else before, key))
        (cases if kind == "case" else guides).append(change)
    order = {"added": 0, "changed": 1, "removed": 2}
    cases.sort(key=lambda c: (order[c.status], c.title.casefold(), c.key))
    guides.sort(key=lambda c: (c.key, order[c.status]))
    return cases, guides


def release_for(layout: Layout, version: str, tags: list[Tag]) -> Release:
    """The release ``version`` as of HEAD: its changes since the previous release tag."""
    root = layout.root
    parsed = parse_version(version)
    own = next((t for t in tags if t.name in (f"v{version}", version)), None)
    others = [t for t in tags if t is not own]
    prev = previous_tag(others, parsed) if parsed else (others[-1] if others else None)
    date = own.date if own else git_text(root, "log", "-1", "--format=%cs", "HEAD")
    release = Release(version, own.name if own else None, date, prev.name if prev else None)
    release.message = own.message if own else ""
    if own is None and tag_commit(root, version) == git_text(root, "rev-parse", "HEAD"):
        release.tag = version  # tagged without the 'v'
    release.cases, release.guides = changes(layout, release.previous, "HEAD")
    return release


def history(layout: Layout) -> list[Release]:
    """Every release reachable from HEAD, newest first (plus one being made, if any)."""
    tags = version_tags(layout.root)
    releases: list[Release] = []
    for i, tag in enumerate(tags):
        prev = tags[i - 1].name if i else None
        release = Release(str(tag.version), tag.name, tag.date, prev, tag.message)
        release.cases, release.guides = changes(layout, prev, tag.name)
        releases.append(release)
    pending = layout.settings.release_version
    if pending and not any(t.version == parse_version(pending) for t in tags):
        releases.append(release_for(layout, pending, tags))
        releases.sort(key=lambda r: parse_version(r.version) or Version("0"))
    return list(reversed(releases))


# -- release notes (Markdown) -----------------------------------------------------


_MD_SPECIAL = frozenset("\\`*_[](){}<>#!|~&@:")
_SAFE_KEY = re.compile(r"[a-z0-9][a-z0-9/_-]*")


def md_text(text: str) -> str:
    """``text`` as literal Markdown text: every character that can start markup escaped.

    CommonMark lets a backslash escape any ASCII punctuation; escaping these is
    enough that no link, image, emphasis, code, HTML tag, entity, table cell,
    autolink or @mention can start inside a quoted title.
    Line breaks become spaces, so a title cannot start a heading or a list.
    """
    flat = " ".join(str(text).split())
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in flat)


def _md_key(key: str) -> str:
    return f"`{key}`" if _SAFE_KEY.fullmatch(key) else md_text(key)


def notes_markdown(release: Release, site_name: str) -> str:
    lines = [f"# {site_name} {release.version}", ""]
    since = (
        f"Ändringar sedan {release.previous}."
        if release.previous
        else "Första utgåvan: allt innehåll är nytt."
    )
    lines += [f"Utgiven {release.date}. {since}", ""]
    if release.message:
        lines += [release.message, ""]
    if not release.cases and not release.guides:
        lines += ["Inga fall eller vägledningssidor har ändrats.", ""]
    for status, heading in CASE_HEADINGS.items():
        items = [c for c in release.cases if c.status == status]
        if items:
            lines += [f"## {heading} ({len(items)})", ""]
            lines += [f"- {md_text(c.title)} ({_md_key(c.key)})" for c in items]
            lines.append("")
    if release.guides:
        lines += [f"## {GUIDE_HEADING} ({len(release.guides)})", ""]
        lines += [
            f"- {md_text(g.title)} ({_md_key(g.key)}, {STATUS_WORDS[g.status]})"
            for g in release.guides
        ]
        lines.append("")
    return "\n".join(lines)
