"""Lint settings from ``copytag.toml`` (table ``[lint]``) or ``pyproject.toml``
(table ``[tool.copytag.lint]``), found in a directory or its nearest parent.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ._toml import TOMLDecodeError, load_toml

#: The settings a config file may hold; the CLI's flags of the same names win.
SETTINGS = ("platform", "field", "market", "language", "select", "ignore", "fail-on", "format",
            "column", "market-column")


class ConfigError(ValueError):
    """A config file that cannot be used: bad TOML, or an unknown setting."""


def find_config(start: Path) -> tuple[Path | None, dict[str, Any]]:
    """The nearest config file from ``start`` upward and its lint settings.

    In one directory, ``copytag.toml`` wins over ``pyproject.toml``; a
    ``pyproject.toml`` without ``[tool.copytag.lint]`` is skipped.
    """
    for folder in (start, *start.parents):
        for name, keys in (("copytag.toml", ("lint",)), ("pyproject.toml", ("tool", "copytag", "lint"))):
            path = folder / name
            if path.is_file():
                settings = _read_settings(path, keys)
                if settings is not None:
                    return path, settings
    return None, {}


def _read_settings(path: Path, keys: tuple[str, ...]) -> dict[str, Any] | None:
    try:
        data: Any = load_toml(path.read_text(encoding="utf-8"))
    except (TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file or remove it") from None
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    unknown = sorted(set(data) - set(SETTINGS))
    if unknown:
        raise ConfigError(f"{path}: unknown lint setting(s) {', '.join(unknown)}; "
                          f"the settings are {', '.join(SETTINGS)}")
    return dict(data)
