"""The tagger: language, then calls to action, then tone, for one text or many."""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Iterable

from ._validate import require_str
from .cta import extract_ctas, has_lexicon
from .language import detect_languages
from .tone import tag_tone
from .types import CopyTags


@dataclass(frozen=True, slots=True)
class TagOptions:
    """How to tag: one immutable value, passed whole or overridden by keyword.

    ``use_model``: add the trained classifier's predictions to the rules'
    (see ``models/MODEL_CARD.md``); ``False``: rules only.
    ``language``: skip detection and tag as this language (ISO code).
    ``candidates``: restrict detection to these languages (e.g. a market's).

    >>> TagOptions(use_model=False).use_model
    False
    """

    use_model: bool = True
    language: str | None = None
    candidates: tuple[str, ...] | None = None


DEFAULT_OPTIONS = TagOptions()


def resolve_options(options: TagOptions | None, overrides: dict[str, Any]) -> TagOptions:
    """``options`` (or the defaults) with keyword ``overrides`` applied."""
    base = options or DEFAULT_OPTIONS
    if not overrides:
        return base
    unknown = set(overrides) - set(TagOptions.__dataclass_fields__)
    if unknown:
        known = ", ".join(TagOptions.__dataclass_fields__)
        raise TypeError(f"unknown option(s) {', '.join(sorted(unknown))}; the options are {known}")
    if "candidates" in overrides and overrides["candidates"] is not None:
        overrides = {**overrides, "candidates": tuple(overrides["candidates"])}
    return replace(base, **overrides)


def tag(text: str, options: TagOptions | None = None, **overrides: Any) -> CopyTags:
    """Tag one piece of ad copy: language, calls to action and tone.

    >>> t = tag("¡Descarga la app y mira gratis! 🔥")
    >>> t.language, sorted(t.actions), t.primary_tone
    ('es', ['download', 'watch'], 'exclamation')
    >>> [(c.action, c.keyword) for c in t.ctas]
    [('download', 'Descarga'), ('watch', 'mira')]
    >>> tag("").language, tag("").primary_tone
    ('und', 'other')
    """
    require_str(text, "tag")
    opts = resolve_options(options, overrides)
    return _tag_distinct([text], opts)[0]


#: Texts featurised and scored together by the model: big enough to amortise numpy's
#: per-call cost, small enough to stay in cache.
BATCH_SIZE = 2048


def _tag_distinct(texts: list[str], opts: TagOptions) -> list[CopyTags]:
    """Rules for each text, then (with ``use_model``) the model once for the whole batch."""
    rules = _tag_rules(texts, opts)
    if not opts.use_model:
        return rules
    from .model.apply import add_predictions

    return add_predictions(texts, rules)


def _tag_rules(texts: list[str], opts: TagOptions) -> list[CopyTags]:
    if opts.language:
        guesses = [(opts.language, 1.0)] * len(texts)
    else:
        guesses = detect_languages(texts, candidates=opts.candidates)
    return [_tag_one(text, language, score) for text, (language, score) in zip(texts, guesses)]


def _tag_one(text: str, language: str, score: float) -> CopyTags:
    if language == "und" and not any(map(str.isalpha, text)):
        ctas: tuple = ()  # no letters, no call to action: skip matching every lexicon
    else:
        ctas = tuple(extract_ctas(text, language=_lexicon_language(language)))
    tone = tag_tone(text, language=language)
    return CopyTags(
        text=text,
        language=language,
        language_score=score,
        actions=frozenset(c.action for c in ctas),
        ctas=ctas,
        tones=tone.tones,
        primary_tone=tone.primary_tone,
        tone_evidence=tone.evidence,
    )


def _lexicon_language(language: str) -> str | None:
    """The CTA lexicon to match: the detected language's, or all of them when it has none."""
    return language if has_lexicon(language) else None


def as_copy(value: Any) -> str:
    """The text to tag for one cell: ``None`` and NaN are empty copy.

    >>> as_copy(None), as_copy(float("nan")), as_copy("Hi")
    ('', '', 'Hi')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if value.__class__.__name__ in ("NAType", "NaTType"):
        return ""
    return require_str(value, "tag_many")


def tag_many(
    texts: Iterable[Any], n_jobs: int = 1, options: TagOptions | None = None, **overrides: Any
) -> list[CopyTags]:
    """Tag many texts; the result has the same length and order as ``texts``.

    ``None`` and NaN are tagged as empty copy (language ``und``, tone
    ``other``); any other non-``str`` raises ``TypeError``. ``n_jobs`` > 1
    spreads the work over that many processes (-1: one per core), with the
    same results as ``n_jobs=1``.

    >>> [t.language for t in tag_many(["Watch now", None, "Mira ya"])]
    ['en', 'und', 'es']
    """
    opts = resolve_options(options, overrides)
    items = [as_copy(t) for t in texts]
    if n_jobs == 1 or len(items) < 2:
        return _tag_chunk(items, opts)
    from .parallel import map_chunks

    return map_chunks(_tag_chunk, items, n_jobs, opts)


def _tag_chunk(texts: list[str], opts: TagOptions) -> list[CopyTags]:
    """Tag ``texts`` (the unit of work of a worker process), in the same order.

    Each distinct text is tagged once, whatever its place in ``texts``
    (creatives reuse their copy a lot; results are immutable, so repeats
    share one), in batches of :data:`BATCH_SIZE`.
    """
    distinct = list(dict.fromkeys(texts))
    tagged: list[CopyTags] = []
    for start in range(0, len(distinct), BATCH_SIZE):
        tagged.extend(_tag_distinct(distinct[start : start + BATCH_SIZE], opts))
    if len(distinct) == len(texts):
        return tagged
    by_text = dict(zip(distinct, tagged))
    return [by_text[text] for text in texts]
