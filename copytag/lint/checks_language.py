"""Language checks: the copy's language against the market, and leftover foreign CTAs."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from ..cta import extract_ctas
from .catalog import Rule
from .context import Context
from .finding import Finding
from .registry import check

_UNKNOWN = ("", "und")


@check("LG101", reads_market=True)
def check_market_language(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Copy whose language is not one of the market's."""
    language = ctx.language
    if not ctx.market_languages or language in _UNKNOWN or language in ctx.market_languages:
        return
    if not ctx.language_given and ctx.tags.language_score < rule.params["min-score"]:
        return
    if any(language in group and set(group) & set(ctx.market_languages) for group in rule.params["related"]):
        return
    yield rule.finding(0, len(ctx.text), language=language, market=ctx.market,
                       expected=" or ".join(ctx.market_languages))


@check("LG102")
def check_foreign_cta(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """A lexicon CTA from another language's lexicon than the copy's own."""
    language = ctx.language
    if language in _UNKNOWN:
        return
    loanwords = rule.params["loanwords"].get(language, ())
    for cta in ctx.tags.ctas:
        if cta.source != "lexicon" or cta.language in _UNKNOWN or cta.language == language:
            continue
        if cta.keyword.lower() in loanwords or _is_native_keyword(cta.keyword, language):
            continue
        yield rule.finding(cta.start, cta.end, match=cta.keyword, cta_language=cta.language,
                           language=language)


@lru_cache(maxsize=4096)
def _is_native_keyword(keyword: str, language: str) -> bool:
    """True if the copy language's own lexicon also knows ``keyword`` (看 is zh-Hans and zh-Hant)."""
    try:
        found = extract_ctas(keyword, language=language)
    except LookupError:
        return False
    return any(c.language == language for c in found)
