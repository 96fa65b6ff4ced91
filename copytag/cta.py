"""Calls to action: which of the six action types the copy invites the reader to do.

The triggers are data (``copytag/lexicon/<code>.toml``, see
:mod:`copytag.cta_lexicon`); the matching is in :mod:`copytag.cta_match`.

>>> [(c.action, c.keyword) for c in extract_ctas("Continue watching", "en")]
[('continue', 'Continue watching'), ('watch', 'Continue watching')]
>>> extract_ctas("He couldn't watch her cry", "en")
[]
"""
from __future__ import annotations

import dataclasses
import os
import re
from functools import lru_cache, partial
from typing import Iterable, Mapping, Union

from ._validate import require_str
from .cta_lexicon import (
    Lexicon,
    Trigger,
    available_languages,
    builtin_lexicon,
    has_lexicon,
    load_lexicon,
    resolve_code,
)
from .cta_match import SpacedMatcher, UnspacedMatcher, Words, compile_lexicon, keep_longest
from .normalize import Folded, fold
from .types import CTA

__all__ = ["Lexicon", "Trigger", "available_languages", "extract_ctas", "has_lexicon", "load_lexicon"]

#: What ``extra=`` accepts: a lexicon, a mapping or TOML path that :func:`load_lexicon` reads, or several.
ExtraTerms = Union[Lexicon, Mapping, str, os.PathLike, Iterable[Union[Lexicon, Mapping, str, os.PathLike]], None]

#: Codes that mean "language not known": every lexicon is matched.
UNKNOWN = ("und", "")
#: Languages whose copy is matched with each other's lexicon too: Indonesian and Malay
#: share most of their vocabulary and are often told apart only by a word or two, so
#: the detector's choice between them should not decide which calls to action are found.
SIBLINGS = {"id": "ms", "ms": "id"}


def extract_ctas(text: str, language: str | None = None, extra: ExtraTerms = None) -> list[CTA]:
    """The calls to action in ``text``, sorted by position.

    With ``language`` (an ISO code, ``zh-Hans``/``zh-Hant``), that
    language's lexicon and English are matched: English CTAs left in
    translated copy are common (Indonesian and Malay copy also get each
    other's lexicon: see :data:`SIBLINGS`). With ``None`` (or ``"und"``) every lexicon
    is matched. The same span found by several lexicons is reported once,
    in the first of: the given language, the ``extra`` terms, English, the
    others alphabetically. For each action type the longest match wins;
    different action types may share or nest spans. ``extra`` adds user
    terms (see :func:`load_lexicon`); terms without a ``code`` are reported
    in ``language``. An unknown code raises ``LookupError``.

    >>> [(c.action, c.keyword, c.language) for c in extract_ctas("¡Descárgala y mira gratis!", "es")]
    [('download', 'Descárgala', 'es'), ('watch', 'mira', 'es')]
    >>> [(c.action, c.keyword) for c in extract_ctas("Obtén 7 días de prueba gratis", "es")]
    [('obtain', 'Obtén'), ('trial', 'días de prueba')]
    >>> [c.keyword for c in extract_ctas("Lade die App jetzt herunter!", "de")]
    ['Lade die App jetzt herunter']
    >>> [c.action for c in extract_ctas("Binge it tonight", "en", extra={"watch": ["binge it"]})]
    ['watch']
    >>> [(c.action, c.keyword, c.language) for c in extract_ctas("Unduh dan tonton, atau muat turun di sini", "id")]
    [('download', 'Unduh', 'id'), ('watch', 'tonton', 'id'), ('download', 'muat turun', 'ms')]
    """
    if not isinstance(text, str):
        require_str(text, "extract_ctas")
    plan = _builtin_plan(language) if extra is None else _plan(language, _as_lexicons(extra))
    found: dict[tuple[str, int, int], str] = {}
    folded: dict[bool, tuple[Folded, Words]] = {}
    for matcher, code, turkic in plan:
        pair = folded.get(turkic)
        if pair is None:
            norm = fold(text, False, turkic)
            pair = folded[turkic] = (norm, Words(norm.text))
        norm, words = pair
        hits = matcher.scan(norm.text, words)
        if hits and norm.starts is not None:
            hits = [(action, *norm.span(start, end)) for action, start, end in hits]
        for hit in hits:
            found.setdefault(hit, code)
    if not found:
        return []
    kept = [(*hit, code) for hit, code in found.items()]
    if len(kept) > 1:
        kept = keep_longest(kept)
    if _QUOTE.search(text):
        kept = drop_dialogue(text, kept)
    return [_cta((a, text[s:e], s, e, "lexicon", 1.0, code)) for a, s, e, code in kept]


