"""Correct, differently written versions of distances/kmeans (the red team's)."""

import numpy as np


def _inputs(X, init_centroids, n_iter, copy=True, check_k=True, check_iter=True):
    X = np.asarray(X, dtype=np.float64)
    C = np.array(init_centroids, dtype=np.float64) if copy else np.asarray(init_centroids, dtype=np.float64)
    if X.ndim != 2 or C.ndim != 2:
        raise ValueError("2-D expected")
    if X.size == 0 or C.size == 0:
        raise ValueError("empty")
    if X.shape[1] != C.shape[1]:
        raise ValueError("feature mismatch")
    if check_k and len(C) > len(X):
        raise ValueError("more centroids than points")
    if check_iter and (isinstance(n_iter, bool) or not isinstance(n_iter, (int, np.integer)) or n_iter < 1):
        raise ValueError("n_iter must be a positive integer")
    return X, C


def _assign(X, C, metric="l2"):
    if metric == "l1":
        D = np.abs(X[:, None, :] - C[None, :, :]).sum(2)
    else:
        d = X[:, None, :] - C[None, :, :]
        D = np.einsum("ijk,ijk->ij", d, d)
    return np.argmin(D, axis=1)


def _lloyd(X, C, n_iter, metric="l2", empty="keep", updates=None, final_assign=True):
    labels = None
    updates = n_iter if updates is None else updates
    for _ in range(updates):
        new = _assign(X, C, metric)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for j in range(len(C)):
            members = X[labels == j]
            if len(members):
                C[j] = members.mean(axis=0)
            elif empty == "nan":
                C[j] = np.nan
            elif empty == "farthest":
                C[j] = X[np.argmax(((X - C[labels]) ** 2).sum(1))]
    if final_assign or labels is None:
        return C, _assign(X, C, metric)
    return C, labels


def variant_loops(X, init_centroids, n_iter=100):
    X, C = _inputs(X, init_centroids, n_iter)
    return _lloyd(X, C, n_iter)


def variant_onehot(X, init_centroids, n_iter=100):
    X, C = _inputs(X, init_centroids, n_iter)
    k = len(C)
    labels = None
    for _ in range(n_iter):
        D = ((X[:, None, :] - C[None]) ** 2).sum(-1)
        new = D.argmin(1)
        if labels is not None and (new == labels).all():
            break
        labels = new
        M = np.eye(k)[labels]
        cnt = M.sum(0)
        C = np.where(cnt[:, None] > 0, (M.T @ X) / np.maximum(cnt, 1)[:, None], C)
    return C, ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)


def variant_recursive_style(X, init_centroids, n_iter=100):
    X, C = _inputs(X, init_centroids, n_iter)
    labels = _assign(X, C)
    for _ in range(n_iter):
        sums = np.zeros_like(C)
        np.add.at(sums, labels, X)
        cnt = np.bincount(labels, minlength=len(C))
        C[cnt > 0] = sums[cnt > 0] / cnt[cnt > 0, None]
        new = _assign(X, C)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, _assign(X, C)
