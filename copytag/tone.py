"""Tone tagging: emoji, exclamation, question, figure, label, other.

Rules only, per the tagging guide; each tone carries its evidence. The
character tables are in :mod:`copytag.tonedata`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import combinations
from operator import itemgetter
from typing import Iterable

from . import tonedata as td
from ._unicode_tables import MARKS
from ._validate import require_str
from .types import TONES, Evidence, ToneTags, primary_tone_of

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
    if text.__class__ is not str:
        require_str(text, "tag_tone")
    evidence: list[Evidence] = []
    masked = emoji_spans = [] if text.isascii() else _add_emoji(text, evidence)
    signals = set(_SIGNALS.findall(text))  # one scan says which detectors can fire
    if signals:
        if not _MARK_CHARS.isdisjoint(signals):
            _add_marks(text, evidence)
        if not _LABEL_CHARS.isdisjoint(signals):
            masked = sorted(emoji_spans + _add_labels(text, evidence, emoji_spans, signals))
        if not _NOT_DIGITS.issuperset(signals):
            _add_digit_figures(text, evidence, masked)
        if not _CJK_CHARS.isdisjoint(signals):
            _add_cjk_figures(text, evidence, masked)
    if (language is None or language in _SPELLING_LANGUAGES) and not _NUMBER_TRIGGERS.isdisjoint(
        _LATIN_WORD.findall(text.lower())
    ):
        _add_spelled_figures(text, evidence, language)  # rare: most copy has no number word
    if not evidence:
        return _OTHER
    if len(evidence) == 1:
        tones = _ONE_TONE[evidence[0][0]]
    else:
        evidence.sort(key=_SPAN)
        tones = frozenset(map(_TONE, evidence))
    return _new_tuple(ToneTags, (tones, _PRIMARY[tones], tuple(evidence)))


_OTHER = ToneTags(frozenset({"other"}), "other", ())


# Evidence and ToneTags are built with tuple.__new__ straight from their fields: the
# named tuples' own __new__ is a Python function, and tagging builds one or more per text.
_new_tuple = tuple.__new__
_SPAN = itemgetter(2, 3)  # an Evidence's (start, end)
_TONE = itemgetter(0)  # an Evidence's tone

#: The tones of a single piece of evidence, made once and shared (frozensets are immutable).
_ONE_TONE = {tone: frozenset([tone]) for tone in TONES}

#: The primary tone of every set of tones evidence can give.
_PRIMARY: dict[frozenset[str], str] = {
    frozenset(tones): primary_tone_of(tones)
    for n in range(1, len(TONES))
    for tones in combinations([t for t in TONES if t != "other"], n)
}


# --- emoji -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _emoji_tables() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]], dict[str, str]]:
    """A pattern that finds where an emoji may start, and per first character
    a trie-shaped pattern of every sequence starting with it, longest first.

    Built from the ``emoji`` package's data (RGI sequences: ZWJ, flags, tag
    flags, skin tones, keycaps). Unqualified single characters (©, ™, ▶ ...)
    are text-style symbols and left out; with U+FE0F they are in the data as
    fully-qualified. A following U+FE0E (text presentation) cancels a match.
    """
    import emoji

    trie = _trie(
        seq for seq, data in emoji.EMOJI_DATA.items()
        if not (data["status"] == emoji.STATUS["unqualified"] and len(seq) == 1)
    )
    by_first = {
        first: re.compile(re.escape(first) + _trie_pattern(child) + "(?!\ufe0e)")
        for first, child in trie.items()
    }
    # Beyond the BMP every emoji starts in one block: one range is the
    # cheapest test. Keycaps start with an ASCII digit, # or * and are looked
    # for only when the text has U+20E3.
    wide = sorted(ord(ch) for ch in trie if not ch.isascii() and ord(ch) <= 0xFFFF)
    smp = [ord(ch) for ch in trie if ord(ch) > 0xFFFF]
    starts = re.compile(f"[{_ranges_class(wide)}{chr(min(smp))}-{chr(max(smp))}]")
    names = {seq: data["en"] for seq, data in emoji.EMOJI_DATA.items()}
    return starts, by_first, names


def _ranges_class(codepoints: list[int], gap: int = 64) -> str:
    """A small character-class body that covers ``codepoints``.

    ``re`` tests ranges beyond the BMP one by one for every character, so
    nearby code points are merged into few ranges (gaps up to ``gap``); the
    few extra candidates this admits are rejected by the exact match after.
    """
    spans: list[list[int]] = []
    for cp in codepoints:
        if spans and spans[-1][1] >= cp - gap:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in spans
    )


def _trie(words: Iterable[str]) -> dict[str, dict]:
    """``words`` as nested dicts, one level per character; ``""`` marks where a word ends."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _trie_pattern(node: dict[str, dict]) -> str:
    """A pattern for the words below ``node`` that ``re`` matches like an alternation
    of them sorted longest first, but trying one branch per next character."""
    leaves = sorted(ch for ch, child in node.items() if ch and child.keys() == {""})
    branches = [re.escape(ch) + _trie_pattern(child)
                for ch, child in sorted(node.items()) if ch and child.keys() != {""}]
    if len(leaves) == 1:
        branches.append(re.escape(leaves[0]))
    elif leaves:
        branches.append("[" + "".join(re.escape(ch) for ch in leaves) + "]")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def find_emoji(text: str) -> list[Span]:
    """The span of every emoji sequence in ``text``, left to right.

    Sequences joined by ZWJ that are not in Unicode's list still count as one.

    >>> text = "Hi 👩🏽‍💻 and 🇧🇷, not © or #"
    >>> [text[s:e] for s, e in find_emoji(text)]
    ['👩🏽\u200d💻', '🇧🇷']
    """
    return [] if text.isascii() else _add_emoji(text, [])


