"""Read a file of creatives and write the report's tables to spreadsheets.

Reading is by file suffix (``.csv``, ``.tsv``, ``.parquet``, ``.jsonl``, any
of them ``.gz``-compressed except Parquet). Writing guards every text cell
with :func:`copytag.safety.guard_formula`, so ad copy such as
``=HYPERLINK(...)`` stays text when the file is opened in a spreadsheet.
"""
from __future__ import annotations

import os
from typing import Any

from ..safety import guard_formula

#: Suffix -> how to read it.
READERS: dict[str, str] = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".parquet": "parquet", ".pq": "parquet",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}


def file_kind(path: str) -> str:
    """The kind of data file ``path`` is, from its suffix (``.gz`` looked through).

    >>> file_kind("creatives.tsv.gz"), file_kind("x.parquet")
    ('tsv', 'parquet')
    >>> file_kind("notes.txt")
    Traceback (most recent call last):
    ...
    ValueError: cannot tell the format of 'notes.txt' from its suffix; use .csv, .tsv, .tab, .parquet, .pq, .jsonl, .ndjson
    """
    stem, suffix = os.path.splitext(path.lower())
    if suffix == ".gz":
        suffix = os.path.splitext(stem)[1]
    if suffix not in READERS:
        known = ", ".join(READERS)
        raise ValueError(f"cannot tell the format of {os.path.basename(path)!r} from its suffix; use {known}")
    return READERS[suffix]


def read_table(path: str) -> Any:
    """A file of creatives as a DataFrame; text columns stay text (no NaN for empty copy)."""
    import pandas as pd

    kind = file_kind(path)
    if kind == "parquet":
        return pd.read_parquet(path)
    if kind == "jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    sep = "\t" if kind == "tsv" else ","
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)


def guarded(table: Any) -> Any:
    """``table`` with every text cell passed through :func:`guard_formula`."""
    out = table.copy()
    for name in out.columns:
        if out[name].dtype == object or str(out[name].dtype) in ("str", "string"):
            out[name] = out[name].map(guard_formula).astype(object)
    return out


def meta_table(summary: Any) -> Any:
    """The summary's ``meta`` as a two-column table."""
    import pandas as pd

    return pd.DataFrame({"key": list(summary.meta), "value": [str(v) for v in summary.meta.values()]})


def write_csv_dir(summary: Any, directory: str) -> list[str]:
    """One CSV per table (and ``meta.csv``) in ``directory``; the paths written."""
    os.makedirs(directory, exist_ok=True)
    paths = []
    for name, table in {**summary.tables(), "meta": meta_table(summary)}.items():
        path = os.path.join(directory, f"{name}.csv")
        guarded(table).to_csv(path, index=False)
        paths.append(path)
    return paths


def write_xlsx(summary: Any, path: str) -> None:
    """One sheet per table (and ``meta``) in an Excel workbook (needs ``openpyxl``)."""
    import pandas as pd

    try:
        import openpyxl  # noqa: F401 - pandas needs it to write .xlsx
    except ImportError:
        raise RuntimeError("writing .xlsx needs openpyxl: pip install openpyxl, or use --csv-dir DIR") from None
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in {**summary.tables(), "meta": meta_table(summary)}.items():
            guarded(table).to_excel(writer, sheet_name=name, index=False)
