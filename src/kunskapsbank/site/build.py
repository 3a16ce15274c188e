"""Atomic builds: write the whole site to a temporary folder, swap it in only on success.

The site generator runs as a child process (``python -m mkdocs``), so the
engine never imports it; the hooks listed in ``mkdocs.yml`` do the validation,
page generation and indexing inside that process.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kunskapsbank.config import CONFIG_FILE, Layout

TMP_PREFIX = ".kunskapsbank-tmp-"
OLD_PREFIX = ".kunskapsbank-old-"
_RENAME_EXCHANGE = 2


def source_date_epoch(root: Path) -> str | None:
    """The commit time of HEAD, so that two builds of one commit are identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    value = out.stdout.strip()
    return value if out.returncode == 0 and value.isdigit() else None


def generator_env(root: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The generator's environment: ours, a reproducible build date, and ``extra``."""
    env = dict(os.environ, **(extra or {}))
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    epoch = source_date_epoch(root)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    # Hash seeds and locale affect nothing we write, but pin them anyway.
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders (Linux renameat2). False when not supported."""
    if not sys.platform.startswith("linux"):
        return False
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    at_fdcwd = -100
    result = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def swap_into_place(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``. Readers see the old site or the new, never a mix."""
    if target.exists():
        if _exchange(new, target):
            shutil.rmtree(new)  # now holds the old site
            return
        old = target.with_name(f"{OLD_PREFIX}{target.name}-{os.getpid()}")
        os.rename(target, old)
        os.rename(new, target)
        shutil.rmtree(old)
    else:
        os.rename(new, target)


def clean_leftovers(target: Path) -> None:
    """Remove temporary folders that an interrupted build left behind."""
    for stale in target.parent.glob(f"{TMP_PREFIX}{target.name}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in target.parent.glob(f"{OLD_PREFIX}{target.name}-*"):
        shutil.rmtree(stale, ignore_errors=True)


def build_site(
    layout: Layout,
    site_dir: Path | None = None,
    *,
    quiet: bool = True,
    env: dict[str, str] | None = None,
) -> int:
    """Build into a temporary folder beside ``site_dir`` and swap it in on success.

    Returns the generator's exit status; on failure ``site_dir`` is untouched.
    """
    target = (site_dir or layout.root / "site").absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(target)
    tmp = target.with_name(f"{TMP_PREFIX}{target.name}-{os.getpid()}")
    # Never pass --quiet: MkDocs then drops warnings before strict mode counts them.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    cmd += ["-f", str(layout.root / CONFIG_FILE), "-d", str(tmp)]
    try:
        proc = subprocess.run(
            cmd,
            env=generator_env(layout.root, env),
            cwd=layout.root,
            check=False,
            stdout=subprocess.PIPE if quiet else None,
            stderr=subprocess.STDOUT if quiet else None,
            text=True,
        )
        if quiet and proc.stdout:
            # Show what needs attention; the generator's progress lines only on request.
            shown = [line for line in proc.stdout.splitlines() if not line.startswith("INFO")]
            if proc.returncode != 0 or any(line.startswith("WARNING") for line in shown):
                print("\n".join(shown), file=sys.stderr)
        if proc.returncode != 0 or not (tmp / "index.html").is_file():
            return proc.returncode or 1
        swap_into_place(tmp, target)
        return 0
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def serve_site(layout: Layout, addr: str) -> int:
    """Run the generator's preview server in place of this process.

    With exec, a SIGTERM from a supervisor or a test reaches the server itself
    instead of leaving it running, port and all, after this process has gone.
    """
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", addr]
    cmd += ["-f", str(layout.root / CONFIG_FILE)]
    env = generator_env(layout.root)
    if os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.chdir(layout.root)
        os.execve(sys.executable, cmd, env)
    return subprocess.call(cmd, env=env, cwd=layout.root)
