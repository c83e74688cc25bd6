"""Correct, differently written versions of distances/euclidean_distance (after the red team's)."""

import math

import numpy as np


def _vectors(u, v):
    u, v = np.asarray(u, dtype=np.float64), np.asarray(v, dtype=np.float64)
    if u.ndim != 1 or v.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("u and v must be 1-D, non-empty and of one length")
    return u, v


def variant_fsum(u, v):
    u, v = _vectors(u, v)
    return math.sqrt(math.fsum((a - b) ** 2 for a, b in zip(u.tolist(), v.tolist(), strict=True)))


def variant_linalg(u, v):
    u, v = _vectors(u, v)
    return float(np.linalg.norm(u - v))


def variant_einsum(u, v):
    u, v = _vectors(u, v)
    d = u - v
    return float(np.sqrt(np.einsum("i,i->", d, d)))
