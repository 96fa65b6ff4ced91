"""Language detection for short ad copy: script rules, then trained n-gram and word models.

A text is first cleaned of what says nothing about its language (brand names,
store badges, hashtags, links). Its letters are then counted by script: a
script used by one language decides it (Hangul is Korean, kana Japanese, Thai,
Devanagari Hindi, Arabic, Cyrillic Russian). Latin-script text goes to a model
of character 1-5-grams and word frequencies trained from wordfreq; Han-only
text goes to a Japanese/Chinese character model, and Chinese is then split
into Traditional and Simplified by the characters that only one script uses.
A long text the model knows poorly is passed to langdetect, which can name a
language outside the 20 (``sv``, ``uk``, ``fa``...).

>>> detect_language("Weiter schauen").code
'de'
>>> detect_language("Descarga ReelShort y mira gratis").code
'es'
>>> detect_language("下載觀看完整版").code, detect_language("下载观看完整版").code
('zh-Hant', 'zh-Hans')
>>> detect_language("🔥🔥 100% !!!")
LanguageGuess(code='und', score=1.0)
"""
from __future__ import annotations

import json
import math
import re
import struct
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from importlib.resources import files
from typing import Callable, Iterable, Sequence

import numpy as np

from . import langdata
from ._validate import require_str
from .encoding import may_hold_mojibake
from .memo import Memos
from .types import LanguageGuess

#: A word: letters, with inner apostrophes ("can't", "dell'anno", "Türkiye'de").
WORD_PATTERN = r"[^\W\d_]+(?:'[^\W\d_]+)*"

