"""Wrong versions of distances/kmeans."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, init_centroids, n_iter):
    X, centroids = np.asarray(X, float), np.array(init_centroids, float)
    if X.ndim != 2 or centroids.ndim != 2 or X.shape[1] != centroids.shape[1]:
        raise ValueError("bad shapes")
    if X.size == 0 or centroids.size == 0 or len(centroids) > len(X) or n_iter < 1:
        raise ValueError("bad sizes")
    return X, centroids


def _assign(X, centroids):
    return np.argmin(((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2), axis=1)


def _update(X, labels, centroids, average=np.mean):
    for j in range(len(centroids)):
        if np.any(labels == j):
            centroids[j] = average(X[labels == j], axis=0)


@mutant("kmeans", hint="from before the last update")
def labels_from_before_the_update(X, init_centroids, n_iter=100):
    X, centroids = _checked(X, init_centroids, n_iter)
    labels = None
    for _ in range(n_iter):
        new = _assign(X, centroids)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        _update(X, labels, centroids)
    return centroids, labels


@mutant("kmeans", hint="not the median")
def median_update(X, init_centroids, n_iter=100):
    X, centroids = _checked(X, init_centroids, n_iter)
    labels = None
    for _ in range(n_iter):
        new = _assign(X, centroids)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        _update(X, labels, centroids, np.median)
    return centroids, _assign(X, centroids)


@mutant("kmeans", hint="the mean of no points is nan")
def empty_cluster_becomes_nan(X, init_centroids, n_iter=100):
    X, centroids = _checked(X, init_centroids, n_iter)
    labels = None
    for _ in range(n_iter):
        new = _assign(X, centroids)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        with np.errstate(all="ignore"):
            centroids = np.array([X[labels == j].mean(axis=0) for j in range(len(centroids))])
    with np.errstate(invalid="ignore"):
        return centroids, _assign(X, centroids)


@mutant("kmeans", hint="one too few")
def one_update_too_few(X, init_centroids, n_iter=100):
    X, centroids = _checked(X, init_centroids, n_iter)
    labels = _assign(X, centroids)
    for _ in range(n_iter - 1):
        _update(X, labels, centroids)
        new = _assign(X, centroids)
        if np.array_equal(new, labels):
            break
        labels = new
    return centroids, _assign(X, centroids)


@mutant("kmeans")
def more_centroids_than_points(X, init_centroids, n_iter=100):
    X, centroids = np.asarray(X, float), np.array(init_centroids, float)
    if X.ndim != 2 or centroids.ndim != 2 or X.shape[1] != centroids.shape[1]:
        raise ValueError("bad shapes")
    if X.size == 0 or centroids.size == 0 or n_iter < 1:
        raise ValueError("bad sizes")
    labels = None
    for _ in range(n_iter):
        new = _assign(X, centroids)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        _update(X, labels, centroids)
    return centroids, _assign(X, centroids)


def _lloyd(X, centroids, n_iter):
    labels = None
    for _ in range(n_iter):
        new = _assign(X, centroids)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for j in range(len(centroids)):
            if np.any(labels == j):
                centroids[j] = X[labels == j].mean(axis=0)
    return centroids, _assign(X, centroids)


@mutant("kmeans", hint="read-only")
def updates_init_in_place(X, init_centroids, n_iter=100):
    # from the red team: np.asarray(init_centroids, float) is the caller's own array
    X = np.asarray(X, float)
    centroids = np.asarray(init_centroids, float)
    _checked(X, centroids, n_iter)
    return _lloyd(X, centroids, n_iter)


@mutant("kmeans", hint="integer array")
def centroids_keep_input_dtype(X, init_centroids, n_iter=100):
    # from the red team: integer starting centroids truncate every mean
    X = np.asarray(X, float)
    centroids = np.array(init_centroids)
    _checked(X, centroids.astype(float), n_iter)
    return _lloyd(X, centroids, n_iter)


@mutant("kmeans")
def differences_in_the_input_dtype(X, init_centroids, n_iter=100):
    raw = np.asarray(X)
    X = np.asarray(X, float)
    centroids = np.array(init_centroids, float)
    _checked(X, centroids, n_iter)
    if raw.dtype.kind == "u":  # the first assignment made on the raw uint8 values: X - c wraps
        labels = np.argmin(((raw[:, None, :] - np.asarray(init_centroids)[None]) ** 2).sum(axis=2), axis=1)
        for j in range(len(centroids)):
            if np.any(labels == j):
                centroids[j] = X[labels == j].mean(axis=0)
    return _lloyd(X, centroids, n_iter)
