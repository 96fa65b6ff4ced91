"""Softmax regression over sparse n-gram counts, by AdaGrad minibatch descent (training helper).

Deterministic: a seeded permutation per epoch, float32 arithmetic, no threads
beyond numpy's own.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def fit_softmax(
    x: sp.csr_matrix, y: np.ndarray, weight: np.ndarray, *, epochs: int, rate: float, seed: int, batch: int = 512
) -> tuple[np.ndarray, np.ndarray]:
    """(coefficients of shape (features, classes), intercepts) minimising the weighted log-loss."""
    n, d = x.shape
    k = int(y.max()) + 1
    coef = np.zeros((d, k), np.float32)
    bias = np.zeros(k, np.float32)
    acc = np.full((d, k), 1e-8, np.float32)
    acc_b = np.full(k, 1e-8, np.float32)
    onehot = np.eye(k, dtype=np.float32)
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        order = rng.permutation(n)
        loss = 0.0
        for start in range(0, n, batch):
            idx = order[start : start + batch]
            xb = x[idx]
            prob = _softmax(xb @ coef + bias)
            loss -= float((np.log(prob[np.arange(len(idx)), y[idx]] + 1e-9) * weight[idx]).sum())
            grad = (prob - onehot[y[idx]]) * weight[idx, None]
            rows = np.unique(xb.indices)
            g = np.asarray((xb.T @ grad))[rows] / len(idx)
            acc[rows] += g * g
            coef[rows] -= rate * g / np.sqrt(acc[rows])
            gb = grad.mean(axis=0)
            acc_b += gb * gb
            bias -= rate * gb / np.sqrt(acc_b)
        print(f"  epoch {epoch + 1}/{epochs}: weighted log-loss {loss / n:.4f}")
    return coef, bias


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
