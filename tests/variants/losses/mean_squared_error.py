"""Correct, differently written versions of losses/mean_squared_error."""

import math

import numpy as np


def _pair(y_true, y_pred):
    y, p = np.asarray(y_true), np.asarray(y_pred)
    if y.ndim != 1 or y.shape != p.shape or y.size == 0:
        raise ValueError("y_true and y_pred must be 1-D, non-empty and of one length")
    return y.tolist(), p.tolist()


def variant_fsum_loop(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return math.fsum((float(a) - float(b)) ** 2 for a, b in zip(y, p, strict=True)) / len(y)


def variant_dot(y_true, y_pred):
    _pair(y_true, y_pred)
    r = np.subtract(y_true, y_pred, dtype=np.float64)
    return float(r @ r / len(r))
