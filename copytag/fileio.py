"""Read and write tables of creatives in chunks: CSV, TSV, Parquet and JSON Lines.

Readers yield :class:`Chunk` values (a pandas DataFrame and how far into the
file it ends), so memory stays flat however large the file. Input cells are
kept as they are: CSV cells are read as strings ("007" stays "007", "NA"
stays "NA"), Parquet columns keep their Arrow types, JSON values their
Python types. Writers take the same DataFrames back.
"""
from __future__ import annotations

import csv
import json
import os
import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

#: The formats, and the file extensions that select them.
FORMATS: tuple[str, ...] = ("csv", "tsv", "parquet", "jsonl")
EXTENSIONS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SEPARATORS = {"csv": ",", "tsv": "\t"}


class InputError(ValueError):
    """A file that cannot be tagged as given; the message says what to do."""


class MissingColumnError(InputError, KeyError):
    """The column of ad copy is not in the input; the message lists the columns there are."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive rows of the input and the reader's position after them (bytes or rows)."""

    frame: Any
    position: int


def detect_format(path: str, given: str | None = None, fallback: str | None = None) -> str:
    """The format of ``path``: ``given`` if set, else from the extension, else ``fallback``.

    >>> detect_format("creatives.TSV"), detect_format("x.out", fallback="csv")
    ('tsv', 'csv')
    >>> detect_format("x.json")
    Traceback (most recent call last):
    ...
    copytag.fileio.InputError: cannot tell the format of x.json from its extension; name it .csv, .tsv, .parquet or .jsonl, or pass --format/--input-format (one of csv, tsv, parquet, jsonl)
    """
    if given:
        if given not in FORMATS:
            raise InputError(f"unknown format {given!r}; the formats are {', '.join(FORMATS)}")
        return given
    extension = os.path.splitext(path)[1].lower()
    if extension in EXTENSIONS:
        return EXTENSIONS[extension]
    if fallback:
        return fallback
    raise InputError(
        f"cannot tell the format of {path} from its extension; name it .csv, .tsv, .parquet or "
        f".jsonl, or pass --format/--input-format (one of {', '.join(FORMATS)})"
    )


def read_chunks(
    path: str, fmt: str, chunk_size: int, encoding: str = "utf-8", errors: str = "strict"
) -> Iterator[Chunk]:
    """The rows of ``path`` in chunks of ``chunk_size``; always at least one (maybe empty) chunk."""
    if fmt == "parquet":
        return _read_parquet(path, chunk_size)
    if fmt == "jsonl":
        return _read_jsonl(path, chunk_size, encoding, errors)
    return _read_delimited(path, SEPARATORS[fmt], chunk_size, encoding, errors)


def input_size(path: str, fmt: str) -> int:
    """The unit :attr:`Chunk.position` counts towards: rows for Parquet, bytes otherwise."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    return os.path.getsize(path)


def _read_delimited(path: str, sep: str, chunk_size: int, encoding: str, errors: str) -> Iterator[Chunk]:
    import pandas as pd

    _check_header(path, sep, encoding, errors)
    with open(path, "rb") as fh:
        try:
            reader = pd.read_csv(
                fh, sep=sep, dtype=str, keep_default_na=False, na_filter=False,
                chunksize=chunk_size, encoding=encoding, encoding_errors=errors,
            )
            with reader:
                for frame in reader:
                    yield Chunk(frame, fh.tell())
        except UnicodeDecodeError as exc:
            raise InputError(describe_decode_error(path, encoding, exc)) from None
        except pd.errors.ParserError as exc:
            raise InputError(f"{path} is not valid {'TSV' if sep == chr(9) else 'CSV'}: {exc}") from None


def _check_header(path: str, sep: str, encoding: str, errors: str) -> None:
    """Refuse an empty file and duplicate column names (pandas would rename them)."""
    import pandas as pd

    try:
        header = pd.read_csv(path, sep=sep, header=None, nrows=1, dtype=str, keep_default_na=False,
                             encoding=encoding, encoding_errors=errors)
    except pd.errors.EmptyDataError:
        raise InputError(f"{path} is empty; a table needs a header row naming its columns") from None
    except UnicodeDecodeError as exc:
        raise InputError(describe_decode_error(path, encoding, exc)) from None
    names = [str(v) for v in header.iloc[0]] if len(header) else []
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise InputError(f"{path} has duplicate column names: {', '.join(duplicates)}; rename them")


def describe_decode_error(path: str, encoding: str, exc: UnicodeDecodeError) -> str:
    """Say which line of ``path`` cannot be decoded, and what to do about it."""
    where = ""
    line = find_undecodable_line(path, encoding)
    if line is not None:
        where = f" on line {line}"
    return (
        f"{path} is not valid {encoding}{where} ({exc.reason}, byte 0x{exc.object[exc.start]:02x}); "
        f"pass the file's encoding with --encoding (e.g. --encoding cp1252), or --errors replace "
        f"to tag it with the bad bytes replaced by U+FFFD"
    )


def find_undecodable_line(path: str, encoding: str) -> int | None:
    """The number of the first line of ``path`` that does not decode, or None."""
    import codecs

    decoder = codecs.getincrementaldecoder(encoding)()
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                decoder.decode(raw)
            except UnicodeDecodeError:
                return number
    return None


def _read_parquet(path: str, chunk_size: int) -> Iterator[Chunk]:
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        source = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"{path} is not a readable Parquet file: {exc}") from None
    done = 0
    with source:
        for batch in source.iter_batches(batch_size=chunk_size):
            done += batch.num_rows
            yield Chunk(batch.to_pandas(types_mapper=pd.ArrowDtype), done)
        if done == 0:
            yield Chunk(source.schema_arrow.empty_table().to_pandas(types_mapper=pd.ArrowDtype), 0)


def _read_jsonl(path: str, chunk_size: int, encoding: str, errors: str) -> Iterator[Chunk]:
    columns: list[str] | None = None
    records: list[dict[str, Any]] = []
    yielded = False
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            record = _parse_json_line(path, number, raw, encoding, errors)
            if record is None:
                continue
            columns = columns or list(record)
            _check_keys(path, number, record, columns)
            records.append(record)
            if len(records) == chunk_size:
                yield Chunk(records_frame(records, columns), fh.tell())
                records, yielded = [], True
        if records or not yielded:
            yield Chunk(records_frame(records, columns or []), fh.tell())


def _parse_json_line(path: str, number: int, raw: bytes, encoding: str, errors: str) -> dict | None:
    try:
        text = raw.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not valid {encoding} on line {number} ({exc.reason}); pass --encoding "
            f"or --errors replace"
        ) from None
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} line {number} is not valid JSON: {exc.msg}; each line must be one JSON object") from None
    if not isinstance(record, dict):
        raise InputError(f"{path} line {number} holds a JSON {type(record).__name__}, not an object")
    return record


def _check_keys(path: str, number: int, record: dict, columns: list[str]) -> None:
    extra = [key for key in record if key not in columns]
    if extra:
        raise InputError(
            f"{path} line {number} has keys the first record lacks: {', '.join(extra)}; every "
            f"record must use the first record's keys (missing keys are written as null)"
        )


def records_frame(records: list[dict[str, Any]], columns: list[str]) -> Any:
    """A DataFrame of ``records`` keeping every value's Python type (object columns)."""
    import pandas as pd

    data = {c: pd.Series([r.get(c) for r in records], dtype=object) for c in columns}
    return pd.DataFrame(data, columns=columns)


