"""What the lint reports: one :class:`Finding` per problem, with its span."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Severities from the most to the least serious.
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


def severity_rank(severity: str) -> int:
    """0 for ``error``, 1 for ``warning``, 2 for ``info``.

    >>> severity_rank("warning")
    1
    """
    try:
        return SEVERITIES.index(severity)
    except ValueError:
        raise LookupError(
            f"unknown severity {severity!r}; the severities are {', '.join(SEVERITIES)}"
        ) from None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one piece of copy.

    ``text[start:end]`` is what the finding is about (the whole text for
    rules about the copy as a whole). ``row`` is the line of the input file
    the copy came from, when it came from a file. ``fix`` is a suggested
    replacement for ``text[start:end]``, when the rule has one.

    >>> f = Finding("GA106", "google-ads-repeated-punctuation", "error", "repeated '!!'", 9, 11, fix="!")
    >>> f.severity, f.to_dict()["fix"]
    ('error', '!')
    """

    code: str
    name: str
    severity: str
    message: str
    start: int
    end: int
    row: int | None = None
    fix: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict, keys in field order; ``row`` and ``fix`` only when they are set.

        >>> Finding("CT101", "empty-text", "error", "the copy is empty", 0, 0).to_dict()
        {'code': 'CT101', 'name': 'empty-text', 'severity': 'error', 'message': 'the copy is empty', 'start': 0, 'end': 0}
        """
        data: dict[str, Any] = {"code": self.code, "name": self.name, "severity": self.severity,
                                "message": self.message, "start": self.start, "end": self.end}
        if self.row is not None:
            data["row"] = self.row
        if self.fix is not None:
            data["fix"] = self.fix
        return data

    def at_least(self, severity: str) -> bool:
        """True if this finding is as serious as ``severity`` or more.

        >>> Finding("CT106", "free-claim", "info", "", 0, 4).at_least("warning")
        False
        """
        return severity_rank(self.severity) <= severity_rank(severity)
