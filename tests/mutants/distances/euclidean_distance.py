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
