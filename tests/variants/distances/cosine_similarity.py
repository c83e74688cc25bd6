"""Correct, differently written versions of distances/cosine_similarity (after the red team's)."""

import math

import numpy as np


def _vectors(u, v):
    u, v = np.asarray(u, dtype=np.float64), np.asarray(v, dtype=np.float64)
    if u.ndim != 1 or v.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("u and v must be 1-D, non-empty and of one length")
    return u, v


def variant_fsum(u, v):
    u, v = (x.tolist() for x in _vectors(u, v))
    uu, vv = math.fsum(a * a for a in u), math.fsum(b * b for b in v)
    if uu == 0 or vv == 0:
        raise ValueError("the zero vector has no direction")
    return max(-1.0, min(1.0, math.fsum(a * b for a, b in zip(u, v, strict=True)) / math.sqrt(uu * vv)))


def variant_normalise_first(u, v):
    u, v = _vectors(u, v)
    nu, nv = np.linalg.norm(u), np.linalg.norm(v)
    if nu == 0 or nv == 0:
        raise ValueError("the zero vector has no direction")
    return float(np.clip((u / nu) @ (v / nv), -1.0, 1.0))


def variant_einsum(u, v):
    u, v = _vectors(u, v)
    uu, vv, uv = np.einsum("i,i->", u, u), np.einsum("i,i->", v, v), np.einsum("i,i->", u, v)
    if uu == 0 or vv == 0:
        raise ValueError("the zero vector has no direction")
    return float(np.clip(uv / np.sqrt(uu) / np.sqrt(vv), -1.0, 1.0))
