"""The Pagefind search index, written into the built site as a post-build step."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import cbor2


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


_PLAIN_PATH = re.compile(r"[A-Za-z0-9._/-]*")


def pages_glob(patterns: list[str]) -> str | None:
    """A Pagefind ``--glob`` for the page folders in ``patterns`` (``*`` may stand for one
    folder name), or None, meaning every page, when a path holds other glob characters.

    Pagefind reads every HTML file it finds; the list pages carry nothing to index
    and are a fifth of a large site, so the build names the pages that do.
    """
    if not patterns or not all(_PLAIN_PATH.fullmatch(p.replace("*", "")) for p in patterns):
        return None
    return "{" + ",".join(f"{p}index.html" for p in sorted(set(patterns))) + "}"


def pagefind_command(site_dir: Path, glob: str | None = None) -> list[str]:
    """The Pagefind CLI call that indexes ``site_dir`` into ``site_dir/pagefind``."""
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
    return cmd + ["--glob", glob] if glob else cmd


def index_site(site_dir: Path, glob: str | None = None) -> None:
    """Run Pagefind over ``site_dir`` (the pages ``glob`` matches); any failure fails the build."""
    cmd = pagefind_command(site_dir, glob)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not (site_dir / "pagefind" / "pagefind.js").is_file():
        raise SearchIndexError(
            "Sökindexet kunde inte skapas (Pagefind avslutades med status "
            f"{proc.returncode}): {proc.stderr.strip() or proc.stdout.strip()}"
        )
    normalize_index(site_dir / "pagefind")


_SIGNATURE = b"pagefind_dcd"


def _read_chunk(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise SearchIndexError(f"Okänt format i sökindexet: {path.name}")
    return cbor2.loads(data[len(_SIGNATURE) :])


def _chunk_bytes(value: Any) -> bytes:
    return gzip.compress(_SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)


def normalize_index(bundle: Path) -> None:
    """Make Pagefind's output byte-identical between builds of the same site.

    Pagefind 1.5 writes filter values in hash-map order, so the filter files,
    their content-hashed names and the metadata that names them change from run
    to run (upstream issue #638). Sort them and name each file by its content.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read_chunk(meta_path)
        renamed = []
        for name, old_hash in meta[3]:
            old = bundle / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _read_chunk(old)
            values = sorted(([v, sorted(pages)] for v, pages in values), key=lambda v: v[0])
            data = _chunk_bytes([filter_name, values])
            new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:7]}"
            old.unlink()
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
            renamed.append([name, new_hash])
        meta[3] = sorted(renamed, key=lambda item: item[0])
        meta[4] = sorted(meta[4], key=lambda item: item[0])  # sort orders, by name
        data = _chunk_bytes(meta)
        new_meta_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:10]}"
        meta_path.unlink()
        (bundle / f"pagefind.{new_meta_hash}.pf_meta").write_bytes(data)
        info["hash"] = new_meta_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