#: A :class:`CTA` from all its fields, without the named tuple's Python-level constructor.
_cta = partial(tuple.__new__, CTA)


#: A quotation: a character speaks ("« Télécharge ces photos », ordonna-t-il."), unless a CTA
#: introduces it as a button's label (Нажми «Смотреть дальше»).
_QUOTE = re.compile('["“„«]')
_QUOTED = re.compile('“[^“”]*”|„[^“”„]*[“”]|«[^«»]*»|"[^"]*"')


def drop_dialogue(text: str, hits: list[tuple]) -> list[tuple]:
    """The hits that are not inside a quotation spoken by a character.

    >>> [h[0] for h in drop_dialogue('"Try me," she said. Watch now', [("trial", 1, 4), ("watch", 20, 25)])]
    ['watch']
    >>> len(drop_dialogue("Tap «Continue»", [("click", 0, 3), ("continue", 5, 13)]))
    2
    """
    for quote in _QUOTED.finditer(text):
        start, end = quote.span()
        label = any(h[2] <= start and not text[h[2] : start].strip(" :") for h in hits)
        if not label:
            hits = [h for h in hits if not (start <= h[1] and h[2] <= end)]
    return hits


Plan = tuple[tuple[Union[SpacedMatcher, UnspacedMatcher], str, bool], ...]


@lru_cache(maxsize=64)
def _builtin_plan(language: str | None) -> Plan:
    return _plan(language, [])


def _plan(language: str | None, extras: list[Lexicon]) -> Plan:
    """The matchers to run, with the code each reports and the casing its text needs."""
    return tuple(
        (compile_lexicon(lex), lex.code or language or "und", lex.turkic_casing)
        for lex in _lexicons_for(language, extras)
    )


def _lexicons_for(language: str | None, extras: list[Lexicon]) -> list[Lexicon]:
    """The lexicons to match, in the order that decides which language a shared span is reported in.

    User terms join the built-in lexicon of their ``code`` (without one: of
    ``language``), so they share its folding and context words.
    """
    unknown = language is None or language in UNKNOWN
    codes = list(available_languages()) if unknown else [resolve_code(language)]  # type: ignore[arg-type]
    if not unknown and codes[0] != "en":
        codes.append("en")
    chosen = {code: builtin_lexicon(code) for code in codes}
    if not unknown and codes[0] in SIBLINGS:
        chosen = {codes[0]: chosen.pop(codes[0]), SIBLINGS[codes[0]]: _sibling(codes[0]), **chosen}
    alone: list[Lexicon] = []
    for lexicon in extras:
        code = lexicon.code or ("" if unknown else codes[0])
        if code in chosen or code in available_languages():
            chosen[code] = _extend(chosen.get(code) or builtin_lexicon(code), lexicon)
        else:
            alone.append(lexicon)
    return [*chosen.values(), *alone]


@lru_cache(maxsize=None)
def _sibling(code: str) -> Lexicon:
    """The sibling of ``code``'s lexicon as matched on ``code``'s copy: only its unconditional
    triggers (their conditions read the sibling's context words), with both stop lists."""
    sibling = builtin_lexicon(SIBLINGS[code])
    return dataclasses.replace(
        sibling,
        triggers=tuple(t for t in sibling.triggers if t.condition == "always"),
        stops=tuple(dict.fromkeys(sibling.stops + builtin_lexicon(code).stops)),
    )


@lru_cache(maxsize=64)
def _extend(base: Lexicon, extra: Lexicon) -> Lexicon:
    return base.extended(extra)


def _as_lexicons(extra: ExtraTerms) -> list[Lexicon]:
    if extra is None:
        return []
    if isinstance(extra, (Lexicon, Mapping, str, os.PathLike)):
        extra = [extra]
    return [item if isinstance(item, Lexicon) else load_lexicon(item) for item in extra]
