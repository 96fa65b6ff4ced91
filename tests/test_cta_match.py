"""Splitting folded copy into words: the one-pass split agrees with reading it token by token."""
from __future__ import annotations

import pytest

from copytag.cta import _builtin_plan
from copytag.cta_match import Words, keep_longest
from copytag.normalize import fold

TEXTS = [
    "",
    "!!! 🔥",
    "watch",
    "Tap here, then watch the full episode!",
    "He's blind -- she's \"his\" wife... Download now 👉 #shortdrama Ep.12",
    "descárgala y mira gratis; cadastre-se já",
    "即刻下載，一次過睇晒全集 🇭🇰",
    "1️⃣ Download 2️⃣ Watch",
    "#️⃣ حمّل التطبيق الآن وشاهد، فحمل",
    "  leading and trailing gaps  ",
]


def _by_token(norm: str) -> Words:
    """``norm`` read token by token, as text with a keycap is."""
    words = Words(norm)
    words._read_tokens()
    words._parts = None
    return words


def _same_clauses(a: list[int], b: list[int]) -> bool:
    """Whether two clause numberings put the same words together (only equality is read)."""
    return len(a) == len(b) and all((a[i] == a[j]) == (b[i] == b[j]) for i in range(len(a)) for j in range(len(a)))


@pytest.mark.parametrize("text", TEXTS)
def test_split_agrees_with_token_by_token(text: str) -> None:
    norm = fold(text).text
    split, tokens = Words(norm).located(), _by_token(norm)
    assert (split.words, split.starts, split.ends) == (tokens.words, tokens.starts, tokens.ends)
    assert _same_clauses(split.clause, tokens.clause)
    assert all(norm[s:e] == w for w, s, e in zip(split.words, split.starts, split.ends))


def test_a_keycap_is_one_break_not_a_word() -> None:
    words = Words(fold("1️⃣ Download 2️⃣ Watch").text).located()
    assert words.words == ["download", "watch"]
    assert words.clause[0] != words.clause[1]


def test_proclitics_are_split_off_a_copy() -> None:
    arabic = _builtin_plan("ar")[0][0]
    shared = Words(fold("حمل التطبيق وشاهد الآن").text).located()
    stripped = shared.without_prefixes(arabic.prefixes, arabic.index)
    assert "شاهد" in stripped.words and "وشاهد" in shared.words
    assert stripped.linked == {stripped.words.index("شاهد")}


def test_keep_longest_orders_hits_of_distinct_actions_by_position() -> None:
    hits = [("watch", 9, 14, "en"), ("download", 0, 8, "en"), ("continue", 0, 14, "en")]
    assert keep_longest(hits) == [("continue", 0, 14, "en"), ("download", 0, 8, "en"), ("watch", 9, 14, "en")]
    assert keep_longest([*hits, ("watch", 10, 12, "es")])[2] == ("watch", 9, 14, "en")  # contained: dropped
