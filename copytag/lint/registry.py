"""Checks registered by rule code, and the generic check of rules with a ``pattern``.

A check is a function ``(context, rule) -> iterable of Finding``. Rules whose
TOML entry has a ``pattern`` and no registered check report every match.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from .catalog import Rule
from .context import Context
from .finding import Finding

Check = Callable[[Context, Rule], Iterable[Finding]]

#: Every registered check, by rule code.
CHECKS: dict[str, Check] = {}
#: The codes whose check reads the market (the others find the same in every market).
READS_MARKET: set[str] = set()


def check(*codes: str, reads_market: bool = False) -> Callable[[Check], Check]:
    """Register the decorated function as the check of the rules ``codes``; ``reads_market``
    says that it reads ``ctx.market`` or ``ctx.market_languages``."""

    def register(func: Check) -> Check:
        for code in codes:
            if code in CHECKS:
                raise ValueError(f"rule {code} already has a check: {CHECKS[code].__name__}")
            CHECKS[code] = func
            if reads_market:
                READS_MARKET.add(code)
        return func

    return register


def match_pattern(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Report every match of the rule's ``pattern`` (if one of its ``hints`` is in the text)."""
    assert rule.regex is not None
    text = ctx.text
    hints = rule.params.get("hints")
    if hints:
        for hint in hints:
            if hint in text:
                break
        else:
            return
    for m in rule.regex.finditer(text):
        yield rule.finding(m.start(), m.end(), match=m.group(), field=ctx.field)


def check_for(rule: Rule) -> Check:
    """The check of ``rule``: its registered function, or the pattern check."""
    _load_checks()
    if rule.code in CHECKS:
        return CHECKS[rule.code]
    if rule.pattern:
        return match_pattern
    raise LookupError(f"rule {rule.code} has neither a registered check nor a pattern")


def _load_checks() -> None:
    """Import the check modules, which register themselves."""
    from . import checks_content, checks_google, checks_language, checks_platform  # noqa: F401
