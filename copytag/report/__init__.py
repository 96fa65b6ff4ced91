"""Summaries of tagged creatives: the industry report's four tables."""
from __future__ import annotations

from typing import Any


def summarize(df: Any, column: str = "ad_copy", by: str | None = None) -> Any:
    """The four report tables for ``df`` (not built yet)."""
    raise NotImplementedError("copytag.summarize is planned: see the README's roadmap")
