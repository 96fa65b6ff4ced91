"""Mojibake: UTF-8 copy that was read as Windows-1252 ("fÃ¼r" for "für"), and lost characters.

Language detection leaves such copy alone (its letters are not the language's);
the lint reports it with the repaired text.
"""
from __future__ import annotations

import re

#: UTF-8 continuation bytes (0x80-0xBF) as Windows-1252 shows them (Latin-1 in its gaps).
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"

#: Runs of two- and three-byte UTF-8 sequences read as Windows-1252, and replacement characters.
MOJIBAKE = re.compile(
    f"(?:[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}})+|\ufffd+"
)
#: Every match but a replacement character starts so (a pattern that starts with a class is scanned fast).
_MOJIBAKE_START = re.compile(f"[\u00c2-\u00ef][{_CONTINUATION}]")


def may_hold_mojibake(text: str) -> bool:
    """False when ``text`` surely holds no mojibake: no replacement character, and no lead
    byte followed by a continuation byte (as Windows-1252 shows them).

    >>> may_hold_mojibake("Sie tat es für immer"), may_hold_mojibake("fÃ¼r immer"), may_hold_mojibake("a\ufffdb")
    (False, True, True)
    """
    return not text.isascii() and ("\ufffd" in text or _MOJIBAKE_START.search(text) is not None)


def redecode(run: str) -> str | None:
    """``run`` encoded back as Windows-1252 (Latin-1 for its gaps) and decoded as UTF-8.

    >>> redecode("Ã©"), redecode("â€™"), redecode("É…")
    ('é', '’', 'Ʌ')
    """
    data = bytearray()
    for ch in run:
        data += bytes([ord(ch)]) if ord(ch) < 256 else ch.encode("cp1252")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
