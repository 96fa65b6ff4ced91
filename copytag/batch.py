"""Tag a file of creatives, streaming: any size, every row, in order, on every core.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> source, target = os.path.join(folder, "in.csv"), os.path.join(folder, "out.jsonl")
>>> _ = open(source, "w").write('id,ad_copy\\n007,Watch now!\\n008,\\n')
>>> summary = tag_file(source, target, column="ad_copy")
>>> summary.rows, summary.tones["exclamation"]
(2, 1)
>>> open(target).readline().startswith('{"id": "007", "ad_copy": "Watch now!", "language": ')
True
"""
from __future__ import annotations

import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Callable, Iterable, Iterator

from .fileio import (
    Chunk,
    InputError,
    TableWriter,
    atomic_output,
    detect_format,
    input_size,
    read_chunks,
    refuse_same_file,
)
from .frame import ROW_MEMO_SIZE, check_columns, columns_of, copy_texts, fill, recall, tag_columns
from .memo import Memo
from .parallel import dask_executor, effective_jobs, imap_ordered, process_pool
from .tagger import TagOptions, resolve_options
from .types import TAG_COLUMNS

#: Rows per chunk: big enough that per-chunk costs vanish, small enough for flat memory.
DEFAULT_CHUNK_SIZE = 10_000

#: ``on_progress(rows_done, position, total)``; position and total are bytes (rows for Parquet).
ProgressCallback = Callable[[int, int, int], None]


@dataclass
class BatchSummary:
    """What a run tagged: rows, time, and how often each language, action and tone came up."""

    output: str
    rows: int = 0
    seconds: float = 0.0
    languages: Counter = field(default_factory=Counter)
    actions: Counter = field(default_factory=Counter)
    tones: Counter = field(default_factory=Counter)
    rows_without_action: int = 0

    @property
    def rows_per_second(self) -> float:
        """Throughput of the whole run, reading and writing included."""
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def count(self, tags: dict[str, list[Any]]) -> None:
        """Add one chunk's tag columns to the totals."""
        self.rows += len(tags["language"])
        self.languages.update(tags["language"])
        self.actions.update(split_labels(tags["actions"]))
        self.tones.update(split_labels(tags["tones"]))
        self.rows_without_action += tags["actions"].count("")


def split_labels(joined: Iterable[str]) -> Iterator[str]:
    """Every label of pipe-joined cells.

    >>> list(split_labels(["watch|click", "", "watch"]))
    ['watch', 'click', 'watch']
    """
    return chain.from_iterable(cell.split("|") for cell in joined if cell)


def tag_file(
    input_path: str,
    output_path: str,
    column: str = "ad_copy",
    options: TagOptions | None = None,
    *,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    input_format: str | None = None,
    output_format: str | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
    prefix: str = "",
    scheduler: str | None = None,
    on_progress: ProgressCallback | None = None,
    **overrides: Any,
) -> BatchSummary:
    """Tag the ``column`` of every row of ``input_path`` and write ``output_path``.

    Every input column is kept as it is, in order, followed by the tag
    columns (named ``prefix`` + name); rows keep their order. Formats come
    from the extensions (``.csv``, ``.tsv``, ``.parquet``, ``.jsonl``) unless
    given. ``jobs`` > 1 tags in that many processes and ``scheduler`` (a
    Dask scheduler address) on a Dask cluster, with the same output as one
    process. The output appears only once it is complete.
    """
    opts = resolve_options(options, overrides)
    if chunk_size < 1:
        raise InputError(f"chunk_size must be a positive number of rows, got {chunk_size}")
    source_format = detect_format(input_path, input_format)
    target_format = detect_format(output_path, output_format, fallback=source_format)
    refuse_same_file(input_path, output_path)
    total = input_size(input_path, source_format)
    chunks = read_chunks(input_path, source_format, chunk_size, encoding, errors)
    summary = BatchSummary(output=output_path)
    started = time.perf_counter()
    with atomic_output(output_path) as temporary, TableWriter(temporary, target_format) as writer:
        with executor_for(jobs, scheduler) as (executor, in_flight):
            tagged = tag_chunks(checked(chunks, column, prefix), column, opts, executor, in_flight)
            for chunk, tags in tagged:
                writer.write(chunk.frame, {prefix + name: values for name, values in tags.items()})
                summary.count(tags)
                if on_progress:
                    on_progress(summary.rows, chunk.position, total)
    summary.seconds = time.perf_counter() - started
    return summary


def checked(chunks: Iterator[Chunk], column: str, prefix: str) -> Iterator[Chunk]:
    """``chunks``, once the first has shown that ``column`` is there and no tag column clashes."""
    first = next(chunks)
    if len(first.frame.columns):  # an empty JSON Lines file has no columns, and no rows to tag
        check_columns(list(first.frame.columns), column, prefix)
    return chain([first], chunks)


@contextmanager
def executor_for(jobs: int, scheduler: str | None) -> Iterator[tuple[Any, int]]:
    """``(executor, chunks in flight)``: Dask if ``scheduler``, processes if ``jobs`` > 1, else none."""
    if scheduler:
        with dask_executor(scheduler) as pair:
            yield pair
        return
    workers = effective_jobs(jobs)
    if workers == 1:
        yield None, 1
        return
    with process_pool(workers) as pool:
        yield pool, 4 * workers


def tag_chunks(
    chunks: Iterable[Chunk], column: str, options: TagOptions, executor: Any, in_flight: int
) -> Iterator[tuple[Chunk, dict[str, list[Any]]]]:
    """``(chunk, its tag columns)`` in order, tagged here or on ``executor``."""
    jobs = with_texts(chunks, column)
    if executor is None:
        return ((chunk, tag_columns(texts, options, first_row)) for chunk, texts, first_row in jobs)
    return _tag_on(executor, jobs, options, in_flight)


def _tag_on(
    executor: Any, jobs: Iterator[tuple[Chunk, list[str], int]], options: TagOptions, in_flight: int
) -> Iterator[tuple[Chunk, dict[str, list[Any]]]]:
    """Tag on ``executor``, sending only the copy this run has not tagged recently: the rows
    of the rest come from a memo here, so that the workers share what each has done."""
    memo = Memo(ROW_MEMO_SIZE)

    def split(job: tuple[Chunk, list[str], int]) -> tuple[Chunk, list[str], list, dict[str, int], list[int]]:
        """The chunk, its copy, the rows known here, the copy to tag, and its row numbers."""
        chunk, texts, first_row = job
        rows, todo = recall(texts, memo)
        return chunk, texts, rows, todo, [first_row + i for i in todo.values()]

    submit = lambda job: executor.submit(tag_columns, list(job[3]), options, 1, job[4])  # noqa: E731
    for (chunk, texts, rows, todo, _), tagged in imap_ordered(submit, map(split, jobs), in_flight):
        fresh = dict(zip(todo, zip(*(tagged[name] for name in TAG_COLUMNS))))
        yield chunk, columns_of(fill(texts, rows, fresh, memo))


def with_texts(chunks: Iterable[Chunk], column: str) -> Iterator[tuple[Chunk, list[str], int]]:
    """Each chunk with the copy to tag in it and the number of its first row in the whole file."""
    first_row = 1
    for chunk in chunks:
        cells = chunk.frame[column].tolist() if len(chunk.frame) else []
        yield chunk, copy_texts(cells, column, first_row), first_row
        first_row += len(chunk.frame)
