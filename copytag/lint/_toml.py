"""TOML reading: ``tomllib`` from Python 3.11, the ``tomli`` backport before."""
from __future__ import annotations

import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib as _toml
else:  # pragma: no cover - Python 3.10
    import tomli as _toml

TOMLDecodeError = _toml.TOMLDecodeError


def load_toml(text: str) -> dict[str, Any]:
    """Parse TOML text.

    >>> load_toml('a = 1')
    {'a': 1}
    """
    return _toml.loads(text)
