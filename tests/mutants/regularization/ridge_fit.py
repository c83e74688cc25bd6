"""Wrong versions of regularization/ridge_fit."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, y, alpha, negative_ok=False):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.size == 0:
        raise ValueError("bad shapes")
    if alpha < 0 and not negative_ok:
        raise ValueError("alpha must be >= 0")
    return X, y


def _centred(X, y, alpha):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    w = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ (y - y_mean))
    return w, x_mean, y_mean


@mutant("ridge_fit", hint="the intercept is not penalised")
def penalised_intercept(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    A = np.column_stack([X, np.ones(len(X))])
    coef = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return coef[:-1], float(coef[-1])


@mutant("ridge_fit", hint="fit an intercept")
def no_intercept(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    return np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y), 0.0


@mutant("ridge_fit", hint="scaled alpha by n")
def mean_squared_error_convention(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    w, x_mean, y_mean = _centred(X, y, alpha * len(y))
    return w, float(y_mean - x_mean @ w)


@mutant("ridge_fit", hint="off by a factor 2")
def half_penalty(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    w, x_mean, y_mean = _centred(X, y, alpha / 2)
    return w, float(y_mean - x_mean @ w)


@mutant("ridge_fit", hint="forgot the mean(X) . w term")
def intercept_is_mean_y(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    w, _, y_mean = _centred(X, y, alpha)
    return w, float(y_mean)


@mutant("ridge_fit")
def negative_alpha_accepted(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha, negative_ok=True)
    w, x_mean, y_mean = _centred(X, y, alpha)
    return w, float(y_mean - x_mean @ w)
