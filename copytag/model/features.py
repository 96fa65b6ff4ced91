"""Features of the classifier: hashed character and word n-grams, plus what the rules found.

Stateless: a text's features depend only on the text, the rules' result and
:class:`FeatureSpec`, so nothing vocabulary-shaped is stored with the model.
The hashing is vectorised over a whole batch (one array of code points), so
featurising costs microseconds per short text.

>>> spec = FeatureSpec()
>>> X = featurize(["Watch now!", "Mira ya"], [RuleView(frozenset({"watch"}), frozenset({"exclamation"}), "en")] * 2, spec)
>>> X.shape == (2, spec.n_features), bool(X.tocsr().getnnz(axis=1).min() > 10)
(True, True)
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Sequence

import numpy as np
from scipy import sparse

from ..types import ACTIONS, TONES

#: Languages with a one-hot column; anything else falls in the last column.
LANGUAGE_SLOTS: tuple[str, ...] = (
    "en", "es", "fr", "pt", "de", "it", "pl", "ko", "ja", "zh-Hant",
    "zh-Hans", "id", "th", "vi", "ar", "hi", "tr", "ru", "nl", "ms", "und", "*",
)  # fmt: skip

_U64 = np.uint64
_INDEX = np.int32  # scipy's index type: the matrix is built without converting indices
_MUL = _U64(0x9E3779B97F4A7C15)  # odd: multiplication by it is invertible mod 2**64
_INV_MUL = _U64(pow(0x9E3779B97F4A7C15, -1, 2**64))
_MIX1 = _U64(0xFF51AFD7ED558CCD)


class FeatureSpec(NamedTuple):
    """The shape of the feature space; stored in the model's JSON config."""

    char_bits: int = 18
    word_bits: int = 16
    char_max: int = 4
    rule_weight: float = 0.1  # small: the model must learn the words, not copy the rules

    @property
    def n_features(self) -> int:
        return (1 << self.char_bits) + (1 << self.word_bits) + len(RULE_COLUMNS)


class RuleView(NamedTuple):
    """What the classifier reads from the rules' result for one text."""

    actions: frozenset[str]
    tones: frozenset[str]
    language: str


RULE_COLUMNS: tuple[str, ...] = (
    *(f"rule_action={a}" for a in ACTIONS),
    *(f"rule_tone={t}" for t in TONES),
    *(f"language={code}" for code in LANGUAGE_SLOTS),
)


def featurize(texts: Sequence[str], rules: Sequence[RuleView], spec: FeatureSpec) -> sparse.coo_matrix:
    """One row per text: char n-grams, word n-grams, rule columns.

    Each n-gram occurrence weighs ``1/sqrt(n)``, ``n`` the number of n-grams
    of its kind in the text, so long and short copy weigh alike. The result
    may repeat a (row, column) pair (the repeats add up): converting it to
    CSR sums them; multiplying it by a matrix does not need to.
    """
    cps, rows, room = _codepoints(texts)
    n = len(texts)
    char_rows, char_cols = _char_grams(cps, rows, room, spec)
    word_rows, word_cols = _word_grams(cps, rows, spec)
    rule_rows, rule_cols = _rule_columns(rules)
    word_offset = 1 << spec.char_bits
    rule_offset = word_offset + (1 << spec.word_bits)
    data = np.concatenate([_weights(char_rows, n), _weights(word_rows, n), np.full(len(rule_rows), spec.rule_weight)])
    ijs = (np.concatenate([char_rows, word_rows, rule_rows]), np.concatenate([char_cols, word_cols + word_offset, rule_cols + rule_offset]))
    return sparse.coo_matrix((data, ijs), shape=(n, spec.n_features))


def _weights(rows: np.ndarray, n: int) -> np.ndarray:
    """``1/sqrt(count of entries in the same row)`` for every entry."""
    per_row = np.bincount(rows, minlength=n)
    with np.errstate(divide="ignore"):  # rows without entries: never gathered
        return (1.0 / np.sqrt(per_row))[rows]