_WORD_RE = re.compile(WORD_PATTERN)
#: The scripts counted by name, Latin first, and their letters (regex class bodies).
_SCRIPT_BODIES = {"latin": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff", **langdata.SCRIPT_RANGES}
_SCRIPT_NAMES = tuple(_SCRIPT_BODIES)
_SCRIPT_RES = {name: re.compile(f"[{body}]") for name, body in _SCRIPT_BODIES.items()}
_OUTSIDE_SCRIPT_RES = {name: re.compile(f"[^{body}]") for name, body in _SCRIPT_BODIES.items()}
#: Which script a text's first letter is in: ``lastindex`` of a match names it.
_FIRST_SCRIPT_RE = re.compile("|".join(f"([{body}])" for body in _SCRIPT_BODIES.values()))
_LATIN_RE = _SCRIPT_RES["latin"]
_HAN_RUN_RE = re.compile(f"[{langdata.SCRIPT_RANGES['han']}]+")
_CAMEL_RE = re.compile(r"\b[a-z]*[A-Z]?[a-z]+[A-Z][A-Za-z]*\b")
_LINK_RE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#][^\s#@]+")
_BRAND_RE = re.compile(
    "|".join(langdata.BADGES)
    + r"|\b(?:"
    + "|".join(re.escape(b) for b in sorted(langdata.BRANDS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
#: Words that may start a brand or badge: the brand pattern only runs when one is there.
_BRAND_TRIGGERS = frozenset(w for b in langdata.BRANDS for w in b.lower().split()) | {"google", "store", "play", "k"}
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "İ": "i"})
_APOSTROPHE_RE = re.compile("[’ʼ`´İ]")  # what _APOSTROPHES changes: most text has none
_CAMEL_HINT_RE = re.compile("[a-z][A-Z]")  # in every CamelCase word: most text has none
#: What may lower-case to a brand word's letters, which are ASCII: ASCII letters and the
#: Kelvin sign (and "İ", which cleaning replaces first). Text without them holds no brand.
_MAY_HOLD_BRAND_RE = re.compile("[A-Za-z\u212a]")
#: Bytes of the ASCII characters that are not letters (for counting the letters of ASCII text).
_ASCII_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_LATIN_SET = frozenset(langdata.LATIN)
_ALL_LANGUAGES = frozenset(langdata.LANGUAGES)

#: Weights of the Latin model's evidence, set by hand and checked on the development set
#: (scripts/language_dev.py: held-out wordfreq words, spaCy example sentences, written cases).
WORD_WEIGHT = 1.2  # per Zipf unit of a known word
WORD_FLOOR = 1.5  # Zipf level of a word a language does not list
PRIOR_WEIGHT = 0.3  # weight of the log ad-share prior
HAN_PRIOR_WEIGHT = 0.3
MALAY_MARKER_GAP = 0.5  # Zipf units: a marker word is at least three times as frequent in one
MALAY_FLOOR = 3.0  # wordfreq's Indonesian and Malay lists stop at Zipf 3: an unlisted word is below
#: A long Latin text of which fewer words than this share are in its language's word
#: list is probably in another language (real copy in one of ours scores 0.8 to 1).
FOREIGN_KNOWN_SHARE = 0.7


def word_grams(word: str) -> list[str]:
    """The character 1- to 5-grams of ``word`` padded with spaces (the Latin model's features).

    >>> word_grams("ab")
    ['a', 'b', ' a', 'ab', 'b ', ' ab', 'ab ', ' ab ']
    """
    padded = f" {word} "
    size = len(padded)
    grams = [padded[i : i + n] for n in range(1, 6) for i in range(size - n + 1)]
    return [g for g in grams if g != " "]


def unpack(packed: np.ndarray) -> list[str]:
    """The strings of a newline-joined UTF-8 byte array (how the model files store them)."""
    return packed.tobytes().decode("utf-8").split("\n")


#: A word's n-gram rows are passed around packed, as machine-size integers (``bytes`` of
#: ``_ROW``), and read by numpy without converting a Python int per row.
_ROW = struct.Struct("n")
_ROW_DTYPE = np.dtype(np.intp)
_ZERO_ROW = _ROW.pack(0)


@dataclass(frozen=True)
class _LatinModel:
    gram_rows: dict[str, bytes]  # n-gram -> its row of ``gram_weights``, packed; row 0 is all zeros
    gram_weights: np.ndarray  # (1 + n-grams, languages) int32 multiples of ``gram_scale``
    gram_scale: float
    word_index: dict[str, int]  # listed word -> its row of ``word_weights`` and ``word_scores``
    word_weights: np.ndarray  # (words, languages) word-level evidence (Zipf frequency)
    word_scores: np.ndarray  # (words, languages) a listed word's whole evidence (n-grams and word)
    bias: np.ndarray  # (languages,) the classifier's intercepts
    languages: tuple[str, ...]


def word_gram_sums(grams: Sequence[str], gram_weight: np.ndarray, words: Sequence[str]) -> np.ndarray:
    """The summed n-gram weights of each of ``words`` (int32, exact): the Latin model's
    n-gram evidence for a listed word, worked out once when the model is built and shipped
    in ``language_latin_words.npz`` (an unlisted word's is summed when it is read).

    >>> word_gram_sums(["a", " a", "b"], np.array([[1, 0], [2, 5], [7, 7]], np.int16), ["a", "ab"]).tolist()
    [[3, 5], [10, 12]]
    """
    index = {g: i + 1 for i, g in enumerate(grams)}
    table = np.vstack([np.zeros((1, gram_weight.shape[1]), np.int32), gram_weight.astype(np.int32)])
    rows: list[int] = []
    starts = []
    for word in words:
        padded = f" {word} "
        starts.append(len(rows))
        rows += map(index.get, _grams_getter(len(padded))(padded), repeat(0))
    return np.add.reduceat(table[np.array(rows, dtype=np.intp)], starts, axis=0).astype(np.int32)


@lru_cache(maxsize=1)
def _latin_model() -> _LatinModel:
    """Load the Latin-script model shipped in ``copytag._models`` (once)."""
    models = files("copytag._models")
    with models.joinpath("language_latin.npz").open("rb") as fh:
        data = np.load(fh, allow_pickle=False)
        grams = unpack(data["grams"])
        words = unpack(data["words"])
        gram_w = data["gram_weight"].astype(np.int32)
        scale = float(data["gram_scale"])
        zipf = data["word_zipf"].astype(np.float64) / 10
        bias = data["bias"].astype(np.float64)
        languages = tuple(data["languages"].tolist())
    with models.joinpath("language_latin_words.npz").open("rb") as fh:
        sums = np.load(fh, allow_pickle=False)["word_gram_sums"]
    if sums.shape != (len(words), len(languages)):
        raise RuntimeError("language_latin_words.npz does not match language_latin.npz: run scripts/train_language.py --word-sums")
    word_w = WORD_WEIGHT * (np.maximum(zipf, WORD_FLOOR) - WORD_FLOOR)
    packed = np.arange(1 + len(grams), dtype=_ROW_DTYPE).tobytes()
    size = _ROW.size
    gram_rows = dict(zip(grams, (packed[i : i + size] for i in range(size, len(packed), size))))
    word_index = {w: i for i, w in enumerate(words)}
    gram_weights = np.vstack([np.zeros((1, len(languages)), np.int32), gram_w])
    return _LatinModel(gram_rows, gram_weights, scale, word_index, word_w, sums * scale + word_w, bias, languages)


@lru_cache(maxsize=1)
def _malay_zipf() -> dict[str, tuple[float, float]]:
    """Word -> (Zipf frequency in Indonesian, in Malay), for the words either lists."""
    with files("copytag._models").joinpath("language_latin.npz").open("rb") as fh:
        data = np.load(fh, allow_pickle=False)
        words = unpack(data["words"])
        languages = data["languages"].tolist()
        zipf = data["word_zipf"][:, [languages.index("id"), languages.index("ms")]] / 10
    listed = np.flatnonzero(zipf.max(axis=1) > 0)
    return {words[i]: (float(zipf[i, 0]), float(zipf[i, 1])) for i in listed}


def _settle_malay(code: str, tokens: Sequence[str], allowed: frozenset[str]) -> str:
    """Indonesian or Malay, by their marker words (character n-grams barely tell these two
    apart; their vocabularies do: "percuma" against "gratis").

    A marker is a word at least three times as frequent in one language as in the other.
    The two share most words, and the Malay word list holds much Indonesian text, so
    without a Malay marker the answer is Indonesian, the larger market.
    """
    if code not in ("id", "ms") or not {"id", "ms"} <= allowed:
        return code
    table = _malay_zipf()
    evidence = 0.0
    for id_zipf, ms_zipf in map(table.get, tokens, repeat((0.0, 0.0))):
        gap = max(ms_zipf, MALAY_FLOOR) - max(id_zipf, MALAY_FLOOR)
        if abs(gap) >= MALAY_MARKER_GAP:
            evidence += max(-2.0, min(2.0, gap))
    priors = _priors()
    evidence += PRIOR_WEIGHT * (priors["ms"] - priors["id"]) / math.log(10)
    return "ms" if evidence > 0 else "id"


def _settle_hinglish(code: str, tokens: Sequence[str], allowed: frozenset[str]) -> str:
    """Hindi for Latin-script copy written in Hindi ("abhi download karo, free mein dekho"):
    the Latin model has no Hindi, whose word list is Devanagari, so this copy would read as
    English or Indonesian. Two Hindi words, or a Hindi verb closing the copy, decide it.

    >>> _settle_hinglish("id", ["download", "karo", "aur", "free", "mein", "dekho"], frozenset({"id", "hi"}))
    'hi'
    >>> _settle_hinglish("en", ["full", "episode", "dekho"], frozenset({"en", "hi"}))
    'hi'
    >>> _settle_hinglish("en", ["karo", "is", "back"], frozenset({"en", "hi"}))
    'en'
    """
    if "hi" not in allowed or not tokens:
        return code
    if tokens[-1] in langdata.HINGLISH_VERBS:
        return "hi"
    return "hi" if len(_HINGLISH.intersection(tokens)) >= 2 else code


_HINGLISH = langdata.HINGLISH_WORDS | langdata.HINGLISH_VERBS


@lru_cache(maxsize=1)
def _han_model() -> tuple[dict[str, float], dict[str, float], tuple[float, float]]:
    """The Japanese/Chinese Han model: gram -> log-probability in ja, gram -> in zh (plain
    floats: they are read one at a time), and the (ja, zh) floors."""
    with files("copytag._models").joinpath("language_han.npz").open("rb") as fh:
        data = np.load(fh, allow_pickle=False)
        grams = unpack(data["grams"])
        logp = -data["gram_logp"].astype(np.float64) / 100
    floor = logp.min(axis=0) - 2.0  # a gram a language's list lacks is rarer than its rarest
    ja, zh = dict(zip(grams, logp[:, 0].tolist())), dict(zip(grams, logp[:, 1].tolist()))
    return ja, zh, (float(floor[0]), float(floor[1]))


@lru_cache(maxsize=1)
def _han_prior() -> float:
    """The weighted log prior odds of Japanese against Chinese (either script)."""
    priors = _priors()
    return HAN_PRIOR_WEIGHT * (priors["ja"] - math.log(math.exp(priors["zh-Hant"]) + math.exp(priors["zh-Hans"])))


@lru_cache(maxsize=1)
def _chinese_tables() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """(Traditional-only characters, Simplified-only characters, Traditional -> Simplified)."""
    text = files("copytag._models").joinpath("language_model.json").read_text(encoding="utf-8")
    meta = json.loads(text)
    trad, simp = meta["traditional_only"], meta["simplified_only"]
    return frozenset(trad), frozenset(simp), meta["to_simplified"]


@lru_cache(maxsize=1)
def _priors() -> dict[str, float]:
    return {code: math.log(share) for code, share in langdata.AD_SHARES.items()}


# --- cleaning and script analysis -------------------------------------------------------


def clean_text(text: str) -> str:
    """``text`` without what says nothing about its language: brands, badges, hashtags, links.

    Long texts are cut to :data:`copytag.langdata.MAX_CHARS` characters first.

    >>> clean_text("GET IT ON Google Play: Regardez DramaBox #drama").split()
    [':', 'Regardez']
    """
    return _clean(text)[0]


def _clean(text: str) -> tuple[str, list[str] | None]:
    """:func:`clean_text`, and the words of the cleaned text lower-cased when the brand
    check found them on the way (None otherwise): the Latin model reads the same words.
    """
    text = text[: langdata.MAX_CHARS]
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if _APOSTROPHE_RE.search(text):
        text = text.translate(_APOSTROPHES)
    if "#" in text or "@" in text or "www" in text or "://" in text:
        text = _LINK_RE.sub(" ", text)
    words = None
    if _MAY_HOLD_BRAND_RE.search(text):
        words = _WORD_RE.findall(text.lower())
        if not _BRAND_TRIGGERS.isdisjoint(words):
            text = _BRAND_RE.sub(" ", text)
            words = None
    if _CAMEL_HINT_RE.search(text):
        text = _CAMEL_RE.sub(" ", text)
        words = None
    return text, words


def count_scripts(text: str) -> dict[str, int]:
    """Weighted letter counts per script (``latin``, ``han``, ``kana``, ..., ``other``).

    Only letters count: digits, signs (฿, ×) and marks say nothing about the language.

    >>> count_scripts("7일 무료 체험")
    {'hangul': 15}
    """
    if text.isascii():
        size = len(text.encode("ascii").translate(None, _ASCII_NOT_LETTERS))
        return {"latin": size} if size else {}
    letters = "".join(filter(str.isalpha, text))
    if not letters:
        return {}
    if letters.isascii():
        return {"latin": len(letters)}
    weights = langdata.SCRIPT_WEIGHTS
    first = _FIRST_SCRIPT_RE.match(letters)
    if first:
        script = _SCRIPT_NAMES[first.lastindex - 1]
        if not _OUTSIDE_SCRIPT_RES[script].search(letters):  # most copy: every letter in one script
            return {script: len(letters) * weights.get(script, langdata.OTHER_SCRIPT_WEIGHT)}
    counts = {name: len(pattern.findall(letters)) for name, pattern in _SCRIPT_RES.items()}
    counts["other"] = len(letters) - sum(counts.values())
    return {k: v * weights.get(k, langdata.OTHER_SCRIPT_WEIGHT) for k, v in counts.items() if v > 0}


# --- the Latin model --------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _grams_getter(size: int) -> Callable[[str], tuple[str, ...]]:
    """A function giving the 1- to 5-grams of a string of ``size`` (at least 2) characters,
    shortest first, in one call (cached per size).

    >>> _grams_getter(3)(" a ")
    (' ', 'a', ' ', ' a', 'a ', ' a ')
    """
    return itemgetter(*(slice(i, i + n) for n in range(1, 6) for i in range(size - n + 1)))


def latin_tokens(text: str, words: list[str] | None = None) -> list[str]:
    """Lower-cased Latin-script words of ``text``; a word with an apostrophe that no
    language lists is split at it (French and Italian elision: "l'application").
    ``words``, when given, are the words of ``text`` lower-cased, already found.

    >>> latin_tokens("Télécharger l'application, don't stop 下載")
    ['télécharger', 'l', 'application', "don't", 'stop']
    """
    tokens = _WORD_RE.findall(text.lower()) if words is None else words
    if not text.isascii():
        tokens = [t for t in tokens if _LATIN_RE.match(t)]
    if "'" in text:
        listed = _latin_model().word_index
        tokens = [p for t in tokens for p in ((t,) if t in listed else t.split("'")) if p]
    return tokens


@lru_cache(maxsize=1 << 16)
def _token_scores(token: str) -> tuple[float, ...]:
    """The Latin model's evidence for one word, per language: its n-grams' weights plus its
    word weight. A listed word's is read from the shipped table; an unlisted word's n-grams
    are looked up and summed exactly, as the table was (cached: ad copy repeats its words).
    """
    model = _latin_model()
    row = model.word_index.get(token)
    if row is not None:
        return tuple(model.word_scores[row].tolist())
    padded = f" {token} "
    rows = b"".join(map(model.gram_rows.get, _grams_getter(len(padded))(padded), repeat(_ZERO_ROW)))
    sums = model.gram_weights.take(np.frombuffer(rows, _ROW_DTYPE), axis=0).sum(axis=0)
    return tuple((sums * model.gram_scale).tolist())


def _text_scores(tokens: Sequence[str]) -> Sequence[float]:
    """The Latin model's evidence for a text, per language: its words' evidence summed in order."""
    if len(tokens) == 1:
        return _token_scores(tokens[0])
    if not tokens:
        return (0.0,) * len(_latin_model().languages)
    return list(map(sum, zip(*map(_token_scores, tokens))))


def clear_caches() -> None:
    """Forget every word and text seen so far (benchmarks time detection from cold caches with it)."""
    for cached in (_grams_getter, _token_scores):
        cached.cache_clear()
    MEMOS.clear()


@lru_cache(maxsize=64)
def _language_mask(allowed: frozenset[str]) -> tuple[float, ...]:
    """0 for the allowed Latin languages, -inf for the others, plus the weighted prior."""
    priors = _priors()
    return tuple(PRIOR_WEIGHT * priors[c] if c in allowed else -math.inf for c in _latin_model().languages)


@lru_cache(maxsize=1)
def _bias() -> tuple[float, ...]:
    """The Latin model's intercepts, per language."""
    return tuple(_latin_model().bias.tolist())


def _pick(total: Sequence[float], mask: tuple[float, ...], n_tokens: int) -> tuple[str, float]:
    """The best allowed language for the summed weights ``total`` and a confidence: the
    softmax of the scores (weights, intercepts and ``mask``), flattened by length."""
    values = [(t + b) + m for t, b, m in zip(total, _bias(), mask)]
    top = max(values)
    scale = 1.0 + n_tokens
    exp, minus_inf = math.exp, -math.inf
    prob = 1.0 / sum([exp((v - top) / scale) for v in values if v != minus_inf])
    return _latin_model().languages[values.index(top)], prob


def _decide_latin(
    text: str, allowed: frozenset[str], words: list[str] | None = None
) -> tuple[str, float, list[str]]:
    tokens = latin_tokens(text, words)
    code, prob = _pick(_text_scores(tokens), _language_mask(allowed), len(tokens))
    return _settle_hinglish(_settle_malay(code, tokens, allowed), tokens, allowed), prob, tokens


# --- the Han model ----------------------------------------------------------------------


def _han_runs(text: str) -> list[str]:
    return _HAN_RUN_RE.findall(text)


def _decide_han(text: str, allowed: frozenset[str]) -> tuple[str, float]:
    """Japanese or Chinese for Han-only text, then Traditional or Simplified for Chinese."""
    runs = _han_runs(text)
    p_ja = _japanese_probability(runs)
    zh_allowed = allowed & {"zh-Hant", "zh-Hans"}
    if "ja" in allowed and (p_ja >= 0.5 or not zh_allowed):
        return "ja", p_ja
    code, certainty = _chinese_script(runs, zh_allowed)
    return code, (1.0 - p_ja if "ja" in allowed else 1.0) * certainty


def _japanese_probability(runs: list[str]) -> float:
    """P(ja) against Chinese from character and bigram frequencies (Chinese read through Simplified)."""
    ja_logp, zh_logp, (ja_floor, zh_floor) = _han_model()
    to_simp = _chinese_tables()[2]
    ja = zh = 0.0
    for run in runs:
        simp = "".join(map(to_simp.get, run, run))
        for grams_ja, grams_zh in ((run, simp), (_bigrams(run), _bigrams(simp))):
            ja += sum(map(ja_logp.get, grams_ja, repeat(ja_floor)))
            zh += sum(map(zh_logp.get, grams_zh, repeat(zh_floor)))
    diff = (ja - zh) + _han_prior()
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, diff / 2))))


