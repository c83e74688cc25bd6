"""Wrong versions of models/softmax_regression_fit."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, y, l2, lr, n_iter):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.size or y.size == 0:
        raise ValueError("bad input")
    if np.unique(y).size < 2:
        raise ValueError("one class only")
    if not l2 >= 0 or not lr > 0 or int(n_iter) != n_iter or n_iter < 0:
        raise ValueError("bad parameter")
    return X, y


def _softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def _one_hot(y):
    classes, index = np.unique(y, return_inverse=True)
    return np.eye(classes.size)[index]


def _descend(X, Y, l2, lr, n_iter, *, bias_l2=0.0, data_scale=None, softmax=_softmax):
    n, d = X.shape
    scale = 1.0 / n if data_scale is None else data_scale
    W, b = np.zeros((d, Y.shape[1])), np.zeros(Y.shape[1])
    for _ in range(int(n_iter)):
        G = softmax(X @ W + b) - Y
        W, b = W - lr * (scale * X.T @ G + l2 * W), b - lr * (scale * G.sum(axis=0) + bias_l2 * b)
    return W, b


@mutant("softmax_regression_fit", hint="the intercepts are not penalised")
def intercepts_penalised(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    X, y = _checked(X, y, l2, lr, n_iter)
    return _descend(X, _one_hot(y), l2, lr, n_iter, bias_l2=l2)


@mutant("softmax_regression_fit", hint="use the l2 you are given")
def l2_ignored(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    X, y = _checked(X, y, l2, lr, n_iter)
    return _descend(X, _one_hot(y), 1e-2, lr, n_iter)


@mutant("softmax_regression_fit", hint="use the lr you are given")
def lr_ignored(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    X, y = _checked(X, y, l2, lr, n_iter)
    return _descend(X, _one_hot(y), l2, 0.1, n_iter)


@mutant("softmax_regression_fit", hint="take n_iter steps")
def n_iter_ignored(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    X, y = _checked(X, y, l2, lr, n_iter)
    return _descend(X, _one_hot(y), l2, lr, 5000)


@mutant("softmax_regression_fit", hint="order of first appearance")
def classes_in_order_of_appearance(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    X, y = _checked(X, y, l2, lr, n_iter)
    seen = list(dict.fromkeys(y.tolist()))
    Y = np.array([[label == c for c in seen] for label in y.tolist()], dtype=float)
    return _descend(X, Y, l2, lr, n_iter)


@mutant("softmax_regression_fit", hint="are not column indices")
def labels_taken_as_column_indices(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    """np.eye(y.max() + 1)[y]: right for labels 0 .. k-1 only."""
    X, y = _checked(X, y, l2, lr, n_iter)
    y = y.astype(int)
    return _descend(X, np.eye(y.max() + 1)[y], l2, lr, n_iter)


@mutant("softmax_regression_fit")
def softmax_without_the_max(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    X, y = _checked(X, y, l2, lr, n_iter)

    def naive(Z):
        with np.errstate(over="ignore", invalid="ignore"):
            E = np.exp(Z)
            return E / E.sum(axis=1, keepdims=True)

    return _descend(X, _one_hot(y), l2, lr, n_iter, softmax=naive)


@mutant("softmax_regression_fit")
def gradient_without_one_over_n(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    X, y = _checked(X, y, l2, lr, n_iter)
    with np.errstate(all="ignore"):
        return _descend(X, _one_hot(y), l2, lr, n_iter, data_scale=1.0)


@mutant("softmax_regression_fit")
def b_from_the_updated_w(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    """Steps W, then recomputes P with the new W for b: not the documented simultaneous step."""
    X, y = _checked(X, y, l2, lr, n_iter)
    Y = _one_hot(y)
    n = len(y)
    W, b = np.zeros((X.shape[1], Y.shape[1])), np.zeros(Y.shape[1])
    for _ in range(int(n_iter)):
        W = W - lr * (X.T @ (_softmax(X @ W + b) - Y) / n + l2 * W)
        b = b - lr * (_softmax(X @ W + b) - Y).mean(axis=0)
    return W, b


@mutant("softmax_regression_fit")
def one_hot_labels_accepted(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    y = np.asarray(y)
    if y.ndim == 2:
        y = y.argmax(axis=1)
    X, y = _checked(X, y, l2, lr, n_iter)
    return _descend(X, _one_hot(y), l2, lr, n_iter)
