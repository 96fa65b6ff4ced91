"""Run the lint: resolve the settings once, tag each text once, run every applicable rule."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any, Iterable, Sequence

from .._validate import require_str
from ..tagger import TagOptions, as_copy, tag, tag_many
from ..memo import Memo
from ..types import CopyTags
from .catalog import Rule, parse_codes, select_rules
from .context import Context
from .finding import Finding
from .profiles import FieldSpec, field_spec, get_platform, market_languages
from .registry import READS_MARKET, Check, check_for

Codes = str | Iterable[str] | None


@dataclass(frozen=True)
class Plan:
    """Everything the lint needs besides the text, resolved once per setting."""

    spec: FieldSpec | None
    market: str | None
    market_languages: tuple[str, ...]
    language: str | None
    checks: tuple[tuple[Rule, Check], ...]
    #: The same plan without a market (None if this one has none): what it finds, it finds in every market.
    base: Plan | None = None
    #: The checks that read the market (the others find what ``base`` finds).
    market_checks: tuple[tuple[Rule, Check], ...] = ()


@lru_cache(maxsize=256)
def _make_plan(platform: str | None, field: str | None, market: str | None,
               language: str | None, select: tuple[str, ...], ignore: tuple[str, ...]) -> Plan:
    if field is not None and platform is None:
        raise LookupError(f"field {field!r} needs a platform; the platforms are "
                          + ", ".join(_platform_names()))
    spec = field_spec(platform, field) if platform else None
    languages = market_languages(market) if market else ()
    rules = select_rules(select, ignore)
    applicable = tuple((r, check_for(r)) for r in rules
                       if r.applies_to(spec.platform if spec else None, spec.name if spec else None))
    if not market:
        return Plan(spec, None, (), language, applicable)
    base = _make_plan(platform, field, None, language, select, ignore)
    market_checks = tuple((r, run) for r, run in applicable if r.code in READS_MARKET)
    return Plan(spec, market.upper(), languages, language, applicable, base, market_checks)


def _platform_names() -> list[str]:
    from .profiles import platforms

    return list(platforms())


def make_plan(platform: str | None = None, field: str | None = None, market: str | None = None,
              language: str | None = None, select: Codes = None, ignore: Codes = None) -> Plan:
    """The resolved settings; ``LookupError`` names an unknown platform, field, market or code."""
    if platform:
        get_platform(platform)
    return _make_plan(platform.lower() if platform else None, field.lower() if field else None,
                      market, language, parse_codes(select), parse_codes(ignore))


def lint(text: str, platform: str | None = None, field: str | None = None,
         market: str | None = None, language: str | None = None,
         select: Codes = None, ignore: Codes = None) -> list[Finding]:
    """The problems of one piece of ad copy, before it goes live.

    ``platform`` (google-ads, meta, tiktok, youtube, snapchat) and ``field``
    (headline, description, primary-text ...; the platform's default field
    if omitted) turn on the platform's rules; ``market`` (ISO country code)
    checks the copy's language; ``language`` skips detection; ``select`` and
    ``ignore`` take rule codes or prefixes ("GA", "CT1", "LG101").

    >>> [f.code for f in lint("Watch FREE episodes!!", platform="google-ads", field="headline")]
    ['CT106', 'GA107', 'GA104', 'GA106']
    >>> lint("Descarga la app y mira gratis", select="CT10", ignore="CT106")
    []
    >>> lint("Hi", platform="bing")
    Traceback (most recent call last):
    ...
    LookupError: unknown platform 'bing'; the platforms are google-ads, meta, tiktok, youtube, snapchat
    """
    require_str(text, "lint")
    return lint_text(text, make_plan(platform, field, market, language, select, ignore))


def lint_many(texts: Iterable[Any], platform: str | None = None, field: str | None = None,
              market: str | None = None, language: str | None = None,
              select: Codes = None, ignore: Codes = None) -> list[list[Finding]]:
    """The findings of each text, in order; ``None`` and NaN are empty copy.

    The texts are tagged in batches (the tagger scores its model once per
    batch), each text once, and every rule reads that one result.

    >>> [[f.code for f in fs] for fs in lint_many(["Watch now", None], select="CT101")]
    [[], ['CT101']]
    """
    plan = make_plan(platform, field, market, language, select, ignore)
    items = [as_copy(t) for t in texts]
    results: list[list[Finding]] = []
    for start in range(0, len(items), BATCH_SIZE):
        chunk = items[start:start + BATCH_SIZE]
        results += lint_batch(chunk, [plan] * len(chunk))
    return results


#: Texts linted together: the tagger tags each distinct text of them once and
#: scores its model per batch; a few thousand results are a few MB.
BATCH_SIZE = 10_000


def lint_batch(texts: Sequence[str], plans: Sequence[Plan]) -> list[list[Finding]]:
    """Tag ``texts`` together, then lint each with its own plan (its market, say).

    Every plan must name the same ``language`` (it decides the tagging).
    The lint runs once per distinct text and plan: a repeat, in this batch or
    a recent one (a bounded memo keeps them), gets its own list of the same
    (immutable) findings, and copy whose findings are all known is not tagged.

    >>> plan = make_plan(select="CT101")
    >>> lint_batch(["", "Watch now", ""], [plan] * 3)[2][0].code
    'CT101'
    """
    languages = {p.language for p in plans}
    if len(languages) > 1:
        raise ValueError(f"one batch is tagged with one language setting, got {sorted(map(str, languages))}")
    found = [_remembered(text, plan) for text, plan in zip(texts, plans)]
    todo = list(dict.fromkeys(text for text, findings in zip(texts, found) if findings is None))
    if todo:
        tagged = _tags_of(todo, plans[0].language)
        for i, (text, plan) in enumerate(zip(texts, plans)):
            if found[i] is None:
                found[i] = _findings(tagged[text], plan)
    return [list(findings) for findings in found]


def _findings(tags: CopyTags, plan: Plan) -> tuple[Finding, ...]:
    """The findings of ``plan`` on ``tags``, from the memo or worked out (and remembered).

    The rules that do not read the market are run once per copy for all markets
    (under the plan's ``base``); only the market's own rules run per market.
    """
    findings = _remembered(tags.text, plan)
    if findings is None:
        if plan.base is None:
            findings = lint_tags(tags, plan)
        else:
            findings = list(_findings(tags, plan.base))
            ctx = _context(tags, plan)
            findings += [f for rule, run in plan.market_checks for f in run(ctx, rule)]
            if len(findings) > 1:
                findings.sort(key=_text_order)
        findings = tuple(findings)
        _FINDINGS.put((tags.text, id(plan)), (plan, findings))
    return findings


def _remembered(text: str, plan: Plan) -> tuple[Finding, ...] | None:
    """The findings of ``plan`` on ``text`` if the memo has them.

    An entry holds its plan, so that plan is alive and its id is still its own:
    an entry under the same id for another plan is not this plan's.
    """
    entry = _FINDINGS.get((text, id(plan)))
    return entry[1] if entry is not None and entry[0] is plan else None


#: Findings of recently linted (text, plan) pairs: ``(text, id(plan)) -> (plan, findings)``.
_FINDINGS = Memo(1 << 15)
#: Tags of recently linted copy: ``(text, language option) -> CopyTags`` (copy linted for another market).
_TAGS = Memo(1 << 13)


def _tags_of(texts: list[str], language: str | None) -> dict[str, CopyTags]:
    """The tags of each of ``texts`` (distinct), from the memo or tagged together."""
    tagged = {text: _TAGS.get((text, language)) for text in texts}
    todo = [text for text, tags in tagged.items() if tags is None]
    for text, tags in zip(todo, tag_many(todo, options=_tag_options(language))):
        tagged[text] = tags
        _TAGS.put((text, language), tags)
    return tagged


def lint_text(text: str, plan: Plan) -> list[Finding]:
    """Tag ``text`` once and run the plan's rules on it."""
    return lint_tags(tag(text, _tag_options(plan.language)), plan)


@lru_cache(maxsize=64)
def _tag_options(language: str | None) -> TagOptions:
    return TagOptions(language=language)


def lint_tags(tags: CopyTags, plan: Plan) -> list[Finding]:
    """Run the plan's rules on a tagged text; findings in text order, then by code."""
    ctx = _context(tags, plan)
    findings = [f for rule, run in plan.checks for f in run(ctx, rule)]
    if len(findings) > 1:
        findings.sort(key=_text_order)
    return findings


def _context(tags: CopyTags, plan: Plan) -> Context:
    return Context(tags.text, tags, plan.spec, plan.market, plan.market_languages,
                   language_given=plan.language is not None)


#: Findings in text order, then by code.
_text_order = attrgetter("start", "end", "code")
