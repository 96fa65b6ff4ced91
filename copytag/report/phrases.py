"""Top recurring phrases: whole copy lines and runs of words that many creatives share.

What a phrase is, step by step:

1. **Lines.** Each copy is cut into lines at line breaks, sentence marks
   (``. ! ? ¡ ¿ 。 ！ ？ … ؟ ।`` and ``:``/``;``/``|``/``•``), brackets
   (``【独家】`` is a line of its own) and emoji: "Watch now 🔥 Download the
   app" is two lines.
2. **Words.** Inside a line, punctuation and symbols become spaces (but
   ``can't``, ``0.99``, ``1,000`` and ``50%`` keep theirs, and currency signs stay) and the line is
   split at whitespace. The *normalised* form is the words lower-cased and
   joined by one space, so "Watch FULL Episodes" and "Watch full
   episodes!" are one phrase, ``watch full episodes``.
3. **Phrases.** A phrase is a whole line (with at least one letter), or a
   run of 2 to :data:`MAX_WORDS` consecutive words inside one line that
   neither starts nor ends with a short function word of the creative's
   language (:mod:`copytag.report.stopwords`: "download the app" is a
   phrase, "the app" and "watch the" are not). Scripts written without spaces (Chinese, Japanese, Thai)
   give whole lines only.
4. **Counting.** A phrase counts once per creative, however often that
   copy repeats it, and only phrases in at least :data:`MIN_CREATIVES`
   creatives recur. Phrases are ranked per language by creatives; a phrase
   is left out when a longer listed phrase that contains it covers at least
   :data:`SUBSUMED_SHARE` of its creatives ("watch full" is dropped for
   "watch full episodes"). Each phrase is shown in its most frequent
   original form (words as written, joined by one space).

The heavy steps run on Arrow arrays of the distinct texts (identical copy is
processed once and weighted by its number of creatives).
"""
from __future__ import annotations

from typing import Any, Sequence

from .stopwords import stop_words

#: Longest run of words counted inside a line (whole lines can be longer).
MAX_WORDS = 4

#: A phrase recurs when at least this many creatives use it.
MIN_CREATIVES = 2

#: A phrase is dropped when a longer listed phrase containing it covers this share of its creatives.
SUBSUMED_SHARE = 0.8

#: Columns of the phrase table.
PHRASE_COLUMNS: tuple[str, ...] = ("group", "language", "phrase", "normalized", "words", "count", "share")

#: Where a copy is cut into lines (RE2 syntax, run by Arrow).
LINE_BREAKS = (
    r"[.:…](?:\s|$)|[\p{So}\p{Ps}\p{Pe}\x{200D}\x{FE0E}\x{FE0F}\x{20E3}\x{E0020}-\x{E007F}"
    r"\x{1F3FB}-\x{1F3FF}!?¡¿。！？‼⁉؟।॥|•·;；：\n\r\t]+"
)

#: Marks kept inside words: (pattern, replacement hiding the mark, hiding character, mark).
KEPT_MARKS: tuple[tuple[str, str, str, str], ...] = (
    (r"(\pL|\pN)'(\pL)", "\\1\x01\\2", "\x01", "'"),
    (r"(\d)\.(\d)", "\\1\x02\\2", "\x02", "."),
    (r"(\d),(\d)", "\\1\x03\\2", "\x03", ","),
    (r"(\d)%", "\\1\x04", "\x04", "%"),
)

#: Typographic apostrophes, read as ``'``.
APOSTROPHES = r"[’‘ʼ＇]"


