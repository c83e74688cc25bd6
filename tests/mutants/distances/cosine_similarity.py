"""Wrong versions of distances/cosine_similarity."""

import numpy as np

from mlkata.mutants import mutant


def _checked(u, v):
    u, v = np.asarray(u, float), np.asarray(v, float)
    if u.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("bad input")
    if not np.any(u) or not np.any(v):
        raise ValueError("zero vector")
    return u, v


@mutant("cosine_similarity", hint="divide the dot product by both norms")
def dot_product_only(u, v):
    u, v = _checked(u, v)
    return float(np.dot(u, v))


@mutant("cosine_similarity", hint="cosine *distance*")
def distance_not_similarity(u, v):
    u, v = _checked(u, v)
    return float(1 - np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))


@mutant("cosine_similarity", hint="Pearson")
def centred_first(u, v):
    u, v = _checked(u, v)
    u, v = u - u.mean(), v - v.mean()
    return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))


@mutant("cosine_similarity", hint="squared norms")
def squared_norms(u, v):
    u, v = _checked(u, v)
    return float(np.dot(u, v) / (np.dot(u, u) * np.dot(v, v)))


@mutant("cosine_similarity", hint="return 0 for a zero vector")
def zero_vector_gives_zero(u, v):
    u, v = np.asarray(u, float), np.asarray(v, float)
    if u.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("bad input")
    norms = np.linalg.norm(u) * np.linalg.norm(v)
    return 0.0 if norms == 0 else float(np.dot(u, v) / norms)


def _pair(u, v, dtype=float):
    u, v = np.asarray(u, dtype), np.asarray(v, dtype)
    if u.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("u and v must be 1-D, non-empty and of one length")
    return u, v


@mutant("cosine_similarity", hint="clip the cosine")
def no_clip(u, v):
    # from the red team: (anti)parallel vectors give 1.0000000000000002
    u, v = _pair(u, v)
    nu, nv = np.sqrt(u @ u), np.sqrt(v @ v)
    if nu == 0 or nv == 0:
        raise ValueError("zero vector")
    return float(u @ v / (nu * nv))


@mutant("cosine_similarity")
def integer_dot_products(u, v):
    # from the red team: int64 dot products overflow
    u, v = _pair(u, v, dtype=None)
    with np.errstate(all="ignore"):
        uu, vv, uv = np.dot(u, u), np.dot(v, v), np.dot(u, v)
    if uu == 0 or vv == 0:
        raise ValueError("zero vector")
    return min(1.0, max(-1.0, float(uv) / np.sqrt(abs(float(uu) * float(vv)))))


@mutant("cosine_similarity")
def floored_denominator(u, v):
    # from the red team: max(|u| |v|, 1e-12) "for safety"
    u, v = _pair(u, v)
    if not u.any() or not v.any():
        raise ValueError("zero vector")
    return float(min(1.0, max(-1.0, u @ v / max(np.linalg.norm(u) * np.linalg.norm(v), 1e-12))))


@mutant("cosine_similarity", hint="float32 precision")
def float32_vectors(u, v):
    u, v = _pair(u, v, dtype=np.float32)
    nu, nv = np.sqrt(u @ u), np.sqrt(v @ v)
    if nu == 0 or nv == 0:
        raise ValueError("zero vector")
    return float(np.clip(u @ v / (nu * nv), -1, 1))


def _clipped(cosine):
    return float(np.clip(cosine, -1.0, 1.0))


@mutant("cosine_similarity", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(u, v):
    """Converts integer vectors only: float32 entries near 3e38 overflow in u . u."""
    _checked(u, v)
    u, v = np.asarray(u), np.asarray(v)
    u = u if u.dtype.kind == "f" else u.astype(float)
    v = v if v.dtype.kind == "f" else v.astype(float)
    with np.errstate(all="ignore"):
        return _clipped(np.dot(u, v) / (np.sqrt(np.dot(u, u)) * np.sqrt(np.dot(v, v))))
