"""Work over many files on one process per core, in order.

Fork, so that the workers inherit what the caller set up (a validator, a
collection, a renderer) instead of receiving it pickled; results come back in
the order of the chunks. Used by validation, by the build's check-and-render
step and by the page writer.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

C = TypeVar("C")
R = TypeVar("R")

PARALLEL_FROM = 300  # items; below this a second process costs more than it saves
WORKERS_ENV = "KUNSKAPSBANK_WORKERS"

_JOB: tuple[Callable[[Any, Any], Any], Any] | None = None


def worker_count(items: int, configured: int | None = None) -> int:
    """Processes to use: ``configured`` (from the settings) or one per core for large jobs."""
    if configured:
        return max(1, configured)
    if items < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def chunked(items: Sequence[C], size: int) -> list[Sequence[C]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _run(chunk: Any) -> Any:
    assert _JOB is not None
    func, state = _JOB
    return func(state, chunk)


def fork_map(func: Callable[[Any, C], R], state: Any, chunks: list[C], workers: int) -> list[R]:
    """``[func(state, c) for c in chunks]``, over ``workers`` forked processes when that pays."""
    global _JOB
    if workers <= 1 or len(chunks) <= 1:
        return [func(state, chunk) for chunk in chunks]
    import multiprocessing

    _JOB = (func, state)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_run, chunks, chunksize=1)
    finally:
        _JOB = None
