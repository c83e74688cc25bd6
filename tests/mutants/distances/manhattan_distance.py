"""Wrong versions of distances/manhattan_distance."""

import numpy as np

from mlkata.mutants import mutant


def _checked(u, v):
    u, v = np.asarray(u, float), np.asarray(v, float)
    if u.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("bad input")
    return u, v


@mutant("manhattan_distance", hint="opposite signs cancel")
def abs_of_the_sum(u, v):
    u, v = _checked(u, v)
    return float(abs(np.sum(u - v)))


@mutant("manhattan_distance", hint="that is the Euclidean distance")
def euclidean_instead(u, v):
    u, v = _checked(u, v)
    return float(np.linalg.norm(u - v))


@mutant("manhattan_distance", hint="Chebyshev")
def largest_difference(u, v):
    u, v = _checked(u, v)
    return float(np.max(np.abs(u - v)))


@mutant("manhattan_distance")
def no_length_check(u, v):
    u, v = np.asarray(u, float), np.asarray(v, float)
    if u.size == 0 or v.size == 0:
        raise ValueError("empty")
    return float(np.sum(np.abs(u - v)))


def _raw(u, v):
    u, v = np.asarray(u), np.asarray(v)
    if u.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("u and v must be 1-D, non-empty and of one length")
    return u, v


@mutant("manhattan_distance", hint="wrapped around")
def no_float_cast(u, v):
    # from the red team: uint8 0 - 1 is 255
    u, v = _raw(u, v)
    return float(np.sum(np.abs(u - v)))


@mutant("manhattan_distance")
def sum_kept_in_int8(u, v):
    u, v = _raw(u, v)
    d = u.astype(np.int16) - v.astype(np.int16) if u.dtype.kind in "iu" else u.astype(float) - v
    with np.errstate(all="ignore"):
        return float(np.sum(np.abs(d), dtype=u.dtype if u.dtype.kind in "iu" else float))


@mutant("manhattan_distance", hint="read-only")
def subtracts_in_place(u, v):
    # from the red team: the caller's u is overwritten by u - v
    u = np.asarray(u, float)
    v = np.asarray(v, float)
    if u.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("bad input")
    u -= v
    np.abs(u, out=u)
    return float(u.sum())


@mutant("manhattan_distance", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(u, v):
    """Converts integer vectors only: float32 entries near 3e38 overflow in u - v."""
    _checked(u, v)
    u, v = np.asarray(u), np.asarray(v)
    u = u if u.dtype.kind == "f" else u.astype(float)
    v = v if v.dtype.kind == "f" else v.astype(float)
    with np.errstate(all="ignore"):
        return float(np.sum(np.abs(u - v)))


@mutant("manhattan_distance", level=3)
def python_loop(u, v):
    """Correct, one coordinate at a time: far slower than numpy at d = 1e6."""
    u, v = _checked(u, v)
    total = 0.0
    for a, b in zip(u.tolist(), v.tolist(), strict=True):
        total += abs(a - b)
    return total
