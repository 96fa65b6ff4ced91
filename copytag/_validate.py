"""Input checks shared by every entry point."""
from __future__ import annotations

from typing import Any


def require_str(text: Any, func: str) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a ``TypeError`` that says what to pass.

    >>> require_str(b"hi", "tag")
    Traceback (most recent call last):
    ...
    TypeError: tag() expects the ad copy as str, got bytes; decode it first, e.g. data.decode("utf-8")
    """
    if isinstance(text, str):
        return text
    kind = type(text).__name__
    if isinstance(text, (bytes, bytearray, memoryview)):
        hint = 'decode it first, e.g. data.decode("utf-8")'
    elif text is None:
        hint = 'pass "" for empty copy; tag_many() and tag_frame() treat None and NaN as empty'
    else:
        hint = "pass the text of one creative, or use tag_many() for a list"
    raise TypeError(f"{func}() expects the ad copy as str, got {kind}; {hint}")
