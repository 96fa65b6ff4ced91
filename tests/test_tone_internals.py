"""The shortcuts tone tagging takes for speed find exactly what the plain rules find."""
from __future__ import annotations

import re
import sys
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copytag import tone
from copytag import tonedata as td
from copytag.types import TONES, primary_tone_of

NUMBER_WORDS = sorted({w for words in td.NUMBER_WORDS.values() for w in words})
SUFFIXES = sorted(set(td.CURRENCY_SUFFIXES))

#: Pieces of copy that put number words, currencies and signs next to each other.
PIECES = st.sampled_from(
    [" ", "-", "five", "FIVE", "twenty", "twenty-five", "ſix", "dreißig", "dieciséis", "one year",
     "un año", "ein Jahr", "often", "x", "9", "99", "1 000", "$", "R$", "US$ ", "BRL$", "Rs", "€",
     "zł", "kr", "ドル", "円", "\u00a0", "%", "k", "kg", "M", "+", "万", "#", "!", "?", "a", "é", "ł"]
)


def flat_matches(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_a_trie_matches_what_the_longest_first_alternation_matches(text: str) -> None:
    for words in (NUMBER_WORDS, SUFFIXES, list(td.NUMBER_SUFFIXES)):
        trie = tone._trie_pattern(tone._trie(words))
        flat = tone._alternation(words)
        for tail, flags in (("", 0), (r"(?![^\W_])", re.IGNORECASE), (tone._NOT_LATIN, 0)):
            assert flat_matches(f"(?:{trie}){tail}", text, flags) == flat_matches(
                f"(?:{flat}){tail}", text, flags
            )


@pytest.mark.parametrize("language", [None, "", "und", *td.NUMBER_WORDS, "zh", "ja", "ar", "xx"])
def test_number_words_are_skipped_exactly_for_languages_that_have_none(language: str | None) -> None:
    skipped = not (language is None or language in tone._SPELLING_LANGUAGES)
    assert skipped == (tone._spelled_regex(language) is None)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_a_currency_sign_is_looked_for_only_where_one_can_end(text: str) -> None:
    for m in re.finditer(r"\d+", text):
        start = m.start()
        if not start:
            continue
        gate = text[start - 1] in tone._SIGN_ENDS or text[max(0, start - 2) : start] in tone._SPACED_SIGN_ENDS
        if not gate:
            assert tone._currency_before(text, start) == 0


def test_str_methods_used_for_speed_agree_with_the_patterns_they_replace() -> None:
    chars = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(re.findall(r"\d", chars)) == {ch for ch in chars if ch.isdecimal()}
    assert set(re.findall(r"[^\W_]", chars)) == {ch for ch in chars if ch.isalnum()}


def test_the_signal_sets_split_the_scan_exactly() -> None:
    assert not tone._MARK_CHARS & tone._LABEL_CHARS
    assert not tone._CJK_CHARS & (tone._MARK_CHARS | tone._LABEL_CHARS)
    assert not [ch for ch in tone._NOT_DIGITS if ch.isdecimal()], "a digit would go unnoticed"
    assert all(tone._SIGNALS.fullmatch(ch) for ch in tone._NOT_DIGITS)


@pytest.mark.parametrize("n", range(1, len(TONES)))
def test_primary_tone_table_agrees_with_the_precedence(n: int) -> None:
    for tones in combinations([t for t in TONES if t != "other"], n):
        assert tone._PRIMARY[frozenset(tones)] == primary_tone_of(set(tones))
