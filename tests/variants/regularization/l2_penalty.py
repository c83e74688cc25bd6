"""Correct, differently written versions of regularization/l2_penalty (the red team's)."""

import math

import numpy as np


def _rt_check_w(w):
    if w.size == 0:
        raise ValueError("empty input: w has no weights")
    if not np.all(np.isfinite(w)):
        raise ValueError("w must be finite")


def _rt_check_alpha(alpha):
    if np.ndim(alpha) != 0 or not np.isfinite(alpha) or alpha < 0:
        raise ValueError(f"alpha must be a single finite number >= 0, got {alpha!r}")


def variant_l2_norm(w, alpha):
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    return float(alpha * np.linalg.norm(w.ravel()) ** 2)


def variant_l2_fsum(w, alpha):
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    return float(alpha) * math.fsum(v * v for v in w.ravel().tolist())


def variant_l2_einsum(w, alpha):
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    v = w.reshape(-1)
    return float(alpha * np.einsum("i,i->", v, v))