def _codepoints(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Folded code points of all texts joined (each padded with spaces), the text of each
    position, and how many positions are left in that text from there (0 on separators)."""
    padded = [f" {t.lower()} " for t in texts]
    lengths = np.fromiter((len(p) for p in padded), dtype=np.int64, count=len(padded))
    raw = np.frombuffer("\x00".join(padded).encode("utf-32-le"), dtype=np.uint32)
    bmp = raw < 0x10000
    cps = np.where(bmp, _fold_table()[np.where(bmp, raw, 0)], raw).astype(_U64)
    rows = np.repeat(np.arange(len(texts), dtype=_INDEX), lengths + 1)[: len(cps)]
    ends = np.cumsum(lengths + 1) - 1  # where each text's separator is (or would be)
    room = ends[rows] - np.arange(len(cps))
    return cps, rows, room


@lru_cache(maxsize=1)
def _fold_table() -> np.ndarray:
    """Basic-plane code point -> code point, with every decimal digit (any script) as "0"."""
    table = np.arange(0x10000, dtype=np.uint32)
    digits = [cp for cp in range(0x10000) if chr(cp).isdecimal()]
    table[digits] = ord("0")
    return table


@lru_cache(maxsize=1)
def _word_char_table() -> np.ndarray:
    """Basic-plane code point -> is it a letter, mark or digit (part of a word)."""
    return np.array([chr(cp).isalnum() or 0x300 <= cp < 0x370 for cp in range(0x10000)], dtype=bool)


def _mix(h: np.ndarray, salt: int, bits: int) -> np.ndarray:
    """A well-spread ``bits``-bit column index from 64-bit hashes: one xor-shift and
    multiply (half of murmur3's finaliser), then the top bits."""
    h = h ^ _U64(salt * 0x632BE59BD9B4E019 & (2**64 - 1))
    h ^= h >> _U64(33)
    h *= _MIX1
    h >>= _U64(64 - bits)
    return h.astype(_INDEX)


def _char_grams(cps: np.ndarray, rows: np.ndarray, room: np.ndarray, spec: FeatureSpec) -> tuple[np.ndarray, np.ndarray]:
    """(text, column) of every character 1..char_max-gram that fits inside its text."""
    h = np.zeros(len(cps), dtype=_U64)
    cols, owners = [], []
    for size in range(1, spec.char_max + 1):
        h = h[: len(cps) - size + 1] * _MUL + cps[size - 1 :]
        fits = room[: len(h)] >= size
        cols.append(_mix(h[fits], size, spec.char_bits))
        owners.append(rows[: len(h)][fits])
    return np.concatenate(owners), np.concatenate(cols)


def _word_grams(cps: np.ndarray, rows: np.ndarray, spec: FeatureSpec) -> tuple[np.ndarray, np.ndarray]:
    """(text, column) of every word (run of letters and digits) and pair of adjacent words."""
    bmp = cps < 0x10000
    is_word = bmp & _word_char_table()[np.where(bmp, cps, 0).astype(np.int64)]
    edges = np.diff(np.concatenate([[False], is_word, [False]]).astype(np.int8))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    words = _run_hashes(cps, starts, ends)
    owner = rows[starts]
    same = owner[:-1] == owner[1:]
    pairs = words[:-1][same] * _MUL + words[1:][same]
    cols = np.concatenate([_mix(words, 11, spec.word_bits), _mix(pairs, 12, spec.word_bits)])
    return np.concatenate([owner, owner[:-1][same]]), cols


def _run_hashes(cps: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Polynomial hash of each run ``cps[start:end]``, from one prefix sum (mod 2**64)."""
    if len(starts) == 0:
        return np.zeros(0, dtype=_U64)
    powers = np.cumprod(np.full(len(cps), _MUL, dtype=_U64)) * _INV_MUL  # MUL**i
    inverse = np.cumprod(np.full(len(cps), _INV_MUL, dtype=_U64)) * _MUL  # MUL**-i
    prefix = np.concatenate([np.zeros(1, dtype=_U64), np.cumsum(cps * powers, dtype=_U64)])
    return (prefix[ends] - prefix[starts]) * inverse[starts] + (ends - starts).astype(_U64)


def _rule_columns(rules: Sequence[RuleView]) -> tuple[np.ndarray, np.ndarray]:
    """(text, column) of the one-hot rule columns: actions and tones found, detected language."""
    per_text = [_rule_hits(*view) for view in rules]
    lengths = np.fromiter(map(len, per_text), dtype=np.int64, count=len(per_text))
    cols = np.fromiter((c for hits in per_text for c in hits), dtype=_INDEX, count=int(lengths.sum()))
    return np.repeat(np.arange(len(per_text), dtype=_INDEX), lengths), cols


@lru_cache(maxsize=4096)
def _rule_hits(actions: frozenset[str], tones: frozenset[str], language: str) -> tuple[int, ...]:
    index = _rule_index()
    hits = [index[f"rule_action={a}"] for a in actions] + [index[f"rule_tone={t}"] for t in tones]
    return (*sorted(hits), index.get(f"language={language}", index["language=*"]))


@lru_cache(maxsize=1)
def _rule_index() -> dict[str, int]:
    return {name: i for i, name in enumerate(RULE_COLUMNS)}
