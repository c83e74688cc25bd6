"""Wrong versions of models/svm_fit."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, y, C, lr):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.size or y.size == 0:
        raise ValueError("bad input")
    if not np.all((y == -1) | (y == 1)) or C <= 0 or lr <= 0:
        raise ValueError("bad labels or parameters")
    return X, y.astype(float)


def _descend(X, y, C, lr, n_iter, *, reg_scale=None, sign=1.0, bias_penalty=0.0):
    """Subgradient descent on f / (C n), keeping the best iterate, with knobs for mistakes."""
    n, d = X.shape
    reg = 1.0 / (C * n) if reg_scale is None else reg_scale
    w, b = np.zeros(d), 0.0
    best = (np.inf, w, b)
    for t in range(1, n_iter + 2):
        margins = y * (X @ w + b)
        f = 0.5 * (w @ w + bias_penalty * b * b) + C * np.sum(np.maximum(0, 1 - margins))
        if f < best[0]:
            best = (f, w, b)
        if t > n_iter:
            break
        inside = (margins < 1).astype(float)
        g_w = reg * w - sign * (inside * y) @ X / n
        g_b = reg * bias_penalty * b - sign * np.sum(inside * y) / n
        w, b = w - lr / np.sqrt(t) * g_w, b - lr / np.sqrt(t) * g_b
    return best[1], float(best[2])


@mutant("svm_fit", hint="use the C you are given")
def c_ignored(X, y, C=1.0, lr=20.0, n_iter=3000):
    X, y = _checked(X, y, C, lr)
    return _descend(X, y, 1.0, lr, n_iter)


@mutant("svm_fit")
def hinge_subgradient_sign_error(X, y, C=1.0, lr=20.0, n_iter=3000):
    X, y = _checked(X, y, C, lr)
    return _descend(X, y, C, lr, n_iter, sign=-1.0)


@mutant("svm_fit", hint="the intercept b is not penalised")
def intercept_penalised(X, y, C=1.0, lr=20.0, n_iter=3000):
    X, y = _checked(X, y, C, lr)
    return _descend(X, y, C, lr, n_iter, bias_penalty=1.0)


@mutant("svm_fit")
def mean_of_the_hinges(X, y, C=1.0, lr=20.0, n_iter=3000):
    X, y = _checked(X, y, C, lr)
    return _descend(X, y, C, lr, n_iter, reg_scale=1.0 / C)


@mutant("svm_fit")
def stops_after_20_steps(X, y, C=1.0, lr=20.0, n_iter=3000):
    X, y = _checked(X, y, C, lr)
    return _descend(X, y, C, lr, min(n_iter, 20))


@mutant("svm_fit")
def zero_one_labels_accepted(X, y, C=1.0, lr=20.0, n_iter=3000):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] != y.size or y.size == 0 or C <= 0 or lr <= 0:
        raise ValueError("bad input")
    return _descend(X, np.where(y > 0, 1.0, -1.0), C, lr, n_iter)


def _parameters_ok(n_iter):
    if int(n_iter) != n_iter or n_iter < 0:
        raise ValueError("bad n_iter")


@mutant("svm_fit", hint="take n_iter steps")
def n_iter_ignored(X, y, C=1.0, lr=20.0, n_iter=3000):
    _parameters_ok(n_iter)
    X, y = _checked(X, y, C, lr)
    return _descend(X, y, C, lr, 3000)


@mutant("svm_fit", hint="use the lr you are given")
def lr_ignored(X, y, C=1.0, lr=20.0, n_iter=3000):
    _parameters_ok(n_iter)
    X, y = _checked(X, y, C, lr)
    return _descend(X, y, C, 20.0, n_iter)


@mutant("svm_fit")
def final_iterate_never_compared(X, y, C=1.0, lr=20.0, n_iter=3000):
    """The best over the start and steps 1 .. n_iter - 1: the last point is never checked."""
    _parameters_ok(n_iter)
    X, y = _checked(X, y, C, lr)
    if n_iter == 0:
        return np.zeros(X.shape[1]), 0.0
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    best = (np.inf, w, b)
    for t in range(1, n_iter + 1):
        margins = y * (X @ w + b)
        f = 0.5 * w @ w + C * np.sum(np.maximum(0, 1 - margins))
        if f < best[0]:
            best = (f, w, b)
        inside = (margins < 1).astype(float)
        step = lr / np.sqrt(t)
        w, b = w - step * (w / (C * n) - (inside * y) @ X / n), b + step * np.sum(inside * y) / n
    return best[1], float(best[2])


@mutant("svm_fit")
def weights_in_the_dtype_of_x(X, y, C=1.0, lr=20.0, n_iter=3000):
    """w = np.zeros(d, dtype=X.dtype), updated with w[:] = ...: integer X keeps w integer."""
    _parameters_ok(n_iter)
    X_given = np.asarray(X)
    X, y = _checked(X, y, C, lr)
    n, d = X.shape
    w, b = np.zeros(d, dtype=X_given.dtype), 0.0
    best = (np.inf, w.copy(), b)
    for t in range(1, n_iter + 2):
        margins = y * (X @ w + b)
        f = 0.5 * w @ w + C * np.sum(np.maximum(0, 1 - margins))
        if f < best[0]:
            best = (f, w.copy(), b)
        if t > n_iter:
            break
        inside = (margins < 1).astype(float)
        step = lr / np.sqrt(t)
        w[:] = w - step * (w / (C * n) - (inside * y) @ X / n)
        b = b + step * np.sum(inside * y) / n
    return best[1].astype(float), float(best[2])
