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


@mutant("standardize", hint="cancels catastrophically")
def variance_from_raw_moments(X):
    X = _checked(X)
    var = np.mean(X**2, axis=0) - np.mean(X, axis=0) ** 2
    return (X - X.mean(axis=0)) / _safe(np.sqrt(np.maximum(var, 0.0)))


@mutant("standardize", hint="'for safety'")
def epsilon_for_safety(X):
    X = _checked(X)
    return (X - X.mean(axis=0)) / (X.std(axis=0) + 1e-8)


@mutant("standardize", hint="a threshold such as std < 1e-8")
def small_std_treated_as_constant(X):
    X = _checked(X)
    std = X.std(axis=0)
    return (X - X.mean(axis=0)) / np.where(std < 1e-8, 1.0, std)


@mutant("standardize", hint="truncated to integers")
def integer_output_array(X):
    X = np.asarray(X)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    out = np.empty_like(X)
    std = X.std(axis=0)
    out[...] = (X - X.mean(axis=0)) / _safe(std)
    return out


@mutant("standardize", hint="read-only")
def centres_the_input_in_place(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    X -= X.mean(axis=0)
    X /= _safe(np.sqrt((X**2).mean(axis=0)))
    return X


@mutant("standardize", hint="float32 precision")
def computes_in_float32(X):
    X = np.asarray(X, dtype=np.float32)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    return (X - X.mean(axis=0)) / _safe(X.std(axis=0))


@mutant("standardize", hint="not by std == 0")
def constant_found_by_std_zero(X):
    # from the red team: the old hint's own code
    X = _checked(X)
    std = X.std(axis=0)
    return (X - X.mean(axis=0)) / np.where(std == 0, 1.0, std)


@mutant("standardize", hint="only a std of exactly 0 is", level=2)
def tiny_std_threshold(X):
    # a threshold far below the tiny corner's spreads (5e-9): only spreads of 1e-13 show it
    X = _checked(X)
    std = X.std(axis=0)
    return (X - X.mean(axis=0)) / np.where(std < 1e-12, 1.0, std)
