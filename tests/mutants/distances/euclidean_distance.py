"""Wrong versions of distances/euclidean_distance."""

import numpy as np

from mlkata.mutants import mutant


def _checked(u, v):
    u, v = np.asarray(u, float), np.asarray(v, float)
    if u.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("bad input")
    return u, v


@mutant("euclidean_distance", hint="take the square root")
def squared_distance(u, v):
    u, v = _checked(u, v)
    return float(np.sum((u - v) ** 2))


@mutant("euclidean_distance", hint="RMS")
def mean_not_sum(u, v):
    u, v = _checked(u, v)
    return float(np.sqrt(np.mean((u - v) ** 2)))


@mutant("euclidean_distance", hint="not the difference of the norms")
def difference_of_norms(u, v):
    u, v = _checked(u, v)
    return float(abs(np.linalg.norm(u) - np.linalg.norm(v)))


@mutant("euclidean_distance")
def no_length_check(u, v):
    u, v = np.asarray(u, float), np.asarray(v, float)
    if u.size == 0 or v.size == 0:
        raise ValueError("empty")
    return float(np.sqrt(np.sum((u - v) ** 2)))


@mutant("euclidean_distance")
def empty_gives_zero(u, v):
    u, v = np.asarray(u, float), np.asarray(v, float)
    if u.ndim != 1 or u.shape != v.shape:
        raise ValueError("bad input")
    return float(np.sqrt(np.sum((u - v) ** 2)))


def _raw(u, v):
    u, v = np.asarray(u), np.asarray(v)
    if u.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("u and v must be 1-D, non-empty and of one length")
    return u, v


@mutant("euclidean_distance", hint="wrapped around")
def no_float_cast(u, v):
    # from the red team: uint8 0 - 1 is 255
    u, v = _raw(u, v)
    return float(np.sqrt(np.sum((u - v).astype(float) ** 2)))


@mutant("euclidean_distance", hint="float32 precision")
def float32_accumulate(u, v):
    u, v = _raw(u, v)
    d = u.astype(np.float32) - v.astype(np.float32)
    return float(np.sqrt(np.sum(d * d, dtype=np.float32)))


@mutant("euclidean_distance")
def squares_overflow_int64(u, v):
    u, v = _raw(u, v)
    if u.dtype.kind not in "iu":
        u, v = u.astype(float), v.astype(float)
    d = u.astype(np.int64) - v.astype(np.int64) if u.dtype.kind in "iu" else u - v
    with np.errstate(all="ignore"):
        return float(np.sqrt(abs(float(np.sum(d * d)))))


@mutant("euclidean_distance", hint="cancels catastrophically")
def norm_expansion(u, v):
    u, v = _raw(u, v)
    u, v = u.astype(float), v.astype(float)
    return float(np.sqrt(max(u @ u - 2 * (u @ v) + v @ v, 0.0)))


@mutant("euclidean_distance", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(u, v):
    """Converts integer vectors only: float32 entries near 3e38 overflow in u - v and its square."""
    _checked(u, v)
    u, v = np.asarray(u), np.asarray(v)
    u = u if u.dtype.kind == "f" else u.astype(float)
    v = v if v.dtype.kind == "f" else v.astype(float)
    with np.errstate(all="ignore"):
        return float(np.sqrt(np.sum((u - v) ** 2)))
