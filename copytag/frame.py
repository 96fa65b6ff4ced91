"""Tag a column of a DataFrame: pandas eagerly, Dask lazily, with the same values.

The tag columns are :data:`copytag.types.TAG_COLUMNS`; a row's values are
those of :meth:`copytag.types.CopyTags.to_dict`. A tag column never silently
replaces an input column: a name clash raises ``ValueError``, and
``prefix="tag_"`` (say) gives the tag columns other names.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Sequence

from .fileio import InputError, MissingColumnError
from .memo import Memo, Memos
from .parallel import DASK_HINT
from .tagger import TagOptions, as_copy, resolve_options, tag_many
from .types import TAG_COLUMNS


def tag_frame(
    df: Any, column: str = "text", options: TagOptions | None = None, *, prefix: str = "", **overrides: Any
) -> Any:
    """A new DataFrame: the columns of ``df`` plus the tag columns, same index, same order.

    ``None`` and NaN cells are tagged as empty copy. Given a Dask DataFrame,
    the result is a lazy Dask DataFrame with the same columns and, once
    computed, the same values. Tag columns are named ``prefix`` + name.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": ["007", "008"], "text": ["Watch now!", None]}, index=[10, 11])
    >>> out = tag_frame(df)
    >>> list(out.columns) == ["id", "text", *TAG_COLUMNS]
    True
    >>> out.loc[10, "primary_tone"], out.loc[11, "primary_tone"], list(out.index)
    ('exclamation', 'other', [10, 11])
    >>> list(tag_frame(df, prefix="tag_").columns)[2:4]
    ['tag_language', 'tag_language_score']
    >>> tag_frame(out)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    copytag.fileio.InputError: the input already has column(s) language, language_score, ...; pass prefix="tag_" (--prefix tag_ on the command line, or another prefix) to name the tag columns apart
    """
    opts = resolve_options(options, overrides)
    check_columns(list(df.columns), column, prefix)
    if is_dask_frame(df):
        return _tag_dask_frame(df, column, opts, prefix)
    return append_tags(df, column, opts, prefix)


def check_columns(columns: Sequence[Any], column: str, prefix: str = "") -> None:
    """Raise if ``column`` is missing or a tag column would overwrite an input column."""
    if column not in columns:
        there = ", ".join(map(str, columns)) or "(none)"
        raise MissingColumnError(f"no column {column!r} in the input; the columns are: {there}")
    clashes = [name for name in tag_column_names(prefix) if name in columns]
    if clashes:
        raise InputError(
            f"the input already has column(s) {', '.join(clashes)}; pass prefix=\"tag_\" "
            f"(--prefix tag_ on the command line, or another prefix) to name the tag columns apart"
        )


def tag_column_names(prefix: str = "") -> list[str]:
    """The names of the tag columns with ``prefix``.

    >>> tag_column_names("t_")[:2]
    ['t_language', 't_language_score']
    """
    return [prefix + name for name in TAG_COLUMNS]


class TaggingError(RuntimeError):
    """The tagger failed on one row: a bug to report, with the row and its text."""


def tag_columns(
    texts: list[str], options: TagOptions, first_row: int = 1, numbers: Sequence[int] | None = None
) -> dict[str, list[Any]]:
    """Tag ``texts`` and return the tag columns as lists, in the order of ``texts``.

    ``first_row`` is the number of ``texts[0]`` in the whole input, for errors
    (or ``numbers`` gives the number of each text).
    Copy seen recently, in this call or an earlier one with the same options,
    is not tagged again: its row comes from a bounded memo (see :mod:`copytag.memo`).

    >>> tag_columns(["Hi!"], TagOptions(use_model=False))["primary_tone"]
    ['exclamation']
    """
    memo = ROW_MEMOS(options)
    rows, todo = recall(texts, memo)
    if todo:
        try:
            results = tag_many(list(todo), options=options)
        except Exception as exc:
            raise locate_failure(texts, options, numbers or range(first_row, first_row + len(texts))) from exc
        rows = fill(texts, rows, {text: row_values(r) for text, r in zip(todo, results)}, memo)
    return columns_of(rows)


def row_values(result: Any) -> tuple:
    """The values of :data:`TAG_COLUMNS` of one result, in that order."""
    values = result.to_dict()
    return tuple([values[name] for name in TAG_COLUMNS])


def recall(texts: list[str], memo: Memo) -> tuple[list[tuple | None], dict[str, int]]:
    """The row ``memo`` holds for each text (None if none), and the texts to tag: each
    distinct text without a row, with the index of its first place in ``texts``."""
    rows = [memo.get(text) for text in texts]
    todo: dict[str, int] = {}
    for i, (text, row) in enumerate(zip(texts, rows)):
        if row is None and text not in todo:
            todo[text] = i
    return rows, todo


def fill(texts: list[str], rows: list[tuple | None], fresh: dict[str, tuple], memo: Memo) -> list[tuple]:
    """``rows`` with the gaps filled from ``fresh`` (the rows just tagged), which ``memo`` keeps."""
    for text, row in fresh.items():
        memo.put(text, row)
    return [row or fresh[text] for text, row in zip(texts, rows)]


def columns_of(rows: list[tuple]) -> dict[str, list[Any]]:
    """The tag columns of ``rows``, each a tuple of the values of :data:`TAG_COLUMNS`."""
    if not rows:
        return empty_tags()
    return {name: list(column) for name, column in zip(TAG_COLUMNS, zip(*rows))}


#: Rows kept per set of options; each memo holds at most twice this many texts.
ROW_MEMO_SIZE = 1 << 16
ROW_MEMOS = Memos(ROW_MEMO_SIZE)


def locate_failure(texts: list[str], options: TagOptions, numbers: Sequence[int]) -> TaggingError:
    """A :class:`TaggingError` naming the first row of ``texts`` that the tagger fails on
    (``numbers`` are the rows' numbers in the whole input)."""
    for number, text in zip(numbers, texts):
        try:
            tag_many([text], options=options)
        except Exception as exc:  # the tagger's own bug: report it with the row that shows it
            return TaggingError(
                f"tagging row {number} failed with {type(exc).__name__}: {exc}; the text was "
                f"{text[:200]!r}. This is a bug in copytag: please report it with that text"
            )
    return TaggingError(f"tagging rows {min(numbers)} to {max(numbers)} failed, but no row fails alone")


def copy_texts(values: Sequence[Any], column: str, first_row: int = 1) -> list[str]:
    """The cells of ``column`` as the copy to tag (None and NaN are empty copy).

    >>> copy_texts(["a", None], "ad_copy")
    ['a', '']
    >>> copy_texts(["a", 3], "ad_copy")
    Traceback (most recent call last):
    ...
    copytag.fileio.InputError: row 2 of column 'ad_copy' holds int (3), not text; tag a column of text
    """
    if all(type(value) is str for value in values):  # the usual case, checked fast
        return values if isinstance(values, list) else list(values)
    try:
        return [as_copy(value) for value in values]
    except TypeError:
        row, bad = next((i, v) for i, v in enumerate(values, first_row) if _not_copy(v))
        raise InputError(
            f"row {row} of column {column!r} holds {type(bad).__name__} ({str(bad)[:40]}), not text; "
            f"tag a column of text"
        ) from None


def _not_copy(value: Any) -> bool:
    try:
        as_copy(value)
    except TypeError:
        return True
    return False


def append_tags(df: Any, column: str, options: TagOptions, prefix: str = "") -> Any:
    """``df`` with the tag columns of its ``column`` appended (a new pandas DataFrame)."""
    return with_tags(df, tag_columns(copy_texts(df[column].tolist(), column), options), prefix)


def with_tags(df: Any, tags: dict[str, list[Any]], prefix: str = "") -> Any:
    """``df`` with the columns of ``tags`` appended under ``prefix``, in ``df``'s index."""
    import pandas as pd

    dtypes = tag_dtypes()
    new = {prefix + name: pd.Series(tags[name], index=df.index, dtype=dtypes[name]) for name in TAG_COLUMNS}
    return df.assign(**new)


@lru_cache(maxsize=1)
def tag_dtypes() -> dict[str, Any]:
    """The pandas dtype of each tag column: this pandas' string dtype, and float64 for the score."""
    import pandas as pd

    text = pd.Series(["a"]).dtype
    return {name: ("float64" if name == "language_score" else text) for name in TAG_COLUMNS}


def is_dask_frame(df: Any) -> bool:
    """Whether ``df`` is a Dask DataFrame (checked without importing Dask).

    >>> import pandas as pd
    >>> is_dask_frame(pd.DataFrame())
    False
    """
    return type(df).__module__.split(".")[0] == "dask"


def empty_tags() -> dict[str, list[Any]]:
    """Tag columns with no rows (the shape of the result, for Dask's ``meta``)."""
    return {name: [] for name in TAG_COLUMNS}


def _tag_dask_frame(ddf: Any, column: str, options: TagOptions, prefix: str) -> Any:
    require_dask_dataframe()
    meta = with_tags(ddf._meta, empty_tags(), prefix)
    return ddf.map_partitions(append_tags, column, options, prefix, meta=meta)


def require_dask_dataframe() -> None:
    """Import dask.dataframe, or raise ImportError saying how to install it."""
    try:
        import dask.dataframe  # noqa: F401
    except ImportError as exc:
        raise ImportError(f"Dask DataFrames need dask[dataframe]; {DASK_HINT}") from exc
