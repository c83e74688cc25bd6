"""Correct, differently written versions of metrics/r2_score."""

import math

import numpy as np


def _checked(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size < 2:
        raise ValueError("the inputs must be 1-D, of one length, with two samples at least")
    return y_true, y_pred


def _finish(residual, total):
    if total == 0:
        return 1.0 if residual == 0 else 0.0
    return 1.0 - residual / total


def variant_fsum(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    t, p = y_true.tolist(), y_pred.tolist()
    mean = math.fsum(t) / len(t)
    residual = math.fsum((a - b) ** 2 for a, b in zip(t, p, strict=True))
    return _finish(residual, math.fsum((a - mean) ** 2 for a in t))


def variant_dot(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    error, centred = y_true - y_pred, y_true - y_true.mean()
    return float(_finish(error @ error, centred @ centred))


def variant_variance(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    return float(_finish(np.mean((y_true - y_pred) ** 2), np.var(y_true)))
