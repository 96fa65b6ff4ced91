"""``copytag tag``: tag a file of creatives, streaming, with progress and a summary."""
from __future__ import annotations

import sys
import time
from typing import Any

import click

from ..batch import DEFAULT_CHUNK_SIZE, tag_file
from ..fileio import FORMATS, InputError
from ..frame import TaggingError

#: How many languages the summary names before "... and N more".
TOP_LANGUAGES = 10


class TagFailed(click.ClickException):
    """A bad input or setting: exit code 2, like a usage error."""

    exit_code = 2


@click.command("tag")
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "output_path", required=True, type=click.Path(dir_okay=False),
              help="Where to write the tagged rows; written only once complete.")
@click.option("--column", default="ad_copy", show_default=True, help="The column that holds the ad copy.")
@click.option("-j", "--jobs", default=1, show_default=True, type=int, help="Processes to tag in (-1: one per core).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), help="Output format (default: from -o's extension).")
@click.option("--input-format", type=click.Choice(FORMATS), help="Input format (default: from INPUT's extension).")
@click.option("--chunk-size", default=DEFAULT_CHUNK_SIZE, show_default=True, type=click.IntRange(min=1), help="Rows per chunk.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of a CSV, TSV or JSONL input.")
@click.option("--errors", default="strict", show_default=True, type=click.Choice(["strict", "replace"]),
              help="On bytes that do not decode: stop, or replace them with U+FFFD.")
@click.option("--prefix", default="", help="Prefix for the tag column names (e.g. tag_), if the input has them.")
@click.option("--no-model", is_flag=True, help="Rules only: skip the trained classifier.")
@click.option("--scheduler", metavar="ADDRESS", help="Tag on this Dask cluster (e.g. tcp://10.0.0.5:8786).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def tag_command(input_path: str, output_path: str, column: str, quiet: bool, no_model: bool, **settings: Any) -> None:
    """Tag the ad copy of every row of INPUT and write it, with the tag columns, to OUTPUT.

    Reads and writes CSV, TSV, Parquet and JSON Lines in chunks, so memory
    stays flat on any size of file. Every input column is kept unchanged and
    in order, followed by the tag columns (language, language_score, actions,
    tones, the CTA keywords and their actions, primary_tone). Rows keep their
    order, whatever --jobs.

    \b
    Example:
      copytag tag creatives.csv -o tagged.csv --column ad_copy --jobs 2
    """
    progress = ProgressDisplay(enabled=not quiet and sys.stderr.isatty())
    try:
        with progress:
            summary = tag_file(input_path, output_path, column, use_model=not no_model,
                               on_progress=progress.update, **settings)
    except KeyboardInterrupt:
        click.echo(f"interrupted; {output_path} was not written", err=True)
        raise SystemExit(130) from None
    except (InputError, TaggingError) as exc:
        raise TagFailed(str(exc)) from None
    except KeyError:  # a bug, not a bad input: keep the traceback
        raise
    except (ValueError, LookupError, ImportError, OSError) as exc:  # e.g. an unknown --encoding
        raise TagFailed(str(exc)) from None
    if not quiet:
        click.echo("\n".join(summary_lines(summary)))


def summary_lines(summary: Any) -> list[str]:
    """The end-of-run summary: rows and speed, then languages, actions and tones with counts."""
    lines = [
        f"tagged {summary.rows:,} rows in {summary.seconds:.2f} s "
        f"({summary.rows_per_second:,.0f} rows/s) -> {summary.output}"
    ]
    if not summary.rows:
        return lines
    languages = summary.languages.most_common()
    named = ", ".join(f"{code} {n:,}" for code, n in languages[:TOP_LANGUAGES])
    more = f", and {len(languages) - TOP_LANGUAGES} more" if len(languages) > TOP_LANGUAGES else ""
    lines.append(f"languages ({len(languages)}): {named}{more}")
    lines.append("actions: " + count_list(summary.actions, ("none", summary.rows_without_action)))
    lines.append("tones: " + count_list(summary.tones))
    return lines


def count_list(counts: Any, *extra: tuple[str, int]) -> str:
    """``counts`` as "label n, label n", most common first, then ``extra``.

    >>> from collections import Counter
    >>> count_list(Counter({"watch": 3, "download": 5}), ("none", 2))
    'download 5, watch 3, none 2'
    """
    items = [*counts.most_common(), *extra]
    return ", ".join(f"{label} {n:,}" for label, n in items) or "none"


class ProgressDisplay:
    """A rich progress bar on stderr (rows, rows/s, ETA), started on the first update."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: Any = None
        self._task: Any = None
        self._started = time.perf_counter()

    def __enter__(self) -> "ProgressDisplay":
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def update(self, rows: int, position: int, total: int) -> None:
        """Show ``rows`` done, out of the rows expected from ``position`` of ``total`` (bytes or rows)."""
        if not self.enabled:
            return
        if self._bar is None:
            self._start()
        expected = max(rows, round(rows * total / position)) if position else rows
        rate = rows / max(time.perf_counter() - self._started, 1e-9)
        self._bar.update(self._task, completed=rows, total=expected or 1, rate=rate)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

        self._bar = Progress(
            TextColumn("tagging"), BarColumn(), TaskProgressColumn(),
            TextColumn("{task.completed:,.0f} rows"), TextColumn("{task.fields[rate]:,.0f} rows/s"),
            TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )
        self._task = self._bar.add_task("tag", total=None, rate=0.0)
        self._bar.start()
