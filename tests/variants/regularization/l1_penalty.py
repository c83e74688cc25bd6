"""Correct, differently written versions of regularization/l1_penalty (the red team's)."""

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


def variant_l1_fsum(w, alpha):
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    return float(alpha) * math.fsum(abs(v) for v in w.ravel().tolist())


def variant_l1_norm_ravel(w, alpha):
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    return float(alpha * np.linalg.norm(w.ravel(), ord=1))


def variant_l1_sign_dot(w, alpha):
    w = np.asarray(w, dtype=np.float64).reshape(-1)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    return float(alpha * (np.sign(w) @ w))
