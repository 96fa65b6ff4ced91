"""Tone tagging: emoji, exclamation, question, figure, label, other.

Rules only, per the tagging guide; each tone carries its evidence. The
character tables are in :mod:`copytag.tonedata`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from . import tonedata as td
from ._unicode_tables import MARKS
from ._validate import require_str
from .types import Evidence, ToneTags, primary_tone_of

Span = tuple[int, int]


def tag_tone(text: str, language: str | None = None) -> ToneTags:
    """Tag the tones of ``text``, with the evidence for each.

    ``language`` (an ISO code) lets spelled-out numbers of that language
    count as figures; without it, only number words that mean the same in
    every supported language count.

    >>> t = tag_tone("¿Quién es el padre? 🤔 Ep.3 a $0.99 #drama")
    >>> sorted(t.tones)
    ['emoji', 'figure', 'label', 'question']
    >>> t.primary_tone
    'question'
    >>> [(e.tone, e.text, e.kind) for e in t.evidence if e.tone == "figure"]
    [('figure', '3', 'number'), ('figure', '$0.99', 'price')]
    >>> tag_tone("Watch now 1️⃣").tones == {"emoji"}
    True
    >>> tag_tone("Who is the real heir").primary_tone
    'other'
    """
    require_str(text, "tag_tone")
    evidence: list[Evidence] = []
    emoji_spans = _add_emoji(text, evidence)
    _add_marks(text, evidence)
    masked = emoji_spans + _add_labels(text, evidence, emoji_spans)
    _add_figures(text, evidence, masked, language)
    evidence.sort(key=lambda e: (e.start, e.end))
    tones = frozenset(e.tone for e in evidence) or frozenset({"other"})
    return ToneTags(tones=tones, primary_tone=primary_tone_of(tones), evidence=tuple(evidence))


# --- emoji -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _emoji_regex() -> re.Pattern[str]:
    """One trie-shaped pattern for every emoji sequence, longest match first.

    Built from the ``emoji`` package's data (RGI sequences: ZWJ, flags, tag
    flags, skin tones, keycaps). Unqualified single characters (©, ™, ▶ ...)
    are text-style symbols and left out; with U+FE0F they are in the data as
    fully-qualified. Sequences joined by ZWJ that are not RGI still count as
    one emoji. A following U+FE0E (text presentation) cancels the match.
    """
    import emoji

    trie: dict[str, dict] = {}
    for seq, data in emoji.EMOJI_DATA.items():
        if data["status"] == emoji.STATUS["unqualified"] and len(seq) == 1:
            continue
        node = trie
        for ch in seq:
            node = node.setdefault(ch, {})
        node[""] = {}
    one = _trie_pattern(trie)
    return re.compile(f"(?:{one})(?:\u200d(?:{one}))*(?!\ufe0e)")


def _trie_pattern(node: dict[str, dict]) -> str:
    leaves = sorted(ch for ch, child in node.items() if ch and child.keys() == {""})
    branches = [re.escape(ch) + _trie_pattern(child)
                for ch, child in sorted(node.items()) if ch and child.keys() != {""}]
    if len(leaves) == 1:
        branches.append(re.escape(leaves[0]))
    elif leaves:
        branches.append("[" + "".join(re.escape(ch) for ch in leaves) + "]")
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def find_emoji(text: str) -> Iterator[re.Match[str]]:
    """Every emoji sequence in ``text``, as regex matches, left to right.

    >>> [m.group() for m in find_emoji("Hi 👩🏽‍💻 and 🇧🇷, not © or #")]
    ['👩🏽\u200d💻', '🇧🇷']
    """
    return _emoji_regex().finditer(text)


def _emoji_name(seq: str) -> str:
    import emoji

    data = emoji.EMOJI_DATA.get(seq)
    return data["en"] if data else ""


def _add_emoji(text: str, evidence: list[Evidence]) -> list[Span]:
    if text.isascii():
        return []
    spans = []
    for m in find_emoji(text):
        evidence.append(Evidence("emoji", m.group(), m.start(), m.end(), _emoji_name(m.group())))
        spans.append(m.span())
    return spans


# --- exclamation and question marks ----------------------------------------

_EXCLAMATION = frozenset(td.EXCLAMATION_MARKS)
_QUESTION = frozenset(td.QUESTION_MARKS)
_MARK_RUN = re.compile("[" + re.escape(td.EXCLAMATION_MARKS + td.QUESTION_MARKS) + "]+")


def _add_marks(text: str, evidence: list[Evidence]) -> None:
    """One evidence per run of marks and tone: "?!" is a question and an exclamation."""
    for m in _MARK_RUN.finditer(text):
        run = m.group()
        if any(ch in _QUESTION for ch in run):
            evidence.append(Evidence("question", run, m.start(), m.end(), "mark"))
        if any(ch in _EXCLAMATION for ch in run):
            evidence.append(Evidence("exclamation", run, m.start(), m.end(), "mark"))


# --- labels: hashtags and bracket labels -----------------------------------

_WORD = rf"[^\W_]|_|[{MARKS}]"
_HASHTAG = re.compile(rf"(?<![\w&#＃])[#＃](?![\ufe0f\u20e3])(?:{_WORD}|[\u200c\u200d])+")
_BRACKETS = re.compile(
    "|".join(
        rf"{re.escape(o)}([^{re.escape(o + c)}\n]{{1,{td.MAX_LABEL_CHARS}}}){re.escape(c)}"
        for o, c in td.LABEL_BRACKETS
    )
)
_HAS_WORD = re.compile(r"[^\W_]")
_DIGITS_ONLY = re.compile(r"[#＃]\d+")


def _add_labels(text: str, evidence: list[Evidence], emoji_spans: list[Span]) -> list[Span]:
    """Add hashtag and bracket labels; return hashtag spans (no figures inside)."""
    hashtags: list[Span] = []
    if "#" in text or "＃" in text:
        for m in _HASHTAG.finditer(text):
            if _overlaps(m.span(), emoji_spans):
                continue
            if _DIGITS_ONLY.fullmatch(m.group()):  # "#1" is a rank: a figure
                evidence.append(Evidence("figure", m.group(), m.start(), m.end(), "number"))
            else:
                evidence.append(Evidence("label", m.group(), m.start(), m.end(), "hashtag"))
            hashtags.append(m.span())
    for m in _BRACKETS.finditer(text):
        if _HAS_WORD.search(m.group()):
            evidence.append(Evidence("label", m.group(), m.start(), m.end(), "bracket"))
    return hashtags


# --- figures ---------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = r"\d+(?:(?:[.,'’:/]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*"
_FIGURE = re.compile(
    rf"(?P<cur>(?<![^\W\d_])(?:{_alternation(td.CURRENCY_PREFIXES)})[ \u00a0]?)?"
    rf"(?P<num>{_NUMBER})"
    rf"(?:(?P<pct>[ \u00a0]?[%％‰])"
    rf"|[ \u00a0]?(?P<sfx>(?:{_alternation(td.CURRENCY_SUFFIXES)})(?![^\W\d_]))"
    rf"|(?P<mult>(?:{_alternation(td.NUMBER_SUFFIXES)})(?![^\W\d_])))?"
)
_CJK_UNIT = _alternation(td.CJK_UNITS)
_CJK_NUMBER = re.compile(
    f"第[{td.CJK_NUMERALS}]+(?:{_CJK_UNIT})?|半(?:年|天|月|价|價)|"
    f"(?P<n>[{td.CJK_NUMERALS}]+)(?P<unit>{_CJK_UNIT})"
)
_CJK_UNITS_FOR_ONE = tuple(td.CJK_UNITS_FOR_ONE)
_HAS_CJK_NUMERAL = re.compile(f"[{td.CJK_NUMERALS}]")


def _add_figures(
    text: str, evidence: list[Evidence], masked: list[Span], language: str | None
) -> None:
    for m in _FIGURE.finditer(text):
        if masked and _overlaps(m.span(), masked):
            continue
        kind = "price" if m["cur"] or m["sfx"] else "percent" if m["pct"] else "number"
        evidence.append(Evidence("figure", m.group(), m.start(), m.end(), kind))
    if _HAS_CJK_NUMERAL.search(text):
        _add_cjk_figures(text, evidence, masked)
    _add_spelled_figures(text, evidence, language)


def _add_cjk_figures(text: str, evidence: list[Evidence], masked: list[Span]) -> None:
    for m in _CJK_NUMBER.finditer(text):
        if m["n"] == "一" and (
            (m.start() > 0 and text[m.start() - 1] in td.CJK_ONE_IDIOM_BEFORE)
            or not m["unit"].startswith(_CJK_UNITS_FOR_ONE)
        ):
            continue
        if not _overlaps(m.span(), masked):
            evidence.append(Evidence("figure", m.group(), m.start(), m.end(), "cjk"))


@lru_cache(maxsize=64)
def _spelled_regex(language: str | None) -> re.Pattern[str] | None:
    languages = [language] if language in td.NUMBER_WORDS else list(td.NUMBER_WORDS)
    words = {w for lang in languages for w in td.NUMBER_WORDS[lang]}
    if language not in td.NUMBER_WORDS:
        if language is not None and language not in ("und", ""):
            return None  # a language without number words: nothing to find
        words -= td.AMBIGUOUS_NUMBER_WORDS
    ones = [td.ONE_BEFORE_UNITS[lang] for lang in languages if lang in td.ONE_BEFORE_UNITS]
    one_pattern = "|".join(
        rf"(?:{_alternation(arts)})\s+(?:{_alternation(units)})"
        for arts, units in ones
    )
    return re.compile(
        rf"(?<![^\W_])(?:{one_pattern}|(?:{_alternation(words)})(?:-(?:{_alternation(words)}))?)"
        rf"(?![^\W_])",
        re.IGNORECASE,
    )


def _add_spelled_figures(text: str, evidence: list[Evidence], language: str | None) -> None:
    if not text.isascii() and _is_unspaced(text):
        return
    pattern = _spelled_regex(language)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        evidence.append(Evidence("figure", m.group(), m.start(), m.end(), "spelled"))


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def _is_unspaced(text: str) -> bool:
    """True for CJK, kana, Hangul and Thai copy, where Latin number words do not occur."""
    return _UNSPACED.search(text) is not None


def _overlaps(span: Span, spans: list[Span]) -> bool:
    start, end = span
    return any(start < e and s < end for s, e in spans)
