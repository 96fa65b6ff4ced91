"""CTA extraction: throughput on short copy, and precision / recall per action type and
per language on the project's labelled cases.

Run: .venv/bin/python benchmarks/cta.py [--repeat 3]

Sources of labelled copy: tests/lang/*/cta_cases.tsv (all rows, xfail ones included)
and, when present, models/data/corpus/*.jsonl (fields text, language, actions), reported
separately. Throughput is single-threaded, best of --repeat runs.
"""
from __future__ import annotations

import argparse
import csv
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Iterable, NamedTuple

from copytag.cta import extract_ctas
from copytag.types import ACTIONS

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "lang"
CORPUS = ROOT / "models" / "data" / "corpus"


class Labelled(NamedTuple):
    text: str
    language: str
    actions: frozenset[str]


def read_cases() -> list[Labelled]:
    rows = []
    for path in sorted(CASES.glob("*/cta_cases.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                actions = frozenset(a for a in row["actions"].split("|") if a)
                rows.append(Labelled(row["text"], path.parent.name, actions))
    return rows


def read_corpus() -> list[Labelled]:
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    item = json.loads(line)
                    rows.append(Labelled(item["text"], item["language"], frozenset(item.get("actions", ()))))
    return rows


def count(rows: Iterable[Labelled], key: str) -> dict[str, list[int]]:
    """tp, fp, fn per action type (``key="action"``) or per language (``key="language"``)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        found = {c.action for c in extract_ctas(row.text, row.language)}
        for action in ACTIONS:
            cell = table[action if key == "action" else row.language]
            cell[0] += action in found and action in row.actions
            cell[1] += action in found and action not in row.actions
            cell[2] += action not in found and action in row.actions
    return table


def print_scores(title: str, table: dict[str, list[int]]) -> None:
    print(f"\n{title}")
    print(f"{'':10} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>4} {'fn':>4}")
    totals = [0, 0, 0]
    for name in sorted(table, key=lambda n: (n not in ACTIONS, ACTIONS.index(n) if n in ACTIONS else n)):
        tp, fp, fn = table[name]
        totals = [a + b for a, b in zip(totals, (tp, fp, fn))]
        print(f"{name:10} {ratio(tp, tp + fp):>9} {ratio(tp, tp + fn):>7} {tp:>5} {fp:>4} {fn:>4}")
    tp, fp, fn = totals
    print(f"{'all':10} {ratio(tp, tp + fp):>9} {ratio(tp, tp + fn):>7} {tp:>5} {fp:>4} {fn:>4}")


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "-"


def throughput(texts: list[str], languages: list[str | None], repeat: int) -> float:
    best = float("inf")
    for language in set(languages):  # warm the lexicon caches outside the timing
        extract_ctas("warm up", language)
    for _ in range(repeat):
        start = time.perf_counter()
        for text, language in zip(texts, languages):
            extract_ctas(text, language)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def reference_split_dict(texts: list[str], repeat: int) -> float:
    """The floor any word matcher pays: lowercase, regex split and a dict lookup per word."""
    import re

    split = re.compile(r"\w+").findall
    forms = {"download": "download", "watch": "watch", "click": "click", "get": "obtain"}
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            [forms[w] for w in split(text.lower()) if w in forms]
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def reference_spacy(texts: list[str], repeat: int) -> float:
    """spaCy's blank English tokenizer over the same texts (nlp.pipe, batch 1000)."""
    import spacy

    nlp = spacy.blank("en")
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=1000):
            pass
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cases = read_cases()
    corpus = read_corpus()
    short = [r for r in cases + corpus if len(r.text) <= 150]
    texts = [r.text for r in short] * max(1, 20000 // max(1, len(short)))
    known = [r.language for r in short] * max(1, 20000 // max(1, len(short)))
    mean_len = sum(map(len, texts)) / len(texts)
    print(f"Throughput, single-threaded, {len(texts)} short texts ({mean_len:.0f} chars on average), best of {args.repeat}")
    ours = throughput(texts, known, args.repeat)
    floor = reference_split_dict(texts, args.repeat)
    tokenizer = reference_spacy(texts, args.repeat)
    print(f"  language known : {ours:>9,.0f} texts/s")
    sample = texts[:2000]
    print(f"  language=None  : {throughput(sample, [None] * len(sample), args.repeat):>9,.0f} texts/s (every lexicon)")
    print(f"  reference, regex split + dict of 4 words : {floor:>9,.0f} texts/s (ours is {ours / floor:.2f}x)")
    print(f"  reference, spacy.blank('en').pipe        : {tokenizer:>9,.0f} texts/s (ours is {ours / tokenizer:.2f}x)")
    print_scores(f"Labelled cases (tests/lang, {len(cases)} texts), by action type", count(cases, "action"))
    print_scores("Labelled cases, by language (all action types pooled)", count(cases, "language"))
    if corpus:
        print_scores(f"Corpus (models/data/corpus, {len(corpus)} texts), by action type", count(corpus, "action"))
        print_scores("Corpus, by language", count(corpus, "language"))
    else:
        print(f"\n{CORPUS} has no .jsonl files: corpus scores skipped")


if __name__ == "__main__":
    main()
