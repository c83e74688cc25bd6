"""Wrong versions of regularization/l1_penalty."""

import numpy as np

from mlkata.mutants import mutant


def _checked(w, alpha):
    w = np.asarray(w, float)
    if w.size == 0 or alpha < 0:
        raise ValueError("bad input")
    return w


@mutant("l1_penalty", hint="absolute value")
def no_absolute_value(w, alpha):
    return float(alpha * np.sum(_checked(w, alpha)))


@mutant("l1_penalty", hint="not a mean")
def mean_not_sum(w, alpha):
    return float(alpha * np.mean(np.abs(_checked(w, alpha))))


@mutant("l1_penalty", hint="Euclidean length")
def euclidean_norm(w, alpha):
    return float(alpha * np.linalg.norm(_checked(w, alpha)))


@mutant("l1_penalty")
def negative_alpha_accepted(w, alpha):
    w = np.asarray(w, float)
    if w.size == 0:
        raise ValueError("empty")
    return float(alpha * np.sum(np.abs(w)))


@mutant("l1_penalty")
def empty_is_zero(w, alpha):
    if alpha < 0:
        raise ValueError("alpha must be >= 0")
    return float(alpha * np.sum(np.abs(np.asarray(w, float))))
