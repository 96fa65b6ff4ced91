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
from .classifier import TONE_LABELS



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
    from ..tagger import tag_many
    from .classifier import LABELS
    from .corpus import HOLDOUT, load_corpus, load_holdout
    from .features import RuleView
    from .store import shipped_model

    model = model or shipped_model()
    examples = load_holdout(data) if split == HOLDOUT else [e for e in load_corpus(data) if e.split == split]
    examples = [e for e in examples if keep is None or keep(e)]
    texts = [e.text for e in examples]
    results = tag_many(texts, use_model=False)
    probs = model.predict_proba(texts, [RuleView(t.actions, t.tones, t.language) for t in results])
    return compare(texts, gold_matrix(examples, LABELS), tag_matrix(results, LABELS), probs, model.threshold_vector(), LABELS)
