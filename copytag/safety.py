"""Guards for text that leaves copytag for other programs (spreadsheets)."""
from __future__ import annotations

from typing import Any

#: First characters that make a spreadsheet cell a formula (CSV/formula injection).
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@")

#: Control characters that spreadsheets strip before reading a formula.
FORMULA_CONTROLS: tuple[str, ...] = ("\t", "\r")


def guard_formula(value: Any) -> Any:
    """``value`` made safe to open in a spreadsheet: formula-like text gets a leading ``'``.

    Text that starts with ``=``, ``+``, ``-`` or ``@`` (also after leading
    whitespace), or with a tab or carriage return, is what Excel, LibreOffice
    and Google Sheets would run as a formula, so it is prefixed with ``'``
    and shown as text. Everything else, numbers included, is returned as is.

    >>> guard_formula("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> guard_formula("  @SUM(A1)"), guard_formula("\\tcmd"), guard_formula("-5 off")
    ("'  @SUM(A1)", "'\\tcmd", "'-5 off")
    >>> guard_formula("Watch now!"), guard_formula(-5), guard_formula(None)
    ('Watch now!', -5, None)
    """
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_CONTROLS) or value.lstrip().startswith(FORMULA_STARTS):
        return "'" + value
    return value
