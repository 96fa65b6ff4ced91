"""The classifier's arithmetic: linear scores, then Platt-calibrated probabilities.

One-vs-rest: every label has its own weight column, intercept and
calibration (``p = 1 / (1 + exp(-(a * score + b)))``). The weights live in
one dense matrix so a whole batch is scored with one sparse product.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from .features import FeatureSpec, RuleView, featurize

#: What the classifier predicts: the six actions and the tones the rules miss most.
LABELS: tuple[str, ...] = ("download", "watch", "click", "obtain", "trial", "continue", "question", "figure")
TONE_LABELS = frozenset({"question", "figure"})


@dataclass(frozen=True, eq=False)
class Classifier:
    """A trained model: weights (features x labels), intercepts, calibration and thresholds.

    ``thresholds[label]`` is the probability from which a prediction the
    rules did not make is added to the result (above 1: never).
    """

    labels: tuple[str, ...]
    spec: FeatureSpec
    weights: np.ndarray
    intercept: np.ndarray
    platt_a: np.ndarray
    platt_b: np.ndarray
    thresholds: Mapping[str, float]

    def scores(self, texts: Sequence[str], rules: Sequence[RuleView]) -> np.ndarray:
        """Raw linear scores, one row per text, one column per label."""
        X = featurize(texts, rules, self.spec)
        return np.asarray(X @ self.weights) + self.intercept

    def predict_proba(self, texts: Sequence[str], rules: Sequence[RuleView]) -> np.ndarray:
        """Calibrated probabilities, one row per text, one column per label."""
        return calibrate(self.scores(texts, rules), self.platt_a, self.platt_b)

    def threshold_vector(self) -> np.ndarray:
        """The thresholds in label order."""
        return np.array([self.thresholds[label] for label in self.labels])


def calibrate(scores: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Platt scaling of raw scores into probabilities.

    >>> calibrate(np.array([[0.0, 2.0]]), np.array([1.0, 1.0]), np.array([0.0, -2.0])).tolist()
    [[0.5, 0.5]]
    """
    return 1.0 / (1.0 + np.exp(-np.clip(scores * a + b, -40.0, 40.0)))  # clip: no overflow warning
