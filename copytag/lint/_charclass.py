"""Character tests done fast: wide characters, decorative symbols, invisible characters.

Each prefilters with a simple regex (which the ``re`` engine runs in C) and
asks ``unicodedata`` only about the few characters that pass, so the tests
always agree with the running Python's Unicode data.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Iterator

#: Below U+1100 no character is wide; runs of possibly wide characters.
_MAYBE_WIDE = re.compile("[\u1100-\U0003fffd]+")
#: Non-ASCII characters that are neither word characters nor spaces: punctuation and symbols.
_MAYBE_SYMBOL = re.compile(r"[^\x00-\x7f\w\s]+")
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
    if not _MAYBE_WIDE.search(text):
        return 0
    return sum(1 for m in _MAYBE_WIDE.finditer(text) for ch in m.group() if is_wide(ch))


def is_symbol(ch: str) -> bool:
    """True for decorative symbols: category So (★ ✔ ♥ ©), arrows and bullet characters.

    >>> is_symbol("★"), is_symbol("→"), is_symbol("•"), is_symbol("!"), is_symbol("é")
    (True, True, True, False, False)
    """
    if ch in _BULLETS or unicodedata.category(ch) == "So":
        return True
    return any(lo <= ord(ch) <= hi for lo, hi in _ARROWS)


def symbol_positions(text: str) -> Iterator[int]:
    """The indexes of the decorative symbols of ``text``.

    >>> list(symbol_positions("★★ Watch → now • ©"))
    [0, 1, 9, 15, 17]
    """
    for m in _MAYBE_SYMBOL.finditer(text):
        for i in range(m.start(), m.end()):
            if is_symbol(text[i]):
                yield i


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
