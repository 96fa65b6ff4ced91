"""CTA extraction: throughput on short copy, and precision / recall per action type and
per language on the project's labelled cases.

Run: .venv/bin/python benchmarks/cta.py [--repeat 3] [--split train]

Sources of labelled copy: tests/lang/*/cta_cases.tsv (all rows, xfail ones included)
and, when present, models/data/corpus/*.jsonl (fields text, language, actions), reported
separately for one split of models/data/split.tsv (``--split``, default ``train``).
The valid and test splits judge the lexicon on copy it was not written from: report
them as aggregates only (``--split test``), never to tune rules. Throughput is
single-threaded on the cases and the train split, best of --repeat runs.
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
SPLIT = ROOT / "models" / "data" / "split.tsv"


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


def read_splits() -> dict[str, str]:
    """Corpus id -> split name, from models/data/split.tsv (comment lines skipped)."""
    if not SPLIT.exists():
        return {}
    with SPLIT.open(encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle if not line.startswith("#")]
    return {row[0]: row[1] for row in rows[1:] if len(row) == 2}


def read_corpus(split: str = "train") -> list[Labelled]:
    """The corpus rows of one split; rows without a split entry belong to none."""
    splits = read_splits()
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    item = json.loads(line)
                    if splits.get(item.get("id", "")) == split:
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
    parser.add_argument("--split", choices=("train", "valid", "test"), default="train",
                        help="corpus split to score (default train; valid/test: aggregates only)")
    parser.add_argument("--scores-only", action="store_true", help="skip the throughput figures")
    args = parser.parse_args()
    cases = read_cases()
    corpus = read_corpus(args.split)
    if not args.scores_only:
        print_throughput(cases + read_corpus("train"), args.repeat)
    print_scores(f"Labelled cases (tests/lang, {len(cases)} texts), by action type", count(cases, "action"))
    print_scores("Labelled cases, by language (all action types pooled)", count(cases, "language"))
    if corpus:
        title = f"Corpus {args.split} split (models/data/corpus, {len(corpus)} texts)"
        print_scores(f"{title}, by action type", count(corpus, "action"))
        print_scores(f"Corpus {args.split} split, by language", count(corpus, "language"))
    else:
        print(f"\n{CORPUS} has no {args.split} rows (or no split.tsv): corpus scores skipped")


def print_throughput(rows: list[Labelled], repeat: int) -> None:
    short = [r for r in rows if len(r.text) <= 150]
    texts = [r.text for r in short] * max(1, 20000 // max(1, len(short)))
    known = [r.language for r in short] * max(1, 20000 // max(1, len(short)))
    mean_len = sum(map(len, texts)) / len(texts)
    print(f"Throughput, single-threaded, {len(texts)} short texts ({mean_len:.0f} chars on average), best of {repeat}")
    ours = throughput(texts, known, repeat)
    floor = reference_split_dict(texts, repeat)
    tokenizer = reference_spacy(texts, repeat)
    print(f"  language known : {ours:>9,.0f} texts/s")
    sample = texts[:2000]
    print(f"  language=None  : {throughput(sample, [None] * len(sample), repeat):>9,.0f} texts/s (every lexicon)")
    print(f"  reference, regex split + dict of 4 words : {floor:>9,.0f} texts/s (ours is {ours / floor:.2f}x)")
    print(f"  reference, spacy.blank('en').pipe        : {tokenizer:>9,.0f} texts/s (ours is {ours / tokenizer:.2f}x)")


if __name__ == "__main__":
    main()
