"""Spread work over processes (or a Dask cluster) in ordered chunks.

Results always come back in the order of the input, and only a bounded
number of chunks is in flight at once, so memory stays flat on any input.
"""
from __future__ import annotations

import os
import signal
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

DASK_HINT = 'install the Dask extra: pip install "copytag[dask]"'


def effective_jobs(n_jobs: int) -> int:
    """``n_jobs`` as a process count: -1 means one per core.

    >>> effective_jobs(2)
    2
    >>> effective_jobs(0)
    Traceback (most recent call last):
    ...
    ValueError: n_jobs must be a positive number of processes or -1 (all cores), got 0
    """
    if n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be a positive number of processes or -1 (all cores), got {n_jobs}")
    return (os.cpu_count() or 1) if n_jobs == -1 else n_jobs


def ignore_interrupts() -> None:
    """Let only the parent process handle Ctrl-C, so workers do not print tracebacks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def process_pool(n_jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``n_jobs`` worker processes; on error, queued work is cancelled at once."""
    pool = ProcessPoolExecutor(max_workers=effective_jobs(n_jobs), initializer=ignore_interrupts)
    try:
        yield pool
    except BaseException:
        stop_now(pool)
        raise
    pool.shutdown()


def stop_now(pool: ProcessPoolExecutor) -> None:
    """Cancel queued work and end the workers without waiting for the chunks they are on."""
    workers = list((getattr(pool, "_processes", None) or {}).values())  # no public API before 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()


def imap_ordered(
    submit: Callable[[T], Future], items: Iterable[T], max_in_flight: int
) -> Iterator[tuple[T, Any]]:
    """``(item, submit(item).result())`` for each item, in order, with at most ``max_in_flight`` pending.

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     list(imap_ordered(lambda n: pool.submit(pow, n, 2), range(4), 2))
    [(0, 0), (1, 1), (2, 4), (3, 9)]
    """
    pending: deque[tuple[T, Future]] = deque()
    try:
        for item in items:
            pending.append((item, submit(item)))
            if len(pending) >= max_in_flight:
                first, future = pending.popleft()
                yield first, future.result()
        while pending:
            first, future = pending.popleft()
            yield first, future.result()
    finally:
        for _, future in pending:
            future.cancel()


def map_chunks(
    func: Callable[[list[T], Any], list[R]], items: Sequence[T], n_jobs: int, arg: Any
) -> list[R]:
    """``func(chunk, arg)`` over ordered chunks of ``items`` in ``n_jobs`` processes, concatenated.

    >>> map_chunks(_double_all, [1, 2, 3], 2, 10)
    [10, 20, 30]
    """
    jobs = effective_jobs(n_jobs)
    size = max(1, -(-len(items) // (jobs * 4)))
    chunks = (list(items[i : i + size]) for i in range(0, len(items), size))
    with process_pool(jobs) as pool:
        parts = imap_ordered(lambda chunk: pool.submit(func, chunk, arg), chunks, 2 * jobs)
        return [r for _, part in parts for r in part]


def _double_all(numbers: list[int], factor: int) -> list[int]:
    return [n * factor for n in numbers]


@contextmanager
def dask_executor(address: str) -> Iterator[tuple[Executor, int]]:
    """An executor on the Dask cluster at ``address`` and how many tasks to keep in flight."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ImportError(f"running on a Dask cluster needs distributed; {DASK_HINT}") from exc
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ConnectionError(f"cannot reach the Dask scheduler at {address}: {exc}; is the cluster running?") from None
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield client.get_executor(pure=False), 2 * workers