_KEYCAP_START = re.compile("[#*0-9](?=\ufe0f?\u20e3)")


def _match_emoji(text: str, pos: int, by_first: dict[str, re.Pattern[str]]) -> int | None:
    pattern = by_first.get(text[pos : pos + 1])
    m = pattern.match(text, pos) if pattern is not None else None
    return m.end() if m else None


def _add_emoji(text: str, evidence: list[Evidence]) -> list[Span]:
    """Add the evidence of every emoji sequence in ``text``; return their spans."""
    starts, by_first, names = _emoji_tables()
    candidates = starts.finditer(text)
    if "\u20e3" in text:
        keycaps = _KEYCAP_START.finditer(text)
        candidates = sorted([*candidates, *keycaps], key=lambda m: m.start())
    spans: list[Span] = []
    end = 0  # where the last emoji ends
    for candidate in candidates:
        begin = candidate.start()
        if begin < end:
            continue
        pattern = by_first.get(text[begin])
        found = pattern.match(text, begin) if pattern is not None else None
        if found is None:
            continue
        end = found.end()
        while text.startswith("\u200d", end) and (
            (joined := _match_emoji(text, end + 1, by_first)) is not None
        ):
            end = joined
        spans.append((begin, end))
        seq = text[begin:end]
        evidence.append(_new_tuple(Evidence, ("emoji", seq, begin, end, names.get(seq, ""), "rule", 1.0)))
    return spans


# --- exclamation and question marks ----------------------------------------

_EXCLAMATION = frozenset(td.EXCLAMATION_MARKS)
_QUESTION = frozenset(td.QUESTION_MARKS)
_MARK = "[" + re.escape(td.EXCLAMATION_MARKS + td.QUESTION_MARKS) + "]"
_MARK_RUN = re.compile(f"{_MARK}{_MARK}*")  # a lone class first: ``re`` skips to where a run may start


def _add_marks(text: str, evidence: list[Evidence]) -> None:
    """One evidence per run of marks and tone: "?!" is a question and an exclamation."""
    for m in _MARK_RUN.finditer(text):
        run = m.group()
        start, end = m.span()
        if not _QUESTION.isdisjoint(run):
            evidence.append(_new_tuple(Evidence, ("question", run, start, end, "mark", "rule", 1.0)))
        if not _EXCLAMATION.isdisjoint(run):
            evidence.append(_new_tuple(Evidence, ("exclamation", run, start, end, "mark", "rule", 1.0)))


