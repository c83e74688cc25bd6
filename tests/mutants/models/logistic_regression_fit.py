"""Wrong versions of models/logistic_regression_fit."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.size or y.size == 0:
        raise ValueError("bad input")
    if not np.all((y == 0) | (y == 1)) or np.all(y == y[0]):
        raise ValueError("bad labels")
    return X, y.astype(float)


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _descend(X, y, l2, lr, n_iter, *, data_scale=None, bias_l2=0.0):
    n, d = X.shape
    scale = 1.0 / n if data_scale is None else data_scale
    w, b = np.zeros(d), 0.0
    for _ in range(n_iter):
        r = _sigmoid(X @ w + b) - y
        w, b = w - lr * (scale * X.T @ r + l2 * w), b - lr * (scale * np.sum(r) + bias_l2 * b)
    return w, float(b)


@mutant("logistic_regression_fit")
def stops_after_300_steps(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    if l2 < 0 or lr <= 0:
        raise ValueError("bad parameter")
    X, y = _checked(X, y)
    return _descend(X, y, l2, lr, min(n_iter, 300))


@mutant("logistic_regression_fit")
def gradient_without_one_over_n(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    if l2 < 0 or lr <= 0:
        raise ValueError("bad parameter")
    X, y = _checked(X, y)
    with np.errstate(all="ignore"):
        return _descend(X, y, l2, lr, n_iter, data_scale=1.0)


@mutant("logistic_regression_fit", hint="the intercept b is not penalised")
def intercept_penalised(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    if l2 < 0 or lr <= 0:
        raise ValueError("bad parameter")
    X, y = _checked(X, y)
    return _descend(X, y, l2, lr, n_iter, bias_l2=l2)


@mutant("logistic_regression_fit", hint="use the l2 you are given")
def l2_ignored(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    if l2 < 0 or lr <= 0:
        raise ValueError("bad parameter")
    X, y = _checked(X, y)
    return _descend(X, y, 1e-2, lr, n_iter)


@mutant("logistic_regression_fit")
def lr_ignored(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    if l2 < 0 or lr <= 0:
        raise ValueError("bad parameter")
    X, y = _checked(X, y)
    return _descend(X, y, l2, 0.1, n_iter)


@mutant("logistic_regression_fit")
def plus_minus_one_labels_accepted(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.shape[0] != y.size or y.size == 0 or l2 < 0 or lr <= 0:
        raise ValueError("bad input")
    return _descend(X, (y == 1).astype(float), l2, lr, n_iter)
