"""Spread work over processes in ordered chunks."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def effective_jobs(n_jobs: int) -> int:
    """``n_jobs`` as a process count: -1 means one per core.

    >>> effective_jobs(2)
    2
    """
    if n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be a positive number of processes or -1 (all cores), got {n_jobs}")
    return os.cpu_count() or 1 if n_jobs == -1 else n_jobs


def map_chunks(
    func: Callable[[list[T], Any], list[R]], items: Sequence[T], n_jobs: int, arg: Any
) -> list[R]:
    """``func(chunk, arg)`` over ordered chunks of ``items`` in ``n_jobs`` processes, concatenated."""
    jobs = effective_jobs(n_jobs)
    size = max(1, -(-len(items) // (jobs * 4)))
    chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        parts = pool.map(func, chunks, [arg] * len(chunks))
        return [r for part in parts for r in part]
