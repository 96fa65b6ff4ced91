"""The result types of copytag: immutable, typed, JSON-friendly.

Every tag carries its evidence, so a user can see *why* it is there: a CTA
names its keyword and span, a tone names the characters that triggered it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, NamedTuple

#: The six action types, in the order the report lists them.
ACTIONS: tuple[str, ...] = ("download", "watch", "click", "obtain", "trial", "continue")

#: The six tones, in the order the report lists them.
TONES: tuple[str, ...] = ("emoji", "exclamation", "question", "figure", "label", "other")

#: Precedence of ``primary_tone`` (tagging guide): the first tone the copy has.
TONE_PRECEDENCE: tuple[str, ...] = ("question", "exclamation", "figure", "emoji", "label", "other")

#: Columns that :meth:`CopyTags.to_dict` adds to a row (besides ``text``).
TAG_COLUMNS: tuple[str, ...] = (
    "language",
    "language_score",
    "actions",
    "tones",
    "cta_keywords",
    "cta_actions",
    "primary_tone",
)


class CTA(NamedTuple):
    """One call to action found in the copy.

    ``text[start:end] == keyword`` always holds on the text that was tagged.
    ``source`` is ``"lexicon"`` for a rule match and ``"model"`` for a
    prediction of the trained classifier (which has no span: ``keyword`` is
    empty and ``start == end == 0``); ``score`` is the model's probability,
    1.0 for rule matches. ``language`` is the lexicon the keyword came from
    (an English "Download" left in Spanish copy says ``"en"``).
    """

    action: str
    keyword: str
    start: int
    end: int
    source: str = "lexicon"
    score: float = 1.0
    language: str = ""


class Evidence(NamedTuple):
    """Why a tone is there: the matched text, its span and what it is.

    ``kind`` refines the tone: for ``figure`` one of ``number``, ``price``,
    ``percent``, ``spelled``, ``cjk``; for ``label`` one of ``hashtag``,
    ``bracket``; for marks the mark itself; for ``emoji`` the emoji's name.
    """

    tone: str
    text: str
    start: int
    end: int
    kind: str = ""
    source: str = "rule"
    score: float = 1.0


class ToneTags(NamedTuple):
    """The tone part of a result: the tones, the primary tone and the evidence."""

    tones: frozenset[str]
    primary_tone: str
    evidence: tuple[Evidence, ...] = ()


class LanguageGuess(NamedTuple):
    """A language code (ISO 639-1, ``zh-Hant``/``zh-Hans``, or ``und``) and a score in [0, 1]."""

    code: str
    score: float


@dataclass(frozen=True, slots=True)
class CopyTags:
    """Everything copytag knows about one piece of ad copy.

    >>> import copytag
    >>> t = copytag.tag("¡Descarga la app y mira gratis! 🔥")
    >>> t.language
    'es'
    >>> sorted(t.actions)
    ['download', 'watch']
    >>> sorted(t.tones), t.primary_tone
    (['emoji', 'exclamation'], 'exclamation')
    >>> t.ctas[0]
    CTA(action='download', keyword='Descarga', start=1, end=9, source='lexicon', score=1.0, language='es')
    """

    text: str
    language: str
    language_score: float
    actions: frozenset[str]
    ctas: tuple[CTA, ...]
    tones: frozenset[str]
    primary_tone: str
    tone_evidence: tuple[Evidence, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A flat, JSON-safe dict: one row of a DataFrame.

        Multi-valued tags are joined with ``|`` in the canonical order of
        :data:`ACTIONS` and :data:`TONES`; keywords in text order, with
        ``cta_actions`` giving each keyword's action in the same order.

        >>> import copytag
        >>> copytag.tag("Watch now!").to_dict()["actions"]
        'watch'
        """
        keyed = [c for c in self.ctas if c.keyword] if self.ctas else ()
        return {
            "text": self.text,
            "language": self.language,
            "language_score": round(float(self.language_score), 4),
            "actions": _joined(self.actions, ACTIONS),
            "tones": _joined(self.tones, TONES),
            "cta_keywords": "|".join([c.keyword for c in keyed]),
            "cta_actions": "|".join([c.action for c in keyed]),
            "primary_tone": self.primary_tone,
        }


def join_labels(labels: frozenset[str] | set[str], order: tuple[str, ...]) -> str:
    """Join ``labels`` with ``|`` in the canonical ``order``.

    >>> join_labels(frozenset({"watch", "download"}), ACTIONS)
    'download|watch'
    """
    return "|".join([label for label in order if label in labels])


@lru_cache(maxsize=1024)
def _joined(labels: frozenset[str], order: tuple[str, ...]) -> str:
    """:func:`join_labels` of a frozen set, cached: a handful of sets make up every result."""
    return join_labels(labels, order)


def primary_tone_of(tones: frozenset[str] | set[str]) -> str:
    """The first tone of :data:`TONE_PRECEDENCE` that ``tones`` has.

    >>> primary_tone_of({"emoji", "figure"})
    'figure'
    """
    for tone in TONE_PRECEDENCE:
        if tone in tones:
            return tone
    return "other"
