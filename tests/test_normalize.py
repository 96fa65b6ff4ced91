"""Folding: the shortcuts (lowercasing, one table lookup per character) give what the plain definition gives."""
from __future__ import annotations

import re
import unicodedata

import pytest

from copytag.normalize import _CLUSTER, _LOWER_UNSAFE, _MARK, _table, fold, fold_char

TEXTS = [
    "Download now",
    "Die Rückkehr der Erbin 👉",
    "ΟΔΟΣ ΣΟΦΙΑΣ",  # capital sigma lowercases by its context
    "İNDİR ŞİMDİ, TIKLA",
    "即刻下載，一次過睇晒全集…🇭🇰",
    "ﾀﾞｳﾝﾛｰﾄﾞ！",
    "ﬁnd the ﬁlm…",
    "café\u0301 ｅ\u0301",
    "حمّل التطبيق الآن وشاهد ـــ مجاناً",
    "1️⃣ حمّل 2️⃣ سجّل",
    "ดูต่อได้ที่แอป ฟรี ๆ ทำ",
    "Ёлка ёжик",
    "a\u200db\u00adc\ufeff",
    "",
]


def _reference(text: str, accents: bool, turkic: bool) -> tuple[str, list[tuple[int, int]]]:
    """The plain definition: NFKC-normalized text folded character by character, other text
    cluster by cluster; a removed mark joins the span of the character before it."""
    table = _table(accents, turkic)
    pieces = re.finditer("(?s).", text) if unicodedata.is_normalized("NFKC", text) else _CLUSTER.finditer(text)
    out, spans = "", []
    for m in pieces:
        folded = unicodedata.normalize("NFKC", m.group()).translate(table)
        if not folded and spans and spans[-1][1] == m.start() and _MARK.fullmatch(m.group()):
            spans[-1] = (spans[-1][0], m.end())
        out += folded
        spans += [m.span()] * len(folded)
    return out, spans


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("accents", [False, True])
@pytest.mark.parametrize("turkic", [False, True])
def test_fold_matches_cluster_by_cluster(text: str, accents: bool, turkic: bool) -> None:
    want, spans = _reference(text, accents, turkic)
    got = fold(text, accents, turkic)
    assert got.text == want
    assert [got.span(i, i + 1) for i in range(len(want))] == spans


@pytest.mark.parametrize("turkic", [False, True])
def test_lowercasing_is_folding_outside_the_unsafe_characters(turkic: bool) -> None:
    """Every NFKC-stable BMP character the lowercase shortcut lets through folds to its lowercase."""
    unsafe = _LOWER_UNSAFE[turkic]
    for code in range(0x10000):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or unicodedata.normalize("NFKC", char) != char or unsafe.match(char):
            continue
        assert fold_char(char, False, turkic) == char.lower(), hex(code)
        assert len(char.lower()) == 1, hex(code)


def test_sigma_keeps_its_per_character_folding() -> None:
    assert fold("ΟΔΟΣ").text == "οδοσ"  # str.lower would write the final form "οδος"


def test_removed_marks_stay_with_their_letter() -> None:
    folded = fold("حمّل")
    assert folded.text == "حمل"
    assert folded.span(1, 2) == (1, 3)
