"""Tag a DataFrame column (pandas now; Dask to come)."""
from __future__ import annotations

from typing import Any

from .tagger import TagOptions, tag_many
from .types import TAG_COLUMNS


def tag_frame(df: Any, column: str = "text", options: TagOptions | None = None, **overrides: Any) -> Any:
    """A new DataFrame: the columns of ``df`` plus the tag columns, same rows, same order."""
    import pandas as pd

    if column not in df.columns:
        raise KeyError(f"no column {column!r}; the columns are: {', '.join(map(str, df.columns))}")
    rows = [t.to_dict() for t in tag_many(df[column], options=options, **overrides)]
    tags = pd.DataFrame(rows, index=df.index, columns=["text", *TAG_COLUMNS]).drop(columns="text")
    return pd.concat([df, tags], axis=1)
