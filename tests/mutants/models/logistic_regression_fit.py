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


def _parameters_ok(l2, lr, n_iter):
    if not l2 >= 0 or not lr > 0 or int(n_iter) != n_iter or n_iter < 0:
        raise ValueError("bad parameter")


@mutant("logistic_regression_fit")
def starts_from_zeros_like_x(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    """w = np.zeros_like(X[0]) with X as given: integer X makes w integer, every update truncates."""
    _parameters_ok(l2, lr, n_iter)
    _, y = _checked(X, y)
    X = np.asarray(X)
    n = len(y)
    w, b = np.zeros_like(X[0]), 0.0
    for _ in range(n_iter):
        r = _sigmoid(X @ w + b) - y
        w[:] = w - lr * (X.T @ r / n + l2 * w)
        b = b - lr * np.mean(r)
    return w.astype(float), float(b)


@mutant("logistic_regression_fit", hint="take n_iter steps")
def n_iter_ignored(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    _parameters_ok(l2, lr, n_iter)
    X, y = _checked(X, y)
    return _descend(X, y, l2, lr, 5000)


@mutant("logistic_regression_fit")
def b_from_the_updated_w(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    """Steps w, then recomputes p with the new w for b: not the documented simultaneous step."""
    _parameters_ok(l2, lr, n_iter)
    X, y = _checked(X, y)
    n = len(y)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_iter):
        w = w - lr * (X.T @ (_sigmoid(X @ w + b) - y) / n + l2 * w)
        b = b - lr * np.mean(_sigmoid(X @ w + b) - y)
    return w, float(b)


@mutant("logistic_regression_fit")
def one_dimensional_x_accepted(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    _parameters_ok(l2, lr, n_iter)
    X = np.asarray(X, dtype=float)
    return _descend(*_checked(X.reshape(len(X), -1), y), l2, lr, n_iter)


@mutant("logistic_regression_fit", hint="inf / inf = nan", level=2)
def sigmoid_as_exp_over_one_plus_exp(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    # exp(z) / (1 + exp(z)): exact while |z| < 709, as in every ★ case
    if not (l2 >= 0 and lr > 0) or int(n_iter) != n_iter or n_iter < 0:
        raise ValueError("bad parameter")
    X, y = _checked(X, y)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    with np.errstate(all="ignore"):
        for _ in range(int(n_iter)):
            z = X @ w + b
            r = np.exp(z) / (1 + np.exp(z)) - y
            w, b = w - lr * (X.T @ r / n + l2 * w), b - lr * np.mean(r)
    return w, float(b)
