"""Wrong versions of statistics/standardize."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X):
    X = np.asarray(X, float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    return X


def _safe(std):
    return np.where(std == 0, 1.0, std)


@mutant("standardize", hint="ddof=0")
def sample_std(X):
    X = _checked(X)
    return (X - X.mean(axis=0)) / _safe(X.std(axis=0, ddof=1) if len(X) > 1 else np.zeros(X.shape[1]))


@mutant("standardize", hint="dividing 0 by 0")
def constant_column_gives_nan(X):
    X = _checked(X)
    with np.errstate(all="ignore"):
        return (X - X.mean(axis=0)) / X.std(axis=0)


@mutant("standardize", hint="not each row")
def standardises_rows(X):
    X = _checked(X)
    return (X - X.mean(axis=1, keepdims=True)) / _safe(X.std(axis=1, keepdims=True))


@mutant("standardize", hint="whole matrix")
def whole_matrix_statistics(X):
    X = _checked(X)
    return (X - X.mean()) / _safe(X.std())


@mutant("standardize")
def accepts_one_dimensional_input(X):
    X = np.asarray(X, float)
    if X.size == 0:
        raise ValueError("empty")
    return (X - X.mean(axis=0)) / _safe(X.std(axis=0))