def count_phrases(base: Any, groups: Sequence[str], top: int) -> Any:
    """The ``top`` recurring phrases per group and language (see the module docstring)."""
    import pandas as pd

    texts = base.groupby(["group", "language", "text"]).size().rename("weight").reset_index()
    texts = texts[texts["text"].str.len() > 0].reset_index(drop=True)
    cands, keys, forms = phrase_candidates(texts["text"], texts["language"])
    if cands.empty:
        return pd.DataFrame(columns=list(PHRASE_COLUMNS))
    gl_codes, gl_pairs = pd.factorize(pd.MultiIndex.from_frame(texts[["group", "language"]]))
    uid = cands["uid"].to_numpy()
    cands["weight"] = texts["weight"].to_numpy()[uid]
    cands["gl"] = gl_codes[uid]
    table = rank_phrases(cands, keys, top)
    if table.empty:
        return pd.DataFrame(columns=list(PHRASE_COLUMNS))
    table["group"] = gl_pairs.get_level_values(0)[table["gl"]]
    table["language"] = gl_pairs.get_level_values(1)[table["gl"]]
    table["normalized"] = keys[table["key"]].astype(str)
    table["phrase"] = forms[table["form"]].astype(str)
    table["words"] = table["normalized"].str.count(" ") + 1
    totals = base.groupby(["group", "language"]).size()
    table["share"] = table["count"] / totals.reindex(list(zip(table["group"], table["language"]))).to_numpy()
    return order_phrases(table, groups)


def phrase_candidates(texts: Any, languages: Any) -> tuple[Any, Any, Any]:
    """Every (text number, phrase code, form code), once per text and phrase; and the codes' strings."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.array(texts.astype(str).to_list(), type=pa.large_string())
    lines = pc.split_pattern(pc.replace_substring_regex(array, LINE_BREAKS, "\n"), "\n")
    line_text = pc.list_flatten(lines)
    line_uid = pc.list_parent_indices(lines).to_numpy()
    clean = pc.utf8_trim_whitespace(strip_punctuation(line_text))
    words = pc.utf8_split_whitespace(clean)
    folded = pc.utf8_split_whitespace(pc.utf8_lower(clean))
    stops = stop_word_mask(folded, languages.to_numpy()[line_uid])
    parts = [whole_lines(words, folded, line_uid)]
    parts.extend(word_runs(words, folded, line_uid, stops, size) for size in range(2, MAX_WORDS + 1))
    frame = pa.concat_tables(parts).to_pandas()
    frame["key"], keys = pd.factorize(frame["key"])
    frame["form"], forms = pd.factorize(frame["form"])
    return frame.drop_duplicates(["uid", "key"], ignore_index=True), keys, forms


def stop_word_mask(folded: Any, line_language: Any) -> Any:
    """For every word of every line: is it a stop word of the line's language?"""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    codes, names = pd_factorize(line_language)
    tagged_words = [f"{i}\x00{w}" for i, name in enumerate(names) for w in stop_words(str(name))]
    if not tagged_words:
        return np.zeros(len(pc.list_flatten(folded)), dtype=bool)
    word_language = pa.array(codes[pc.list_parent_indices(folded).to_numpy()].astype(str), pa.large_string())
    tagged = pc.binary_join_element_wise(word_language, pc.list_flatten(folded), pa.scalar("\x00", pa.large_string()))
    return pc.is_in(tagged, value_set=pa.array(tagged_words, pa.large_string())).to_numpy(zero_copy_only=False)


def pd_factorize(values: Any) -> tuple[Any, Any]:
    """Integer codes and distinct values of ``values``."""
    import pandas as pd

    return pd.factorize(values)


def strip_punctuation(lines: Any) -> Any:
    """Lines with punctuation and symbols as spaces, except the :data:`KEPT_MARKS` inside words."""
    import pyarrow.compute as pc

    out = pc.replace_substring_regex(lines, APOSTROPHES, "'")
    for pattern, replacement, _, _ in KEPT_MARKS:
        out = pc.replace_substring_regex(out, pattern, replacement)
    out = pc.replace_substring_regex(out, r"[\p{P}\p{Sm}\p{Sk}\p{So}]", " ")
    for _, _, hidden, mark in KEPT_MARKS:
        out = pc.replace_substring(out, hidden, mark)
    return out


def SPACE() -> Any:  # noqa: N802 - reads as the constant it stands for
    """The word separator as an Arrow scalar of the text type used here."""
    import pyarrow as pa

    return pa.scalar(" ", pa.large_string())


def phrase_table(uid: Any, key: Any, form: Any) -> Any:
    """An Arrow table of candidate phrases."""
    import pyarrow as pa

    return pa.table({"uid": pa.array(uid, pa.int64()), "key": key.cast(pa.large_string()),
                     "form": form.cast(pa.large_string())})


