"""Action keywords by type and language: the report's keyword table.

Each keyword a creative's CTAs matched (``cta_keywords``) is counted once per
creative, case-folded (``Download`` and ``DOWNLOAD`` are one keyword, shown in
its most frequent form), under the creative's language and the keyword's
action type.

Which action a keyword belongs to is read, in this order, from:

1. ``cta_actions``, the CTA's action type, aligned with ``cta_keywords``
   (``summarize`` writes it when it tags the copy itself);
2. the creative's ``actions`` when it has exactly one action type;
3. the action the same case-folded keyword has in single-action creatives
   of the same data (most creatives win);
4. :func:`copytag.extract_ctas` run on the keyword alone, in its language.

A keyword none of these resolves to one of the creative's actions is left
out of the table (it is rare: a keyword seen only next to other CTA verbs).
"""
from __future__ import annotations

from typing import Any, Sequence

from .tables import sort_by_group

#: Columns of the keyword table.
KEYWORD_COLUMNS: tuple[str, ...] = ("group", "action", "language", "keyword", "count", "share")


def count_keywords(base: Any, groups: Sequence[str], top: int) -> Any:
    """The ``top`` keywords per group, action type and language, with counts and shares.

    ``share`` is the fraction of the creatives of that group and language
    with that action type whose copy used the keyword.
    """
    import pandas as pd

    pairs = keyword_pairs(base)
    if pairs.empty:
        return pd.DataFrame(columns=list(KEYWORD_COLUMNS))
    pairs["action"] = resolve_actions(pairs)
    pairs = pairs[pairs["action"] != ""]
    pairs = pairs.drop_duplicates(["combo", "action", "key"])
    table = rank_keywords(pairs, top)
    table["share"] = table["count"] / action_totals(base, table)
    return order_keywords(table, groups)


def keyword_pairs(base: Any) -> Any:
    """One row per (distinct tag combination, keyword), weighted by how many creatives share it."""
    cols = ["group", "language", "actions", "cta_keywords", "cta_actions"]
    has = base[base["cta_keywords"] != ""]
    combos = has[cols].fillna({"cta_actions": ""}).value_counts(dropna=False).rename("weight").reset_index()
    combos["combo"] = range(len(combos))
    combos["keyword"] = combos["cta_keywords"].str.split("|")
    combos["given"] = aligned_actions(combos)
    pairs = combos.explode(["keyword", "given"], ignore_index=True)
    pairs = pairs[pairs["keyword"].str.len() > 0].reset_index(drop=True)
    pairs["key"] = pairs["keyword"].str.casefold()
    return pairs


def aligned_actions(combos: Any) -> Any:
    """``cta_actions`` split, where it has one action per keyword; else one ``""`` per keyword."""
    given = combos["cta_actions"].str.split("|")
    sizes = combos["keyword"].str.len()
    fits = given.str.len() == sizes
    blanks = sizes.map(lambda n: [""] * n)
    return given.where(fits, blanks)


def resolve_actions(pairs: Any) -> Any:
    """The action type of each keyword pair, by the rules of the module docstring (``""``: unresolved)."""
    row_actions = pairs["actions"].str.split("|")
    single = row_actions.str.len().eq(1) & pairs["actions"].ne("")
    action = pairs["given"].where(pairs["given"].ne(""), pairs["actions"].where(single, ""))
    learned = learn_actions(pairs.assign(action=action)[action.ne("")])
    action = action.where(action.ne(""), pairs["key"].map(learned).fillna(""))
    todo = action.eq("")
    if todo.any():
        action[todo] = extracted_actions(pairs[todo])
    ok = [a in acts for a, acts in zip(action, row_actions)]
    return action.where(ok, "")


def learn_actions(known: Any) -> Any:
    """Case-folded keyword -> the action it most often has where the action is known."""
    weights = known.groupby(["key", "action"])["weight"].sum().reset_index()
    best = weights.sort_values(["weight", "action"], ascending=[False, True]).drop_duplicates("key")
    return best.set_index("key")["action"]


def extracted_actions(pairs: Any) -> list[str]:
    """The action :func:`copytag.extract_ctas` finds in each keyword alone (``""`` if not one)."""
    from ..cta import extract_ctas

    found: dict[tuple[str, str], str] = {}
    for keyword, language in set(zip(pairs["keyword"], pairs["language"])):
        try:
            kinds = {c.action for c in extract_ctas(keyword, language=language or None)}
        except LookupError:
            kinds = set()
        found[keyword, language] = kinds.pop() if len(kinds) == 1 else ""
    return [found[k, lang] for k, lang in zip(pairs["keyword"], pairs["language"])]


def rank_keywords(pairs: Any, top: int) -> Any:
    """Counts per (group, action, language, key), the ``top`` per (group, action, language)."""
    counts = pairs.groupby(["group", "action", "language", "key"])["weight"].sum().rename("count").reset_index()
    counts = counts.sort_values(["count", "key"], ascending=[False, True], kind="stable")
    counts = counts.groupby(["group", "action", "language"]).head(top)
    forms = pairs.groupby(["group", "action", "language", "key", "keyword"])["weight"].sum().reset_index()
    forms = forms.sort_values(["weight", "keyword"], ascending=[False, True]).drop_duplicates(
        ["group", "action", "language", "key"])
    return counts.merge(forms.drop(columns="weight"), on=["group", "action", "language", "key"], how="left")


def action_totals(base: Any, table: Any) -> Any:
    """For each row of ``table``: creatives of its group and language that have its action."""
    combos = base.groupby(["group", "language", "actions"]).size().rename("n").reset_index()
    combos["action"] = combos["actions"].str.split("|")
    totals = combos.explode("action").groupby(["group", "language", "action"])["n"].sum()
    index = list(zip(table["group"], table["language"], table["action"]))
    return totals.reindex(index).fillna(0).to_numpy()


def order_keywords(table: Any, groups: Sequence[str]) -> Any:
    """Rows in group order, then action type (report order), then language by volume, then count."""
    from ..types import ACTIONS

    action_rank = {a: i for i, a in enumerate(ACTIONS)}
    volume = table.groupby(["group", "action", "language"])["count"].transform("sum")
    keyed = table.assign(_a=table["action"].map(action_rank).fillna(len(ACTIONS)), _v=volume)
    ordered = sort_by_group(keyed, groups, ["_a", "_v", "language", "count"], [True, False, True, False])
    return ordered[list(KEYWORD_COLUMNS)]
