"""Correct, differently written versions of models/svm_fit."""

import numpy as np


def _checked(X, y, C, lr, n_iter):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.size or y.size == 0 or X.shape[1] == 0:
        raise ValueError("bad input")
    if not np.all((y == -1) | (y == 1)):
        raise ValueError("bad labels")
    if not C > 0 or not lr > 0 or int(n_iter) != n_iter or n_iter < 0:
        raise ValueError("bad parameter")
    return X, y.astype(float)


def variant_masks(X, y, C=1.0, lr=20.0, n_iter=3000):
    X, y = _checked(X, y, C, lr, n_iter)
    n, d = X.shape
    w, b = np.zeros(d), 0.0

    def f(w, b):
        return 0.5 * w @ w + C * np.maximum(0.0, 1.0 - y * (X @ w + b)).sum()

    best_f, best = f(w, b), (w, b)
    for t in range(1, int(n_iter) + 1):
        inside = y * (X @ w + b) < 1
        step = lr / np.sqrt(t)
        w, b = w - step * (w / (C * n) - y[inside] @ X[inside] / n), b + step * y[inside].sum() / n
        if f(w, b) < best_f:
            best_f, best = f(w, b), (w, b)
    return best[0], float(best[1])


def variant_augmented(X, y, C=1.0, lr=20.0, n_iter=3000):
    """theta = (w, b) on [X, 1]; the regulariser's gradient leaves b out."""
    X, y = _checked(X, y, C, lr, n_iter)
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))]) * y[:, None]
    reg = np.r_[np.ones(d), 0.0] / (C * n)
    theta = np.zeros(d + 1)
    iterates = [theta]
    for t in range(1, int(n_iter) + 1):
        active = (A @ theta < 1).astype(float)
        theta = theta - lr / np.sqrt(t) * (reg * theta - active @ A / n)
        iterates.append(theta)
    objectives = [0.5 * th[:d] @ th[:d] + C * np.maximum(0.0, 1.0 - A @ th).sum() for th in iterates]
    best = iterates[int(np.argmin(objectives))]
    return best[:d], float(best[d])
