"""Correct, differently written versions of losses/log_loss."""

import math

import numpy as np


def _pair(y_true, y_prob):
    y, p = np.asarray(y_true), np.asarray(y_prob, dtype=float)
    if y.ndim != 1 or y.shape != p.shape or y.size == 0:
        raise ValueError("bad shapes")
    if not np.all((y == 0) | (y == 1)) or np.any((p < 0) | (p > 1)) or np.any(np.isnan(p)):
        raise ValueError("bad values")
    return [int(v) for v in y.tolist()], p.tolist()


def variant_loop(y_true, y_prob, eps=1e-15):
    y, p = _pair(y_true, y_prob)
    terms = []
    for label, q in zip(y, p, strict=True):
        q = min(max(q, eps), 1 - eps)
        terms.append(-math.log(q if label == 1 else 1 - q))
    return math.fsum(terms) / len(terms)


def variant_where(y_true, y_prob, eps=1e-15):
    _pair(y_true, y_prob)
    y = np.asarray(y_true).astype(bool)
    p = np.clip(np.asarray(y_prob, dtype=float), eps, 1 - eps)
    return float(-np.mean(np.log(np.where(y, p, 1 - p))))
