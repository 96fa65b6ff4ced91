"""Content checks: problems of the copy itself, whatever the platform."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator

from ..encoding import MOJIBAKE, may_hold_mojibake, redecode
from ._charclass import invisible
from ._text import PhraseList, rule_phrases, word_after, word_before
from .catalog import Rule, get_rule
from .context import Context
from .finding import Finding
from .registry import check


@check("CT101")
def check_empty(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Text without a visible character."""
    if not ctx.text.strip():
        yield rule.finding(0, len(ctx.text))


@check("CT102")
def check_no_cta(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Non-empty copy in which the tagger found no call to action."""
    if not ctx.tags.actions and ctx.text.strip():
        yield rule.finding(0, len(ctx.text))


# --- template leftovers -----------------------------------------------------

_TEMPLATE = re.compile(
    r"\{\{[^{}]{0,40}\}\}|\$\{[^{}]{0,40}\}|\{[A-Za-z_][\w.\-]{0,30}\}|\{\d{0,2}\}"
    r"|%\([A-Za-z_]\w*\)[sdif]|%\d\$[sd]|(?<![\w%])%[sd](?![A-Za-z])"
    r"|<<[^<>\n]{1,30}>>|\[\[[^\[\]\n]{1,30}\]\]"
    r"|(?<![A-Za-z])(?:TODO|TBD|FIXME|XXX+)(?![A-Za-z])"
    r"|(?i:lorem ipsum(?: dolor)?)"
)
_TEMPLATE_HINTS = ("{", "%", "<<", "[", "【", "［", "TODO", "TBD", "FIXME", "XXX")
_BRACKETED = re.compile(r"[\[【［]\s*([^\[\]【】［］\n]{1,40}?)\s*[\]】］]")


@lru_cache(maxsize=1)
def _placeholder_pattern() -> re.Pattern[str]:
    words = sorted(get_rule("CT103").params["placeholder-words"], key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:insert|placeholder|translate)\b.*|(?:{body})", re.IGNORECASE)


@check("CT103")
def check_template_leftover(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Template placeholders, bracketed placeholders and draft markers."""
    text = ctx.text
    for hint in _TEMPLATE_HINTS:
        if hint in text:
            break
    else:
        if "lorem" not in ctx.lowered:
            return
    for m in _TEMPLATE.finditer(text):
        yield rule.finding(m.start(), m.end(), match=m.group())
    if "[" in text or "【" in text or "［" in text:
        for m in _BRACKETED.finditer(text):
            if _placeholder_pattern().fullmatch(m.group(1)):
                yield rule.finding(m.start(), m.end(), match=m.group())


# --- mojibake ---------------------------------------------------------------


@check("CT104")
def check_mojibake(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Replacement characters, and UTF-8 read as Windows-1252 that decodes back."""
    text = ctx.text
    if not may_hold_mojibake(text):
        return
    for m in MOJIBAKE.finditer(text):
        run = m.group()
        if run[0] == "\ufffd":
            yield rule.finding(m.start(), m.end(), match=run, hint=" (characters lost in decoding)")
            continue
        fixed = redecode(run)
        if fixed is not None:
            yield rule.finding(m.start(), m.end(), fix=fixed, match=run, hint=f", probably {fixed!r}")


# --- brackets and quotes ----------------------------------------------------

_PAIRS = {"(": ")", "[": "]", "{": "}", "【": "】", "「": "」", "『": "』", "《": "》",
          "〈": "〉", "（": "）", "［": "］", "〔": "〕", "〖": "〗"}
_CLOSERS = {c: o for o, c in _PAIRS.items()}
_BRACKETS = re.escape("".join(_PAIRS) + "".join(_CLOSERS))
_BRACKET = re.compile(f"[{_BRACKETS}]")
_ANY_BRACKET = re.compile(f"[{_BRACKETS}\"“”„«»]")
_SMILEY_OR_MARKER = re.compile(r"[:;=][-']?[()\[\]]|(?:^|(?<=\s))[^\W_]{1,2}\)")


@check("CT105")
def check_unbalanced(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Brackets that do not pair up in order; an odd number of double quotes."""
    text = ctx.text
    if not _ANY_BRACKET.search(text):
        return
    if _BRACKET.search(text):
        skip = {m.end() - 1 for m in _SMILEY_OR_MARKER.finditer(text)}
        for index, char, partner in _unpaired_brackets(text, skip):
            yield rule.finding(index, index + 1, match=char, partner=partner)
    yield from _unpaired_quotes(text, rule)


def _unpaired_brackets(text: str, skip: set[int]) -> Iterator[tuple[int, str, str]]:
    stack: list[tuple[int, str]] = []
    for m in _BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _PAIRS and i not in skip:
            stack.append((i, ch))
        elif ch in _CLOSERS:
            if stack and stack[-1][1] == _CLOSERS[ch]:
                stack.pop()
            elif i not in skip:  # a smiley or a list marker such as "1)"
                yield i, ch, _CLOSERS[ch]
    for i, ch in stack:
        yield i, ch, _PAIRS[ch]


def _unpaired_quotes(text: str, rule: Rule) -> Iterator[Finding]:
    for quotes, partner in (('"', '"'), ("“”„", "”")):
        if sum(text.count(q) for q in quotes) % 2:
            i = max(text.rfind(q) for q in quotes)
            yield rule.finding(i, i + 1, match=text[i], partner=partner)
    opens, closes = text.count("«"), text.count("»")
    if opens != closes:
        i = text.rfind("«" if opens > closes else "»")
        yield rule.finding(i, i + 1, match=text[i], partner="»" if opens > closes else "«")


# --- claims: free, superlatives, prices -------------------------------------


@lru_cache(maxsize=8)
def _claim_words(code: str) -> tuple[PhraseList, frozenset[str], frozenset[str]]:
    """A claim rule's words, and the words after or before which they are no claim."""
    params = get_rule(code).params
    return (rule_phrases(code, "words"), frozenset(params.get("not-after", ())),
            frozenset(params.get("not-before", ())))


def _claims(ctx: Context, rule: Rule) -> list[tuple[int, int]]:
    """Spans of the rule's words, except after or before its exception words."""
    phrases, not_after, not_before = _claim_words(rule.code)
    text = ctx.text
    return [m.span() for m in phrases.matches(text, ctx.lowered, ctx.word_set)
            if not (m.start() > 0 and text[m.start() - 1] == "-")  # sugar-free, not a claim
            and word_before(text, m.start()) not in not_after and word_after(text, m.end()) not in not_before]


@check("CT106")
def check_free_claim(ctx: Context, rule: Rule) -> list[Finding]:
    """Every "free" claim, in any supported language."""
    return [rule.finding(start, end, match=ctx.text[start:end]) for start, end in _claims(ctx, rule)]


_HASH_ONE = re.compile(r"(?<![\w#＃])[#＃]\s?1(?![\d.,])")
_EPISODE_WORDS = frozenset({"episode", "ep", "part", "chapter", "season", "vol", "volume", "issue"})


@check("CT107")
def check_superlative(ctx: Context, rule: Rule) -> list[Finding]:
    """Superlatives, and #1 unless it numbers an episode."""
    text = ctx.text
    found = _claims(ctx, rule)
    if "#" in text or "＃" in text:
        found += [m.span() for m in _HASH_ONE.finditer(text) if word_before(text, m.start()) not in _EPISODE_WORDS]
    return [rule.finding(start, end, match=text[start:end]) for start, end in sorted(found)]


_CLAIM_KINDS = {"price": "price", "percent": "discount or percentage"}


@check("CT112")
def check_price_claim(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Every price and percentage in the tagger's figure evidence."""
    for e in ctx.evidence("figure"):
        if e.kind in _CLAIM_KINDS:
            yield rule.finding(e.start, e.end, match=e.text, kind=_CLAIM_KINDS[e.kind])


# --- whitespace and invisible characters ------------------------------------

_LEADING = re.compile(r"^\s+")
_TRAILING = re.compile(r"\s+$")


@check("CT108")
def check_padding(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Whitespace at the start or the end of non-empty copy."""
    text = ctx.text
    if not text.strip() or not (text[0].isspace() or text[-1].isspace()):
        return
    for where, pattern in (("leading", _LEADING), ("trailing", _TRAILING)):
        m = pattern.search(text)
        if m:
            yield rule.finding(m.start(), m.end(), fix="", match=m.group(), where=where)


_JOINERS = frozenset("\u200c\u200d")
_CONTROL_NAMES = {"\t": "TAB", "\r": "CARRIAGE RETURN", "\x0b": "LINE TABULATION",
                  "\x0c": "FORM FEED", "\x00": "NULL"}


@check("CT109")
def check_invisible(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Control and format characters, variation selectors and fillers out of place."""
    text = ctx.text
    if text.isascii() and text.isprintable():
        return
    for m in invisible().finditer(text):
        i, ch = m.start(), m.group()
        if _is_needed(text, i, ch) or ctx.in_emoji(i):
            continue
        name = _CONTROL_NAMES.get(ch) or unicodedata.name(ch, "CONTROL CHARACTER")
        yield rule.finding(i, i + 1, fix="", name=name, codepoint=ord(ch))


def _is_needed(text: str, i: int, ch: str) -> bool:
    """A CR of a CRLF line break, or a joiner between letters of a joining script."""
    if ch == "\r":
        return text[i + 1:i + 2] == "\n"
    return ch in _JOINERS and _between_letters_of_joining_script(text, i)


def _between_letters_of_joining_script(text: str, i: int) -> bool:
    """ZWJ and ZWNJ shape Arabic, Persian and Indic text: between their letters they are needed."""
    before, after = text[i - 1:i], text[i + 1:i + 2]
    return bool(before and after) and all(
        ord(c) >= 0x0590 and unicodedata.category(c)[0] in "LM" for c in (before, after)
    )


# --- words ------------------------------------------------------------------

_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]")
_CYRILLIC = re.compile(r"[Ѐ-ԯ]")
_GREEK = re.compile(r"[Ͱ-Ͽ]")
_SCRIPTS = (("Latin", _LATIN), ("Cyrillic", _CYRILLIC), ("Greek", _GREEK))
#: Greek and Cyrillic: without them, the only script left is Latin.
_NOT_LATIN = re.compile(r"[Ͱ-ԯ]")
_LETTERS = re.compile(r"[^\W\d_]+")


@check("CT110")
def check_mixed_script(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Words mixing Latin, Cyrillic and Greek letters."""
    text = ctx.text
    if text.isascii() or not _NOT_LATIN.search(text) or sum(1 for _, p in _SCRIPTS if p.search(text)) < 2:
        return
    for m in _LETTERS.finditer(text):
        scripts = [name for name, p in _SCRIPTS if p.search(m.group())]
        if len(scripts) > 1:
            yield rule.finding(m.start(), m.end(), match=m.group(), scripts=" and ".join(scripts))


_REPEATED_WORD = re.compile(r"(?<![^\W_])([^\W\d_]{2,})\s+\1(?![^\W_])", re.IGNORECASE)


@check("CT111")
def check_repeated_word(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """A word right after itself, except words doubled on purpose."""
    if ctx.language in rule.params["skip-languages"]:
        return
    words = ctx.split_words
    if len(set(words)) == len(words) or all(a != b for a, b in zip(words, words[1:])):
        return
    allowed = rule.params["allowed"]
    for m in _REPEATED_WORD.finditer(ctx.text):
        if m.group(1).lower() not in allowed:
            yield rule.finding(m.start(), m.end(), fix=m.group(1), match=m.group())
