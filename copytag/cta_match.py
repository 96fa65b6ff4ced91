"""Find the triggers of one lexicon in folded text.

Spaced scripts are matched word by word (``indir`` is not ``indirim``);
unspaced scripts (zh, ja, th, ko) by substring, where stop phrases (好看,
ดูแล, 夢を見る ...) claim the characters of the compounds that are not calls
to action. For each action type the longest match wins; different action
types may nest ("Continue watching" is ``continue`` + ``watch``).

Conditions (see :mod:`copytag.cta_lexicon`): a ``guarded`` trigger counts
at the start of a clause (lead words such as "now" may precede it), after
an earlier CTA of the same clause and a link word ("Tap *to* continue"), or
before an object word ("watch *the full episode*"); an ``object`` trigger
only before an object word ("get *the app*", not "get married").
"""
from __future__ import annotations

import re
import unicodedata
from copy import copy
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate
from typing import NamedTuple

from ._unicode_tables import MARKS
from .cta_lexicon import Lexicon, Trigger
from .normalize import fold

def _bmp_marks() -> str:
    """The combining-mark ranges below U+10000: ``re`` tests a class of BMP ranges in
    constant time but scans astral ranges one by one, and no supported script needs them."""
    pairs = re.findall(r"(?s)(.)(?:-(.))?", MARKS)
    return "".join(re.escape(a) + ("-" + re.escape(b) if b else "") for a, b in pairs if ord(b or a) < 0x10000)


_MARKS_BMP = _bmp_marks()
WORD = re.compile(f"[\\w{_MARKS_BMP}]+(?:-[\\w{_MARKS_BMP}]+)*")
#: A word, or a character that ends a clause: anything but spaces, apostrophes, hyphens and
#: quotes. A keycap ("1️⃣", folded to "1\ufe0f.") numbers a step: the whole of it is a break.
_WORD_OR_BREAK = re.compile(f"[0-9#*]\ufe0f\\.|({WORD.pattern})|[^\\s'\\-\"]")
#: Words and the gaps between them, alternately; a gap with one of these characters ends a clause.
_WORD_SPLIT = re.compile(f"({WORD.pattern})")
_BREAK = re.compile("[^\\s'\\-\"]")


class _GapBreaks(dict):
    """Whether a gap between words ends a clause, remembered for the few gaps copy writes
    again and again (" ", ", ", "! "): a dictionary lookup costs less than a search."""

    def __missing__(self, gap: str) -> bool:
        breaks = _BREAK.search(gap) is not None
        if len(gap) <= 4 and len(self) < 4096:
            self[gap] = breaks
        return breaks


_GAP_BREAKS = _GapBreaks()
#: A folded keycap follows its digit: ``_WORD_SPLIT`` would take the digit for a word.
_KEYCAP = "\ufe0f."
#: How many words may stand between the parts of a separable verb, and how far an object may follow.
MAX_GAP = 6
OBJECT_WINDOW = 3
GAP_MARK = " ... "


class Hit(NamedTuple):
    """A trigger found in folded text: ``[start, end)`` are folded offsets."""

    action: str
    start: int
    end: int


#: A :class:`Hit` from its fields, without the named tuple's Python-level constructor.
_hit = partial(tuple.__new__, Hit)


@dataclass(frozen=True, slots=True)
class _Entry:
    action: str
    condition: str
    parts: tuple[tuple[str, ...], ...]  # word sequences; more than one part: a separable verb

    @property
    def size(self) -> int:
        return sum(len(p) for p in self.parts)


def fold_phrase(text: str, lexicon: Lexicon) -> str:
    """The folded form of a lexicon phrase (accents kept), spaced consistently."""
    return " ".join(fold(text, False, lexicon.turkic_casing).text.split())


@lru_cache(maxsize=4096)
def strip_accents(word: str, turkic: bool = False) -> str:
    """``word`` without the accents of its Latin letters.

    >>> strip_accents("descárgala"), strip_accents("zdobądź")
    ('descargala', 'zdobadz')
    """
    return fold(word, True, turkic).text


