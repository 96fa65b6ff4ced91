"""Text helpers shared by the checks: phrase lists, words around a match, URL spans."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet, Iterable, Iterator

#: Letters of the cased scripts (Latin, Greek, Cyrillic): where capitals mean something.
CASED = "A-Za-zµÀ-ÖØ-öø-ɏͰ-ϿЀ-ԯḀ-ỿ"

_URL_OR_EMAIL = re.compile(r"(?i)\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


@lru_cache(maxsize=64)
def phrase_regex(spaced: tuple[str, ...], unspaced: tuple[str, ...] = ()) -> re.Pattern[str]:
    """One case-insensitive pattern for ``spaced`` phrases (whole words only) and
    ``unspaced`` ones (CJK, Thai: anywhere in the text).

    >>> [m.group() for m in phrase_regex(("click here",), ("点击这里",)).finditer("Click here 点击这里 clicks")]
    ['Click here', '点击这里']
    """
    parts = []
    if spaced:
        parts.append(rf"(?<![^\W_])(?:{_alternation(spaced)})(?![^\W_])")
    if unspaced:
        parts.append(f"(?:{_alternation(unspaced)})")
    return re.compile("|".join(parts) or "(?!)", re.IGNORECASE)


_TOKEN = re.compile(r"[^\W_]+")


_EDGE_PUNCTUATION = ".,!?;:…'\"()[]{}¡¿«»“”‘’"


def split_words(lowered: str) -> list[str]:
    """The space-separated words of lower-cased text without their edge punctuation.

    >>> split_words("click here, now!")
    ['click', 'here', 'now']
    """
    return [w.strip(_EDGE_PUNCTUATION) for w in lowered.split()]


class PhraseList:
    """A rule's phrases: whole-word ``spaced`` ones and ``unspaced`` (CJK, Thai) ones.

    Spaced phrases are grouped by their longest word, and only the groups
    whose word occurs in the lower-cased text are searched: one long
    alternation over every phrase would be tried at every position of every
    text. A group's word, made of letters and digits, occurs in the text
    exactly when it occurs in one of the text's space-separated words; which
    groups each word holds is remembered, as copy repeats its words. A group
    is skipped, too, when the text lacks a digit or an ASCII mark that every
    phrase of the group has (these have no other case).

    >>> phrases = PhraseList(("click here", "click this link"), ("点击这里",))
    >>> [m.group() for m in phrases.finditer("Click here 点击这里", "click here 点击这里")]
    ['Click here', '点击这里']
    """

    def __init__(self, spaced: tuple[str, ...], unspaced: tuple[str, ...] = ()) -> None:
        groups: dict[str, list[str]] = {}
        for phrase in spaced:
            groups.setdefault(max(_TOKEN.findall(phrase.lower()), key=len), []).append(phrase)
        self.groups = {w: (phrase_regex(tuple(ps)), _common_marks(ps)) for w, ps in groups.items()}
        self.unspaced = phrase_regex((), unspaced) if unspaced else None
        self.unspaced_words = unspaced
        starts = "".join(sorted({w[0] for w in unspaced}))
        self._unspaced_start = re.compile(f"[{re.escape(starts)}]") if starts else None
        self._vocabulary = _Vocabulary()

    def finditer(self, text: str, lowered: str,
                 words: Iterable[str] | None = None) -> Iterator[re.Match[str]]:
        """Matches in ``text``; ``lowered`` is ``text.lower()``, for a cheap substring test first.

        ``words`` are ``lowered.split()`` (or those words stripped of their
        edge punctuation, :func:`split_words`; a set of them will do), when
        the caller has them.
        """
        return iter(self.matches(text, lowered, words))

    def matches(self, text: str, lowered: str, words: Iterable[str] | None = None) -> list[re.Match[str]]:
        """The matches of :meth:`finditer`, in text order."""
        distinct = words if isinstance(words, (set, frozenset)) else set(lowered.split() if words is None else words)
        vocabulary = self._vocabulary
        if not distinct <= vocabulary.seen:
            vocabulary = self._learn(distinct)
        patterns: list[re.Pattern[str]] = []
        with_groups = distinct & vocabulary.with_groups
        if with_groups:
            groups = _NO_GROUPS.union(*map(vocabulary.groups.__getitem__, with_groups))
            patterns = [p for p, marks in groups if not marks or all(map(text.__contains__, marks))]
        if (self._unspaced_start and not text.isascii() and self._unspaced_start.search(text)
                and any(p in text for p in self.unspaced_words)):
            patterns.append(self.unspaced)
        if not patterns:
            return []
        if len(patterns) == 1:
            return list(patterns[0].finditer(text))
        found = {m.span(): m for p in patterns for m in p.finditer(text)}
        return [found[span] for span in sorted(found)]

    def _learn(self, words: AbstractSet[str]) -> _Vocabulary:
        """Remember which groups each of ``words`` holds; the vocabulary that knows them all."""
        vocabulary = self._vocabulary
        new = words - vocabulary.seen
        if len(vocabulary.seen) + len(new) > _MAX_REMEMBERED_WORDS:  # start afresh, with all of words
            vocabulary = self._vocabulary = _Vocabulary()
            new = words
        for word in new:
            found = frozenset(group for w, group in self.groups.items() if w in word)
            if found:
                vocabulary.groups[word] = found
                vocabulary.with_groups.add(word)
        vocabulary.seen.update(new)  # last: a word seen has its groups (threads may share the list)
        return vocabulary


class _Vocabulary:
    """The words a phrase list has learnt, and the groups of those that hold a group's word."""

    __slots__ = ("seen", "with_groups", "groups")

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.with_groups: set[str] = set()
        self.groups: dict[str, frozenset[tuple[re.Pattern[str], str]]] = {}


