"""Correct, differently written versions of statistics/pearson_correlation."""

import math

import numpy as np


def _pairs(x, y):
    a, b = np.asarray(x), np.asarray(y)
    if a.ndim != 1 or b.ndim != 1 or a.shape != b.shape or a.size < 2:
        raise ValueError("x and y must be 1-D, of one length, with at least 2 pairs")
    if a.dtype.kind not in "biuf" or b.dtype.kind not in "biuf":
        raise ValueError("numeric samples expected")
    a, b = a.astype(np.float64), b.astype(np.float64)
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise ValueError("samples must be finite")
    if np.all(a == a[0]) or np.all(b == b[0]):
        raise ValueError("a constant sample has no correlation")
    return a, b


def _clip(r):
    return max(-1.0, min(1.0, r))


def variant_fsum_loop(x, y):
    a, b = _pairs(x, y)
    xs, ys = a.tolist(), b.tolist()
    n = len(xs)
    mx, my = math.fsum(xs) / n, math.fsum(ys) / n
    dx = [v - mx for v in xs]
    dy = [v - my for v in ys]
    sxy = math.fsum(p * q for p, q in zip(dx, dy, strict=True))
    sxx = math.fsum(p * p for p in dx)
    syy = math.fsum(q * q for q in dy)
    return _clip(sxy / math.sqrt(sxx * syy))


def variant_einsum_unit_vectors(x, y):
    # the cosine of the centred vectors, each normalised first
    a, b = _pairs(x, y)
    ca, cb = a - a.mean(), b - b.mean()
    ua, ub = ca / np.sqrt(np.einsum("i,i->", ca, ca)), cb / np.sqrt(np.einsum("i,i->", cb, cb))
    return _clip(float(np.einsum("i,i->", ua, ub)))


def variant_mean_of_z_products(x, y):
    # r = mean(z_x z_y) with population z-scores (ddof=0 on both sides)
    a, b = _pairs(x, y)
    za = (a - a.mean()) / a.std()
    zb = (b - b.mean()) / b.std()
    return _clip(float(np.mean(za * zb)))
