"""The bounded memo behind the language answers and the batch rows."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copytag.memo import Memo, Memos, clear_all


def test_recent_keys_stay_and_the_size_is_bounded() -> None:
    memo = Memo(size=3)
    for i in range(100):
        memo.put(i, i * i)
        assert len(memo) <= 6
    assert [memo.get(i) for i in (97, 98, 99)] == [97 * 97, 98 * 98, 99 * 99]
    assert memo.get(0) is None and memo.get(0, "gone") == "gone"


def test_a_key_used_again_survives_the_next_turnover() -> None:
    memo = Memo(size=2)
    memo.put("kept", 1)
    memo.put("b", 2)
    memo.put("c", 3)  # "kept" and "b" are now the old generation
    assert memo.get("kept") == 1  # used: back in the young generation
    memo.put("d", 4)
    memo.put("e", 5)  # the old generation ("kept", "b") is dropped, or would be
    assert memo.get("kept") == 1 and memo.get("b") is None


def test_a_stored_none_or_falsy_value_is_returned() -> None:
    memo = Memo(size=2)
    memo.put("zero", 0)
    assert memo.get("zero", "missing") == 0


def test_clear_and_a_bad_size() -> None:
    memo = Memo(size=2)
    memo.put("a", 1)
    memo.clear()
    assert len(memo) == 0 and memo.get("a") is None
    with pytest.raises(ValueError, match="at least 1"):
        Memo(size=0)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers()), max_size=200), st.integers(1, 8))
def test_a_hit_is_always_the_last_value_put(ops: list[tuple[int, int]], size: int) -> None:
    memo, last = Memo(size), {}
    for key, value in ops:
        memo.put(key, value)
        last[key] = value
        assert len(memo) <= 2 * size
        for k in last:
            got = memo.get(k, None)
            assert got is None or got == last[k]


def test_clear_all_empties_every_memo() -> None:
    memos = [Memo(4), Memo(8)]
    for memo in memos:
        memo.put("a", 1)
    clear_all()
    assert [len(m) for m in memos] == [0, 0]


def test_memos_keep_one_memo_per_setting_for_a_bounded_number_of_settings() -> None:
    memos = Memos(size=4, settings=2)
    first = memos("a")
    first.put("x", 1)
    assert memos("a") is first and memos("b") is not first
    memos("c")  # a third setting: every memo is dropped and begun again
    assert memos("a") is not first and memos("a").get("x") is None
    assert memos(["a list"]) is not memos(["a list"])  # cannot be hashed: a throwaway memo
