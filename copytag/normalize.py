"""Fold text for matching while remembering where every character came from.

Matching needs one spelling per word: full-width and compatibility forms
folded (NFKC), case folded (with the Turkish dotted and dotless i made one
letter, since ``"İNDİR".lower()`` is ``"i̇ndi̇r"``), Arabic vowel marks and
tatweel removed and alef variants merged, zero-width characters dropped, keycaps
read as the full stop of a numbered step, and optionally Latin accents removed. Spans found in the folded text map back to
the original through :meth:`Folded.span`, so a keyword is always a slice of
the text the user passed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ._unicode_tables import MARKS

#: Characters that fold to something other than their lowercase form.
SPECIAL = {
    "İ": "i",
    "ı": "i",
    "ё": "е",
    "\u0640": "",  # Arabic tatweel: stretches a word, is not a letter
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "’": "'",
    "‘": "'",
    "\u20e3": ".",  # a keycap ends a numbered step ("1️⃣ حمّل 2️⃣ سجّل"): read it as "1."
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u00ad": "",
    "\u2060": "",
    "\ufeff": "",
}

#: Arabic vowel marks (tashkeel) and the superscript alef: copy writes them rarely and inconsistently.
ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")

#: A base character and the marks that belong to it (half-width kana voicing marks included).
_CLUSTER = re.compile(f"(?s).[{MARKS}\uff9e\uff9f]*")


#: Turkish and Azerbaijani casing: dotless I lowercases to dotless ı, and ı stays itself.
TURKIC = {"I": "ı", "ı": "ı", "İ": "i"}


def fold_char(char: str, accents: bool, turkic: bool = False) -> str:
    """The folded form of one character (or one NFKC-normalized cluster).

    >>> fold_char("İ", False), fold_char("Ｄ", False), fold_char("é", True), fold_char("é", False)
    ('i', 'd', 'e', 'é')
    >>> fold_char("\u064e", False)  # Arabic fatha
    ''
    """
    if turkic and char in TURKIC:
        return TURKIC[char]
    if char in SPECIAL:
        return SPECIAL[char]
    out = unicodedata.normalize("NFKC", char)
    out = "".join(SPECIAL.get(c, c) for c in out).lower()
    out = ARABIC_MARKS.sub("", out)
    if accents:
        out = _strip_latin_accents(out)
    return out


def _strip_latin_accents(text: str) -> str:
    """Drop combining marks that decorate a Latin letter (é → e), keeping every other mark.

    Vowel signs of Devanagari or Thai are letters' own parts and stay.
    """
    decomposed = unicodedata.normalize("NFD", text)
    if len(decomposed) == len(text) or not decomposed[0].isascii():
        return text
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _FoldTable(dict):
    """A ``str.translate`` table filled on first sight of each character."""

    def __init__(self, accents: bool, turkic: bool) -> None:
        super().__init__()
        self.accents = accents
        self.turkic = turkic
        #: Characters whose folded form is not exactly one character.
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        out = fold_char(chr(code), self.accents, self.turkic)
        if len(out) != 1:
            self.irregular.add(chr(code))
        self[code] = out
        return out


@lru_cache(maxsize=4)
def _table(accents: bool, turkic: bool) -> _FoldTable:
    return _FoldTable(accents, turkic)


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and, when lengths differ, the original span of each folded character."""

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span ``[start, end)`` (``end > start``)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def fold(text: str, accents: bool = False, turkic: bool = False) -> Folded:
    """Fold ``text`` for matching; the result maps spans back to ``text``.

    >>> f = fold("İNDİR ŞİMDİ")
    >>> f.text
    'indir şimdi'
    >>> f = fold("ﾀﾞｳﾝﾛｰﾄﾞ!")
    >>> f.text, f.span(0, 6)
    ('ダウンロード!', (0, 8))
    >>> f = fold("Descárgala", accents=True)
    >>> f.text
    'descargala'
    >>> fold("TIKLA", turkic=True).text, fold("TIKLA").text
    ('tıkla', 'tikla')
    """
    if text.isascii() and not turkic:
        return Folded(text.lower())
    table = _table(accents, turkic)
    if unicodedata.is_normalized("NFKC", text):
        out = text.translate(table)
        if len(out) == len(text) and (not table.irregular or table.irregular.isdisjoint(text)):
            return Folded(out)
        pieces = [(m.start(), m.end(), table[ord(m.group())]) for m in re.finditer("(?s).", text)]
    else:
        pieces = [
            (m.start(), m.end(), unicodedata.normalize("NFKC", m.group()).translate(table))
            for m in _CLUSTER.finditer(text)
        ]
    return _join_pieces(text, pieces)


def _join_pieces(text: str, pieces: list[tuple[int, int, str]]) -> Folded:
    starts: list[int] = []
    ends: list[int] = []
    for start, end, out in pieces:
        if not out and ends and ends[-1] == start and _MARK.fullmatch(text, start, end):
            ends[-1] = end  # a removed mark (Arabic sukun, U+FE0F) stays with the letter before it
        starts.extend([start] * len(out))
        ends.extend([end] * len(out))
    return Folded("".join(p[2] for p in pieces), tuple(starts), tuple(ends))


_MARK = re.compile(f"[{MARKS}]+")
