"""Google Ads editorial checks: punctuation, capitals, spacing, symbols, phone numbers."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator

from ._charclass import symbol_positions
from ._text import CASED, inside, merge_spans
from .catalog import Rule, get_rule
from .context import Context
from .finding import Finding
from .registry import check

# --- exclamation marks and repeated punctuation -----------------------------

_EXCLAMATION_RUN = re.compile(r"[!！]+")


@check("GA105")
def check_multiple_exclamations(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """More than one exclamation mark (a run counts once: GA106 reports runs)."""
    if "!" not in ctx.text and "！" not in ctx.text:
        return
    runs = list(_EXCLAMATION_RUN.finditer(ctx.text))
    if len(runs) > 1:
        yield rule.finding(runs[1].start(), runs[-1].end(), count=len(runs))


_REPEATED = re.compile(
    r"[!?！？‼⁉⁈⁇]{2,}|[‼⁉⁈⁇]"
    r"|([,，;；:：、。~～*_=+\-])\1+"
    r"|(?<!\.)\.\.(?!\.)|\.{4,}"
)
_QUESTIONS = frozenset("?？⁇⁈⁉")
#: Cheap tests first (a pattern that starts with a character class is scanned fast).
_PUNCT_PAIR = re.compile(r"[!?！？,，;；:：、。~～*_=+\-.][!?！？,，;；:：、。~～*_=+\-.]")
_DOUBLE_MARK = re.compile("[‼⁉⁈⁇]")


@check("GA106")
def check_repeated_punctuation(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Runs of closing marks and doubled punctuation; a three-dot ellipsis is fine."""
    if not _PUNCT_PAIR.search(ctx.text) and not _DOUBLE_MARK.search(ctx.text):
        return
    for m in _REPEATED.finditer(ctx.text):
        run = m.group()
        if run[0] in "!?！？‼⁉⁈⁇":
            fix = "?" if any(ch in _QUESTIONS for ch in run) else "!"
        else:
            fix = "..." if run[0] == "." else run[0]
        yield rule.finding(m.start(), m.end(), fix=fix, match=run)


# --- capitals ---------------------------------------------------------------

_CASED_WORD = re.compile(rf"(?<![{CASED}0-9])[{CASED}]+(?:['’][{CASED}]+)*(?![{CASED}0-9])")
_INNER_CAPITAL = re.compile(rf"[{CASED}][A-ZÀ-ÖØ-ÞĀ-ɏΑ-ΩЀ-Я]")
_APOSTROPHE = re.compile(r"['’]")
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_CAMEL_SHAPE = re.compile(r"l*(?:ul+)*")
_CAMEL_PART = re.compile(r"ul+")


@lru_cache(maxsize=8)
def _allowed_words(code: str) -> frozenset[str]:
    """The rule's acronyms and brand names, which may keep their capitals."""
    params = get_rule(code).params
    return frozenset(params["acronyms"]) | frozenset(params["brands"])


@lru_cache(maxsize=8)
def _gimmicky_test(code: str) -> Callable[[str], bool]:
    """The rule's test of one cased word, remembering its answers (copy repeats its words)."""
    allowed = _allowed_words(code)

    @lru_cache(maxsize=65536)
    def gimmicky(word: str) -> bool:
        return not word[1:].islower() and _is_gimmicky(word, allowed)

    return gimmicky


@check("GA107")
def check_gimmicky_capitals(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Words in capitals or in alternating case, adjacent ones merged into one finding."""
    text = ctx.text
    if not _INNER_CAPITAL.search(text):  # capitals only at word starts: nothing gimmicky
        return
    gimmicky = _gimmicky_test(rule.code)
    if not any(map(gimmicky, _CASED_WORD.findall(text))):
        return
    spans = (m.span() for m in _CASED_WORD.finditer(text) if gimmicky(m.group()))
    for start, end in merge_spans(spans, text):
        yield rule.finding(start, end, fix=_normal_case(text, start, end), match=text[start:end])


def _is_gimmicky(word: str, allowed: frozenset[str]) -> bool:
    """Capitals or alternating case, unless an acronym, a brand or a Roman numeral.

    >>> allowed = frozenset({"VIP", "iPhone"})
    >>> [_is_gimmicky(w, allowed) for w in ("FREE", "VIP", "FrEe", "ReelShort", "iPhone", "III", "I'M")]
    [True, False, True, False, False, False, True]
    """
    if word in allowed or _APOSTROPHE.split(word)[0] in allowed:
        return False
    letters = _APOSTROPHE.sub("", word)
    if letters.isupper():
        return len(letters) >= 2 and not _ROMAN.fullmatch(letters)
    return any(len(part) >= 2 and _is_alternating(part) for part in _APOSTROPHE.split(word))


def _is_alternating(part: str) -> bool:
    """Case that is neither lower, Title, CamelCase nor iPhone-style.

    CamelCase parts are words (Reel|Short, Tik|Tok); at most one may be a
    single capital and one lower-case letter (Mc|Donald). ShOcKiNg is not.
    """
    shape = "".join("u" if ch.isupper() else "l" for ch in part)
    if not _CAMEL_SHAPE.fullmatch(shape):
        return True
    return sum(1 for seg in _CAMEL_PART.findall(shape) if seg == "ul") > 1


def _normal_case(text: str, start: int, end: int) -> str:
    """The span in lower case, capitalized at the start of a sentence."""
    lowered = text[start:end].lower()
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?！？。¡¿":
        return lowered[:1].upper() + lowered[1:]
    return lowered


# --- spacing ----------------------------------------------------------------

_MISSING_SPACE = re.compile(
    rf"[,;:?](?<=[{CASED}].)(?=[{CASED}])"
    rf"|!(?<=[{CASED}]!)(?=[A-ZÀ-ÞА-Я])"
    rf"|\.(?<=[a-zß-ÿа-я]{{2}}\.)(?=[A-ZÀ-ÞА-Я][a-zß-ÿа-я])"
)
_GLUED = re.compile(rf"[,;:?!.](?=[{CASED}])")


@check("GA108")
def check_missing_space(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Punctuation glued to the next word, outside web and e-mail addresses."""
    if not _GLUED.search(ctx.text):
        return
    urls = ctx.url_spans
    for m in _MISSING_SPACE.finditer(ctx.text):
        if not inside(m.start(), urls):
            yield rule.finding(m.start(), m.end(), fix=m.group() + " ", match=m.group())


_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0\u3000]{2,}(?=\S)")
_SPACED_PAIR = re.compile(r" [^\W\d_] [^\W\d_] ")
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")


