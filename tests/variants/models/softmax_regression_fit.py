"""Correct, differently written versions of models/softmax_regression_fit."""

import numpy as np


def _checked(X, y, l2, lr, n_iter):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0]:
        raise ValueError("X must be (n, d) and y (n,)")
    if X.size == 0:
        raise ValueError("empty input")
    classes, codes = np.unique(y, return_inverse=True)
    if classes.size < 2:
        raise ValueError("y holds one class only")
    if not l2 >= 0:
        raise ValueError("l2 must be >= 0")
    if not lr > 0:
        raise ValueError("lr must be > 0")
    if isinstance(n_iter, str):
        raise ValueError("n_iter must be a non-negative integer")
    try:
        whole = float(n_iter) == int(n_iter)
    except (TypeError, ValueError, OverflowError):
        whole = False
    if not whole or n_iter < 0:
        raise ValueError("n_iter must be a non-negative integer")
    return X, codes.ravel(), classes.size, float(l2), float(lr), int(n_iter)


def variant_logsumexp_einsum(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    """Probabilities as exp(Z - logsumexp(Z)); gradients by einsum."""
    X, codes, k, l2, lr, n_iter = _checked(X, y, l2, lr, n_iter)
    n, d = X.shape
    Y = np.zeros((n, k))
    Y[np.arange(n), codes] = 1.0
    W, b = np.zeros((d, k)), np.zeros(k)
    for _ in range(n_iter):
        Z = np.einsum("nd,dk->nk", X, W) + b
        top = Z.max(axis=1, keepdims=True)
        lse = top + np.log(np.exp(Z - top).sum(axis=1, keepdims=True))
        R = np.exp(Z - lse) - Y
        gW = np.einsum("nd,nk->dk", X, R) / n + l2 * W
        gb = R.mean(axis=0)
        W = W - lr * gW
        b = b - lr * gb
    return W, b


def variant_augmented_design(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    """One parameter matrix over [X, 1]; the penalty masked off the intercept row."""
    X, codes, k, l2, lr, n_iter = _checked(X, y, l2, lr, n_iter)
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    Y = np.eye(k)[codes]
    theta = np.zeros((d + 1, k))
    penal = np.ones((d + 1, 1))
    penal[-1] = 0.0
    for _ in range(n_iter):
        Z = A @ theta
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        P = E / E.sum(axis=1, keepdims=True)
        theta = theta - lr * (A.T @ (P - Y) / n + l2 * penal * theta)
    return theta[:-1].copy(), theta[-1].copy()


def variant_per_class_loop(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    """The gradient assembled one class column at a time."""
    X, codes, k, l2, lr, n_iter = _checked(X, y, l2, lr, n_iter)
    n, d = X.shape
    W, b = np.zeros((d, k)), np.zeros(k)
    onehot = [(codes == c).astype(np.float64) for c in range(k)]
    for _ in range(n_iter):
        Z = X @ W + b
        Z -= Z.max(axis=1, keepdims=True)
        E = np.exp(Z)
        P = E / E.sum(axis=1, keepdims=True)
        gW = np.empty_like(W)
        gb = np.empty_like(b)
        for c in range(k):
            r = P[:, c] - onehot[c]
            gW[:, c] = X.T @ r / n + l2 * W[:, c]
            gb[c] = r.sum() / n
        W -= lr * gW
        b -= lr * gb
    return W, b
