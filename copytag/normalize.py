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
from functools import lru_cache, partial
from typing import NamedTuple

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


def _mark_chars() -> frozenset[str]:
    """The characters that join a cluster after its first one. A set, not a class of ``re``:
    a class with astral ranges tests them one by one for every character."""
    ranges = re.findall(r"(?s)(.)(?:-(.))?", MARKS + "\uff9e\uff9f")
    return frozenset(chr(c) for a, b in ranges for c in range(ord(a), ord(b or a) + 1))


#: With none of these in a text, each of its characters is a cluster of its own.
_CLUSTER_TAIL = _mark_chars()


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
    """A ``str.translate`` table filled on first sight of each character.

    With ``nfkc``, a character is NFKC-normalized before it is folded: the
    table of text that is not normalized but has no combining marks, so that
    every character is a cluster of its own.
    """

    def __init__(self, accents: bool, turkic: bool, nfkc: bool = False) -> None:
        super().__init__()
        self.accents = accents
        self.turkic = turkic
        self.nfkc = nfkc
        #: Characters whose folded form is not exactly one character.
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if self.nfkc:
            out = unicodedata.normalize("NFKC", char).translate(_table(self.accents, self.turkic))
        else:
            out = fold_char(char, self.accents, self.turkic)
        if len(out) != 1:
            self.irregular.add(char)
        self[code] = out
        return out


@lru_cache(maxsize=8)
def _table(accents: bool, turkic: bool, nfkc: bool = False) -> _FoldTable:
    return _FoldTable(accents, turkic, nfkc)


def _lower_unsafe(turkic: bool) -> re.Pattern[str]:
    """The characters of NFKC-normalized text whose folded form is not what ``str.lower`` gives
    them: the special foldings, Arabic marks, and capital sigma (lowered by its context)."""
    chars = set(SPECIAL) | {"\u03a3"} | (set(TURKIC) if turkic else set())
    return re.compile("[" + "".join(map(re.escape, sorted(chars))) + ARABIC_MARKS.pattern[1:-1] + "]")


#: By ``turkic``: where NFKC-normalized text cannot simply be lowercased.
_LOWER_UNSAFE = {turkic: _lower_unsafe(turkic) for turkic in (False, True)}


class Folded(NamedTuple):
    """Folded text and, when lengths differ, the original span of each folded character.

    A named tuple: one is made for every text matched, and a tuple is the cheapest immutable value.
    """

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span ``[start, end)`` (``end > start``)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


#: ``(text, None, None)`` as a :class:`Folded`, without the named tuple's Python-level
#: constructor: a measurable part of folding short copy.
_unmapped = partial(tuple.__new__, Folded)


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
        return _unmapped((text.lower(), None, None))
    if unicodedata.is_normalized("NFKC", text):
        if not accents and not _LOWER_UNSAFE[turkic].search(text):
            return _unmapped((text.lower(), None, None))
        return _fold_chars(text, _table(accents, turkic))
    if _CLUSTER_TAIL.isdisjoint(text):
        return _fold_chars(text, _table(accents, turkic, nfkc=True))
    table = _table(accents, turkic)
    pieces = [
        (m.start(), m.end(), unicodedata.normalize("NFKC", m.group()).translate(table))
        for m in _CLUSTER.finditer(text)
    ]
    return _join_pieces(text, pieces)


def _fold_chars(text: str, table: _FoldTable) -> Folded:
    """Fold ``text`` character by character through ``table``.

    Only the characters that do not fold to exactly one character need their
    offsets worked out; the stretches between them map one to one.
    """
    out = text.translate(table)
    present = table.irregular.intersection(text) if table.irregular else None
    if not present:
        return _unmapped((out, None, None))
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for i in [i for i, char in enumerate(text) if char in present]:
        starts.extend(range(done, i))
        ends.extend(range(done + 1, i + 1))
        folded = table[ord(text[i])]
        if folded:
            starts.extend([i] * len(folded))
            ends.extend([i + 1] * len(folded))
        elif ends and ends[-1] == i and _MARK.fullmatch(text, i, i + 1):
            ends[-1] = i + 1  # a removed mark (Arabic sukun) stays with the letter before it
        done = i + 1
    starts.extend(range(done, len(text)))
    ends.extend(range(done + 1, len(text) + 1))
    return Folded(out, tuple(starts), tuple(ends))


def _join_pieces(text: str, pieces: list[tuple[int, int, str]]) -> Folded:
    starts: list[int] = []
    ends: list[int] = []
    for start, end, out in pieces:
        if len(out) == 1:
            starts.append(start)
            ends.append(end)
        elif not out:
            if ends and ends[-1] == start and _MARK.fullmatch(text, start, end):
                ends[-1] = end  # a removed mark (Arabic sukun, U+FE0F) stays with the letter before it
        else:
            starts.extend([start] * len(out))
            ends.extend([end] * len(out))
    return Folded("".join(p[2] for p in pieces), tuple(starts), tuple(ends))


_MARK = re.compile(f"[{MARKS}]+")
