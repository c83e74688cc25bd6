"""Correct, differently written versions of neural_networks/dropout."""

import numpy as np


def _inputs(X, p, mask):
    if isinstance(p, (str, bytes)) or np.ndim(p) != 0:
        raise ValueError("p must be a number in [0, 1)")
    try:
        pf = float(p)
    except (TypeError, ValueError):
        raise ValueError("p must be a number in [0, 1)") from None
    if not 0 <= pf < 1:
        raise ValueError("p must be in [0, 1)")
    x = np.asarray(X)
    if x.dtype.kind not in "biuf":
        raise ValueError("X must be numeric")
    m = np.asarray(mask)
    if m.shape != x.shape:
        raise ValueError("mask must have the shape of X")
    if m.dtype.kind not in "biuf" or not np.all((m == 0) | (m == 1)):
        raise ValueError("mask must hold True/False or 1/0")
    return x, pf, m.astype(bool)


def variant_where(X, p, mask):
    x, pf, m = _inputs(X, p, mask)
    out = np.where(m, x.astype(np.float64) / (1.0 - pf), 0.0)
    return float(out) if out.ndim == 0 else out


def variant_list_loop(X, p, mask):
    x, pf, m = _inputs(X, p, mask)
    keep = 1.0 - pf
    values, kept = x.reshape(-1).tolist(), m.reshape(-1).tolist()
    flat = [v / keep if k else 0.0 for v, k in zip(values, kept, strict=True)]
    if x.ndim == 0:
        return flat[0]
    return np.array(flat, dtype=np.float64).reshape(x.shape)


def variant_scale_factor_float32_kept(X, p, mask):
    # multiply by the precomputed scale 1 / (1 - p); float32 X stays float32
    x, pf, m = _inputs(X, p, mask)
    dtype = np.float32 if x.dtype == np.float32 else np.float64
    scale = dtype(1.0 / (1.0 - pf)) if dtype is np.float32 else 1.0 / (1.0 - pf)
    out = np.zeros(x.shape, dtype=dtype)
    out[m] = x[m].astype(dtype) * scale
    return float(out) if out.ndim == 0 else out
