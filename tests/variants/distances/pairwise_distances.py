"""Correct, differently written versions of distances/pairwise_distances (the red team's)."""

import numpy as np

METRICS = ("euclidean", "manhattan", "cosine")


def _inputs(X, Y, metric, two_d=True, check_metric=True, check_empty=True, dtype=np.float64):
    if check_metric and metric not in METRICS:
        raise ValueError("unknown metric")
    X = np.asarray(X, dtype=dtype)
    Y = np.asarray(Y, dtype=dtype)
    if not two_d:
        X, Y = np.atleast_2d(X), np.atleast_2d(Y)
    if X.ndim != 2 or Y.ndim != 2:
        raise ValueError("expected 2-D")
    if X.shape[1] != Y.shape[1]:
        raise ValueError("feature mismatch")
    if check_empty and (X.size == 0 or Y.size == 0):
        raise ValueError("empty")
    return X, Y


def _euclid_direct(X, Y):
    out = np.empty((X.shape[0], Y.shape[0]))
    step = max(1, 2**16 // max(1, Y.shape[0] * X.shape[1]))
    for s in range(0, X.shape[0], step):
        d = X[s : s + step, None, :] - Y[None, :, :]
        out[s : s + step] = np.sqrt(np.einsum("ijk,ijk->ij", d, d))
    return out


def _manhattan(X, Y):
    out = np.empty((X.shape[0], Y.shape[0]))
    step = max(1, 2**16 // max(1, Y.shape[0] * X.shape[1]))
    for s in range(0, X.shape[0], step):
        out[s : s + step] = np.abs(X[s : s + step, None, :] - Y[None, :, :]).sum(axis=2)
    return out


def _cosine(X, Y, check_zero=True, clip=True):
    nx = np.linalg.norm(X, axis=1)
    ny = np.linalg.norm(Y, axis=1)
    if check_zero and (np.any(nx == 0) or np.any(ny == 0)):
        raise ValueError("zero row")
    with np.errstate(all="ignore"):
        D = 1.0 - (X @ Y.T) / np.outer(nx, ny)
    return np.clip(D, 0.0, 2.0) if clip else D


def _expansion(X, Y, centre=True, clip=True):
    if centre:
        m = X.mean(axis=0)
        X, Y = X - m, Y - m
    sq = (X * X).sum(1)[:, None] - 2 * X @ Y.T + (Y * Y).sum(1)[None, :]
    if clip:
        sq = np.maximum(sq, 0.0)
    with np.errstate(invalid="ignore"):
        return np.sqrt(sq)


def _dispatch(X, Y, metric, euclid):
    if metric == "euclidean":
        return euclid(X, Y)
    if metric == "manhattan":
        return _manhattan(X, Y)
    return _cosine(X, Y)


def variant_direct(X, Y, metric="euclidean"):
    X, Y = _inputs(X, Y, metric)
    return _dispatch(X, Y, metric, _euclid_direct)


def variant_expansion(X, Y, metric="euclidean"):
    X, Y = _inputs(X, Y, metric)
    if metric == "manhattan":
        return np.abs(X[:, None, :] - Y[None, :, :]).sum(axis=2)
    if metric == "cosine":
        Xn = X / np.linalg.norm(X, axis=1, keepdims=True) if np.all(np.linalg.norm(X, axis=1)) else None
        Yn = Y / np.linalg.norm(Y, axis=1, keepdims=True) if np.all(np.linalg.norm(Y, axis=1)) else None
        if Xn is None or Yn is None:
            raise ValueError("zero row")
        return np.clip(1.0 - np.einsum("ik,jk->ij", Xn, Yn), 0.0, 2.0)
    return _expansion(X, Y, centre=True, clip=True)


def variant_per_feature(X, Y, metric="euclidean"):
    # loop over the (few) features, never over rows
    X, Y = _inputs(X, Y, metric)
    if metric == "cosine":
        return _cosine(X, Y)
    acc = np.zeros((X.shape[0], Y.shape[0]))
    for k in range(X.shape[1]):
        d = np.subtract.outer(X[:, k], Y[:, k])
        acc += d * d if metric == "euclidean" else np.abs(d)
    return np.sqrt(acc) if metric == "euclidean" else acc