# --- labels: hashtags and bracket labels -----------------------------------

_WORD = rf"[^\W_]|_|[{MARKS}]"
# The check of what stands before the "#" comes after it, so ``re`` can skip to a "#".
_HASHTAG = re.compile(rf"[#＃](?<![\w&#＃].)(?![\ufe0f\u20e3])(?:{_WORD}|[\u200c\u200d])+")
_BRACKETS = re.compile(
    "|".join(
        rf"{re.escape(o)}([^{re.escape(o + c)}\n]{{1,{td.MAX_LABEL_CHARS}}}){re.escape(c)}"
        for o, c in td.LABEL_BRACKETS
    )
)
_OPENERS = frozenset(o for o, _ in td.LABEL_BRACKETS)


def _add_labels(
    text: str, evidence: list[Evidence], emoji_spans: list[Span], signals: set[str]
) -> list[Span]:
    """Add hashtag and bracket labels; return hashtag spans (no figures inside).

    ``signals`` holds the characters of :data:`_SIGNALS` that ``text`` has.
    """
    hashtags: list[Span] = []
    if "#" in signals or "＃" in signals:
        for m in _HASHTAG.finditer(text):
            if _overlaps(m.span(), emoji_spans):
                continue
            if m.group()[1:].isdecimal():  # "#1" is a rank: a figure (isdecimal is re's \d)
                evidence.append(_new_tuple(Evidence, ("figure", m.group(), m.start(), m.end(), "number", "rule", 1.0)))
            else:
                evidence.append(_new_tuple(Evidence, ("label", m.group(), m.start(), m.end(), "hashtag", "rule", 1.0)))
            hashtags.append(m.span())
    if _OPENERS.isdisjoint(signals):
        return hashtags
    for m in _BRACKETS.finditer(text):
        if any(map(str.isalnum, m.group())):  # a letter or digit inside (re's [^\W_])
            evidence.append(_new_tuple(Evidence, ("label", m.group(), m.start(), m.end(), "bracket", "rule", 1.0)))
    return hashtags


# --- figures ---------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = r"\d\d*(?:(?:[.,'’:/]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*"
_NOT_LATIN = "(?![A-Za-zÀ-ÖØ-öø-ÿ])"  # "10k" but not "10kg"; "99円で" is fine
_PREFIXES = tuple(sorted(td.CURRENCY_PREFIXES, key=len, reverse=True))
_SIGN_ENDS = frozenset(p[-1] for p in _PREFIXES)  # a currency sign before a number ends in one
_SPACED_SIGN_ENDS = frozenset(end + space for end in _SIGN_ENDS for space in (" ", "\u00a0"))
#: A number and what may follow it: a percent sign, a currency, a multiplier.
_FIGURE = re.compile(
    rf"(?P<num>{_NUMBER})"
    rf"(?:(?P<pct>[ \u00a0]?[%％‰])"
    rf"|[ \u00a0]?(?P<sfx>{_trie_pattern(_trie(td.CURRENCY_SUFFIXES))}{_NOT_LATIN})"
    rf"|(?P<mult>{_trie_pattern(_trie(td.NUMBER_SUFFIXES))}{_NOT_LATIN}))?"
)
_CJK_UNIT = _alternation(td.CJK_UNITS)
_CJK_NUMBER = re.compile(
    f"第[{td.CJK_NUMERALS}]+(?:{_CJK_UNIT})?|半(?:年|天|月|价|價)|"
    f"(?P<n>[{td.CJK_NUMERALS}]+)(?P<unit>{_CJK_UNIT})"
)
_CJK_UNITS_FOR_ONE = tuple(td.CJK_UNITS_FOR_ONE)