def _bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _chinese_script(runs: list[str], allowed: frozenset[str]) -> tuple[str, float]:
    """zh-Hant or zh-Hans by the characters only one script uses, and how sure that is.

    Text with no such character is Traditional: Traditional Chinese ad copy is
    the more common of the two in short-drama advertising (docs/product.md), and
    the score says the guess is unsure.
    """
    trad_only, simp_only, _ = _chinese_tables()
    trad = sum(ch in trad_only for run in runs for ch in run)
    simp = sum(ch in simp_only for run in runs for ch in run)
    if len(allowed) == 1:
        return next(iter(allowed)), 1.0
    if trad == simp:
        return "zh-Hant", 0.5
    code = "zh-Hant" if trad > simp else "zh-Hans"
    return code, max(trad, simp) / (trad + simp)


# --- langdetect for languages outside the 20 ---------------------------------------------


@lru_cache(maxsize=1)
def _langdetect_factory():
    """A langdetect factory of our own (its 55 profiles loaded once), apart from the global one."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


@lru_cache(maxsize=4096)
def ask_langdetect(text: str) -> tuple[str, float] | None:
    """langdetect's best guess (its code, its probability), or None when it has none.

    Cached: langdetect takes milliseconds a text, and creatives repeat their copy.
    """
    from langdetect.lang_detect_exception import LangDetectException

    factory = _langdetect_factory()
    try:
        detector = factory.create()
        detector.seed = 0  # langdetect samples at random: a fixed seed makes it deterministic
        detector.append(text)
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    code = langdata.LANGDETECT_CODES.get(best.lang, best.lang)
    return code, float(best.prob)


def _foreign_guess(text: str) -> tuple[str, float] | None:
    """A language outside the 20 named by langdetect, if it is sure of one (and can read ``text``)."""
    if not _langdetect_can_read(text):
        return None
    guess = ask_langdetect(text)
    if guess is None or guess[0] in langdata.LANGUAGES or guess[1] < 0.8:
        return None
    return guess


def _langdetect_can_read(text: str) -> bool:
    """False for copy langdetect would misread: mostly capitals (it skips every word in
    capitals, so it reads next to nothing) or mojibake (UTF-8 read as Windows-1252: the
    letters are not the language's).

    >>> _langdetect_can_read("Sie tat es und verschwand für immer")
    True
    >>> _langdetect_can_read("HIZMETÇI SANDILAR, MEĞER KONAĞIN SAHIBIYMIŞ")
    False
    >>> _langdetect_can_read("Sie tat es und verschwand fÃ¼r immer")
    False
    """
    letters = [ch for ch in text if ch.isalpha()]
    if sum(map(str.isupper, letters)) * 2 > len(letters):
        return False
    return not may_hold_mojibake(text)


def _looks_foreign(code: str, text: str, tokens: list[str]) -> bool:
    """True when a long text has evidence of a language the model does not know."""
    if len(text) < langdata.LANGDETECT_MIN_CHARS:
        return False
    if code in langdata.FOREIGN_LETTERS:
        return any(ch in langdata.FOREIGN_LETTERS[code] for ch in text)
    if code not in langdata.LATIN or len(tokens) < 4 or _only_hashtags(text):
        return False
    share = _known_share(code, tokens)
    if share < langdata.UNKNOWN_TEXT_SHARE:
        return True
    return share < FOREIGN_KNOWN_SHARE and _has_foreign_latin(text)


def _only_hashtags(text: str) -> bool:
    """True when every word of ``text`` is in a hashtag ("#kortdrama #romantiek 👉").

    Hashtags glue words together, so no word list has them: that they are unknown says
    nothing about the language, and langdetect misreads glued words (as Albanian, say).

    >>> _only_hashtags("#kortdrama #shortdrama 👉"), _only_hashtags("#drama Kijk nu")
    (True, False)
    """
    return "#" in text and not any(map(str.isalpha, _HASHTAG_RE.sub(" ", text)))


_HASHTAG_RE = re.compile(r"#[^\s#@]+")


def _has_foreign_latin(text: str) -> bool:
    return not _FOREIGN_LATIN.isdisjoint(text.lower())


_FOREIGN_LATIN = frozenset(langdata.FOREIGN_LATIN_LETTERS)


def _known_share(code: str, tokens: list[str]) -> float:
    """The share of ``tokens`` that language ``code``'s word list has."""
    model = _latin_model()
    column = model.languages.index(code)
    weights, row_of = model.word_weights, model.word_index.get
    return sum(1 for t in tokens if (row := row_of(t)) is not None and weights[row, column] > 0) / len(tokens)


# --- the public functions ---------------------------------------------------------------


def resolve_candidates(candidates: Iterable[str] | None) -> frozenset[str]:
    """The set of codes ``candidates`` allows (all 20 when None); unknown codes raise LookupError.

    >>> sorted(resolve_candidates(["en", "zh"]))
    ['en', 'zh-Hans', 'zh-Hant']
    >>> resolve_candidates(["xx"])
    Traceback (most recent call last):
    ...
    LookupError: unknown language code 'xx' in candidates; use ISO 639-1 codes among en, es, fr, pt, de, it, pl, ko, ja, zh-Hant, zh-Hans, id, th, vi, ar, hi, tr, ru, nl, ms
    """
    if candidates is None:
        return _ALL_LANGUAGES
    if isinstance(candidates, str):
        candidates = [candidates]
    by_lower = {code.lower(): (code,) for code in langdata.LANGUAGES} | langdata.CANDIDATE_ALIASES
    allowed: set[str] = set()
    for code in candidates:
        key = code.lower().replace("_", "-") if isinstance(code, str) else code
        if key not in by_lower:
            known = ", ".join(langdata.LANGUAGES)
            raise LookupError(f"unknown language code {code!r} in candidates; use ISO 639-1 codes among {known}")
        allowed.update(by_lower[key])
    if not allowed:
        raise LookupError("candidates is empty; pass None to allow every language")
    return frozenset(allowed)


def detect_language(text: str, candidates: Iterable[str] | None = None) -> LanguageGuess:
    """The language of ``text``: an ISO 639-1 code, ``zh-Hant``/``zh-Hans``, or ``und``.

    ``candidates`` restricts the answer (e.g. a market's languages). The score
    is in [0, 1]; 1.0 for ``und`` (no letters at all).

    >>> detect_language("Assista agora").code
    'pt'
    >>> detect_language("Continue", candidates=["fr", "it"]).code
    'fr'
    >>> detect_language("7일 무료 체험").code, detect_language("今すぐ視聴").code
    ('ko', 'ja')
    """
    if candidates is None and isinstance(text, str):  # the usual call, without the checks
        return _detect(text, _ALL_LANGUAGES, True)
    require_str(text, "detect_language")
    return _detect(text, resolve_candidates(candidates), candidates is None)


def detect_languages(texts: Iterable[str], candidates: Iterable[str] | None = None) -> list[LanguageGuess]:
    """:func:`detect_language` for many texts, the same answers.

    Texts that differ only in their digits ("Ep. 12" and "Ep. 47") get one answer,
    worked out once: digits say nothing about the language, and the recent answers are
    kept in a bounded memo.

    >>> [g.code for g in detect_languages(["Watch now", "Mira ya", "지금 보기", "!!!"])]
    ['en', 'es', 'ko', 'und']
    """
    allowed = resolve_candidates(candidates)
    open_set = candidates is None
    texts = [require_str(t, "detect_languages") for t in texts]
    memo = MEMOS((allowed, open_set))
    keys = [digits_as_zero(t) for t in texts]
    out = [memo.get(key) for key in keys]
    todo = {key: text for key, text, guess in zip(keys, texts, out) if guess is None}
    if todo:
        for key, text in todo.items():
            todo[key] = guess = _detect(text, allowed, open_set)
            memo.put(key, guess)
        out = [guess or todo[key] for key, guess in zip(keys, out)]
    return out


def digits_as_zero(text: str) -> str:
    """``text`` with every ASCII digit written 0: the key of texts that differ only in digits.

    >>> digits_as_zero("Ep. 12 ★ 4K")
    'Ep. 00 ★ 0K'
    """
    return text.translate(_DIGITS_AS_ZERO) if _ANY_DIGIT.search(text) else text


_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
_ANY_DIGIT = re.compile("[1-9]")

#: Answers kept per set of allowed languages: ``MEMOS((allowed, open_set))`` maps key -> guess.
MEMO_SIZE = 1 << 16
MEMOS = Memos(MEMO_SIZE, settings=16)


_UND = LanguageGuess("und", 1.0)


def _prepare(text: str) -> tuple[str, dict[str, int], list[str] | None]:
    """(cleaned text, weighted letters per script, its lower-cased words if known: see
    :func:`_clean`); the raw text when cleaning left no letters."""
    cleaned, words = _clean(text)
    scripts = count_scripts(cleaned)
    if not scripts:
        cleaned, words = unicodedata.normalize("NFC", text[: langdata.MAX_CHARS]), None
        scripts = count_scripts(cleaned)
    return cleaned, _merge_han(scripts), words


def _detect(text: str, allowed: frozenset[str], open_set: bool) -> LanguageGuess:
    cleaned, scripts, words = _prepare(text)
    if not scripts:
        return _UND
    if _leads_with_latin(scripts, allowed):
        return _finish_latin(cleaned, scripts, _decide_latin(cleaned, allowed, words), open_set)
    return decide(cleaned, scripts, allowed, open_set)


def _leads_with_latin(scripts: dict[str, int], allowed: frozenset[str]) -> bool:
    """True when Latin letters are the most numerous and a Latin language is allowed."""
    if not scripts or _LATIN_SET.isdisjoint(allowed):
        return False
    if len(scripts) == 1:
        return "latin" in scripts
    return min(scripts.items(), key=lambda kv: (-kv[1], kv[0]))[0] == "latin"


def _finish_latin(
    cleaned: str, scripts: dict[str, int], pick: tuple[str, float, list[str]], open_set: bool
) -> LanguageGuess:
    """The Latin model's pick, or langdetect's for a long text it knows poorly, scored by script share."""
    code, prob, tokens = pick
    if open_set and _looks_foreign(code, cleaned, tokens):
        code, prob = _foreign_guess(cleaned) or (code, prob)
    return LanguageGuess(code, _clamp(prob * scripts["latin"] / sum(scripts.values())))


def decide(cleaned: str, scripts: dict[str, int], allowed: frozenset[str], open_set: bool) -> LanguageGuess:
    """The language of cleaned text with letter counts ``scripts``, among ``allowed``."""
    total = sum(scripts.values())
    for script, count in sorted(scripts.items(), key=lambda kv: (-kv[1], kv[0])):
        guess = _decide_script(script, cleaned, allowed, open_set)
        if guess is not None:
            return LanguageGuess(guess[0], _clamp(guess[1] * count / total))
    return _fallback(allowed)


def _merge_han(scripts: dict[str, int]) -> dict[str, int]:
    """Han characters beside kana are Japanese kanji; beside Hangul, Korean hanja."""
    if "han" in scripts:
        host = "kana" if "kana" in scripts else "hangul" if "hangul" in scripts else None
        if host:
            scripts = dict(scripts)
            scripts[host] += scripts.pop("han")
    return scripts


def _decide_script(script: str, cleaned: str, allowed: frozenset[str], open_set: bool) -> tuple[str, float] | None:
    """The language ``script`` names among ``allowed`` with its confidence, or None."""
    if script == "latin":
        if _LATIN_SET.isdisjoint(allowed):
            return None
        code, prob, tokens = _decide_latin(cleaned, allowed)
        if open_set and _looks_foreign(code, cleaned, tokens):
            return _foreign_guess(cleaned) or (code, prob)
        return code, prob
    if script == "han":
        return _decide_han(cleaned, allowed) if allowed & {"ja", "zh-Hant", "zh-Hans"} else None
    if script == "other":
        return _foreign_guess(cleaned) if open_set else None
    code = langdata.SCRIPT_LANGUAGE[script]
    if code not in allowed:
        return None
    if open_set and _looks_foreign(code, cleaned, []):
        return _foreign_guess(cleaned) or (code, 1.0)
    return code, 1.0


def _fallback(allowed: frozenset[str]) -> LanguageGuess:
    """No allowed language fits the script: the most common allowed language, with score 0."""
    priors = _priors()
    return LanguageGuess(max(sorted(allowed), key=lambda c: priors[c]), 0.0)


def _clamp(score: float) -> float:
    """``score`` within [0, 1], rounded so that batch and one-by-one answers are equal."""
    score = float(score)
    if not 0.0 <= score <= 1.0:
        score = min(1.0, max(0.0, score))
    return round(score, 6)
