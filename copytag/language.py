"""Language detection for short ad copy (placeholder until the trained detector lands)."""
from __future__ import annotations

from typing import Iterable

from ._validate import require_str
from .types import LanguageGuess


def detect_language(text: str, candidates: Iterable[str] | None = None) -> LanguageGuess:
    """The language of ``text``: an ISO 639-1 code, ``zh-Hant``/``zh-Hans``, or ``und``."""
    require_str(text, "detect_language")
    if not any(ch.isalpha() for ch in text):
        return LanguageGuess("und", 1.0)
    return LanguageGuess("und", 0.0)