def _add_digit_figures(text: str, evidence: list[Evidence], masked: list[Span]) -> None:
    for m in _FIGURE.finditer(text):
        start, end = m.span()
        if masked and _overlaps((start, m.end("num")), masked):
            continue
        # A sign ends right before the number or before one space: the full check is rare.
        if start and (text[start - 1] in _SIGN_ENDS or text[max(0, start - 2) : start] in _SPACED_SIGN_ENDS):
            sign = _currency_before(text, start)
            start -= sign
        else:
            sign = 0
        suffix = m.lastgroup  # the suffix's kind; "num" when none follows
        kind = "percent" if suffix == "pct" else "price" if sign or suffix == "sfx" else "number"
        evidence.append(_new_tuple(Evidence, ("figure", text[start:end], start, end, kind, "rule", 1.0)))


def _currency_before(text: str, start: int) -> int:
    """Length of a currency sign (and one space) right before ``start`` (> 0), else 0."""
    gap = 1 if text[start - 1] in (" ", "\u00a0") else 0
    head = text[max(0, start - 5) : start - gap]
    if not head.endswith(_PREFIXES):
        return 0
    sign = next(p for p in _PREFIXES if head.endswith(p))
    before = text[start - gap - len(sign) - 1 : start - gap - len(sign)] if start - gap - len(sign) else ""
    if before.isalpha():  # "BRL$" or a word ending in "Rs": not a sign of its own
        return 0
    return len(sign) + gap


def _add_cjk_figures(text: str, evidence: list[Evidence], masked: list[Span]) -> None:
    for m in _CJK_NUMBER.finditer(text):
        if m["n"] == "一" and (
            (m.start() > 0 and text[m.start() - 1] in td.CJK_ONE_IDIOM_BEFORE)
            or not m["unit"].startswith(_CJK_UNITS_FOR_ONE)
        ):
            continue
        if not _overlaps(m.span(), masked):
            evidence.append(_new_tuple(Evidence, ("figure", m.group(), m.start(), m.end(), "cjk", "rule", 1.0)))


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
        rf"(?:{_trie_pattern(_trie(arts))})\s+(?:{_trie_pattern(_trie(units))})"
        for arts, units in ones
    )
    number = _trie_pattern(_trie(words))
    return re.compile(
        rf"(?<![^\W_])(?:{one_pattern}|(?:{number})(?:-(?:{number}))?)"
        rf"(?![^\W_])",
        re.IGNORECASE,
    )


#: Number words are two or more of these letters (the first alone in a class
#: lets ``re`` skip to where a word may start).
_LATIN_WORD = re.compile("[a-zßà-öø-ÿœ][a-zßà-öø-ÿœ]+")
#: Languages whose copy may spell numbers (``None``, "und" and "": any of them).
_SPELLING_LANGUAGES = frozenset([*td.NUMBER_WORDS, "und", ""])
_NUMBER_TRIGGERS = frozenset(
    [w for words in td.NUMBER_WORDS.values() for w in words]
    + [a for arts, _ in td.ONE_BEFORE_UNITS.values() for a in arts]
)


def _add_spelled_figures(text: str, evidence: list[Evidence], language: str | None) -> None:
    pattern = _spelled_regex(language)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        evidence.append(_new_tuple(Evidence, ("figure", m.group(), m.start(), m.end(), "spelled", "rule", 1.0)))


def _overlaps(span: Span, spans: list[Span]) -> bool:
    """Whether ``span`` overlaps one of ``spans`` (sorted, not overlapping each other)."""
    start, end = span
    i = bisect_left(spans, (end,))  # the spans that start before ``end``...
    return i > 0 and spans[i - 1][1] > start  # ...the last of which reaches past ``start``


#: Every character that can start a mark, a label, a digit or a CJK figure;
#: the sets below say which detector each calls for.
_MARK_CHARS = frozenset(td.EXCLAMATION_MARKS + td.QUESTION_MARKS)
_LABEL_CHARS = frozenset("#＃" + "".join(o for o, _ in td.LABEL_BRACKETS))
_CJK_CHARS = frozenset(td.CJK_NUMERALS + "半")
_NOT_DIGITS = _MARK_CHARS | _LABEL_CHARS | _CJK_CHARS
_SIGNALS = re.compile(rf"[\d{re.escape(''.join(sorted(_NOT_DIGITS)))}]")