def whole_lines(words: Any, folded: Any, line_uid: Any) -> Any:
    """Lines with at least one letter, as phrases."""
    import pyarrow.compute as pc

    key = pc.binary_join(folded, SPACE())
    keep = pc.fill_null(pc.match_substring_regex(key, r"\pL"), False).to_numpy(zero_copy_only=False)
    return phrase_table(line_uid[keep], key.filter(keep), pc.binary_join(words, SPACE()).filter(keep))


def word_runs(words: Any, folded: Any, line_uid: Any, stops: Any, size: int) -> Any:
    """Every run of ``size`` consecutive words inside one line that has a letter and neither starts
    nor ends with a stop word."""
    import numpy as np
    import pyarrow.compute as pc

    line_of = pc.list_parent_indices(words).to_numpy()
    flat, flat_folded = pc.list_flatten(words), pc.list_flatten(folded)
    n = max(len(line_of) - size + 1, 0)
    key = pc.binary_join_element_wise(*[flat_folded[i:i + n] for i in range(size)], SPACE())
    form = pc.binary_join_element_wise(*[flat[i:i + n] for i in range(size)], SPACE())
    same_line = line_of[:n] == line_of[size - 1:size - 1 + n]
    letters = pc.fill_null(pc.match_substring_regex(key, r"\pL"), False).to_numpy(zero_copy_only=False)
    keep = np.asarray(same_line & letters & ~stops[:n] & ~stops[size - 1:size - 1 + n], dtype=bool)
    return phrase_table(line_uid[line_of[:n][keep]], key.filter(keep), form.filter(keep))


def rank_phrases(cands: Any, keys: Any, top: int) -> Any:
    """Per (group, language) code ``gl``: the ``top`` recurring phrase codes, their counts and best form."""
    import numpy as np

    counts = cands.groupby(["gl", "key"])["weight"].sum().rename("count").reset_index()
    counts = counts[counts["count"] >= MIN_CREATIVES]
    counts = counts.sort_values(["gl", "count", "key"], ascending=[True, False, True], kind="stable")
    shortlist = counts.groupby("gl").head(top * 5).reset_index(drop=True)
    texts = [str(k) for k in keys[shortlist["key"].to_numpy()]]
    keep = keep_unsubsumed(shortlist["gl"].tolist(), texts, shortlist["count"].tolist())
    chosen = shortlist.loc[np.asarray(keep, dtype=bool)].groupby("gl").head(top)
    return attach_forms(chosen, cands)


def keep_unsubsumed(gls: list[int], texts: list[str], counts: list[int]) -> list[bool]:
    """For each phrase: False when a longer phrase of its ``gl`` contains it and covers enough of it.

    >>> keep_unsubsumed([0, 0, 0], ["watch full", "watch full episodes", "full episodes now"], [10, 9, 2])
    [False, True, True]
    """
    keep = []
    for i, (gl, text, count) in enumerate(zip(gls, texts, counts)):
        padded = f" {text} "
        covered = any(
            g == gl and len(other) > len(text) and padded in f" {other} " and n >= SUBSUMED_SHARE * count
            for j, (g, other, n) in enumerate(zip(gls, texts, counts)) if j != i
        )
        keep.append(not covered)
    return keep


def attach_forms(chosen: Any, cands: Any) -> Any:
    """``chosen`` with ``form``: the most frequent original form of each phrase in its group."""
    wanted = cands.merge(chosen[["gl", "key"]], on=["gl", "key"])
    forms = wanted.groupby(["gl", "key", "form"])["weight"].sum().reset_index()
    best = forms.sort_values(["weight", "form"], ascending=[False, True]).drop_duplicates(["gl", "key"])
    return chosen.merge(best[["gl", "key", "form"]], on=["gl", "key"], how="left")


def order_phrases(table: Any, groups: Sequence[str]) -> Any:
    """Rows in group order, then languages by volume, then phrases by creatives."""
    from .tables import sort_by_group

    volume = table.groupby(["group", "language"])["count"].transform("sum")
    ordered = sort_by_group(table.assign(_v=volume), groups, ["_v", "language", "count", "words"],
                            [False, True, False, False])
    return ordered[list(PHRASE_COLUMNS)]
