"""Train the shipped classifier from ``models/data``: ``python -m copytag.model.train``.

Cross-fitted: the rows of *train* and *valid* are dealt by concept into
:data:`FOLDS` folds; each label's C (from :data:`C_GRID`) and calibration are
chosen on out-of-fold scores over all of them, its threshold on the out-of-fold
scores of *valid* (copy the rules were not refined on), and the shipped model
is then fitted on all of them. *test* and the held-out set are only scored.

Deterministic: fixed splits (``split.tsv``), fixed folds, a fixed grid and
solvers seeded per fit, so the same data gives the same files, whatever
``jobs`` (labels are fitted in that many processes: liblinear's random state
is global to a process, so threads would race on it).
Writes ``classifier.npz``, ``classifier.json``, the pinned digests
(``copytag/model/_pin.py``, for the shipped model only) and ``MODEL_CARD.md``.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path
from typing import Sequence

import numpy as np
from joblib import Parallel, delayed
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

from .card import render_card
from .classifier import LABELS, TONE_LABELS, Classifier, calibrate
from .augment import long_copies, variants
from .corpus import HOLDOUT, Example, concepts_of, default_data_dir, load_corpus, load_holdout
from .evaluate import compare, evaluate_split, gold_matrix, tag_matrix
from .features import FeatureSpec, RuleView, featurize
from .store import read_model, shipped_dir, write_model

C_GRID = (4.0, 16.0, 64.0)
FOLDS = 5
FOLD_SEED = "copytag-folds-1"
#: Tones: a model-only addition must keep the validation precision of the fused
#: label within this of the rules' precision...
MAX_PRECISION_DROP = 0.01
#: ...and the additions themselves must be at least this precise on validation.
MIN_ADDITION_PRECISION = {"question": 1.0}
DEFAULT_ADDITION_PRECISION = 0.8
#: Actions, chosen jointly: the fused actions' micro precision on validation stays
#: within this of the rules' (half the 1-point budget: thresholds chosen on one half
#: of *valid* cost about 0.9 point on the other half)...
ACTION_PRECISION_DROP = 0.005
#: ...admitting additions this many at a time, each batch at least half right.
ACTION_STEP = 5
ACTION_STEP_PRECISION = 0.5
THRESHOLD_FLOOR = 0.5
NEVER = 1.01
PIN_FILE = Path(__file__).with_name("_pin.py")


def rule_views(texts: Sequence[str]) -> tuple[list, list[RuleView]]:
    """The rules' results for ``texts`` and what the classifier reads from them."""
    from ..tagger import tag_many

    results = tag_many(texts, use_model=False)
    return results, [RuleView(t.actions, t.tones, t.language) for t in results]


def concept_folds(examples: Sequence[Example], k: int = FOLDS) -> np.ndarray:
    """Each example's fold, 0 to k-1, dealt by concept in a seeded order (-1 for *test*):
    near-duplicates and translated concepts never straddle two folds."""
    rows = [e._asdict() for e in examples if e.split != "test"]
    concepts = concepts_of(rows)
    order = sorted(concepts, key=lambda key: hashlib.sha256(f"{FOLD_SEED}:{key}".encode()).hexdigest())
    fold_of = {row["id"]: i % k for i, key in enumerate(order) for row in concepts[key]}
    return np.array([fold_of.get(e.id, -1) for e in examples])


def _logistic(C: float, seed: int) -> LogisticRegression:
    return LogisticRegression(C=C, solver="liblinear", dual=True, random_state=seed, max_iter=5000)


def out_of_fold(X, y, folds: np.ndarray, C: float, seed: int) -> np.ndarray:
    """Decision scores of every row with a fold, each from a model fitted on the other folds."""
    scores = np.zeros(len(folds))
    for k in range(folds.max() + 1):
        fit, held = (folds >= 0) & (folds != k), folds == k
        scores[held] = _logistic(C, seed).fit(X[fit], y[fit]).decision_function(X[held])
    return scores


