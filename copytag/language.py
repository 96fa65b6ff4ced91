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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Iterable, Sequence

import numpy as np

from . import langdata
from ._validate import require_str
from .types import LanguageGuess

#: A word: letters, with inner apostrophes ("can't", "dell'anno", "Türkiye'de").
WORD_PATTERN = r"[^\W\d_]+(?:'[^\W\d_]+)*"

_WORD_RE = re.compile(WORD_PATTERN)
_LETTER_RE = re.compile(r"[^\W\d_]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_SCRIPT_RES = {name: re.compile(f"[{body}]") for name, body in langdata.SCRIPT_RANGES.items()}
_CAMEL_RE = re.compile(r"\b[a-z]*[A-Z]?[a-z]+[A-Z][A-Za-z]*\b")
_NOISE_RE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+|[@#][^\s#@]+|"
    + "|".join(langdata.BADGES)
    + r"|\b(?:"
    + "|".join(re.escape(b) for b in sorted(langdata.BRANDS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "İ": "i"})
_CJK_WEIGHT = 3  # one CJK character carries about as much as three Latin letters

#: Weights of the Latin model's evidence (tuned on held-out wordfreq words, see scripts/language_dev.py).
WORD_WEIGHT = 1.2  # per Zipf unit of a known word
WORD_FLOOR = 1.5  # Zipf level of a word a language does not list
PRIOR_WEIGHT = 0.3  # weight of the log ad-share prior
HAN_PRIOR_WEIGHT = 0.3


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


@dataclass(frozen=True)
class _LatinModel:
    index: dict[str, int]  # n-gram or "\0word" -> row of weights
    weights: np.ndarray  # (features, languages) log-evidence
    vocab: frozenset[str]  # every word some language lists
    languages: tuple[str, ...]


@lru_cache(maxsize=1)
def _latin_model() -> _LatinModel:
    """Load the Latin-script model shipped in ``copytag._models`` (once)."""
    with files("copytag._models").joinpath("language_latin.npz").open("rb") as fh:
        data = np.load(fh, allow_pickle=False)
        grams = unpack(data["grams"])
        words = unpack(data["words"])
        gram_w = -data["gram_logp"].astype(np.float32) / 100
        zipf = data["word_zipf"].astype(np.float32) / 10
        languages = tuple(data["languages"].tolist())
    word_w = WORD_WEIGHT * (np.maximum(zipf, WORD_FLOOR) - WORD_FLOOR)
    index = {g: i for i, g in enumerate(grams)}
    index.update({"\0" + w: len(grams) + i for i, w in enumerate(words)})
    weights = np.vstack([gram_w, word_w]).astype(np.float32)
    return _LatinModel(index, weights, frozenset(words), languages)


@lru_cache(maxsize=1)
def _han_model() -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """The Japanese/Chinese Han model: gram -> row, rows of (ja, zh) log-probabilities, floors."""
    with files("copytag._models").joinpath("language_han.npz").open("rb") as fh:
        data = np.load(fh, allow_pickle=False)
        grams = unpack(data["grams"])
        logp = -data["gram_logp"].astype(np.float64) / 100
    floor = logp.min(axis=0) - 2.0  # a gram a language's list lacks is rarer than its rarest
    return {g: i for i, g in enumerate(grams)}, logp, floor


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

    >>> clean_text("GET IT ON Google Play: Regardez DramaBox #drama")
    ':  Regardez  '
    """
    text = unicodedata.normalize("NFC", text[: langdata.MAX_CHARS]).translate(_APOSTROPHES)
    text = _NOISE_RE.sub(" ", text)
    return _CAMEL_RE.sub(" ", text)


def count_scripts(text: str) -> dict[str, int]:
    """Weighted letter counts per script (``latin``, ``han``, ``kana``, ..., ``other``).

    >>> count_scripts("7일 무료 체험")
    {'hangul': 15}
    """
    if text.isascii():
        letters = sum(ch.isalpha() for ch in text)
        return {"latin": letters} if letters else {}
    counts = {"latin": len(_LATIN_RE.findall(text))}
    for name, pattern in _SCRIPT_RES.items():
        n = len(pattern.findall(text))
        counts[name] = n * _CJK_WEIGHT if name in ("hangul", "kana", "han") else n
    known = sum(v // _CJK_WEIGHT if k in ("hangul", "kana", "han") else v for k, v in counts.items())
    counts["other"] = len(_LETTER_RE.findall(text)) - known
    return {k: v for k, v in counts.items() if v > 0}


# --- the Latin model --------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _word_rows(token: str) -> tuple[int, ...]:
    """The model rows of one lower-cased token: its n-grams and, if listed, the word itself."""
    model = _latin_model()
    index = model.index
    parts = [token] if token in model.vocab or "'" not in token else [p for p in token.split("'") if p]
    rows = []
    for part in parts:
        rows.extend(index[g] for g in word_grams(part) if g in index)
        row = index.get("\0" + part)
        if row is not None:
            rows.append(row)
    return tuple(rows)


def latin_tokens(text: str) -> list[str]:
    """Lower-cased Latin-script words of ``text``."""
    return [t for t in _WORD_RE.findall(text.lower()) if _LATIN_RE.match(t)]


def _latin_scores(tokens: Sequence[str]) -> np.ndarray:
    """Summed log-evidence per Latin language for ``tokens`` (without the prior)."""
    model = _latin_model()
    rows: list[int] = []
    for token in tokens:
        rows.extend(_word_rows(token))
    if not rows:
        return np.zeros(len(model.languages), dtype=np.float32)
    return model.weights[rows].sum(axis=0)


def _latin_prior(languages: Sequence[str]) -> np.ndarray:
    priors = _priors()
    return np.array([PRIOR_WEIGHT * priors[code] for code in languages], dtype=np.float32)


def _pick(scores: np.ndarray, languages: Sequence[str], allowed: frozenset[str], n_tokens: int) -> tuple[str, float]:
    """The best allowed language and a confidence from the softmax of the scores."""
    mask = np.array([code in allowed for code in languages])
    masked = np.where(mask, scores, -np.inf)
    best = int(np.argmax(masked))
    scaled = (masked - masked[best]) / (1.0 + 2.0 * n_tokens)
    prob = 1.0 / float(np.exp(scaled[mask]).sum())
    return languages[best], prob


def _decide_latin(text: str, allowed: frozenset[str]) -> tuple[str, float, list[str]]:
    tokens = latin_tokens(text)
    languages = _latin_model().languages
    scores = _latin_scores(tokens) + _latin_prior(languages)
    code, prob = _pick(scores, languages, allowed, len(tokens))
    return code, prob, tokens


# --- the Han model ----------------------------------------------------------------------


def _han_runs(text: str) -> list[str]:
    return re.findall(f"[{langdata.SCRIPT_RANGES['han']}]+", text)


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
    index, logp, floor = _han_model()
    to_simp = _chinese_tables()[2]
    ja = zh = 0.0
    for run in runs:
        simp = "".join(to_simp.get(ch, ch) for ch in run)
        for grams_ja, grams_zh in ((list(run), list(simp)), (_bigrams(run), _bigrams(simp))):
            ja += sum(logp[index[g], 0] if g in index else floor[0] for g in grams_ja)
            zh += sum(logp[index[g], 1] if g in index else floor[1] for g in grams_zh)
    priors = _priors()
    diff = (ja - zh) + HAN_PRIOR_WEIGHT * (priors["ja"] - math.log(math.exp(priors["zh-Hant"]) + math.exp(priors["zh-Hans"])))
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
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def ask_langdetect(text: str) -> tuple[str, float] | None:
    """langdetect's best guess (its code, its probability), or None when it has none."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _langdetect_factory()
    try:
        detector = factory.create()
        detector.append(text)
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    code = langdata.LANGDETECT_CODES.get(best.lang, best.lang)
    return code, float(best.prob)


def _foreign_guess(text: str) -> tuple[str, float] | None:
    """A language outside the 20 named by langdetect, if it is sure of one."""
    guess = ask_langdetect(text)
    if guess is None or guess[0] in langdata.LANGUAGES or guess[1] < 0.8:
        return None
    return guess


def _looks_foreign(code: str, text: str, tokens: list[str]) -> bool:
    """True when a long text has evidence of a language the model does not know."""
    if len(text) < langdata.LANGDETECT_MIN_CHARS:
        return False
    if code in langdata.FOREIGN_LETTERS:
        return any(ch in langdata.FOREIGN_LETTERS[code] for ch in text)
    if code not in langdata.LATIN or len(tokens) < 4:
        return False
    vocab = _latin_model().vocab
    known = sum(t in vocab for t in tokens)
    return known < 0.5 * len(tokens)


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
        return frozenset(langdata.LANGUAGES)
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

    >>> detect_language("Assista agora")
    LanguageGuess(code='pt', score=...)
    >>> detect_language("Continue", candidates=["fr", "it"]).code
    'fr'
    >>> detect_language("7일 무료 체험").code, detect_language("今すぐ視聴").code
    ('ko', 'ja')
    """
    require_str(text, "detect_language")
    return _detect(text, resolve_candidates(candidates), candidates is None)


def detect_languages(texts: Iterable[str], candidates: Iterable[str] | None = None) -> list[LanguageGuess]:
    """:func:`detect_language` for many texts, with the Latin-script model run as one matrix product.

    >>> [g.code for g in detect_languages(["Watch now", "Mira ya", "지금 보기", "!!!"])]
    ['en', 'es', 'ko', 'und']
    """
    allowed = resolve_candidates(candidates)
    items = [require_str(t, "detect_languages") for t in texts]
    return [_detect(t, allowed, candidates is None) for t in items]


def _detect(text: str, allowed: frozenset[str], open_set: bool) -> LanguageGuess:
    cleaned = clean_text(text)
    scripts = count_scripts(cleaned)
    if not scripts:
        scripts = count_scripts(unicodedata.normalize("NFC", text[: langdata.MAX_CHARS]))
        cleaned = text[: langdata.MAX_CHARS]
        if not scripts:
            return LanguageGuess("und", 1.0)
    return decide(cleaned, scripts, allowed, open_set)


def decide(cleaned: str, scripts: dict[str, int], allowed: frozenset[str], open_set: bool) -> LanguageGuess:
    """The language of cleaned text with letter counts ``scripts``, among ``allowed``."""
    scripts = _merge_han(scripts)
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
        if not allowed & set(langdata.LATIN):
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
    return float(min(1.0, max(0.0, score)))
