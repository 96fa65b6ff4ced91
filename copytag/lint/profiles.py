"""Platform profiles and markets, read from ``copytag/lint/data/*.toml``.

>>> spec = field_spec("google-ads", "headline")
>>> spec.max, text_width("全集免费看", "double")
(30, 10)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ._charclass import count_wide, is_wide
from ._toml import load_toml


@dataclass(frozen=True)
class FieldSpec:
    """One text field of a platform and its length limits (``None``: no limit)."""

    platform: str
    name: str
    width: str
    max: int | None = None
    recommended: int | None = None
    min: int | None = None
    names: bool = False


@dataclass(frozen=True)
class Platform:
    """A platform: its title, how it counts width, its fields and the default field."""

    name: str
    title: str
    width: str
    default_field: str
    source: str
    fields: dict[str, FieldSpec]


def _read_data(filename: str) -> dict[str, Any]:
    path = resources.files(__package__).joinpath("data", filename)
    return load_toml(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def platforms() -> dict[str, Platform]:
    """Every platform profile by name."""
    return {name: _read_platform(name, data) for name, data in _read_data("platforms.toml").items()}


def _read_platform(name: str, data: dict[str, Any]) -> Platform:
    fields = {
        f: FieldSpec(name, f, data["width"], spec.get("max"), spec.get("recommended"),
                     spec.get("min"), spec.get("names", False))
        for f, spec in data["fields"].items()
    }
    return Platform(name, data["title"], data["width"], data["default-field"], data["source"], fields)


def get_platform(name: str) -> Platform:
    """The profile of platform ``name``; ``LookupError`` naming the valid ones otherwise.

    >>> get_platform("tiktok").width
    'double'
    """
    return _lookup(platforms(), name.lower(), f"unknown platform {name!r}; the platforms are")


def field_spec(platform: str, field: str | None) -> FieldSpec:
    """The field ``field`` of ``platform`` (its default field when ``None``).

    >>> field_spec("meta", None).name
    'primary-text'
    """
    profile = get_platform(platform)
    name = (field or profile.default_field).lower()
    return _lookup(profile.fields, name, f"unknown field {field!r} for {profile.name}; its fields are")


@lru_cache(maxsize=1)
def markets() -> dict[str, tuple[str, ...]]:
    """Every market's country code and the languages its ads run in."""
    return {code: tuple(langs) for code, langs in _read_data("markets.toml")["markets"].items()}


def market_languages(market: str) -> tuple[str, ...]:
    """The languages ads in ``market`` run in.

    >>> market_languages("br")
    ('pt',)
    """
    return _lookup(markets(), market.upper(),
                   f"unknown market {market!r}; use an ISO 3166 country code:")


def _lookup(table: dict[str, Any], key: str, unknown: str) -> Any:
    """``table[key]``, or a ``LookupError`` of ``unknown`` followed by the valid keys."""
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"{unknown} {', '.join(table)}") from None


def text_width(text: str, width: str) -> int:
    """The length of ``text`` as a platform counts it (``width`` is ``single`` or ``double``).

    >>> text_width("看 ＡＢ a", "double"), text_width("看 ＡＢ a", "single")
    (9, 6)
    """
    if width == "single" or text.isascii():
        return len(text)
    return len(text) + count_wide(text)


def cut_index(text: str, width: str, limit: int) -> int:
    """The index of the first character beyond ``limit`` (``len(text)`` if it fits).

    >>> cut_index("看看看", "double", 4)
    2
    """
    if width == "single" or text.isascii():
        return min(len(text), limit)
    total = 0
    for i, ch in enumerate(text):
        total += 2 if is_wide(ch) else 1
        if total > limit:
            return i
    return len(text)
