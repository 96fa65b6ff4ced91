"""Scoring tags against the corpus labels: per-label precision, recall and F1.

Three systems are compared on the same rows: the rules alone, the model
alone (a label when its probability is at least 0.5) and the fusion (rules,
plus the model's labels that reach their thresholds).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from ..types import ACTIONS, CopyTags
from .augment import QUESTION_MARKS
from .classifier import LABELS, TONE_LABELS



def gold_matrix(examples: Sequence, labels: Sequence[str]) -> np.ndarray:
    """True where an example carries a label (actions and tones alike)."""
    return np.array([[label in e.actions or label in e.tones for label in labels] for e in examples], dtype=bool)


def tag_matrix(results: Sequence[CopyTags], labels: Sequence[str]) -> np.ndarray:
    """True where a tagging result carries a label."""
    return np.array(
        [[label in (t.tones if label in TONE_LABELS else t.actions) for label in labels] for t in results], dtype=bool
    ).reshape(len(results), len(labels))


def label_scores(gold: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Precision, recall, F1 and support of one label (or of flattened labels: micro)."""
    tp = int(np.sum(gold & pred))
    fp = int(np.sum(~gold & pred))
    fn = int(np.sum(gold & ~pred))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn, "predicted": tp + fp}


def system_scores(gold: np.ndarray, pred: np.ndarray, labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """Per-label scores and micro-averaged scores over the actions."""
    out = {label: label_scores(gold[:, i], pred[:, i]) for i, label in enumerate(labels)}
    actions = [i for i, label in enumerate(labels) if label in ACTIONS]
    out["actions (micro)"] = label_scores(gold[:, actions].ravel(), pred[:, actions].ravel())
    return out


def question_checks(texts: Sequence[str], gold: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Recall on questions written without a question mark, and false positives on statements."""
    unmarked = np.array([not any(m in t for m in QUESTION_MARKS) for t in texts], dtype=bool)
    asks = gold & unmarked
    return {
        "unmarked_questions": int(asks.sum()),
        "unmarked_recall": float(pred[asks].mean()) if asks.any() else 1.0,
        "statements": int((~gold).sum()),
        "statement_false_positives": int((pred & ~gold).sum()),
    }


def compare(texts, gold, rules, probs, thresholds, labels) -> dict:
    """The three systems' scores on one split, and the question checks for each."""
    systems = {"rules": rules, "model": probs >= 0.5, "fused": rules | (probs >= thresholds)}
    q = list(labels).index("question")
    return {
        "scores": {name: system_scores(gold, pred, labels) for name, pred in systems.items()},
        "question": {name: question_checks(texts, gold[:, q], pred[:, q]) for name, pred in systems.items()},
    }


def evaluate_split(split: str = "test", data=None, model=None, keep=None) -> dict:
    """:func:`compare` on one split of the corpus (or on the held-out set, ``"holdout"``), for
    the shipped (or given) model: no training. ``keep(example)`` narrows the rows (all by default).

    The model card's metrics are this, for the test split and the held-out set, at training time.
    """
    return compare(*split_arrays(split, data, model, keep), LABELS)


def split_arrays(split: str = "test", data=None, model=None, keep=None) -> tuple:
    """``(texts, gold, rules, probs, thresholds)`` of one split for the shipped (or given) model,
    label columns in :data:`~.classifier.LABELS` order (see :func:`evaluate_split`)."""
    from ..tagger import tag_many
    from .corpus import HOLDOUT, load_corpus, load_holdout
    from .features import RuleView
    from .store import shipped_model

    model = model or shipped_model()
    examples = load_holdout(data) if split == HOLDOUT else [e for e in load_corpus(data) if e.split == split]
    examples = [e for e in examples if keep is None or keep(e)]
    texts = [e.text for e in examples]
    results = tag_many(texts, use_model=False)
    probs = model.predict_proba(texts, [RuleView(t.actions, t.tones, t.language) for t in results])
    return texts, gold_matrix(examples, LABELS), tag_matrix(results, LABELS), probs, model.threshold_vector()


def threshold_ceiling(gold: np.ndarray, rules: np.ndarray, probs: np.ndarray, *, budget: float, floor: float) -> dict:
    """The best micro-F1 that *any* thresholds (one per column, at least ``floor``) could give the
    fusion on these rows while its micro precision stays within ``budget`` of the rules'.

    The thresholds are found on the scored rows themselves, so this is a ceiling for every
    threshold rule, never a score: if it falls short of a target, only a better model reaches it.
    ``budget`` and ``floor`` are the fusion's (``train.MAX_PRECISION_DROP``, ``train.THRESHOLD_FLOOR``).
    Exact: the fused counts depend only on how many right and wrong additions are admitted, so
    the reachable (right, wrong) pairs are built column by column on a grid.

    >>> g = np.array([[1, 0], [1, 1], [0, 1], [1, 1]], dtype=bool)
    >>> r = np.array([[0, 0], [0, 0], [0, 0], [1, 1]], dtype=bool)
    >>> p = np.array([[0.9, 0.6], [0.6, 0.8], [0.7, 0.2], [0.9, 0.9]])
    >>> c = threshold_ceiling(g, r, p, budget=0.0, floor=0.5)
    >>> c["added_right"], c["added_wrong"], round(c["f1"], 3)
    (2, 0, 0.8)
    """
    prefixes = []
    for j in range(gold.shape[1]):
        rows = np.flatnonzero(~rules[:, j] & (probs[:, j] >= floor))
        rows = rows[np.argsort(-probs[rows, j], kind="stable")]
        right = np.concatenate([[0], np.cumsum(gold[rows, j])])
        cuts = [0, *(k for k in range(1, len(rows) + 1) if k == len(rows) or probs[rows[k], j] < probs[rows[k - 1], j])]
        prefixes.append([(int(right[k]), k - int(right[k])) for k in cuts])
    max_right = sum(p[-1][0] for p in prefixes)
    max_wrong = sum(p[-1][1] for p in prefixes)
    reach = np.zeros((max_right + 1, max_wrong + 1), dtype=bool)
    reach[0, 0] = True
    for options in prefixes:
        grown = np.zeros_like(reach)
        for a, b in options:
            grown[a:, b:] |= reach[: reach.shape[0] - a, : reach.shape[1] - b]
        reach = grown
    tp0, fp0, fn0 = int((rules & gold).sum()), int((rules & ~gold).sum()), int((~rules & gold).sum())
    base = tp0 / (tp0 + fp0) if tp0 + fp0 else 1.0
    a, b = np.nonzero(reach)
    tp, fp, fn = tp0 + a, fp0 + b, fn0 - a
    precision = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 1.0)  # as label_scores counts them
    f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 1.0)
    f1 = np.where(precision >= base - budget - 1e-12, f1, -1.0)
    best = int(np.argmax(f1))
    return {
        "f1": float(f1[best]),
        "precision": float(precision[best]),
        "recall": float(tp[best] / (tp[best] + fn[best])) if tp[best] + fn[best] else 1.0,
        "added_right": int(a[best]),
        "added_wrong": int(b[best]),
        "missed_by_rules": fn0,
    }
