"""Correct, differently written versions of regularization/soft_threshold (the red team's)."""

import numpy as np


def _rt_prep(x, lam):
    x = np.asarray(x, dtype=np.float64)
    if np.ndim(lam) != 0 or not np.isfinite(lam) or lam < 0:
        raise ValueError(f"lam must be a single finite number >= 0, got {lam!r}")
    if not np.all(np.isfinite(x)):
        raise ValueError("x must be finite")
    return x


def _rt_ret(out):
    return float(out) if np.ndim(out) == 0 else out


def variant_st_where(x, lam):
    x = _rt_prep(x, lam)
    out = np.where(x > lam, x - lam, np.where(x < -lam, x + lam, 0.0))
    return float(out) if out.ndim == 0 else out


def variant_st_clips(x, lam):
    x = _rt_prep(x, lam)
    out = np.clip(x - lam, 0.0, None) + np.clip(x + lam, None, 0.0)
    return float(out) if out.ndim == 0 else out


def variant_st_projection(x, lam):
    x = _rt_prep(x, lam)
    out = x - np.clip(x, -lam, lam)
    return float(out) if out.ndim == 0 else out