_NO_GROUPS: frozenset[tuple[re.Pattern[str], str]] = frozenset()

#: Words a phrase list remembers at most (the vocabulary of a large campaign file).
_MAX_REMEMBERED_WORDS = 100_000


def _common_marks(phrases: Iterable[str]) -> str:
    """The digits and ASCII marks (not spaces) every phrase has: a match needs them verbatim.

    >>> _common_marks(["n°1", "n° 1", "n.º 1"])
    '1'
    """
    sets = [{ch for ch in p if ch.isascii() and not ch.isalpha() and not ch.isspace()} for p in phrases]
    return "".join(sorted(set.intersection(*sets)))


@lru_cache(maxsize=64)
def rule_phrases(code: str, key: str) -> PhraseList:
    """The phrase list ``key`` of a rule (with its ``unspaced`` list), built once.

    >>> [m.group() for m in rule_phrases("SC104", "phrases").finditer("Swipe UP now", "swipe up now")]
    ['Swipe UP']
    """
    from .catalog import get_rule

    params = get_rule(code).params
    return PhraseList(tuple(params[key]), tuple(params.get("unspaced", ())))


_JOINERS_BETWEEN_WORDS = " \t\n'’-"


def word_before(text: str, index: int) -> str:
    """The word that ends right before ``index``, lower-cased ("" if none).

    >>> word_before("break free now", 6)
    'break'
    """
    end = index
    while end > 0 and text[end - 1] in _JOINERS_BETWEEN_WORDS:
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return text[start:end].lower()


def word_after(text: str, index: int) -> str:
    """The word that starts right after ``index``, lower-cased ("" if none).

    >>> word_after("free will", 4)
    'will'
    """
    start, size = index, len(text)
    while start < size and text[start] in _JOINERS_BETWEEN_WORDS:
        start += 1
    end = start
    while end < size and text[end].isalnum():
        end += 1
    return text[start:end].lower()


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where the web and e-mail addresses are (punctuation inside them is not prose)."""
    if "." not in text and "@" not in text:
        return []
    return [m.span() for m in _URL_OR_EMAIL.finditer(text)]


def inside(index: int, spans: list[tuple[int, int]]) -> bool:
    """True if ``index`` falls inside one of ``spans``."""
    return any(s <= index < e for s, e in spans)


def merge_spans(spans: Iterator[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join spans separated only by spaces and punctuation (no letters or digits).

    >>> merge_spans(iter([(0, 5), (6, 9), (14, 16)]), "WATCH NOW and GO")
    [(0, 9), (14, 16)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not any(ch.isalnum() for ch in text[merged[-1][1]:start]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