def fit_label(X, y, folds: np.ndarray, seed: int) -> tuple[LogisticRegression, float, np.ndarray]:
    """The logistic regression whose C (from :data:`C_GRID`) has the lowest out-of-fold
    log-loss, fitted on every row with a fold; its C; and its out-of-fold scores."""
    best = None
    rows = folds >= 0
    for C in C_GRID:
        scores = out_of_fold(X, y, folds, C, seed)
        loss = log_loss(y[rows], calibrate(scores[rows], 1.0, 0.0), labels=[False, True])
        if best is None or loss < best[1] - 1e-9:
            best = (C, loss, scores)
    C, _, scores = best
    return _logistic(C, seed).fit(X[rows], y[rows]), C, scores


def fit_platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Slope and intercept mapping raw scores to calibrated probabilities (fitted on out-of-fold scores)."""
    platt = LogisticRegression(C=1e4, solver="lbfgs")
    platt.fit(scores.reshape(-1, 1), y)
    return float(platt.coef_[0, 0]), float(platt.intercept_[0])


def choose_threshold(label: str, probs: np.ndarray, rules: np.ndarray, gold: np.ndarray) -> float:
    """The lowest threshold from which, at every higher threshold too, the model-only additions
    are precise enough and the fused precision stays within :data:`MAX_PRECISION_DROP` of the rules'."""
    base = _precision(rules, gold)
    need = MIN_ADDITION_PRECISION.get(label, DEFAULT_ADDITION_PRECISION)
    candidates = sorted({float(p) for p in probs[~rules] if p >= THRESHOLD_FLOOR}, reverse=True)
    chosen = NEVER
    for threshold in candidates:
        added = ~rules & (probs >= threshold)
        if _precision(added, gold) < need or _precision(rules | added, gold) < base - MAX_PRECISION_DROP:
            break
        chosen = threshold
    return chosen


