"""Correct, differently written versions of models/logistic_loss_and_gradient."""

import math

import numpy as np
from scipy.special import expit, log_expit


def _checked(w, b, X, y, l2):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y)
    if np.ndim(b) != 0 or X.ndim != 2 or w.ndim != 1 or y.ndim != 1:
        raise ValueError("bad shapes")
    if X.shape != (y.size, w.size) or y.size == 0:
        raise ValueError("lengths do not match")
    if not np.all((y == 0) | (y == 1)) or not l2 >= 0:
        raise ValueError("bad labels or l2")
    return w, float(b), X, y.astype(float)


def variant_log_expit(w, b, X, y, l2=0.0):
    """-y log sigma(z) - (1 - y) log sigma(-z), each with scipy's log_expit."""
    w, b, X, y = _checked(w, b, X, y, l2)
    z = X @ w + b
    loss = -np.mean(y * log_expit(z) + (1 - y) * log_expit(-z)) + 0.5 * l2 * np.dot(w, w)
    r = expit(z) - y
    return float(loss), np.einsum("ij,i->j", X, r) / len(y) + l2 * w, float(r.mean())


def variant_loops(w, b, X, y, l2=0.0):
    w, b, X, y = _checked(w, b, X, y, l2)
    n, d = X.shape
    losses, grad_w, grad_b = [], [0.0] * d, 0.0
    for row, label in zip(X.tolist(), y.tolist(), strict=True):
        z = math.fsum(a * c for a, c in zip(row, w.tolist(), strict=True)) + b
        # log(1 + e^z) - y z, stable on both sides
        losses.append((z if z > 0 else 0.0) + math.log1p(math.exp(-abs(z))) - label * z)
        p = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
        for j in range(d):
            grad_w[j] += (p - label) * row[j] / n
        grad_b += (p - label) / n
    penalty = 0.5 * l2 * math.fsum(v * v for v in w.tolist())
    return math.fsum(losses) / n + penalty, np.array(grad_w) + l2 * w, grad_b