def words_of(phrase: str) -> tuple[str, ...]:
    """The words of a folded phrase, as the scanner sees them.

    >>> words_of("cadastre-se"), words_of("lade die app")
    (('cadastre-se',), ('lade', 'die', 'app'))
    """
    return tuple(WORD.findall(phrase))


class SpacedMatcher:
    """Whole-word matching for scripts that separate words with spaces.

    With ``fold_accents``, a word written without any accent matches the
    accented entry ("descargala" is "descárgala"), but a word written with
    accents must match exactly: "téléchargé" (participle) is not "télécharge".
    When dropping an accent makes two entries of one action the same word
    ("descargá" and the noun "descarga"), the unaccented entry decides.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.folds = lexicon.fold_accents
        self.turkic = lexicon.turkic_casing
        self.index: dict[str, list[_Entry]] = {}
        entries = [self._entry(trig, lexicon) for trig in lexicon.triggers]
        plain = {(e.action, e.parts) for e in entries}
        for entry in entries:
            self.index.setdefault(entry.parts[0][0], []).append(entry)
            folded = _Entry(entry.action, entry.condition, self._strip_parts(entry.parts))
            if folded.parts != entry.parts and (folded.action, folded.parts) not in plain:
                self.index.setdefault(folded.parts[0][0], []).append(folded)
        for group in self.index.values():
            group.sort(key=lambda e: -e.size)
        self.cores = {(e.action, e.parts[0]) for group in self.index.values() for e in group if len(e.parts) == 1}
        self.heads = {word: _by_head(group) for word, group in self.index.items()}
        #: Words that are a whole trigger, and the first two words of the longer ones: a word of the
        #: copy that is neither, nor begins such a pair, starts no trigger ("the" of "the app").
        self.singles = frozenset(word for word, tables in self.heads.items() if tables[-1][0] == 1)
        self.pairs = frozenset(key[:2] for tables in self.heads.values() for size, table in tables if size > 1 for key in table)
        self.stops: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lexicon.stops:
            for stop in {words_of(fold_phrase(phrase, lexicon)), self._strip_parts((words_of(fold_phrase(phrase, lexicon)),))[0]}:
                if stop:
                    self.stops.setdefault(stop[0], []).append(stop)
        #: The stop phrases, and by first word the lengths of those it begins, longest first.
        self.stop_phrases = frozenset(stop for group in self.stops.values() for stop in group)
        self.stop_sizes = {word: sorted({len(stop) for stop in group}, reverse=True) for word, group in self.stops.items()}
        self.lead = self._words(lexicon.lead, lexicon)
        self.link = self._words(lexicon.link, lexicon)
        self.objects = self._words(lexicon.objects, lexicon)
        self.subjects = self._words(lexicon.subjects, lexicon)
        self.negations = self._words(lexicon.negations, lexicon)
        self.tails = self._words(lexicon.tails, lexicon)
        self.verb_final = lexicon.verb_final
        self.prefixes = _prefix_rules(lexicon, self.link)

    def _entry(self, trig: Trigger, lexicon: Lexicon) -> _Entry:
        parts = tuple(words_of(fold_phrase(p, lexicon)) for p in trig.surface.split(GAP_MARK.strip()))
        return _Entry(trig.action, trig.condition, tuple(p for p in parts if p))

    def _strip_parts(self, parts: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        if not self.folds:
            return parts
        return tuple(tuple(strip_accents(w, self.turkic) for w in part) for part in parts)

    def _words(self, phrases: tuple[str, ...], lexicon: Lexicon) -> frozenset[str]:
        words = _word_set(phrases, lexicon)
        return words | {strip_accents(w, self.turkic) for w in words} if self.folds else words

    def scan(self, norm: str, words: Words | None = None) -> list[Hit]:
        """Every licensed trigger in ``norm``, before overlaps are resolved.

        ``words`` is ``Words(norm)`` when the caller has it already.
        """
        text = Words(norm) if words is None else words
        if self.prefixes:
            text = text.located().without_prefixes(self.prefixes, self.index)
        elif self.index.keys().isdisjoint(text.words):
            return []
        words = text.words
        heads, singles, pairs = self.heads, self.singles, self.pairs
        nexts = [*words[1:], ""]
        candidates = [
            i for i, word in enumerate(words) if word in heads and (word in singles or (word, nexts[i]) in pairs)
        ]
        if not candidates:
            return []
        text.located()
        claims = [] if self.stops.keys().isdisjoint(words) else self._stop_claims(text)
        state = _ChainState()
        hits: list[Hit] = []
        clause, n = text.clause, len(words)
        for i in candidates:
            word = words[i]
            paired = (word, nexts[i]) in pairs
            done: set[str] = set()
            for size, table in heads[word]:  # longest first: a shorter entry of a found action adds nothing
                if size == 1:
                    group = table[(word,)]
                elif paired and i + size <= n and clause[i] == clause[i + size - 1]:
                    group = table.get(tuple(words[i : i + size]))
                    if not group:
                        continue
                else:
                    continue
                self._add_hits(group, text, i, size, done, state, claims, hits)
        return hits

    def _add_hits(self, group, text, i, size, done, state, claims, hits) -> None:  # noqa: ANN001
        for entry in group:
            if entry.action in done:
                continue
            last = i + size - 1 if len(entry.parts) == 1 else _match_rest(entry.parts, text, i + size - 1)
            if last < 0 or (claims and _blocked(_reach(claims, i), i, last)) or self._cancelled(text, i, last):
                continue
            if self._licensed(entry.condition, text, i, last, state):
                done.add(entry.action)
                state.add(text.clause[i], last)
                final = last if last == i else self._keyword_words(entry, text, i, last)
                hits.append(_hit((entry.action, text.starts[i], text.ends[final])))

    def _keyword_words(self, entry: _Entry, text: Words, i: int, last: int) -> int:
        """The last of the words of a phrase that name the action: "Descarga la app" → "Descarga".

        Trailing objects and determiners license the trigger but are not the
        keyword, when what is left is itself a trigger of the same action;
        separable verbs keep their whole span.
        """
        if len(entry.parts) > 1:
            return last
        end = last
        while end > i and (text.words[end] in self.objects or text.words[end] in self.subjects):
            end -= 1
            if (entry.action, tuple(text.words[i : end + 1])) in self.cores:
                last = end
        return last

    def _stop_claims(self, text: Words) -> list[tuple[int, int]]:
        """The longest stop phrase found at each word where one starts, in order: (first, last) word.
        A shorter one starting there never reaches further."""
        words, clause, sizes = text.words, text.clause, self.stop_sizes
        claims = []
        for k in [k for k, word in enumerate(words) if word in sizes]:
            for size in sizes[words[k]]:
                last = k + size - 1
                if last < len(words) and clause[k] == clause[last] and tuple(words[k : last + 1]) in self.stop_phrases:
                    claims.append((k, last))
                    break
        return claims

    def _cancelled(self, text: Words, i: int, last: int) -> bool:
        """A prohibition ("nie kontynuuj"), a narrative ending (zh 了) or a hashtag (#watchnow)."""
        if i > 0 and text.clause[i - 1] == text.clause[i] and text.words[i - 1] in self.negations:
            return True
        if last + 1 < len(text.words) and text.clause[last + 1] == text.clause[last]:
            if text.words[last + 1] in self.tails:
                return True
        return text.starts[i] > 0 and text.norm[text.starts[i] - 1] == "#"

    def _licensed(self, condition: str, text: Words, i: int, last: int, state: _ChainState) -> bool:
        if condition == "always":
            return True
        if i > 0 and text.clause[i - 1] == text.clause[i] and text.words[i - 1] in self.subjects:
            return False
        if self._has_object(text, last):
            return True
        if condition == "object":
            return False
        if self.verb_final:
            return self._closes_clause(text, i, last) or self._follows_cta(text, i, state)
        return self._opens_clause(text, i, last) or self._follows_cta(text, i, state)

    def _closes_clause(self, text: Words, i: int, last: int) -> bool:
        """Last in its clause or before a link word ("indir ve izle"), and not a lone "Look, ..."."""
        k = last + 1
        if k < len(text.words) and text.clause[k] == text.clause[last]:
            return text.words[k] in self.link
        alone = i == 0 or text.clause[i - 1] != text.clause[i]
        return not (alone and k < len(text.words) and text.gap_after(last).startswith(","))

    def _has_object(self, text: Words, last: int) -> bool:
        clause = text.clause[last]
        for k in range(last + 1, min(last + 1 + OBJECT_WINDOW, len(text.words))):
            if text.clause[k] != clause:
                return False
            if text.words[k] in self.objects or text.words[k].isdigit():
                return True
        return False

    def _opens_clause(self, text: Words, i: int, last: int) -> bool:
        """Clause-initial (after lead words), and not a discourse marker ("Mira, ...")."""
        k = i - 1
        while k >= 0 and text.clause[k] == text.clause[i] and text.words[k] in self.lead:
            k -= 1
        if k >= 0 and text.clause[k] == text.clause[i]:
            return False
        after = text.gap_after(last)
        return not (after.startswith(",") and last + 1 < len(text.words))

    def _follows_cta(self, text: Words, i: int, state: _ChainState) -> bool:
        """Right after a CTA of the same clause, or after one and a link word ("Tap to continue")."""
        if i in text.linked:  # a conjunction proclitic ("وشاهد") links to the CTA before
            first = state.first_end.get(text.clause[i])
            return first is not None and first < i
        if i == 0 or text.clause[i - 1] != text.clause[i]:
            return False
        if i - 1 in state.ends:
            return True
        first = state.first_end.get(text.clause[i])
        return text.words[i - 1] in self.link and first is not None and first < i - 1


class _ChainState:
    """Where the CTAs found so far end: the chain rule needs it in constant time."""

    def __init__(self) -> None:
        self.ends: set[int] = set()
        self.first_end: dict[int, int] = {}

    def add(self, clause: int, end: int) -> None:
        self.ends.add(end)
        self.first_end.setdefault(clause, end)


class Words:
    """The words of a folded text, their spans, and which clause each belongs to.

    Made once per folded text and shared by the matchers of every lexicon; a
    lexicon with proclitics gets its own copy (:meth:`without_prefixes`).
    """

    __slots__ = ("norm", "words", "starts", "ends", "clause", "linked", "_parts")

    def __init__(self, norm: str) -> None:
        """Split ``norm`` in one pass of ``re``: words alternate with the gaps between them.
        Spans and clauses wait for :meth:`located`: most text no matcher looks into.

        >>> w = Words("tap here, then watch").located()
        >>> w.words, w.starts, w.clause
        (['tap', 'here', 'then', 'watch'], [0, 4, 10, 15], [0, 0, 1, 1])
        """
        self.norm = norm
        #: Words that lost a conjunction proclitic: they are linked to what precedes.
        self.linked: frozenset[int] = frozenset()
        if _KEYCAP in norm:
            self._parts: list[str] | None = None
            self._read_tokens()
        else:
            self._parts = parts = _WORD_SPLIT.split(norm)
            self.words: list[str] = parts[1::2]

    def _read_tokens(self) -> None:
        """Split token by token, for text where a keycap (a word character before U+FE0F and a
        full stop) must be read as one break, not as a word."""
        self.words, self.starts, self.ends, self.clause = [], [], [], []
        clause = 0
        for m in _WORD_OR_BREAK.finditer(self.norm):
            if m.group(1) is None:
                clause += 1
                continue
            self.words.append(m.group(1))
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.clause.append(clause)

    def located(self) -> Words:
        """These words with their spans and clauses: a gap with anything but spaces, apostrophes,
        hyphens and quotes ends a clause. Clause numbers only tell whether two words share one."""
        parts = self._parts
        if parts is not None:
            offsets = list(accumulate(map(len, parts)))
            self.starts: list[int] = offsets[0:-1:2]
            self.ends: list[int] = offsets[1::2]
            self.clause: list[int] = list(accumulate(map(_GAP_BREAKS.__getitem__, parts[2:-1:2]), initial=0))
            if not self.words:
                self.clause = []
            self._parts = None
        return self

    def without_prefixes(self, prefixes: tuple[_Prefix, ...], index: dict) -> Words:
        """A copy of these (located) words with proclitics split off the words that ``index``
        lacks, when what is left starts a trigger."""
        stripped = copy(self)
        stripped.words, stripped.starts, linked = list(self.words), list(self.starts), set()
        for k, word in enumerate(self.words):
            if word not in index:
                stripped.words[k], stripped.starts[k], links = _strip_prefix(word, self.starts[k], prefixes, index)
                if links:
                    linked.add(k)
        stripped.linked = frozenset(linked)
        return stripped

    def gap_after(self, i: int) -> str:
        """The text between word ``i`` and the next word (or the end), without spaces."""
        end = self.starts[i + 1] if i + 1 < len(self.words) else len(self.norm)
        return self.norm[self.ends[i] : end].strip()


#: No stop phrase reaches over a word.
_NO_STOP = (-1, -1)


def _reach(claims: list[tuple[int, int]], i: int) -> tuple[int, int]:
    """The stop phrase reaching furthest over word ``i`` (the first of equals), or ``_NO_STOP``."""
    furthest = _NO_STOP
    for claim in claims:
        if claim[0] > i:
            break
        if claim[1] > furthest[1]:
            furthest = claim
    return furthest if furthest[1] >= i else _NO_STOP


def _blocked(stop: tuple[int, int], start: int, end: int) -> bool:
    """A stop phrase claims the triggers it strictly contains ("get married" claims "get")."""
    return stop[0] <= start and end <= stop[1] and stop != (start, end)


class _Prefix(NamedTuple):
    """A proclitic: what it is written as, what is left in its place, whether it means "and"."""

    written: str
    restored: str
    links: bool


def _prefix_rules(lexicon: Lexicon, link: frozenset[str]) -> tuple[_Prefix, ...]:
    """The lexicon's prefixes, longest first; "a>b" rewrites a to b instead of removing it."""
    rules = []
    for rule in lexicon.prefixes:
        written, _, restored = (fold_phrase(part, lexicon) for part in rule.partition(">"))
        rules.append(_Prefix(written, restored, written in link))
    return tuple(sorted(rules, key=lambda r: -len(r.written)))


def _strip_prefix(word: str, start: int, prefixes: tuple[_Prefix, ...], index: dict) -> tuple[str, int, bool]:
    """The word without its proclitic when what is left starts a trigger; its start; whether it linked."""
    for rule in prefixes:
        if word.startswith(rule.written):
            rest = rule.restored + word[len(rule.written) :]
            if rest in index:
                return rest, start + len(rule.written) - len(rule.restored), rule.links
    return word, start, False


def _by_head(group: list[_Entry]) -> list[tuple[int, dict[tuple[str, ...], list[_Entry]]]]:
    """Entries grouped by the length and words of their first part, longest first."""
    tables: dict[int, dict[tuple[str, ...], list[_Entry]]] = {}
    for entry in group:
        tables.setdefault(len(entry.parts[0]), {}).setdefault(entry.parts[0], []).append(entry)
    return sorted(tables.items(), reverse=True)


def _match_rest(parts: tuple[tuple[str, ...], ...], text: Words, last: int) -> int:
    """The last word of the separated parts of a verb found after word ``last``, or -1."""
    for part in parts[1:]:
        last = _find_part(part, text, last)
        if last < 0:
            return -1
    return last


def _find_part(part: tuple[str, ...], text: Words, after: int) -> int:
    clause = text.clause[after]
    stop = min(len(text.words), after + 2 + MAX_GAP)
    for k in range(after + 1, stop):
        if text.clause[k] != clause:
            return -1
        if tuple(text.words[k : k + len(part)]) == part and _one_clause(text, k, k + len(part) - 1):
            return k + len(part) - 1
    return -1


def _one_clause(text: Words, i: int, j: int) -> bool:
    return j < len(text.words) and text.clause[i] == text.clause[j]


def _word_set(words: tuple[str, ...], lexicon: Lexicon) -> frozenset[str]:
    return frozenset(w for phrase in words for w in words_of(fold_phrase(phrase, lexicon)))


class UnspacedMatcher:
    """Substring matching for scripts without spaces between words (zh, ja, th) and Korean."""

    def __init__(self, lexicon: Lexicon) -> None:
        fold_ = lambda s: fold_phrase(s, lexicon)  # noqa: E731
        entries = [(fold_(t.surface), t.action, t.condition) for t in lexicon.triggers]
        entries += [(fold_(phrase), "", "stop") for phrase in lexicon.stops]
        #: Entries by their first two characters (one-character entries under that character),
        #: longest first: a candidate position is checked against a handful of entries.
        #: Each with whether it begins or ends with an ASCII character (must then be a whole word).
        self.by_start: dict[str, list[tuple[str, str, str, bool]]] = {}
        for surface, action, condition in sorted((e for e in entries if e[0]), key=lambda e: -len(e[0])):
            latin = surface[0].isascii() or surface[-1].isascii()
            self.by_start.setdefault(surface[:2], []).append((surface, action, condition, latin))
        #: What a position whose two characters start an entry is checked against: those entries,
        #: then the one-character ones.
        self.by_pair = {
            key: group + self.by_start.get(key[0], []) for key, group in self.by_start.items() if len(key) == 2
        }
        firsts = sorted({key[0] for key in self.by_start})
        self.firsts = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None
        self.lead = tuple(fold_(w) for w in lexicon.lead)
        self.link = tuple(fold_(w) for w in lexicon.link)
        self.objects = tuple(fold_(w) for w in lexicon.objects)
        #: Right before any trigger: a narrator (他, 她) or a prohibition (别, 不要).
        self.before = tuple(fold_(w) for w in lexicon.subjects + lexicon.negations)
        self.tails = tuple(fold_(w) for w in lexicon.tails)

    def scan(self, norm: str, words: Words | None = None) -> list[Hit]:
        """Every licensed trigger in ``norm``, before overlaps are resolved (``words`` is not needed)."""
        if self.firsts is None:
            return []
        found = self._find(norm)
        stops = [(s, e) for s, e, _, c in found if c == "stop"]
        hits: list[Hit] = []
        ends: set[int] = set()
        k, reach = 0, (-1, -1)
        for start, end, action, condition in found:
            while k < len(stops) and stops[k][0] <= start:
                if stops[k][1] > reach[1]:  # the first of equals stays
                    reach = stops[k]
                k += 1
            if condition == "stop" or _blocked(reach, start, end):
                continue
            if self._cancelled(norm, start, end):  # 他观看: nor is the 看 inside it a call to action
                if end > reach[1]:
                    reach = (start, end)
                continue
            if self._licensed(condition, norm, start, end, ends):
                ends.add(end)
                hits.append(_hit((action, start, end)))
        return hits

    def _find(self, norm: str) -> list[tuple[int, int, str, str]]:
        """Every entry found, by position, longest first at each position."""
        by_pair, by_start = self.by_pair, self.by_start
        found = []
        for m in self.firsts.finditer(norm):  # type: ignore[union-attr]
            p = m.start()
            for surface, action, condition, latin in by_pair.get(norm[p : p + 2]) or by_start.get(norm[p], ()):
                if norm.startswith(surface, p) and (not latin or _whole_latin(norm, p, p + len(surface))):
                    found.append((p, p + len(surface), action, condition))
        return found

    def _cancelled(self, norm: str, start: int, end: int) -> bool:
        """Narrated (他点击了), prohibited (别看) or a hashtag (#追剧日常)."""
        if start > 0 and (norm[start - 1] == "#" or norm[max(0, start - _WINDOW) : start].endswith(self.before)):
            return True
        return norm.startswith(self.tails, end)

    def _licensed(self, condition: str, norm: str, start: int, end: int, ends: set[int]) -> bool:
        if condition == "always":
            return True
        rest = norm[end : end + _WINDOW].lstrip()
        if rest[:1].isdigit() or self.objects and rest.startswith(self.objects):
            return True
        if condition == "object":
            return False
        if not rest or not _is_letter(rest[0]):
            return True
        return self._opens_clause(norm, start) or self._follows_cta(norm, start, ends)

    def _opens_clause(self, norm: str, start: int) -> bool:
        before = norm[max(0, start - _WINDOW) : start].rstrip()
        lead = next((w for w in self.lead if before.endswith(w)), "")
        before = before[: len(before) - len(lead)].rstrip()
        return not before or not _is_letter(before[-1])

    def _follows_cta(self, norm: str, start: int, ends: set[int]) -> bool:
        """Right after a CTA ("点击观看"), maybe through spaces or a link word ("下载后继续")."""
        while start > 0 and norm[start - 1] == " ":
            start -= 1
        if start in ends:
            return True
        return any(start - len(w) in ends and norm.startswith(w, start - len(w)) for w in self.link)


#: How many characters around an unspaced trigger its conditions look at.
_WINDOW = 16


def _is_letter(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char)[0] == "M"


def _whole_latin(norm: str, start: int, end: int) -> bool:
    """Latin-letter entries inside unspaced lexicons ("DL", "APP") must be whole words."""
    if norm[start].isascii() and start > 0 and norm[start - 1].isascii() and norm[start - 1].isalnum():
        return False
    last = norm[end - 1]
    return not (last.isascii() and end < len(norm) and norm[end].isascii() and norm[end].isalnum())


@lru_cache(maxsize=128)
def compile_lexicon(lexicon: Lexicon) -> SpacedMatcher | UnspacedMatcher:
    """The matcher of a lexicon, built once per lexicon value."""
    return SpacedMatcher(lexicon) if lexicon.script == "spaced" else UnspacedMatcher(lexicon)


def keep_longest(hits: list[tuple]) -> list[tuple]:
    """One hit per action per stretch of text: contained hits are dropped, overlapping ones
    of the same action merged into the first ("지금 시청" + "시청하세요"); different actions may
    nest. A hit is ``(action, start, end, *rest)``; ``rest`` (the language) follows the first.

    >>> keep_longest([Hit("watch", 0, 5), Hit("watch", 0, 9), Hit("continue", 0, 5)])
    [('watch', 0, 9), ('continue', 0, 5)]
    >>> keep_longest([("watch", 0, 5, "ko"), ("watch", 3, 9, "en")])
    [('watch', 0, 9, 'ko')]
    """
    ordered = [h for *_, h in sorted([(h[1], -h[2], h[0], h) for h in set(hits)])]
    if len({h[0] for h in ordered}) == len(ordered):
        return ordered  # one hit per action: nothing to merge or drop
    kept: list[list] = []
    last: dict[str, list] = {}
    for hit in ordered:
        previous = last.get(hit[0])
        if previous is not None and hit[1] < previous[2]:
            previous[2] = max(previous[2], hit[2])
            continue
        last[hit[0]] = list(hit)
        kept.append(last[hit[0]])
    return [tuple(h) for h in kept]
