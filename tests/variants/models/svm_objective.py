"""Correct, differently written versions of models/svm_objective."""

import math

import numpy as np


def _checked(w, b, X, y, C):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y)
    if np.ndim(b) != 0 or X.ndim != 2 or w.ndim != 1 or y.ndim != 1:
        raise ValueError("bad shapes")
    if X.shape != (y.size, w.size) or y.size == 0:
        raise ValueError("lengths do not match")
    if not np.all((y == -1) | (y == 1)) or not C > 0:
        raise ValueError("bad labels or C")
    return w, float(b), X, y.astype(float)


def variant_loops(w, b, X, y, C=1.0):
    w, b, X, y = _checked(w, b, X, y, C)
    norm = math.fsum(v * v for v in w.tolist())
    hinges = []
    for row, label in zip(X.tolist(), y.tolist(), strict=True):
        decision = math.fsum(a * c for a, c in zip(row, w.tolist(), strict=True)) + b
        hinges.append(max(0.0, 1.0 - label * decision))
    return 0.5 * norm + C * math.fsum(hinges)


def variant_einsum_and_mask(w, b, X, y, C=1.0):
    w, b, X, y = _checked(w, b, X, y, C)
    slack = 1.0 - y * (np.einsum("ij,j->i", X, w) + b)
    inside = slack > 0
    return float(0.5 * np.einsum("i,i->", w, w) + C * slack[inside].sum())
