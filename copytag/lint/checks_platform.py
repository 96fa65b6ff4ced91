"""Platform checks shared by several families: lengths, emoji, phrases, excessive symbols."""
from __future__ import annotations

import re
from typing import Iterator

from ._text import rule_phrases
from .catalog import Rule
from .context import Context
from .finding import Finding
from .profiles import cut_index, text_width
from .registry import check


@check("GA101", "TT101", "MT102", "YT101", "SC101")
def check_max_length(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Text over the field's hard limit; the finding spans what does not fit."""
    if ctx.spec is not None:
        yield from _over_limit(ctx, rule, ctx.spec.max)


@check("MT101", "SC102")
def check_recommended_length(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Text over the length the platform shows or recommends."""
    if ctx.spec is not None:
        yield from _over_limit(ctx, rule, ctx.spec.recommended)


def _over_limit(ctx: Context, rule: Rule, limit: int | None) -> Iterator[Finding]:
    assert ctx.spec is not None
    if limit is None:
        return
    if 2 * len(ctx.text) <= limit:  # no character counts more than 2
        return
    length = text_width(ctx.text, ctx.spec.width)
    if length > limit:
        cut = cut_index(ctx.text, ctx.spec.width, limit)
        yield rule.finding(cut, len(ctx.text), field=ctx.spec.name, length=length, limit=limit)


@check("TT102")
def check_min_length(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """A name shorter than the platform's minimum (empty text is CT101's)."""
    spec = ctx.spec
    if spec is None or spec.min is None or not ctx.text.strip():
        return
    length = text_width(ctx.text, spec.width)
    if length < spec.min:
        yield rule.finding(0, len(ctx.text), field=spec.name, length=length, limit=spec.min)


@check("GA102", "TT103", "SC103")
def check_emoji(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Every emoji the tagger found."""
    for e in ctx.evidence("emoji"):
        yield rule.finding(e.start, e.end, match=e.text, field=ctx.field)


@check("GA110", "SC104")
def check_phrases(ctx: Context, rule: Rule) -> list[Finding]:
    """Every phrase of the rule's ``phrases`` list, as whole words, in any case."""
    return [rule.finding(m.start(), m.end(), match=m.group())
            for m in rule_phrases(rule.code, "phrases").matches(ctx.text, ctx.lowered, ctx.word_set)]


_EXCESSIVE = re.compile(r"[!?！？]{3,}|([A-Za-zÀ-ɏͰ-ϿЀ-ӿ])\1{3,}", re.IGNORECASE)
_REPEAT_HINT = re.compile(r"[!?！？]{3}|(.)\1\1", re.IGNORECASE)


@check("MT103")
def check_excessive_symbols(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Three or more marks in a row, or one letter four or more times."""
    if not _REPEAT_HINT.search(ctx.text):
        return
    for m in _EXCESSIVE.finditer(ctx.text):
        kind = "letters" if m.group(1) else "punctuation"
        fix = m.group(1) * 2 if m.group(1) else m.group()[0]
        yield rule.finding(m.start(), m.end(), fix=fix, match=m.group(), kind=kind)
