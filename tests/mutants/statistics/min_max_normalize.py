"""Wrong versions of statistics/min_max_normalize."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X):
    X = np.asarray(X, float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    return X


def _safe(spread):
    return np.where(spread == 0, 1.0, spread)


@mutant("min_max_normalize", hint="not by the maximum")
def divides_by_the_maximum(X):
    X = _checked(X)
    return (X - X.min(axis=0)) / _safe(X.max(axis=0))


@mutant("min_max_normalize", hint="dividing 0 by 0")
def constant_column_gives_nan(X):
    X = _checked(X)
    with np.errstate(all="ignore"):
        return (X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0))


@mutant("min_max_normalize", hint="not the mean")
def subtracts_the_mean(X):
    X = _checked(X)
    return (X - X.mean(axis=0)) / _safe(X.max(axis=0) - X.min(axis=0))


@mutant("min_max_normalize", hint="whole matrix")
def whole_matrix_range(X):
    X = _checked(X)
    return (X - X.min()) / _safe(X.max() - X.min())


@mutant("min_max_normalize")
def accepts_one_dimensional_input(X):
    X = np.asarray(X, float)
    if X.size == 0:
        raise ValueError("empty")
    return (X - X.min(axis=0)) / _safe(X.max(axis=0) - X.min(axis=0))
