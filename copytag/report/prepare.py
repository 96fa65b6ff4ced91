"""Bring a DataFrame of creatives into the shape the report tables read.

The tables read one *base* frame with the columns of :data:`BASE_COLUMNS`:
``group`` (the ``by`` column as text, ``""`` without ``by``), the copy as
``text``, and the tag columns. A frame that already has the tag columns (a
file written by ``copytag tag``) is used as it is; otherwise the copy is
tagged here, and ``cta_actions`` then comes straight from the CTA objects.
"""
from __future__ import annotations

from typing import Any

from ..types import TAG_COLUMNS

#: The columns every table reads.
BASE_COLUMNS: tuple[str, ...] = (
    "group", "text", "language", "actions", "tones", "primary_tone", "cta_keywords", "cta_actions"
)

#: Tag columns the tables need (``language_score`` is not used; ``cta_actions``
#: is optional: files tagged before it existed are still summarised).
NEEDED_TAGS: tuple[str, ...] = tuple(c for c in TAG_COLUMNS if c not in ("language_score", "cta_actions"))

#: The group of a row whose ``by`` value is missing.
MISSING_GROUP = "(missing)"


def prepare_base(df: Any, column: str, by: str | None) -> Any:
    """The base frame for ``df``: tagged if needed, with the group and copy columns.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"ad_copy": ["Watch now!"], "language": ["en"], "actions": ["watch"],
    ...     "tones": ["exclamation"], "cta_keywords": ["Watch"], "primary_tone": ["exclamation"]})
    >>> prepare_base(df, "ad_copy", None).iloc[0].to_dict()["cta_actions"] is None
    True
    """
    import pandas as pd

    check_columns(df, column, by)
    tagged = df if has_tags(df) else tag_with_ctas(df, column)
    base = pd.DataFrame(index=pd.RangeIndex(len(df)))
    base["group"] = group_labels(df[by]) if by else ""
    base["text"] = text_of(df[column])
    for name in NEEDED_TAGS:
        base[name] = text_of(tagged[name])
    base["cta_actions"] = text_of(tagged["cta_actions"]) if "cta_actions" in tagged.columns else None
    return base


def check_columns(df: Any, column: str, by: str | None) -> None:
    """Raise a clear error when ``df`` is not a DataFrame or lacks a column the report needs."""
    if not hasattr(df, "columns") or not hasattr(df, "iloc"):
        raise TypeError(f"summarize() expects a pandas DataFrame, got {type(df).__name__}; "
                        "read the file first, e.g. pandas.read_csv(path)")
    columns = ", ".join(map(str, df.columns))
    if column not in df.columns:
        raise KeyError(f"no column {column!r} with the ad copy; the columns are: {columns} (pass column=...)")
    if by is not None and by not in df.columns:
        raise KeyError(f"no column {by!r} to group by; the columns are: {columns}")
    present = [c for c in NEEDED_TAGS if c in df.columns]
    if present and len(present) < len(NEEDED_TAGS):
        missing = ", ".join(c for c in NEEDED_TAGS if c not in df.columns)
        raise ValueError(f"the frame has some tag columns but not {missing}; "
                         "re-tag it with copytag.tag_frame or drop the tag columns so summarize tags it")


def has_tags(df: Any) -> bool:
    """Whether ``df`` already has every tag column the report reads."""
    return all(c in df.columns for c in NEEDED_TAGS)


def tag_with_ctas(df: Any, column: str) -> Any:
    """Tag ``df[column]``: the tag columns, ``cta_actions`` aligned with ``cta_keywords``."""
    import pandas as pd

    from ..tagger import tag_many

    rows = [tags.to_dict() for tags in tag_many(df[column])]
    return pd.DataFrame(rows, columns=list(TAG_COLUMNS))


def group_labels(values: Any) -> Any:
    """The ``by`` column as text; missing values become :data:`MISSING_GROUP`."""
    labels = values.astype("string").fillna(MISSING_GROUP).astype(str)
    return labels.reset_index(drop=True).where(labels.str.len().to_numpy() > 0, MISSING_GROUP)


def text_of(values: Any) -> Any:
    """A column as ``str`` with missing values as ``""``, on a fresh 0..n-1 index."""
    return values.astype("string").fillna("").astype(str).reset_index(drop=True)
