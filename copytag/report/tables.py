"""The language, action and tone tables: counts and shares of creatives, per group.

Every function reads the base frame of :mod:`copytag.report.prepare` and
returns a DataFrame whose first column is ``group``. Shares are fractions of
the creatives in the group (0.25 is 25%). Multi-label columns are counted
once per distinct combination and then split, so the work grows with the
number of combinations, not of rows.
"""
from __future__ import annotations

from typing import Any, Sequence

from ..types import ACTIONS, TONES
from .names import display_name

#: The ``action`` row for creatives with no call to action.
NO_ACTION = "none"


def group_order(base: Any) -> list[str]:
    """The groups, largest first (ties by name)."""
    sizes = base["group"].value_counts()
    return sorted(sizes.index, key=lambda g: (-sizes[g], g))


def group_totals(base: Any) -> Any:
    """Number of creatives per group."""
    return base["group"].value_counts()


def sort_by_group(table: Any, groups: Sequence[str], then: list[str], ascending: list[bool]) -> Any:
    """``table`` ordered by the group order, then by ``then``."""
    rank = {g: i for i, g in enumerate(groups)}
    keyed = table.assign(_rank=table["group"].map(rank))
    ordered = keyed.sort_values(["_rank", *then], ascending=[True, *ascending], kind="stable")
    return ordered.drop(columns="_rank").reset_index(drop=True)


def count_languages(base: Any, groups: Sequence[str]) -> Any:
    """Creatives per language: ``group, language, name, count, share`` (shares sum to 1 per group)."""
    counts = base.groupby(["group", "language"]).size().rename("count").reset_index()
    counts["share"] = counts["count"] / counts["group"].map(group_totals(base))
    counts.insert(2, "name", counts["language"].map(display_name))
    return sort_by_group(counts, groups, ["count", "language"], [False, True])


def count_labels(base: Any, column: str, labels: Sequence[str], groups: Sequence[str]) -> Any:
    """Creatives per label of a ``|``-joined column, every label in every group (0 if absent)."""
    import pandas as pd

    combos = base.groupby(["group", column]).size().rename("count").reset_index()
    combos["label"] = combos[column].str.split("|")
    exploded = combos.explode("label").replace({"label": {"": NO_ACTION}})
    counts = exploded.groupby(["group", "label"])["count"].sum()
    full = pd.MultiIndex.from_product([list(groups), list(labels)], names=["group", "label"])
    table = counts.reindex(full, fill_value=0).reset_index()
    table["share"] = table["count"] / table["group"].map(group_totals(base))
    return table


def count_actions(base: Any, groups: Sequence[str]) -> Any:
    """Creatives per action type: ``group, action, count, share``.

    A creative with several actions counts for each (shares can sum past 1);
    the ``none`` row counts creatives with no call to action.
    """
    table = count_labels(base, "actions", (*ACTIONS, NO_ACTION), groups)
    return table.rename(columns={"label": "action"})


def count_tones(base: Any, groups: Sequence[str]) -> Any:
    """Creatives per tone: ``group, tone, count, share, primary_count, primary_share``.

    ``count``/``share`` are multi-label (a creative with emoji and a question
    counts for both); ``primary_count``/``primary_share`` count each creative
    once, by its primary tone, so ``primary_share`` sums to 1 per group.
    """
    table = count_labels(base, "tones", TONES, groups).rename(columns={"label": "tone"})
    primary = count_labels(base, "primary_tone", TONES, groups)
    table["primary_count"] = primary["count"].to_numpy()
    table["primary_share"] = primary["share"].to_numpy()
    return table
