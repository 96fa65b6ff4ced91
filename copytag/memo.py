"""A bounded memo of recent results: creatives repeat their copy, so a batch answers many
rows from what it already worked out, in memory that stays flat however long it runs.

>>> memo = Memo(size=2)
>>> memo.put("a", 1); memo.put("b", 2); memo.put("c", 3)  # "a" and "b" age into the old half
>>> memo.get("a"), memo.get("c"), memo.get("z")
(1, 3, None)
>>> len(memo) <= 2 * memo.size
True
"""
from __future__ import annotations

import weakref
from typing import Any, Hashable

_MISSING = object()
_EVERY_MEMO: "weakref.WeakSet[Memo]" = weakref.WeakSet()


def clear_all() -> None:
    """Empty every memo of the process (benchmarks start cold with it)."""
    for memo in list(_EVERY_MEMO):
        memo.clear()


class Memo:
    """A map of at most ``2 * size`` entries that keeps what was used recently.

    Two generations: new entries go to the young one; when it is full it
    becomes the old one and the previous old one is dropped. A hit in the old
    generation moves back to the young one. That is LRU in spirit without
    LRU's bookkeeping on every hit.
    """

    __slots__ = ("size", "_young", "_old", "__weakref__")

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"a memo holds at least 1 entry, got size={size}")
        self.size = size
        self._young: dict[Hashable, Any] = {}
        self._old: dict[Hashable, Any] = {}
        _EVERY_MEMO.add(self)

    def get(self, key: Hashable, default: Any = None) -> Any:
        value = self._young.get(key, _MISSING)
        if value is not _MISSING:
            return value
        value = self._old.get(key, _MISSING)
        if value is _MISSING:
            return default
        self.put(key, value)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        if len(self._young) >= self.size:
            self._old, self._young = self._young, {}
        self._young[key] = value

    def clear(self) -> None:
        self._young, self._old = {}, {}

    def __len__(self) -> int:
        return len(self._young) + len(self._old)


class Memos:
    """One :class:`Memo` per setting (a set of options, of allowed languages...), for at
    most ``settings`` settings at once: past that, all are dropped and begin again.

    >>> memos = Memos(size=4, settings=2)
    >>> memos("a") is memos("a"), memos("a") is memos("b")
    (True, False)
    >>> memos(["unhashable"]) is memos(["unhashable"])  # a throwaway memo
    False
    """

    __slots__ = ("size", "settings", "_by_key")

    def __init__(self, size: int, settings: int = 8) -> None:
        self.size, self.settings = size, settings
        self._by_key: dict[Hashable, Memo] = {}

    def __call__(self, key: Any) -> Memo:
        try:
            memo = self._by_key.get(key)
        except TypeError:  # a setting that cannot be hashed has nothing to share a memo under
            return Memo(self.size)
        if memo is None:
            if len(self._by_key) >= self.settings:
                self._by_key.clear()
            memo = self._by_key[key] = Memo(self.size)
        return memo

    def clear(self) -> None:
        self._by_key.clear()
