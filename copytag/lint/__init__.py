"""Pre-flight lint of ad copy: what a platform will reject, or what will underperform.

Every rule has a stable code, a name, a severity and a documentation
(``copytag rules CODE``); rule metadata lives in ``copytag/lint/rules/*.toml``,
platform profiles and markets in ``copytag/lint/data/*.toml``.

>>> import copytag
>>> f = copytag.lint("Watch now!!", platform="google-ads", field="headline", select="GA106")[0]
>>> f.code, f.severity, f.start, f.end, f.fix
('GA106', 'error', 9, 11, '!')
"""
from __future__ import annotations

from .catalog import Rule, all_rules, get_rule
from .engine import lint, lint_many, lint_tags, make_plan
from .finding import SEVERITIES, Finding

__all__ = ["SEVERITIES", "Finding", "Rule", "all_rules", "get_rule", "lint", "lint_many",
           "lint_tags", "make_plan"]
