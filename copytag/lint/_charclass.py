"""Character tests done fast: wide characters, decorative symbols, invisible characters.

Each class is built once, when first needed, from the running Python's
``unicodedata`` (so the tests always agree with it), and compiled into one
regex that the ``re`` engine runs in C.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Container, Iterable, Iterator

#: Below U+1100 and above U+3FFFD no character is wide.
_WIDE_START, _WIDE_END = 0x1100, 0x3FFFD
#: Characters beyond the Basic Multilingual Plane (emoji among them) are tested one by one:
#: a regex class holds only the BMP in a table, it would test every range beyond in turn.
_ASTRAL = 0x10000
_BULLETS = frozenset("•‣⁃∙◦")
_ARROWS = ((0x2190, 0x21FF), (0x27F0, 0x27FF), (0x2900, 0x297F))


def is_wide(ch: str) -> bool:
    """True for East Asian wide and full-width characters (they count 2 on Google and TikTok).

    >>> is_wide("看"), is_wide("Ａ"), is_wide("a"), is_wide("é")
    (True, True, False, False)
    """
    return unicodedata.east_asian_width(ch) in ("W", "F")


def count_wide(text: str) -> int:
    """How many characters of ``text`` are wide.

    >>> count_wide("Watch 全集 ＦＲＥＥ now")
    6
    """
    count = 0
    for m in _maybe_wide().finditer(text):
        run = m.group()
        if ord(max(run)) < _ASTRAL:
            count += len(run)
        else:
            count += sum(1 for ch in run if ord(ch) < _ASTRAL or is_wide(ch))
    return count


@lru_cache(maxsize=1)
def _maybe_wide() -> re.Pattern[str]:
    """Runs of wide characters of the BMP, and of any character beyond it up to U+3FFFD."""
    bmp = _ranges(cp for cp in range(_WIDE_START, _ASTRAL) if is_wide(chr(cp)))
    return re.compile(f"[{bmp}{chr(_ASTRAL)}-{chr(_WIDE_END)}]+")


def is_symbol(ch: str) -> bool:
    """True for decorative symbols: category So (★ ✔ ♥ ©), arrows and bullet characters.

    >>> is_symbol("★"), is_symbol("→"), is_symbol("•"), is_symbol("!"), is_symbol("é")
    (True, True, True, False, False)
    """
    if ch in _BULLETS or unicodedata.category(ch) == "So":
        return True
    return any(lo <= ord(ch) <= hi for lo, hi in _ARROWS)


def symbol_positions(text: str, skip: Container[int] = ()) -> Iterator[int]:
    """The indexes of the decorative symbols of ``text``, but those in ``skip``.

    >>> list(symbol_positions("★★ Watch → now • ©")), list(symbol_positions("★★ Watch", skip={0}))
    ([0, 1, 9, 15, 17], [1])
    """
    for m in _maybe_symbols().finditer(text):
        for i in range(m.start(), m.end()):
            if i not in skip and (ord(text[i]) < _ASTRAL or is_symbol(text[i])):
                yield i


@lru_cache(maxsize=1)
def _maybe_symbols() -> re.Pattern[str]:
    """Runs of decorative symbols of the BMP, and of any character beyond it."""
    symbols = {cp for cp in range(0x80, _ASTRAL) if unicodedata.category(chr(cp)) == "So"}
    symbols |= {ord(ch) for ch in _BULLETS} | {cp for lo, hi in _ARROWS for cp in range(lo, hi + 1)}
    return re.compile(f"[{_ranges(sorted(symbols))}{chr(_ASTRAL)}-{chr(0x10FFFF)}]+")


def _ranges(codepoints: Iterable[int]) -> str:
    """A regex class body for sorted ``codepoints``, consecutive runs as ranges."""
    parts: list[str] = []
    for cp in codepoints:
        if parts and parts[-1][1] == cp - 1:
            parts[-1] = (parts[-1][0], cp)
        else:
            parts.append((cp, cp))
    return "".join(re.escape(chr(lo)) + (f"-{re.escape(chr(hi))}" if hi > lo else "")
                   for lo, hi in parts)


@lru_cache(maxsize=1)
def invisible() -> re.Pattern[str]:
    """Control characters (but line feeds), format characters, variation selectors and fillers.

    >>> [hex(ord(m.group())) for m in invisible().finditer("a\\u200bb\\tc\\nd")]
    ['0x200b', '0x9']
    """
    controls = "".join(chr(cp) for cp in range(0x20) if cp != 0x0A) + "\x7f"
    fillers = "\u3164\u115f\u1160\u2800\uffa0\ufe00-\ufe0f"
    formats = _ranges(cp for cp in range(0x80, 0x20000) if unicodedata.category(chr(cp)) in ("Cc", "Cf"))
    tags = "\U000e0000-\U000e007f"  # tag characters: inside flag emoji only
    return re.compile(f"[{re.escape(controls)}{formats}{fillers}{tags}]")
