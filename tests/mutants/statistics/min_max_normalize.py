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


@mutant("min_max_normalize", hint="'for safety'")
def epsilon_for_safety(X):
    X = _checked(X)
    return (X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0) + 1e-8)


@mutant("min_max_normalize", hint="a threshold such as range < 1e-8")
def small_range_treated_as_constant(X):
    X = _checked(X)
    spread = X.max(axis=0) - X.min(axis=0)
    return (X - X.min(axis=0)) / np.where(spread < 1e-8, 1.0, spread)


@mutant("min_max_normalize", hint="truncated to integers")
def integer_output_array(X):
    X = np.asarray(X)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    out = np.zeros_like(X)
    low = X.min(axis=0)
    out[...] = (X - low) / _safe(X.max(axis=0) - low)
    return out


@mutant("min_max_normalize", hint="read-only")
def shifts_the_input_in_place(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    X -= X.min(axis=0)
    X /= _safe(X.max(axis=0))
    return X


@mutant("min_max_normalize")
def wraps_around_on_uint8(X):
    X = np.asarray(X)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    low = X.min(axis=0)
    # (low - X) / (low - high): right for signed numbers, wraps around for uint8
    return (low - X) / np.where(X.max(axis=0) == low, -1, low - X.max(axis=0))


@mutant("min_max_normalize")
def range_in_the_input_dtype(X):
    # from the red team: max - min of int8 values wraps around
    X = np.asarray(X)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    with np.errstate(all="ignore"):
        low = X.min(axis=0)
        spread = (X.max(axis=0) - low).astype(np.float64)
        shifted = (X - low).astype(np.float64)
    return shifted / _safe(spread)


@mutant("min_max_normalize", hint="only a range of exactly 0", level=2)
def tiny_range_threshold(X):
    # a threshold far below the tiny corner's ranges (1e-8): only ranges of 1e-13 show it
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    low = X.min(axis=0)
    spread = X.max(axis=0) - low
    return (X - low) / np.where(spread < 1e-12, 1.0, spread)
