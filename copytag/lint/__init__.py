"""Pre-flight lint of ad copy."""
from __future__ import annotations

from typing import Any


def lint(text: str, platform: str | None = None, field: str | None = None,
         market: str | None = None, language: str | None = None) -> list[Any]:
    """Findings for ``text`` (not built yet)."""
    raise NotImplementedError("copytag.lint is planned: see the README's roadmap")
