"""Measure the language detector on the development set (for tuning; never the evaluation data).

    .venv/bin/python scripts/train_language.py   # writes build/language_dev/
    .venv/bin/python scripts/language_dev.py

The development set: words that scripts/train_language.py held out of training
(at least 5 letters, listed by no other language's shipped vocabulary), pairs
of them, spaCy's example sentences, and the hand-written cases of
tests/data/language_cases.tsv.
"""
from __future__ import annotations

import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_DIR = ROOT / "build" / "language_dev"
CASES = ROOT / "tests" / "data" / "language_cases.tsv"
SEED = 7
PER_LANGUAGE = 400
COMMON = 2500  # sample among the most frequent held-out words: the deep tail is mostly names


def held_out_words(lang: str, rng: random.Random) -> list[str]:
    """A seeded sample of ``lang``'s held-out words that no other language's word list has."""
    lines = (DEV_DIR / f"{lang}.words.tsv").read_text(encoding="utf-8").split("\n")
    words = [line.split("\t")[0] for line in lines if line]
    words = [w for w in words if len(w) >= 5 and not listed_elsewhere(w, lang)][:COMMON]
    return rng.sample(words, min(PER_LANGUAGE, len(words)))


def listed_elsewhere(word: str, lang: str) -> bool:
    """True when a language other than ``lang`` lists ``word`` (its label would be unsure)."""
    from copytag.language import _latin_model

    model = _latin_model()
    row = model.word_index.get(word)
    others = [j for j, code in enumerate(model.languages) if code != lang]
    return row is not None and bool((model.word_weights[row, others] > 0).any())


def dev_sets() -> dict[str, list[tuple[str, str]]]:
    """{set name: [(text, expected code)]}."""
    from copytag.langdata import LATIN

    rng = random.Random(SEED)
    words, pairs = [], []
    for lang in LATIN:
        sample = held_out_words(lang, rng)
        words += [(w, lang) for w in sample]
        pairs += [(f"{a} {b}", lang) for a, b in zip(sample[::2], sample[1::2])]
    return {"words": words, "pairs": pairs, "sentences": spacy_sentences(), "cases": read_cases()}


def spacy_sentences() -> list[tuple[str, str]]:
    """The example sentences spaCy ships per language (Chinese ones are Simplified)."""
    import importlib

    from copytag.langdata import LANGUAGES

    rows = []
    for code in LANGUAGES:
        module_name = "zh" if code.startswith("zh") else code
        if code == "zh-Hant":
            continue
        try:
            module = importlib.import_module(f"spacy.lang.{module_name}.examples")
        except ImportError:
            continue
        rows += [(text, code) for text in module.sentences]
    return rows


def read_cases() -> list[tuple[str, str]]:
    """The hand-written cases that are expected to pass."""
    rows = []
    for line in CASES.read_text(encoding="utf-8").split("\n")[1:]:
        if line.strip():
            text, code, status = (line.split("\t") + [""])[:3]
            if status != "known-failure":
                rows.append((text.replace("\\n", "\n"), code))
    return rows


def report(name: str, rows: list[tuple[str, str]], show: int) -> None:
    """Print macro accuracy, the languages below it, speed and some errors."""
    from copytag.language import detect_language

    start = time.perf_counter()
    got = [detect_language(t).code for t, _ in rows]
    rate = len(rows) / (time.perf_counter() - start)
    per = defaultdict(lambda: [0, 0])
    errors = []
    for (text, want), code in zip(rows, got):
        per[want][0] += code == want
        per[want][1] += 1
        if code != want:
            errors.append(f"{text!r} {want}->{code}")
    accs = {k: c / n for k, (c, n) in per.items()}
    macro = sum(accs.values()) / len(accs)
    low = " ".join(f"{k}={v:.2f}" for k, v in sorted(accs.items(), key=lambda kv: kv[1])[:6])
    print(f"{name}: macro {macro:.4f} n={len(rows)} {rate:,.0f}/s | lowest {low}")
    for line in errors[:show]:
        print("   ", line)


def main() -> None:
    show = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    for name, rows in dev_sets().items():
        report(name, rows, show if name != "cases" else 100)


if __name__ == "__main__":
    main()
