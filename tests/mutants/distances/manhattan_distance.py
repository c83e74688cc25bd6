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
