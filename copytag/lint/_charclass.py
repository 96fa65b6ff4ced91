"""Character classes built once from ``unicodedata``, for regexes instead of per-character loops.

Built lazily (a few tens of milliseconds, once per process) from the running
Python's Unicode data, so they always agree with ``str`` methods.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

#: The code points scanned: the Basic and Supplementary Multilingual Planes.
#: Planes 2 and 3 (CJK ideographs) are wide as a whole (UAX #11) and added as a range.
_SCAN = range(0x80, 0x20000)
_WIDE_PLANES = "\U00020000-\U0003fffd"


def _ranges(codepoints: Iterable[int]) -> str:
    """A regex class body for ``codepoints`` (sorted), with consecutive runs as ranges."""
    parts, start, prev = [], None, None
    for cp in codepoints:
        if prev is not None and cp == prev + 1:
            prev = cp
            continue
        if start is not None:
            parts.append(_span(start, prev))
        start = prev = cp
    if start is not None:
        parts.append(_span(start, prev))
    return "".join(parts)


def _span(lo: int, hi: int) -> str:
    return re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"


@lru_cache(maxsize=1)
def _tables() -> tuple[list[int], list[int], list[int]]:
    """One pass over the code points: (wide, symbol, invisible) code points."""
    wide_cps, symbol_cps, invisible_cps = [], [], []
    arrows = {*range(0x2190, 0x2200), *range(0x27F0, 0x2800), *range(0x2900, 0x2980)}
    category, east_asian_width = unicodedata.category, unicodedata.east_asian_width
    for cp in _SCAN:
        ch = chr(cp)
        if east_asian_width(ch) in ("W", "F"):
            wide_cps.append(cp)
        cat = category(ch)
        if cat == "So" or cp in arrows:
            symbol_cps.append(cp)
        elif cat in ("Cc", "Cf") or 0xFE00 <= cp <= 0xFE0F:
            invisible_cps.append(cp)
    return wide_cps, symbol_cps, invisible_cps


@lru_cache(maxsize=1)
def wide() -> re.Pattern[str]:
    """Runs of East Asian wide and full-width characters (they count 2 on Google and TikTok).

    >>> [m.group() for m in wide().finditer("Watch 全集 ＦＲＥＥ now")]
    ['全集', 'ＦＲＥＥ']
    """
    return re.compile(f"[{_ranges(_tables()[0])}{_WIDE_PLANES}]+")


@lru_cache(maxsize=1)
def symbols() -> re.Pattern[str]:
    """Runs of non-ASCII symbols (category So), arrows and bullet characters.

    >>> [m.group() for m in symbols().finditer("★★ Watch → now • ©")]
    ['★★', '→', '•', '©']
    """
    return re.compile(f"[{_ranges(_tables()[1])}{re.escape('•‣⁃∙◦')}]+")


@lru_cache(maxsize=1)
def invisible() -> re.Pattern[str]:
    """Control characters (but line feeds), format characters, variation selectors and fillers.

    >>> [hex(ord(m.group())) for m in invisible().finditer("a\\u200bb\\tc\\nd")]
    ['0x200b', '0x9']
    """
    controls = "".join(chr(cp) for cp in range(0x20) if cp != 0x0A) + "\x7f"
    fillers = "\u3164\u115f\u1160\u2800\uffa0"
    tags = "\U000e0000-\U000e007f"  # tag characters: inside flag emoji only
    return re.compile(f"[{re.escape(controls)}{_ranges(_tables()[2])}{re.escape(fillers)}{tags}]")
