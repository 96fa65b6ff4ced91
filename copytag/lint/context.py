"""What every check sees: the text, the tagger's result once, and the lint settings."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..types import CopyTags, Evidence
from ._text import split_words, url_spans
from .profiles import FieldSpec


@dataclass
class Context:
    """One piece of copy being linted.

    ``tags`` is the tagger's result, computed once and shared by every rule.
    ``language_given`` is True when the user named the language (no detection).
    """

    text: str
    tags: CopyTags
    spec: FieldSpec | None = None
    market: str | None = None
    market_languages: tuple[str, ...] = ()
    language_given: bool = False

    @property
    def platform(self) -> str | None:
        return self.spec.platform if self.spec else None

    @property
    def field(self) -> str | None:
        return self.spec.name if self.spec else None

    @property
    def language(self) -> str:
        return self.tags.language

    def evidence(self, tone: str) -> list[Evidence]:
        """The tagger's evidence for one tone (``emoji``, ``figure`` ...)."""
        return [e for e in self.tags.tone_evidence if e.tone == tone]

    @cached_property
    def emoji_spans(self) -> list[tuple[int, int]]:
        """Where the emoji are: other rules must not read inside them."""
        return [(e.start, e.end) for e in self.tags.tone_evidence if e.tone == "emoji"]

    @cached_property
    def lowered(self) -> str:
        """The text in lower case, for cheap substring tests before a pattern runs."""
        return self.text.lower()

    @cached_property
    def split_words(self) -> list[str]:
        """The lower-cased, space-separated words, without edge punctuation."""
        return split_words(self.lowered)

    @cached_property
    def url_spans(self) -> list[tuple[int, int]]:
        """Where the web and e-mail addresses are: punctuation inside them is not prose."""
        return url_spans(self.text)

    def in_emoji(self, index: int) -> bool:
        """True if the character at ``index`` is part of an emoji sequence."""
        return any(s <= index < e for s, e in self.emoji_spans)
