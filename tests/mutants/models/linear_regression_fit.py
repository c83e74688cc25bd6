"""Wrong versions of models/linear_regression_fit."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or y.size == 0:
        raise ValueError("bad input")
    return X, y


def _centred_w(X, y):
    return np.linalg.lstsq(X - X.mean(axis=0), y - y.mean(), rcond=None)[0]


@mutant("linear_regression_fit", hint="did you forget the intercept?")
def no_intercept(X, y):
    X, y = _checked(X, y)
    return np.linalg.lstsq(X, y, rcond=None)[0], 0.0


@mutant("linear_regression_fit", hint="not mean(y)")
def intercept_is_mean_of_y(X, y):
    X, y = _checked(X, y)
    return _centred_w(X, y), float(y.mean())


@mutant("linear_regression_fit", hint="fits a line through the origin")
def normal_equations_without_centring(X, y):
    X, y = _checked(X, y)
    w = np.linalg.solve(X.T @ X, X.T @ y)
    return w, float(y.mean() - X.mean(axis=0) @ w)


@mutant("linear_regression_fit", hint="(axis=0)")
def mean_over_all_entries(X, y):
    X, y = _checked(X, y)
    w = _centred_w(X, y)
    return w, float(y.mean() - X.mean() * w.sum())


@mutant("linear_regression_fit")
def one_dimensional_x_accepted(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim == 1:
        X = X.reshape(-1, 1)
    if X.shape[0] != y.shape[0] or y.size == 0:
        raise ValueError("bad input")
    w = _centred_w(X, y)
    return w, float(y.mean() - X.mean(axis=0) @ w)


@mutant("linear_regression_fit")
def w_as_a_column(X, y):
    X, y = _checked(X, y)
    w = _centred_w(X, y)
    return w.reshape(-1, 1), float(y.mean() - X.mean(axis=0) @ w)
