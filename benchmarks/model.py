"""Benchmark of the trained classifier: tag_many with and without it, load time, size, scores.

    python benchmarks/model.py [N]

Prints texts/s of ``tag_many`` on N short ad copies (single process, rules
only and rules + model), the model's load time and size, and the scores on the
test split and on the held-out set from a fresh evaluation of the shipped model
(no retraining); the held-out set also batch by batch (ids h001-h100 were written
first, h101-h200 next, ...), since a later batch is copy no model before it was
ever scored on. After each table: how many actions the rules miss, how many the shipped
thresholds add, and the most any thresholds could add there (picked on those very rows: a
ceiling for the threshold rule, never a score).
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _texts import short_copies  # noqa: E402

import copytag  # noqa: E402
from copytag.model import LABELS  # noqa: E402
from copytag.model.corpus import load_holdout  # noqa: E402
from copytag.model.card import questions_table, scores_table  # noqa: E402
from copytag.model.evaluate import compare, label_scores, split_arrays, threshold_ceiling  # noqa: E402
from copytag.types import ACTIONS  # noqa: E402
from copytag.model.store import FILES, read_model, shipped_dir, verify_pinned  # noqa: E402
from copytag.model.train import MAX_PRECISION_DROP, THRESHOLD_FLOOR  # noqa: E402


def texts_per_second(texts: list[str], use_model: bool, repeats: int = 3) -> float:
    """Best of ``repeats`` runs of tag_many over ``texts``."""
    copytag.tag_many(texts[:2000], use_model=use_model)  # warm caches and lazy loads
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        copytag.tag_many(texts, use_model=use_model)
        best = min(best, time.perf_counter() - started)
    return len(texts) / best


def model_stage_per_second(texts: list[str]) -> float:
    """The model's share alone: featurise, score and fuse rule results already computed."""
    from copytag.model.apply import add_predictions
    from copytag.tagger import BATCH_SIZE

    rules = copytag.tag_many(texts, use_model=False)
    started = time.perf_counter()
    for start in range(0, len(texts), BATCH_SIZE):
        add_predictions(texts[start : start + BATCH_SIZE], rules[start : start + BATCH_SIZE])
    return len(texts) / (time.perf_counter() - started)


def load_seconds() -> float:
    """Checking the pinned digests and reading the model, as the first tag() does."""
    started = time.perf_counter()
    verify_pinned(shipped_dir())
    read_model(shipped_dir())
    return time.perf_counter() - started


def fresh_scores(split: str = "test", batch: int | None = None) -> str:
    """The model card's tables for the test split or the held-out set (or one of its batches),
    recomputed from the shipped model."""
    keep = None if batch is None else (lambda e: holdout_batch(e.id) == batch)
    texts, gold, rules, probs, thresholds = split_arrays(split, keep=keep)
    metrics = compare(texts, gold, rules, probs, thresholds, LABELS)
    where = "the test split" if split == "test" else "the held-out set" if batch is None else f"held-out batch {batch}"
    short = "test split" if split == "test" else where
    tables = scores_table(metrics["scores"], list(LABELS), where) + "\n" + questions_table(metrics["question"], short)
    return tables + "\n" + ceiling_line(gold, rules, probs, thresholds)


def ceiling_line(gold, rules, probs, thresholds) -> str:
    """What the shipped thresholds add to the rules' actions, and what thresholds picked on these
    very rows could add at most within the 1-point precision budget (a bound, not a score)."""
    actions = [i for i, label in enumerate(LABELS) if label in ACTIONS]
    gold, rules, probs = gold[:, actions], rules[:, actions], probs[:, actions]
    added = ~rules & (probs >= thresholds[actions])
    right, wrong = int((added & gold).sum()), int((added & ~gold).sum())
    c = threshold_ceiling(gold, rules, probs, budget=MAX_PRECISION_DROP, floor=THRESHOLD_FLOOR)
    base = label_scores(gold.ravel(), rules.ravel())["f1"]
    fused = label_scores(gold.ravel(), (rules | added).ravel())["f1"]
    return (
        f"Actions the rules miss: {c['missed_by_rules']}. The shipped thresholds add {right} right and {wrong} wrong "
        f"(F1 {base:.3f} -> {fused:.3f}, {(fused - base) * 100:+.1f} points). Ceiling of any thresholds "
        f"within {MAX_PRECISION_DROP:.0%} of the rules' precision, picked on these very rows: {c['added_right']} right and "
        f"{c['added_wrong']} wrong, F1 {c['f1']:.3f} ({(c['f1'] - base) * 100:+.1f} points).\n"
    )


def holdout_batch(row_id: str) -> int:
    """Which batch of 100 ids a held-out row is in: ``en-h042`` is 1, ``en-h117`` is 2."""
    return (int(re.search(r"-h(\d+)$", row_id).group(1)) - 1) // 100 + 1


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    texts = short_copies(n)
    distinct = list(dict.fromkeys(texts))  # tag_many tags a repeated text once per batch
    size = sum((shipped_dir() / name).stat().st_size for name in FILES)
    for label, sample in ((f"{n} short copies (a stream with repeats)", texts),
                          (f"the {len(distinct)} distinct ones", distinct)):
        rules = texts_per_second(sample, use_model=False)
        fused = texts_per_second(sample, use_model=True)
        print(f"tag_many, {label}, 1 process:")
        print(f"  rules only      {rules:>10,.0f} texts/s")
        print(f"  rules + model   {fused:>10,.0f} texts/s   ({fused / rules:.2f}x of rules only)")
    print(f"  model stage alone (featurise + score + fuse): {model_stage_per_second(texts):,.0f} texts/s")
    print(f"model load (digest check + read): {load_seconds():.3f} s; files {size / 1e6:.2f} MB")
    print("test split (fresh evaluation of the shipped model):\n" + fresh_scores())
    held = load_holdout()
    if held:
        print("held-out set (fresh evaluation of the shipped model):\n" + fresh_scores("holdout"))
        batches = sorted({holdout_batch(e.id) for e in held})
        for batch in batches if len(batches) > 1 else ():
            print(fresh_scores("holdout", batch))


if __name__ == "__main__":
    main()
