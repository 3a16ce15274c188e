"""Published files that are not pages: images under cases/assets/, and no symlinks anywhere.

Files under ``cases/assets/`` are published as they are, so they are content
and are checked like content: only raster images of a few types, whose first
bytes match their extension, up to a size limit. SVG is refused (it can hold
scripts), and so is every other file. A symbolic link anywhere under
``cases/`` or ``docs/`` (the folder itself included) is a problem, and the
build never follows one.

``docs/`` is published too: besides Markdown pages it may hold the same
images, PDF files, and under ``docs/assets/`` the site's own style sheets,
scripts and SVG icons (code the editors review as code). Any other file there,
an HTML page for instance, is a problem.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from kunskapsbank.config import Layout
from kunskapsbank.errors.catalogue import Problem, problem

ASSETS = "assets"
DEFAULT_MAX_ASSET_BYTES = 2_000_000


def _is_png(head: bytes) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _is_jpeg(head: bytes) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _is_gif(head: bytes) -> bool:
    return head.startswith((b"GIF87a", b"GIF89a"))


def _is_webp(head: bytes) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP"


# Extension (lower case) -> test of the file's first bytes.
IMAGE_TYPES = {
    ".png": _is_png,
    ".jpg": _is_jpeg,
    ".jpeg": _is_jpeg,
    ".gif": _is_gif,
    ".webp": _is_webp,
}
ALLOWED = "PNG (.png), JPEG (.jpg, .jpeg), GIF (.gif) och WebP (.webp)"


# Under docs/: files besides Markdown and images, and the site's own code in docs/assets/.
DOCS_FILES = frozenset({".md", ".pdf"})
SITE_CODE = frozenset({".css", ".js", ".mjs", ".svg"})
# Vendored libraries (docs/assets/vendor/<name>/) carry their licence and version beside them.
VENDOR_NOTES = frozenset({"LICENSE", "VERSION"})
DOCS_ALLOWED = (
    "Markdown (.md), PDF (.pdf) och bilder i formaten PNG, JPEG, GIF och WebP; i docs/assets/ "
    "även webbplatsens egna .css-, .js-, .mjs- och .svg-filer (och licenser i vendor/)"
)


def max_asset_bytes(layout: Layout) -> int:
    return int(layout.settings.extra.get("max_asset_bytes") or DEFAULT_MAX_ASSET_BYTES)


def asset_folder(layout: Layout) -> Path:
    return layout.cases_dir / ASSETS


def walk(folder: Path) -> Iterator[Path]:
    """Every entry under ``folder`` (files, folders, links), never through a symbolic link."""
    for current, dirs, files in os.walk(folder, followlinks=False):
        base = Path(current)
        for name in sorted(dirs) + sorted(files):
            yield base / name


def published_assets(layout: Layout) -> list[Path]:
    """The files under cases/assets/ that the site publishes: allowed images only."""
    folder = asset_folder(layout)
    if not folder.is_dir() or folder.is_symlink() or layout.cases_dir.is_symlink():
        return []
    return [
        p
        for p in walk(folder)
        if not p.is_symlink() and p.is_file() and check_asset(layout, p) is None
    ]


def check_asset(layout: Layout, path: Path) -> Problem | None:
    rel = layout.rel(path)
    kind = IMAGE_TYPES.get(path.suffix.lower())
    if kind is None:
        reason = (
            "SVG-bilder kan innehålla skript"
            if path.suffix.lower() == ".svg"
            else f"filtypen '{path.suffix or path.name}' är inte en tillåten bildtyp"
        )
        return problem("asset-type", rel, name=path.name, reason=reason, allowed=ALLOWED)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        return problem("file-unreadable", rel, reason=exc.strerror or str(exc))
    limit = max_asset_bytes(layout)
    if size > limit:
        return problem("asset-too-large", rel, size=size, limit=limit)
    if not kind(head):
        reason = f"innehållet är inte en {path.suffix.lower().lstrip('.').upper()}-bild"
        return problem("asset-type", rel, name=path.name, reason=reason, allowed=ALLOWED)
    return None


def check_assets(layout: Layout) -> list[Problem]:
    """One problem for each file under cases/assets/ that may not be published."""
    folder = asset_folder(layout)
    if not folder.is_dir() or folder.is_symlink():
        return []
    out = []
    for path in walk(folder):
        if path.is_symlink() or not path.is_file():
            continue  # links are reported by check_symlinks; folders hold nothing themselves
        found = check_asset(layout, path)
        if found is not None:
            out.append(found)
    return out


def check_docs_files(layout: Layout) -> list[Problem]:
    """One problem for each file under docs/ that the site may not publish."""
    folder = layout.docs_dir
    if not folder.is_dir() or folder.is_symlink():
        return []
    out = []
    for path in walk(folder):
        if path.is_symlink() or not path.is_file():
            continue
        suffix = path.suffix.lower()
        parts = path.relative_to(folder).parts
        in_assets = parts[0] == ASSETS
        vendored = in_assets and len(parts) > 2 and parts[1] == "vendor"
        if suffix in DOCS_FILES or (in_assets and suffix in SITE_CODE):
            continue
        if vendored and path.name in VENDOR_NOTES:
            continue
        if suffix in IMAGE_TYPES:
            found = check_asset(layout, path)
        else:
            found = problem(
                "docs-file-type",
                layout.rel(path),
                name=path.name,
                allowed=DOCS_ALLOWED,
            )
        if found is not None:
            out.append(found)
    return out


def check_symlinks(layout: Layout, skip: set[Path]) -> list[Problem]:
    """A problem for each symbolic link under cases/ and docs/, the folders themselves included.

    ``skip`` holds the Markdown files the validator reads (and reports) itself.
    """
    out = []
    for folder in (layout.cases_dir, layout.docs_dir):
        if folder.is_symlink():
            out.append(problem("symlink", layout.rel(folder), name=layout.rel(folder)))
            continue
        if not folder.is_dir():
            continue
        for path in walk(folder):
            if path.is_symlink() and path not in skip:
                out.append(problem("symlink", layout.rel(path), name=layout.rel(path)))
    return out
