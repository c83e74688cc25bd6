"""Correct, differently written versions of losses/huber_loss."""

import math

import numpy as np


def _pair(y_true, y_pred, delta):
    y, p = np.asarray(y_true), np.asarray(y_pred)
    if y.ndim != 1 or y.shape != p.shape or y.size == 0 or not delta > 0:
        raise ValueError("bad input")
    return y.tolist(), p.tolist()


def variant_loop(y_true, y_pred, delta=1.0):
    y, p = _pair(y_true, y_pred, delta)
    total = []
    for a, b in zip(y, p, strict=True):
        r = abs(float(a) - float(b))
        total.append(0.5 * r * r if r <= delta else delta * (r - 0.5 * delta))
    return math.fsum(total) / len(total)


def variant_clipped_linear(y_true, y_pred, delta=1.0):
    _pair(y_true, y_pred, delta)
    r = np.abs(np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float))
    small = np.minimum(r, delta)  # the quadratic part, capped at delta
    return float(np.mean(0.5 * small**2 + delta * (r - small)))
