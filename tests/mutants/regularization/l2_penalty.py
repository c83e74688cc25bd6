"""Wrong versions of regularization/l2_penalty."""

import numpy as np

from mlkata.mutants import mutant


def _checked(w, alpha):
    w = np.asarray(w, float)
    if w.size == 0 or alpha < 0:
        raise ValueError("bad input")
    return w


@mutant("l2_penalty", hint="SQUARED norm")
def norm_not_squared(w, alpha):
    return float(alpha * np.linalg.norm(_checked(w, alpha)))


@mutant("l2_penalty", hint="no factor 1/2")
def half_alpha(w, alpha):
    return float(0.5 * alpha * np.sum(_checked(w, alpha) ** 2))


@mutant("l2_penalty", hint="not a mean")
def mean_not_sum(w, alpha):
    return float(alpha * np.mean(_checked(w, alpha) ** 2))


@mutant("l2_penalty", hint="you squared the sum")
def square_of_the_sum(w, alpha):
    return float(alpha * np.sum(_checked(w, alpha)) ** 2)


@mutant("l2_penalty", hint="raise ValueError for alpha < 0")
def negative_alpha_accepted(w, alpha):
    w = np.asarray(w, float)
    if w.size == 0:
        raise ValueError("empty")
    return float(alpha * np.sum(w**2))
