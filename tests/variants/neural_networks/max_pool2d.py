"""Correct, differently written versions of neural_networks/max_pool2d."""

import operator

import numpy as np


def _int(value, name):
    try:
        v = operator.index(value)
    except TypeError:
        raise ValueError(f"{name} must be an integer") from None
    if v < 1:
        raise ValueError(f"{name} must be at least 1")
    return v


def _inputs(X, size, stride):
    x = np.asarray(X)
    if x.dtype.kind not in "biuf" or x.ndim != 4:
        raise ValueError("X must be a numeric 4-D array")
    k, s = _int(size, "size"), _int(stride, "stride")
    if k > x.shape[2] or k > x.shape[3]:
        raise ValueError("size exceeds the image")
    return x.astype(np.float64), k, s


def variant_window_loops(X, size=2, stride=2):
    x, k, s = _inputs(X, size, stride)
    ho, wo = (x.shape[2] - k) // s + 1, (x.shape[3] - k) // s + 1
    out = np.empty((*x.shape[:2], ho, wo))
    for i in range(ho):
        for j in range(wo):
            out[:, :, i, j] = x[:, :, i * s : i * s + k, j * s : j * s + k].max(axis=(2, 3))
    return out


def variant_offset_maximum(X, size=2, stride=2):
    # fold np.fmax-free maximum over the k*k offsets of strided slices (NaN propagates)
    x, k, s = _inputs(X, size, stride)
    ho, wo = (x.shape[2] - k) // s + 1, (x.shape[3] - k) // s + 1
    out = None
    for u in range(k):
        for v in range(k):
            sl = x[:, :, u : u + (ho - 1) * s + 1 : s, v : v + (wo - 1) * s + 1 : s]
            out = sl.copy() if out is None else np.maximum(out, sl)
    return out


def variant_separable_rows_then_columns(X, size=2, stride=2):
    # max over each row window first, then over column windows of those maxima
    x, k, s = _inputs(X, size, stride)
    ho, wo = (x.shape[2] - k) // s + 1, (x.shape[3] - k) // s + 1
    rows = np.stack([x[:, :, i * s : i * s + k, :].max(axis=2) for i in range(ho)], axis=2)
    return np.stack([rows[:, :, :, j * s : j * s + k].max(axis=3) for j in range(wo)], axis=3)
