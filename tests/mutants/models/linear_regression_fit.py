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


@mutant("linear_regression_fit")
def normal_equations_solved(X, y):
    """np.linalg.solve of the centred normal equations: singular for collinear columns."""
    X, y = _checked(X, y)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = np.linalg.solve(Xc.T @ Xc, Xc.T @ yc)
    return w, float(y.mean() - X.mean(axis=0) @ w)


@mutant("linear_regression_fit")
def ridge_epsilon_for_safety(X, y):
    """A tiny ridge term "so the inverse exists": it shrinks w when the features are small."""
    X, y = _checked(X, y)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = np.linalg.solve(Xc.T @ Xc + 1e-8 * np.eye(X.shape[1]), Xc.T @ yc)
    return w, float(y.mean() - X.mean(axis=0) @ w)


@mutant("linear_regression_fit", hint="wrote into an input array")
def centres_in_place(X, y):
    X, y = np.asarray(X), np.asarray(y)
    _checked(X, y)
    if X.dtype.kind == "f" and y.dtype.kind == "f":
        x_mean, y_mean = X.mean(axis=0), y.mean()
        X -= x_mean
        y -= y_mean
        w = np.linalg.lstsq(X, y, rcond=None)[0]
        return w, float(y_mean - x_mean @ w)
    X, y = _checked(X, y)
    w = _centred_w(X, y)
    return w, float(y.mean() - X.mean(axis=0) @ w)


@mutant("linear_regression_fit")
def inverse_of_the_normal_equations_with_ones(X, y):
    """inv(A.T @ A) @ A.T @ y with A = [X, 1]: squares the condition number of uncentred data."""
    X, y = _checked(X, y)
    A = np.hstack([X, np.ones((len(y), 1))])
    theta = np.linalg.inv(A.T @ A) @ A.T @ y
    return theta[:-1], float(theta[-1])


@mutant("linear_regression_fit")
def column_of_ones_shares_the_intercept(X, y):
    """pinv of [X, 1]: minimum norm over (w, b) jointly, so a constant column takes part of b."""
    X, y = _checked(X, y)
    theta = np.linalg.pinv(np.hstack([X, np.ones((len(y), 1))])) @ y
    return theta[:-1], float(theta[-1])


@mutant("linear_regression_fit")
def returns_w_as_a_list(X, y):
    X, y = _checked(X, y)
    w = _centred_w(X, y)
    return w.tolist(), float(y.mean() - X.mean(axis=0) @ w)
