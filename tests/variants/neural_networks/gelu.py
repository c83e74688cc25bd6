"""Correct, differently written versions of neural_networks/gelu."""

import math

import numpy as np
from scipy.stats import norm


def _floats(z):
    try:
        raw = np.asarray(z)
    except (TypeError, ValueError) as error:
        raise ValueError(str(error)) from None
    if raw.dtype.kind not in "biuf":  # numeric strings and None are refused too
        raise ValueError("z must hold real numbers")
    return raw.astype(np.float64)


def variant_math_erf_loop(z):
    x = _floats(z)
    flat = [0.5 * v * math.erfc(-v / math.sqrt(2.0)) for v in x.reshape(-1).tolist()]
    if x.ndim == 0:
        return flat[0]
    return np.array(flat, dtype=np.float64).reshape(x.shape)


def variant_norm_cdf_float32_kept(z):
    # float32 in, float32 out; otherwise float64
    raw = np.asarray(z)
    if raw.dtype.kind not in "biuf":
        raise ValueError("z must hold real numbers")
    x = raw.astype(np.float32 if raw.dtype == np.float32 else np.float64)
    out = (x.astype(np.float64) * norm.cdf(x.astype(np.float64))).astype(x.dtype)
    return float(out) if out.ndim == 0 else out


def variant_sf_for_negatives(z):
    # z Phi(z) = z - z Phi(-z): use the survival function, no cancellation either side
    x = _floats(z)
    out = np.where(x >= 0, x - x * norm.sf(x), x * norm.sf(-x))
    return float(out) if out.ndim == 0 else out
