"""Wrong versions of distances/knn_predict."""

from collections import Counter

import numpy as np

from mlkata.mutants import mutant


def _checked(X_train, y_train, X_test, k):
    X_train, X_test, y_train = np.asarray(X_train, float), np.asarray(X_test, float), np.asarray(y_train)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_train.shape[1] != X_test.shape[1]:
        raise ValueError("bad shapes")
    if len(X_train) == 0 or len(X_test) == 0 or y_train.shape != (len(X_train),):
        raise ValueError("bad lengths")
    if not 1 <= k <= len(X_train):
        raise ValueError("bad k")
    return X_train, y_train, X_test


def _nearest(X_train, X_test, k, power=2):
    gaps = np.abs(X_test[:, None, :] - X_train[None, :, :]) ** power
    return np.argsort(gaps.sum(axis=2), axis=1)[:, :k]


@mutant("knn_predict", hint="Counter.most_common")
def counter_most_common(X_train, y_train, X_test, k=5):
    X_train, y_train, X_test = _checked(X_train, y_train, X_test, k)
    neighbours = _nearest(X_train, X_test, k)
    return np.array([Counter(y_train[row].tolist()).most_common(1)[0][0] for row in neighbours])


@mutant("knn_predict", hint="not the largest")
def ties_to_the_largest(X_train, y_train, X_test, k=5):
    X_train, y_train, X_test = _checked(X_train, y_train, X_test, k)
    classes, codes = np.unique(y_train, return_inverse=True)
    votes = (codes[_nearest(X_train, X_test, k)][:, :, None] == np.arange(len(classes))).sum(axis=1)
    return classes[len(classes) - 1 - np.argmax(votes[:, ::-1], axis=1)]


@mutant("knn_predict", hint="not their positions")
def class_positions_not_labels(X_train, y_train, X_test, k=5):
    X_train, y_train, X_test = _checked(X_train, y_train, X_test, k)
    classes, codes = np.unique(y_train, return_inverse=True)
    votes = (codes[_nearest(X_train, X_test, k)][:, :, None] == np.arange(len(classes))).sum(axis=1)
    return np.argmax(votes, axis=1)


@mutant("knn_predict", hint="Manhattan")
def manhattan_neighbours(X_train, y_train, X_test, k=5):
    X_train, y_train, X_test = _checked(X_train, y_train, X_test, k)
    classes, codes = np.unique(y_train, return_inverse=True)
    votes = (codes[_nearest(X_train, X_test, k, power=1)][:, :, None] == np.arange(len(classes))).sum(axis=1)
    return classes[np.argmax(votes, axis=1)]


@mutant("knn_predict")
def k_not_checked(X_train, y_train, X_test, k=5):
    X_train, y_train, X_test = np.asarray(X_train, float), np.asarray(y_train), np.asarray(X_test, float)
    if X_train.shape[1] != X_test.shape[1] or len(y_train) != len(X_train) or len(X_train) == 0 or k < 1:
        raise ValueError("bad input")
    classes, codes = np.unique(y_train, return_inverse=True)
    votes = (codes[_nearest(X_train, X_test, k)][:, :, None] == np.arange(len(classes))).sum(axis=1)
    return classes[np.argmax(votes, axis=1)]


def _inputs(X_train, y_train, X_test, k, *, check_k_type=True, dtype=float):
    X_train, X_test, y_train = np.asarray(X_train, dtype), np.asarray(X_test, dtype), np.asarray(y_train)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_train.shape[1] != X_test.shape[1]:
        raise ValueError("bad shapes")
    if len(X_train) == 0 or len(X_test) == 0 or y_train.ndim != 1 or len(y_train) != len(X_train):
        raise ValueError("bad sizes")
    if check_k_type and (isinstance(k, bool) or not isinstance(k, int | np.integer)):
        raise ValueError("k must be an integer")
    if not 1 <= k <= len(X_train):
        raise ValueError("k out of range")
    return X_train, y_train, X_test


def _majority(y_train, nearest):
    classes, codes = np.unique(y_train, return_inverse=True)
    votes = np.array([np.bincount(codes[row], minlength=len(classes)) for row in nearest])
    return classes[np.argmax(votes, axis=1)]


def _squared(X_train, X_test):
    d = X_test[:, None, :] - X_train[None, :, :]
    return (d.astype(float) ** 2).sum(axis=2)


@mutant("knn_predict")
def float_k_accepted(X_train, y_train, X_test, k=5):
    # from the red team: k=2.0 works as 2
    X_train, y_train, X_test = _inputs(X_train, y_train, X_test, k, check_k_type=False)
    return _majority(y_train, np.argsort(_squared(X_train, X_test), axis=1)[:, : int(k)])


@mutant("knn_predict", hint="cancels catastrophically")
def expansion_uncentred(X_train, y_train, X_test, k=5):
    # from the red team: |x|^2 - 2 x.y + |y|^2 on raw points near 1e9
    X_train, y_train, X_test = _inputs(X_train, y_train, X_test, k)
    squared = (X_test**2).sum(1)[:, None] - 2 * X_test @ X_train.T + (X_train**2).sum(1)[None, :]
    return _majority(y_train, np.argsort(squared, axis=1, kind="stable")[:, :k])


@mutant("knn_predict", hint="converted them to integers")
def int_labels(X_train, y_train, X_test, k=5):
    # from the red team: labels 0.5, 1.5 come back as 0, 1
    X_train, y_train, X_test = _inputs(X_train, y_train, X_test, k)
    nearest = np.argsort(_squared(X_train, X_test), axis=1)[:, :k]
    predicted = _majority(y_train, nearest)
    out = np.zeros(len(X_test), dtype=np.int64 if predicted.dtype.kind in "iuf" else predicted.dtype)
    out[:] = predicted  # an integer result array truncates float labels
    return out


@mutant("knn_predict")
def differences_in_the_input_dtype(X_train, y_train, X_test, k=5):
    X_train, y_train, X_test = _inputs(X_train, y_train, X_test, k, dtype=None)
    with np.errstate(all="ignore"):
        nearest = np.argsort(_squared(X_train, X_test), axis=1)[:, :k]  # uint8 differences wrap
    return _majority(y_train, nearest)
