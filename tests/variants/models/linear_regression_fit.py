"""Correct, differently written versions of models/linear_regression_fit."""

import numpy as np


def _checked(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or y.size == 0 or X.shape[1] == 0:
        raise ValueError("bad input")
    return X, y


def variant_pseudo_inverse(X, y):
    X, y = _checked(X, y)
    mean = X.mean(axis=0)
    w = np.linalg.pinv(X - mean) @ (y - y.mean())
    return w, float(y.mean() - mean @ w)


def variant_normal_equations_pinv(X, y):
    """The normal equations of the centred data, solved with a pseudo-inverse (minimum norm)."""
    X, y = _checked(X, y)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = np.linalg.pinv(Xc.T @ Xc) @ (Xc.T @ yc)
    return w, float(y.mean() - X.mean(axis=0) @ w)


def variant_loops(X, y):
    """Column means and the centred cross-products written as loops, then an SVD solve."""
    X, y = _checked(X, y)
    n, d = X.shape
    means = [sum(X[i, j] for i in range(n)) / n for j in range(d)]
    y_mean = sum(y.tolist()) / n
    Xc = np.array([[X[i, j] - means[j] for j in range(d)] for i in range(n)])
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    keep = s > s.max() * max(n, d) * np.finfo(float).eps if s.size else s
    w = Vt[keep].T @ ((U[:, keep].T @ (y - y_mean)) / s[keep])
    return w, float(y_mean - np.dot(means, w))
