"""Display names of the language codes, as the industry report writes them."""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

#: Language code -> the name a report shows. Edit here to rename a language.
LANGUAGE_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "en": "English",
        "es": "Spanish",
        "fr": "French",
        "pt": "Portuguese",
        "de": "German",
        "it": "Italian",
        "pl": "Polish",
        "ko": "Korean",
        "ja": "Japanese",
        "zh-Hant": "Chinese Traditional",
        "zh-Hans": "Chinese Simplified",
        "id": "Indonesian",
        "th": "Thai",
        "vi": "Vietnamese",
        "ar": "Arabic",
        "hi": "Hindi",
        "tr": "Turkish",
        "ru": "Russian",
        "nl": "Dutch",
        "ms": "Malay",
        "und": "No letters",
    }
)


def language_name(code: str) -> str:
    """The display name of a language ``code``; ``LookupError`` names an unknown code.

    >>> language_name("zh-Hant"), language_name("und")
    ('Chinese Traditional', 'No letters')
    >>> language_name("xx")
    Traceback (most recent call last):
    ...
    LookupError: no display name for language code 'xx'; the known codes are en, es, fr, ...
    """
    try:
        return LANGUAGE_NAMES[code]
    except KeyError:
        known = ", ".join(list(LANGUAGE_NAMES)[:3])
        raise LookupError(f"no display name for language code {code!r}; the known codes are {known}, ...") from None


def display_name(code: str) -> str:
    """Like :func:`language_name`, but an unknown code is shown as itself (new languages still chart).

    >>> display_name("sv"), display_name("fr")
    ('sv', 'French')
    """
    return LANGUAGE_NAMES.get(code, code)