@contextmanager
def atomic_output(path: str) -> Iterator[str]:
    """A temporary path beside ``path``, renamed to ``path`` only if the block succeeds.

    A failure or Ctrl-C removes the temporary file: a complete-looking output
    only ever exists once all of it is written.
    """
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise InputError(f"the output directory {directory} does not exist; create it first")
    temporary = os.path.join(directory, f".{os.path.basename(path)}.{secrets.token_hex(4)}.part")
    open(temporary, "xb").close()
    try:
        yield temporary
    except BaseException:
        os.unlink(temporary)
        raise
    os.replace(temporary, path)


def refuse_same_file(input_path: str, output_path: str) -> None:
    """Raise :class:`InputError` if writing ``output_path`` would overwrite ``input_path``."""
    same = os.path.realpath(input_path) == os.path.realpath(output_path)
    if not same and os.path.exists(output_path):
        same = os.path.samefile(input_path, output_path)
    if same:
        raise InputError(f"the output {output_path} is the input file; write to another path")


class TableWriter:
    """Write rows one chunk after another: a DataFrame plus extra columns given as lists."""

    def __init__(self, path: str, fmt: str) -> None:
        self.path, self.format = path, fmt
        self._handle: Any = None
        self._schema: Any = None

    def write(self, frame: Any, extra: dict[str, list[Any]]) -> None:
        """Append the rows of ``frame`` with the ``extra`` columns after its own (the first call writes the header)."""
        if self.format == "parquet":
            self._write_parquet(frame, extra)
        elif self.format == "jsonl":
            self._write_jsonl(frame, extra)
        else:
            self._write_delimited(frame, extra)

    def close(self) -> None:
        """Flush and close the file."""
        if self._handle is not None:
            self._handle.close()

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write_delimited(self, frame: Any, extra: dict[str, list[Any]]) -> None:
        first = self._handle is None
        if first:
            self._handle = open(self.path, "w", encoding="utf-8", newline="")
        sep = SEPARATORS[self.format]
        if not is_plain_text(frame):
            frame.assign(**extra).to_csv(self._handle, sep=sep, index=False, header=first, lineterminator="\n")
            return
        # The standard library's writer quotes exactly as pandas does, in half the time.
        writer = csv.writer(self._handle, delimiter=sep, lineterminator="\n")
        if first:
            writer.writerow([*map(str, frame.columns), *extra])
        writer.writerows(zip(*columns_as_lists(frame), *extra.values()))

    def _write_jsonl(self, frame: Any, extra: dict[str, list[Any]]) -> None:
        if self._handle is None:
            self._handle = open(self.path, "w", encoding="utf-8", newline="\n")
        names = [*map(str, frame.columns), *extra]
        rows = zip(*columns_as_lists(frame), *extra.values())
        lines = [json.dumps(dict(zip(names, row)), ensure_ascii=False, default=str) for row in rows]
        if lines:
            self._handle.write("\n".join(lines) + "\n")

    def _write_parquet(self, frame: Any, extra: dict[str, list[Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            table = pa.Table.from_pandas(frame.assign(**extra), schema=self._schema, preserve_index=False)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise InputError(f"cannot write these rows to Parquet ({exc}); a column's type changes between rows") from None
        if self._handle is None:
            self._schema = table.schema
            self._handle = pq.ParquetWriter(self.path, self._schema)
        self._handle.write_table(table)


def columns_as_lists(frame: Any) -> list[list[Any]]:
    """Each column of ``frame`` as a list of Python values (None for Arrow nulls)."""
    return [frame[name].tolist() for name in frame.columns]


def is_plain_text(frame: Any) -> bool:
    """Whether every column of ``frame`` holds strings only, none missing (as read from CSV)."""
    import pandas as pd

    text = all(isinstance(dtype, pd.StringDtype) for dtype in frame.dtypes)
    return text and not frame.isna().to_numpy().any()
