"""Correct, differently written versions of metrics/accuracy."""

from collections import Counter

import numpy as np


def _checked(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("the inputs must be 1-D, of one length, not empty")
    return y_true, y_pred


def variant_loop(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    hits = 0
    for t, p in zip(y_true.tolist(), y_pred.tolist(), strict=True):
        hits += t == p
    return hits / len(y_true)


def variant_count_nonzero(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    return np.count_nonzero(y_true == y_pred) / y_true.size


def variant_error_count(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    wrong = Counter(bool(t != p) for t, p in zip(y_true, y_pred, strict=True))[True]
    return 1.0 - wrong / len(y_true)