def choose_action_thresholds(probs: np.ndarray, rules: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """One threshold per column (action), chosen together for the best micro-F1 at a bounded cost.

    Greedy: each step admits the next :data:`ACTION_STEP` most probable rule-missed predictions
    (and any tied with the last of them) of the action whose next ones are most often right, while they are at least
    :data:`ACTION_STEP_PRECISION` right and the fused micro precision stays within
    :data:`ACTION_PRECISION_DROP` of the rules'. A column's threshold is the lowest probability
    admitted (:data:`NEVER` if none). Ties go to the first column.

    >>> p = np.array([[0.9, 0.6], [0.8, 0.7], [0.7, 0.95], [0.6, 0.2]])
    >>> r = np.array([[0, 0], [0, 0], [0, 0], [1, 1]], dtype=bool)
    >>> g = np.array([[1, 0], [1, 0], [1, 1], [1, 1]], dtype=bool)
    >>> [round(float(t), 2) for t in choose_action_thresholds(p, r, g)]  # column 1: one right in three
    [0.7, 1.01]
    """
    base = _precision(rules, gold)
    queues = []
    for j in range(probs.shape[1]):
        rows = np.flatnonzero(~rules[:, j] & (probs[:, j] >= THRESHOLD_FLOOR))
        queues.append(rows[np.argsort(-probs[rows, j], kind="stable")])
    taken = [0] * len(queues)
    thresholds = np.full(len(queues), NEVER)
    right, predicted = int((rules & gold).sum()), int(rules.sum())

    def batch(j: int) -> np.ndarray:  # the next ACTION_STEP, and any tied with the last of them
        q, start = queues[j], taken[j]
        end = min(start + ACTION_STEP, len(q))
        while end < len(q) and probs[q[end], j] == probs[q[end - 1], j]:
            end += 1
        return q[start:end]

    while True:
        steps = [(gold[batch(j), j].mean(), j) for j in range(len(queues)) if taken[j] < len(queues[j])]
        if not steps:
            break
        share, j = max(steps, key=lambda step: (step[0], -step[1]))
        batch_j = batch(j)
        hits = int(gold[batch_j, j].sum())
        if share < ACTION_STEP_PRECISION or (right + hits) / (predicted + len(batch_j)) < base - ACTION_PRECISION_DROP:
            break
        right, predicted = right + hits, predicted + len(batch_j)
        taken[j] += len(batch_j)
        thresholds[j] = probs[batch_j[-1], j]
    return thresholds


def _precision(pred: np.ndarray, gold: np.ndarray) -> float:
    return float((pred & gold).sum() / pred.sum()) if pred.any() else 1.0


def train(data: Path, out: Path, seed: int = 0, jobs: int = -1) -> dict:
    """Train, calibrate, pick thresholds, evaluate on test; write the model and card to ``out``.
    ``jobs`` processes fit the labels (-1: one per core); the files do not depend on it."""
    started = time.perf_counter()
    examples = load_corpus(data)
    texts = [e.text for e in examples]
    results, views = rule_views(texts)
    spec = FeatureSpec()
    gold = gold_matrix(examples, LABELS)
    rules = tag_matrix(results, LABELS)
    folds = concept_folds(examples)
    aug_texts, aug_gold, aug_source = augmented_rows(examples, results, gold, folds, seed)
    _, aug_views = rule_views(aug_texts)
    X = featurize(texts + aug_texts, views + aug_views, spec).tocsr()
    X.sum_duplicates()
    split = np.array([e.split for e in examples])
    valid_rows, test_rows = split == "valid", split == "test"  # test: scored, never fitted (fold -1)
    gold_all = np.vstack([gold, aug_gold])
    model, chosen_c = _fit_all(X, gold_all, rules, np.concatenate([folds, folds[aug_source]]), valid_rows, seed, spec, jobs)
    probs = model.predict_proba(texts, views)
    test = compare(_pick(texts, test_rows), gold[test_rows], rules[test_rows], probs[test_rows], model.threshold_vector(), LABELS)
    holdout = evaluate_split(HOLDOUT, data, model) if load_holdout(data) else None
    extra = {"training": _training_info(examples, len(aug_texts), seed, chosen_c, len(load_holdout(data))), "metrics": test, "holdout_metrics": holdout}
    digests = write_model(model, extra, out)
    extra["files"] = _file_info(out, digests)
    extra["training"] = {**extra["training"], "seconds": round(time.perf_counter() - started, 1)}
    (out / "MODEL_CARD.md").write_text(render_card(read_model_config(model, extra)), encoding="utf-8")
    return {"digests": digests, **extra}


def workers(jobs: int) -> int:
    """How many processes ``jobs`` means: -1 is one per core; otherwise at least 1.

    >>> workers(3), workers(0), workers(-1) == (os.cpu_count() or 1)
    (3, 1, True)
    """
    return (os.cpu_count() or 1) if jobs == -1 else max(1, jobs)


def _fit_all(X, gold, rules, folds, valid_rows, seed, spec, jobs: int = 1) -> tuple[Classifier, dict[str, float]]:
    """One calibrated logistic regression per label, and each label's threshold.

    ``X`` and ``gold`` hold the corpus rows then their augmented variants, ``folds`` each
    one's fold (a variant's is its source row's; -1: not fitted); ``rules`` and
    ``valid_rows`` are for the corpus rows.
    """
    n = len(valid_rows)
    weights = np.zeros((spec.n_features, len(LABELS)))
    intercept, platt_a, platt_b = np.zeros(len(LABELS)), np.zeros(len(LABELS)), np.zeros(len(LABELS))
    thresholds, chosen_c = {}, {}
    fitted = folds[:n] >= 0
    n_jobs = min(workers(jobs), len(LABELS))
    fits = Parallel(n_jobs=n_jobs)(delayed(fit_label)(X, gold[:, i], folds, seed) for i in range(len(LABELS)))
    probs = np.zeros((int(valid_rows.sum()), len(LABELS)))
    for i, label in enumerate(LABELS):
        lr, chosen_c[label], scores = fits[i]
        weights[:, i], intercept[i] = lr.coef_[0], lr.intercept_[0]
        platt_a[i], platt_b[i] = fit_platt(scores[:n][fitted], gold[:n][fitted, i])
        probs[:, i] = calibrate(scores[:n][valid_rows], platt_a[i], platt_b[i])
    actions = [i for i, label in enumerate(LABELS) if label not in TONE_LABELS]
    joint = choose_action_thresholds(probs[:, actions], rules[valid_rows][:, actions], gold[:n][valid_rows][:, actions])
    for i, label in enumerate(LABELS):
        thresholds[label] = float(joint[actions.index(i)]) if i in actions else \
            choose_threshold(label, probs[:, i], rules[valid_rows, i], gold[:n][valid_rows, i])
    model = Classifier(LABELS, spec, weights.astype(np.float32).astype(np.float64), intercept, platt_a, platt_b, thresholds)
    return model, chosen_c


def augmented_rows(examples: Sequence[Example], results, gold: np.ndarray, folds: np.ndarray, seed: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Typo, unmarked-question and long-copy variants of the rows with a fold (see :mod:`.augment`),
    with their labels and the index of a row each comes from (a long copy's parts share one fold)."""
    texts, labels, source = [], [], []
    for i, (example, result, row) in enumerate(zip(examples, results, gold)):
        if folds[i] < 0:
            continue
        for _, text in variants(example.id, example.text, result.ctas, "question" in example.tones, seed):
            texts.append(text)
            labels.append(row)
            source.append(i)
    members: dict[tuple[int, str], list[int]] = {}
    for i, example in enumerate(examples):
        if folds[i] >= 0:
            members.setdefault((int(folds[i]), example.language), []).append(i)
    for parts, text in long_copies([members[key] for key in sorted(members)], [e.text for e in examples], seed):
        texts.append(text)
        labels.append(gold[parts].any(axis=0))
        source.append(parts[0])
    return texts, np.array(labels, dtype=bool).reshape(len(labels), gold.shape[1]), np.array(source, dtype=np.intp)


def _pick(texts: Sequence[str], rows: np.ndarray) -> list[str]:
    return [t for t, keep in zip(texts, rows) if keep]


def _training_info(examples: Sequence[Example], augmented: int, seed: int, chosen_c: dict, holdout: int) -> dict:
    import scipy
    import sklearn

    counts = {s: sum(e.split == s for e in examples) for s in ("train", "valid", "test")} | {HOLDOUT: holdout}
    return {
        "seed": seed,
        "folds": FOLDS,
        "rows": counts,
        "augmented_train_rows": augmented,
        "C": chosen_c,
        "C_grid": list(C_GRID),
        "max_precision_drop": MAX_PRECISION_DROP,
        "action_precision_drop": ACTION_PRECISION_DROP,
        "action_step": ACTION_STEP,
        "action_step_precision": ACTION_STEP_PRECISION,
        "addition_precision": {"default": DEFAULT_ADDITION_PRECISION, **MIN_ADDITION_PRECISION},
        "threshold_floor": THRESHOLD_FLOOR,
        "libraries": {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__, "python": sys.version.split()[0]},
    }


def _file_info(out: Path, digests: dict[str, str]) -> dict:
    started = time.perf_counter()
    read_model(out)
    return {
        "sizes": {name: (out / name).stat().st_size for name in digests},
        "load_seconds": round(time.perf_counter() - started, 3),
        "sha256": digests,
    }


def read_model_config(model: Classifier, extra: dict) -> dict:
    """Everything the model card shows."""
    return {"labels": list(model.labels), "spec": model.spec._asdict(), "thresholds": dict(model.thresholds), **extra}


def write_pin(digests: dict[str, str], path: Path = PIN_FILE) -> None:
    """Pin the shipped model's digests in the package."""
    lines = [
        "# Generated by copytag.model.train (copytag train); do not edit.",
        '"""SHA-256 digests of the shipped classifier files: loading refuses files that differ."""',
        "",
        "SHA256 = {",
        *(f'    "{name}": "{digest}",' for name, digest in sorted(digests.items())),
        "}",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m copytag.model.train", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="the models/data directory (default: the package's)")
    parser.add_argument("--out", type=Path, default=None, help="where to write the model (default: the shipped one, and pin it)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=-1, help="processes fitting the labels (-1: one per core); the files do not depend on it")
    args = parser.parse_args(argv)
    run(args.data, args.out, args.seed, print, args.jobs)
    return 0


def run(data: Path | None, out: Path | None, seed: int, say, jobs: int = -1) -> dict:
    """Train and write; pin the digests when writing the shipped model."""
    out_dir = out or shipped_dir()
    result = train(data or default_data_dir(), out_dir, seed, jobs)
    if out is None or out.resolve() == shipped_dir().resolve():
        write_pin(result["digests"])
    fused = result["metrics"]["scores"]["fused"]["actions (micro)"]
    rules = result["metrics"]["scores"]["rules"]["actions (micro)"]
    say(f"wrote {out_dir}/classifier.npz, classifier.json and MODEL_CARD.md in {result['training']['seconds']} s")
    say(f"test actions micro-F1: rules {rules['f1']:.3f}, rules + model {fused['f1']:.3f}")
    return result


if __name__ == "__main__":
    sys.exit(main())