@check("GA109")
def check_extra_space(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Two or more spaces between words; four or more letters spaced out."""
    text = ctx.text
    if "  " in text or "\u00a0" in text or "\u3000" in text:
        for m in _DOUBLE_SPACE.finditer(text):
            yield rule.finding(m.start(), m.end(), fix=" ", match=m.group(), problem="extra spaces")
    if not _SPACED_PAIR.search(text):
        return
    for m in _SPACED_LETTERS.finditer(text):
        yield rule.finding(m.start(), m.end(), fix=m.group().replace(" ", ""), match=m.group(),
                           problem="spaced-out letters")


# --- phone numbers ----------------------------------------------------------

_PHONE = re.compile(
    r"(?<![\w$€£¥₩₹+.,])(?:\+\d{1,3}[ .\-]?)?(?:\(\d{1,4}\)[ .\-]?)?\d{1,4}(?:[ .\-]\d{2,5}){1,5}(?![\w%.,]\d|[\w%])"
    r"|(?<![\w$€£¥₩₹])\+\d{7,15}(?!\w)"
)
_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:([ .,])\d{3})(?:\1\d{3})*")
_DATE = re.compile(r"\d{1,4}([./\-])\d{1,2}\1\d{1,4}")


@check("GA111")
def check_phone_number(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """International numbers, area codes in parentheses, or three or more digit groups."""
    if len(_DIGIT.findall(ctx.text)) < 7:
        return
    for m in _PHONE.finditer(ctx.text):
        if _looks_like_phone(m.group()):
            yield rule.finding(m.start(), m.end(), match=m.group())


def _looks_like_phone(candidate: str) -> bool:
    """
    >>> [_looks_like_phone(s) for s in ("+44 20 7946 0958", "1 000 000", "12.05.2024", "2024-2025")]
    [True, False, False, False]
    """
    digits = sum(ch.isdigit() for ch in candidate)
    if not 7 <= digits <= 15 or _THOUSANDS.fullmatch(candidate) or _DATE.fullmatch(candidate):
        return False
    groups = len(re.findall(r"\d+", candidate))
    return candidate.startswith("+") or "(" in candidate or groups >= 3


# --- symbols ----------------------------------------------------------------

_SYMBOL_HINT = re.compile(r"[@$!|€013457](?=[^\W\d_])")
_SYMBOL_FOR_LETTER = re.compile(
    r"(?<=[^\W\d_])[@$!|€](?=[^\W\d_])"
    r"|(?<![\w$])\$(?=[a-z]{2,})"
    r"|(?<=[A-Za-z])[013457]+(?=[a-z])"
)


@check("GA112")
def check_symbol_for_letter(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """@, $, ! or look-alike digits inside a word; addresses are left alone."""
    text = ctx.text
    if not _SYMBOL_HINT.search(text):
        return
    urls = ctx.url_spans
    for m in _SYMBOL_FOR_LETTER.finditer(text):
        if not inside(m.start(), urls):
            start, end = _word_around(text, m.start(), m.end())
            yield rule.finding(start, end, match=text[start:end])


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


_EMPHASIS = re.compile(r"(?<![\w*~])([*~])[^*~\s][^*~\n]*?\1(?![\w*~])")


@check("GA113")
def check_nonstandard_symbol(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Decorative symbols that are not emoji, bullets, arrows, and *emphasis*."""
    text = ctx.text
    if "*" in text or "~" in text:
        for m in _EMPHASIS.finditer(text):
            yield rule.finding(m.start(), m.end(), match=m.group(), fix=m.group()[1:-1])
    if text.isascii():
        return
    allowed = rule.params["allowed"]
    kept = [i for i in symbol_positions(text, skip=ctx.emoji_indexes) if text[i] not in allowed]
    for start, end in _merge_adjacent((i, i + 1) for i in kept):
        yield rule.finding(start, end, match=text[start:end])


def _merge_adjacent(spans: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
