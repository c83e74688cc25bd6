"""Correct, differently written versions of neural_networks/leaky_relu."""

import math

import numpy as np


def _alpha(alpha):
    if isinstance(alpha, (str, bytes)):
        raise ValueError("alpha must be a finite real number")
    a = np.asarray(alpha)
    if a.ndim != 0 or a.dtype.kind not in "biuf" or not math.isfinite(float(a)):
        raise ValueError("alpha must be a finite real number")
    return float(a)


def _floats(z):
    try:
        raw = np.asarray(z)
    except (TypeError, ValueError) as error:
        raise ValueError(str(error)) from None
    if raw.dtype.kind not in "biuf":  # numeric strings and None are refused too
        raise ValueError("z must hold real numbers")
    return raw.astype(np.float64)


def variant_list_comprehension(z, alpha=0.01):
    a = _alpha(alpha)
    x = _floats(z)
    flat = [v if v > 0 else a * v for v in x.reshape(-1).tolist()]
    if x.ndim == 0:
        return flat[0]
    return np.array(flat, dtype=np.float64).reshape(x.shape)


def variant_masked_copy(z, alpha=0.01):
    # float32 stays float32; every other input becomes float64
    a = _alpha(alpha)
    raw = np.asarray(z)
    if raw.dtype.kind not in "biuf":
        raise ValueError("z must hold real numbers")
    out = raw.astype(np.float32 if raw.dtype == np.float32 else np.float64, copy=True)
    neg = ~(out > 0)
    out[neg] = out[neg] * a
    return float(out) if out.ndim == 0 else out


def variant_positive_and_negative_parts(z, alpha=0.01):
    # max(z, 0) + alpha * min(z, 0): right for every alpha, unlike max(z, alpha z)
    a = _alpha(alpha)
    x = _floats(z)
    out = np.maximum(x, 0.0) + a * np.minimum(x, 0.0)
    return float(out) if out.ndim == 0 else out
