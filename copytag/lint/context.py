"""What every check sees: the text, the tagger's result once, and the lint settings.

Facts several rules read (the lower-cased text, its words, the emoji spans
...) are computed once per text, and only when a rule first asks for them.
"""
from __future__ import annotations

from typing import Sequence

from ..types import CopyTags, Evidence
from ._text import split_words, url_spans
from .profiles import FieldSpec

_NO_EVIDENCE: tuple[Evidence, ...] = ()


class Context:
    """One piece of copy being linted.

    ``tags`` is the tagger's result, computed once and shared by every rule.
    ``language_given`` is True when the user named the language (no detection).

    >>> import copytag
    >>> ctx = Context("Watch FREE now 🔥", copytag.tag("Watch FREE now 🔥"))
    >>> ctx.lowered, ctx.split_words, ctx.emoji_spans, ctx.in_emoji(15)
    ('watch free now 🔥', ['watch', 'free', 'now', '🔥'], [(15, 16)], True)
    """

    __slots__ = ("text", "tags", "spec", "market", "market_languages", "language_given", "lowered",
                 "_evidence", "_emoji_spans", "_emoji_indexes", "_word_set", "_split_words", "_url_spans")

    def __init__(self, text: str, tags: CopyTags, spec: FieldSpec | None = None,
                 market: str | None = None, market_languages: tuple[str, ...] = (),
                 language_given: bool = False) -> None:
        self.text = text
        self.tags = tags
        self.spec = spec
        self.market = market
        self.market_languages = market_languages
        self.language_given = language_given
        #: The text in lower case, for cheap substring tests before a pattern runs.
        self.lowered = text.lower()
        self._evidence: dict[str, list[Evidence]] | None = None
        self._emoji_spans: list[tuple[int, int]] | None = None
        self._emoji_indexes: frozenset[int] | None = None
        self._word_set: frozenset[str] | None = None
        self._split_words: list[str] | None = None
        self._url_spans: list[tuple[int, int]] | None = None

    def __repr__(self) -> str:
        return f"Context({self.text!r}, spec={self.spec!r}, market={self.market!r})"

    @property
    def platform(self) -> str | None:
        return self.spec.platform if self.spec else None

    @property
    def field(self) -> str | None:
        return self.spec.name if self.spec else None

    @property
    def language(self) -> str:
        return self.tags.language

    def evidence(self, tone: str) -> Sequence[Evidence]:
        """The tagger's evidence for one tone (``emoji``, ``figure`` ...)."""
        by_tone = self._evidence
        if by_tone is None:
            by_tone = self._evidence = {}
            for e in self.tags.tone_evidence:
                by_tone.setdefault(e.tone, []).append(e)
        return by_tone.get(tone, _NO_EVIDENCE)

    @property
    def emoji_spans(self) -> list[tuple[int, int]]:
        """Where the emoji are: other rules must not read inside them."""
        if self._emoji_spans is None:
            self._emoji_spans = [(e.start, e.end) for e in self.evidence("emoji")]
        return self._emoji_spans

    @property
    def word_set(self) -> frozenset[str]:
        """The distinct lower-cased, space-separated words, as they are."""
        if self._word_set is None:
            self._word_set = frozenset(self.lowered.split())
        return self._word_set

    @property
    def split_words(self) -> list[str]:
        """The lower-cased, space-separated words, without edge punctuation."""
        if self._split_words is None:
            self._split_words = split_words(self.lowered)
        return self._split_words

    @property
    def url_spans(self) -> list[tuple[int, int]]:
        """Where the web and e-mail addresses are: punctuation inside them is not prose."""
        if self._url_spans is None:
            self._url_spans = url_spans(self.text)
        return self._url_spans

    @property
    def emoji_indexes(self) -> frozenset[int]:
        """The indexes of the characters of the emoji sequences."""
        if self._emoji_indexes is None:
            self._emoji_indexes = frozenset(i for s, e in self.emoji_spans for i in range(s, e))
        return self._emoji_indexes

    def in_emoji(self, index: int) -> bool:
        """True if the character at ``index`` is part of an emoji sequence."""
        return index in self.emoji_indexes
