"""The Pagefind search index, written into the built site as a post-build step."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .site import SiteBuild


class SearchIndexError(Exception):
    pass


def pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable  # type: ignore[attr-defined]

        found = get_executable()
        if found:
            return Path(found)
    except ImportError:
        pass
    from pagefind.service import _must_get_executable  # type: ignore[attr-defined]

    return Path(_must_get_executable())


def index_site(build: SiteBuild | None, site_dir: Path) -> None:
    """Run Pagefind over ``site_dir``; any failure fails the build."""
    cmd = [
        str(pagefind_binary()),
        "--site",
        str(site_dir),
        "--output-subdir",
        "pagefind",
        "--force-language",
        "sv",
        "--silent",
    ]
    env = dict(os.environ)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0 or not (site_dir / "pagefind" / "pagefind.js").is_file():
        raise SearchIndexError(
            "Sökindexet kunde inte skapas (Pagefind avslutades med status "
            f"{proc.returncode}): {proc.stderr.strip() or proc.stdout.strip()}"
        )
