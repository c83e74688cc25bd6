"""Correct, differently written versions of losses/hinge_loss."""

import math

import numpy as np


def _checked(y_true, decision):
    y, d = np.asarray(y_true), np.asarray(decision, dtype=float)
    if y.ndim != 1 or y.shape != d.shape or y.size == 0:
        raise ValueError("bad shapes")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    return y.tolist(), d.tolist()


def variant_loop(y_true, decision):
    y, d = _checked(y_true, decision)
    return math.fsum(max(0.0, 1.0 - label * score) for label, score in zip(y, d, strict=True)) / len(y)


def variant_clip(y_true, decision):
    _checked(y_true, decision)
    margin = np.multiply(y_true, decision, dtype=float)
    return float(np.clip(1.0 - margin, 0.0, None).mean())
