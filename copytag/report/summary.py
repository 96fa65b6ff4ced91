"""``summarize``: the industry report's tables for a DataFrame of creatives."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from types import MappingProxyType
from typing import Any, Mapping

from .keywords import count_keywords
from .phrases import count_phrases
from .prepare import prepare_base
from .tables import count_actions, count_languages, count_tones, group_order

#: The tables of a :class:`Summary`, in report order.
TABLE_NAMES: tuple[str, ...] = ("languages", "phrases", "actions", "keywords", "tones")


@dataclass(frozen=True)
class Summary:
    """The report tables of a set of creatives; immutable.

    Each table is a DataFrame (a fresh copy on every access, so changing it
    does not change the summary). With ``by``, each table starts with a
    ``group`` column. ``meta`` holds the row count, the options and the
    copytag version.

    - ``languages``: ``language, name, count, share`` (shares sum to 1).
    - ``phrases``: the top recurring phrases per language (see
      :mod:`copytag.report.phrases`).
    - ``actions``: creatives per action type, multi-label, and ``none``.
    - ``keywords``: the top keywords per action type and language (see
      :mod:`copytag.report.keywords`).
    - ``tones``: per tone, multi-label ``count``/``share`` and the
      primary-tone ``primary_count``/``primary_share`` (sums to 1).
    """

    _tables: Mapping[str, Any] = field(repr=False)
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def languages(self) -> Any:
        """Creatives per language, with display names."""
        return self.table("languages")

    @property
    def phrases(self) -> Any:
        """Top recurring phrases per language."""
        return self.table("phrases")

    @property
    def actions(self) -> Any:
        """Share of creatives per action type."""
        return self.table("actions")

    @property
    def keywords(self) -> Any:
        """Top keywords per action type and language."""
        return self.table("keywords")

    @property
    def tones(self) -> Any:
        """Share of creatives per tone, multi-label and primary."""
        return self.table("tones")

    def table(self, name: str) -> Any:
        """One table by name (one of :data:`TABLE_NAMES`), as a copy."""
        if name not in self._tables:
            raise KeyError(f"no table {name!r}; the tables are {', '.join(TABLE_NAMES)}")
        return self._tables[name].copy()

    def tables(self) -> dict[str, Any]:
        """Every table by name, in report order (copies)."""
        return {name: self.table(name) for name in TABLE_NAMES}

    def to_dict(self) -> dict[str, Any]:
        """``meta`` and every table as a list of row dicts: JSON-safe."""
        out: dict[str, Any] = {"meta": dict(self.meta)}
        for name in TABLE_NAMES:
            out[name] = json.loads(self._tables[name].to_json(orient="records", force_ascii=False))
        return out

    def to_json(self, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text (UTF-8, not ASCII-escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(self._tables[name])}" for name in TABLE_NAMES)
        return f"Summary(rows={self.meta.get('rows')}, by={self.meta.get('by')!r}, {sizes})"


def summarize(df: Any, column: str = "ad_copy", by: str | None = None, top: int = 10) -> Summary:
    """The industry report's tables for ``df``, tagging it first if it has no tag columns.

    ``by`` names a column (market, app, month ...) to get every table per
    group; ``top`` is how many phrases and keywords to keep per language.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"ad_copy": ["Watch now!", "Mira ya 🔥", "¿Quién es?"],
    ...     "language": ["en", "es", "es"], "actions": ["watch", "watch", ""],
    ...     "tones": ["exclamation", "emoji", "question"], "cta_keywords": ["Watch", "Mira", ""],
    ...     "primary_tone": ["exclamation", "emoji", "question"]})
    >>> s = summarize(df)
    >>> s.languages[["name", "count"]].values.tolist()
    [['Spanish', 2], ['English', 1]]
    >>> int(s.actions.set_index("action").loc["watch", "count"])
    2
    """
    check_top(top)
    if hasattr(df, "columns") and len(df) == 0:
        raise ValueError("there are no creatives to summarise: the table has no rows")
    base = prepare_base(df, column, by)
    groups = group_order(base)
    tables = {
        "languages": count_languages(base, groups),
        "phrases": count_phrases(base, groups, top),
        "actions": count_actions(base, groups),
        "keywords": count_keywords(base, groups, top),
        "tones": count_tones(base, groups),
    }
    if by is None:
        tables = {name: t.drop(columns="group") for name, t in tables.items()}
    return Summary(MappingProxyType(tables), MappingProxyType(describe(df, column, by, top, len(groups))))


def check_top(top: Any) -> None:
    """Raise a clear error unless ``top`` is a positive whole number."""
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a whole number of at least 1, got {top!r}")


def describe(df: Any, column: str, by: str | None, top: int, groups: int) -> dict[str, Any]:
    """The ``meta`` of a summary: what was summarised, how and when."""
    from .. import __version__

    return {
        "rows": int(len(df)),
        "column": column,
        "by": by,
        "groups": groups if by else None,
        "top": top,
        "copytag_version": __version__,
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
