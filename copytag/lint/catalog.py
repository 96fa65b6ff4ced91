"""The rule catalog: every rule's metadata and documentation, read from TOML.

One file per family under ``copytag/lint/rules/`` holds each rule's code,
name, severity, message template, documentation and parameters. The checks
that implement the rules are Python functions registered by code in
:mod:`copytag.lint.registry`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

from ._toml import load_toml
from .finding import SEVERITIES, Finding

#: Keys of a rule entry that are metadata; any other key is a parameter of the check.
META_KEYS = frozenset({
    "code", "name", "severity", "summary", "message", "what", "why", "example",
    "example-options", "example-repeat", "instead", "source", "fields", "except-fields",
    "pattern",
})
#: Findings a rule keeps to share with the next text that has the same problem.
MAX_SHARED_FINDINGS = 50_000
_CODE = re.compile(r"[A-Z]{2,3}\d{3}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Rule:
    """One lint rule: what it is called, how serious it is, and its documentation."""

    code: str
    name: str
    severity: str
    summary: str
    message: str
    what: str
    why: str
    example: str
    instead: str
    family: str
    platform: str | None = None
    source: str = ""
    fields: tuple[str, ...] = ()
    except_fields: tuple[str, ...] = ()
    pattern: str | None = None
    example_options: Mapping[str, str] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        """The compiled ``pattern``, if the rule has one."""
        return re.compile(self.pattern) if self.pattern else None

    def applies_to(self, platform: str | None, field_name: str | None) -> bool:
        """True if the rule checks copy for this platform and field."""
        if self.platform is not None and self.platform != platform:
            return False
        if self.fields and field_name not in self.fields:
            return False
        return field_name not in self.except_fields

    def finding(self, start: int, end: int, fix: str | None = None, **values: Any) -> Finding:
        """A finding of this rule at ``start:end``, its message filled with ``values``.

        Findings are immutable, and copy repeats its problems: the same
        finding is made once and shared (at most ``MAX_SHARED_FINDINGS`` kept).

        >>> rule = get_rule("GA106")
        >>> rule.finding(9, 11, fix="!", match="!!") is rule.finding(9, 11, fix="!", match="!!")
        True
        """
        key = (start, end, fix, *values.items())
        made = self._made.get(key)
        if made is None:
            if len(self._made) >= MAX_SHARED_FINDINGS:
                self._made.clear()
            made = self._made[key] = Finding(self.code, self.name, self.severity,
                                             self.message.format(**values), start, end, fix=fix)
        return made

    @cached_property
    def _made(self) -> dict[tuple[Any, ...], Finding]:
        """The findings made so far, by span, fix and message values."""
        return {}


@dataclass(frozen=True)
class Family:
    """A family of rules sharing a code prefix (GA, TT, CT ...)."""

    prefix: str
    title: str
    platform: str | None
    rules: tuple[Rule, ...]


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    """Every rule family, read once from the package's TOML files."""
    folder = resources.files(__package__).joinpath("rules")
    files = sorted(p for p in folder.iterdir() if p.name.endswith(".toml"))
    return tuple(_read_family(load_toml(p.read_text(encoding="utf-8")), p.name) for p in files)


def _read_family(data: dict[str, Any], filename: str) -> Family:
    prefix, platform = data["prefix"], data.get("platform")
    rules = tuple(_read_rule(entry, prefix, platform, filename) for entry in data["rule"])
    return Family(prefix, data["title"], platform, rules)


def _read_rule(entry: dict[str, Any], prefix: str, platform: str | None, filename: str) -> Rule:
    code = entry["code"]
    _check_rule_entry(entry, prefix, filename)
    example = entry["example"] * entry.get("example-repeat", 1)
    return Rule(
        code=code, name=entry["name"], severity=entry["severity"], summary=entry["summary"],
        message=entry["message"], what=entry["what"], why=entry["why"], example=example,
        instead=entry["instead"], family=prefix, platform=platform,
        source=entry.get("source", ""), fields=tuple(entry.get("fields", ())),
        except_fields=tuple(entry.get("except-fields", ())), pattern=entry.get("pattern"),
        example_options=dict(entry.get("example-options", {})),
        params={k: v for k, v in entry.items() if k not in META_KEYS},
    )


def _check_rule_entry(entry: dict[str, Any], prefix: str, filename: str) -> None:
    """Fail loudly on a malformed rule file: a bad rule must not load silently."""
    code = entry.get("code", "?")
    problems = []
    if not _CODE.fullmatch(code) or not code.startswith(prefix):
        problems.append(f"code must be {prefix} and three digits")
    if not _NAME.fullmatch(entry.get("name", "")):
        problems.append("name must be kebab-case")
    if entry.get("severity") not in SEVERITIES:
        problems.append(f"severity must be one of {', '.join(SEVERITIES)}")
    missing = [k for k in ("summary", "message", "what", "why", "example", "instead") if not entry.get(k)]
    if missing:
        problems.append("missing " + ", ".join(missing))
    if problems:
        raise ValueError(f"rules/{filename}: rule {code}: " + "; ".join(problems))


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order.

    >>> len(all_rules()) >= 25
    True
    """
    return tuple(sorted((r for fam in families() for r in fam.rules), key=lambda r: r.code))


@lru_cache(maxsize=1)
def rules_by_code() -> dict[str, Rule]:
    """Every rule by its code."""
    return {r.code: r for r in all_rules()}


def get_rule(code: str) -> Rule:
    """The rule with this code (case-insensitive), or by its name.

    >>> get_rule("ct101").name
    'empty-text'
    >>> get_rule("empty-text").code
    'CT101'
    """
    by_code = rules_by_code()
    rule = by_code.get(code.upper()) or next((r for r in by_code.values() if r.name == code), None)
    if rule is None:
        raise LookupError(f"unknown rule {code!r}; the rules are {', '.join(by_code)}")
    return rule


def parse_codes(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Codes or prefixes from ``"GA,CT1"`` or ``["GA", "CT1"]``, upper-cased.

    >>> parse_codes("ga1, CT")
    ('GA1', 'CT')
    >>> parse_codes(None)
    ()
    """
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    return tuple(s.strip().upper() for s in items if s and s.strip())


def select_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[Rule, ...]:
    """The rules whose code starts with a ``select`` prefix (all if empty) and no ``ignore`` prefix.

    >>> [r.code for r in select_rules(("CT10",), ("CT102", "CT103"))][:3]
    ['CT101', 'CT104', 'CT105']
    """
    for prefix in select + ignore:
        _require_known_prefix(prefix)
    chosen = [r for r in all_rules() if not select or r.code.startswith(select)]
    return tuple(r for r in chosen if not (ignore and r.code.startswith(ignore)))


def _require_known_prefix(prefix: str) -> None:
    if not any(r.code.startswith(prefix) for r in all_rules()):
        families_ = ", ".join(f"{f.prefix} ({f.title})" for f in families())
        raise LookupError(
            f"no rule code starts with {prefix!r}; the families are {families_}, "
            f"the codes {', '.join(rules_by_code())}"
        )
