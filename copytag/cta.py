"""Calls to action (placeholder until the lexicon matcher lands)."""
from __future__ import annotations

from ._validate import require_str
from .types import CTA


def extract_ctas(text: str, language: str | None = None) -> list[CTA]:
    """The calls to action in ``text``, left to right."""
    require_str(text, "extract_ctas")
    return []
