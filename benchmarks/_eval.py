"""The shared evaluation data (../shared/eval, read only, never trained on) and the
mapping of its store locales to copytag's language codes."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("COPYTAG_EVAL", ROOT.parent / "shared" / "eval"))
STORE = EVAL / "store-listings" / "store_listings.csv"
OURS = ("en", "es", "fr", "pt", "de", "it", "pl", "ko", "ja", "zh-Hant", "zh-Hans",
        "id", "th", "vi", "ar", "hi", "tr", "ru", "nl", "ms")  # fmt: skip


def locale_code(locale: str) -> str:
    """Our code for a store locale: zh-TW -> zh-Hant, zh-CN -> zh-Hans, others -> language subtag.

    >>> locale_code("zh-TW"), locale_code("pt-BR"), locale_code("ms")
    ('zh-Hant', 'pt', 'ms')
    """
    if locale in ("zh-TW", "zh-HK"):
        return "zh-Hant"
    if locale == "zh-CN":
        return "zh-Hans"
    return locale.split("-")[0].lower()
