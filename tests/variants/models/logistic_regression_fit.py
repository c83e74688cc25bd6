"""Correct, differently written versions of models/logistic_regression_fit."""

import numpy as np
from scipy.special import expit


def _checked(X, y, l2, lr, n_iter):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.size or y.size == 0 or X.shape[1] == 0:
        raise ValueError("bad input")
    if not np.all((y == 0) | (y == 1)) or np.all(y == y[0]):
        raise ValueError("bad labels")
    if not l2 >= 0 or not lr > 0 or int(n_iter) != n_iter or n_iter < 0:
        raise ValueError("bad parameter")
    return X, y.astype(float)


def variant_plain(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    X, y = _checked(X, y, l2, lr, n_iter)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(int(n_iter)):
        r = expit(X @ w + b) - y
        grad_w, grad_b = X.T @ r / n + l2 * w, r.mean()
        w, b = w - lr * grad_w, b - lr * grad_b
    return w, float(b)


def variant_augmented_in_place(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    """theta = (w, b) on [X, 1], updated in place; the penalty leaves the last entry alone."""
    X, y = _checked(X, y, l2, lr, n_iter)
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    penalty = np.r_[np.full(d, l2), 0.0]
    theta = np.zeros(d + 1)
    for _ in range(int(n_iter)):
        gradient = np.einsum("ij,i->j", A, expit(A @ theta) - y) / n + penalty * theta
        theta -= lr * gradient
    return theta[:d].copy(), float(theta[d])
