"""Wrong versions of distances/pairwise_distances."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, Y, metric):
    if metric not in ("euclidean", "manhattan", "cosine"):
        raise ValueError("unknown metric")
    X, Y = np.asarray(X, float), np.asarray(Y, float)
    if X.ndim != 2 or Y.ndim != 2 or X.shape[1] != Y.shape[1] or X.size == 0 or Y.size == 0:
        raise ValueError("bad shapes")
    if metric == "cosine" and not (np.all(np.any(X, axis=1)) and np.all(np.any(Y, axis=1))):
        raise ValueError("zero row")
    return X, Y


def _one_row(x, Y, metric):
    if metric == "euclidean":
        return np.sqrt(((Y - x) ** 2).sum(axis=1))
    if metric == "manhattan":
        return np.abs(Y - x).sum(axis=1)
    return 1 - Y @ x / (np.linalg.norm(Y, axis=1) * np.linalg.norm(x))


def _expansion(X, Y):
    return (X**2).sum(1)[:, None] - 2 * X @ Y.T + (Y**2).sum(1)[None, :]


@mutant("pairwise_distances", hint="vectorise")
def loop_over_rows(X, Y, metric="euclidean"):
    X, Y = _checked(X, Y, metric)
    D = np.empty((len(X), len(Y)))
    for i in range(len(X)):
        D[i] = _one_row(X[i], Y, metric)
    return D


@mutant("pairwise_distances", hint="vectorise")
def loop_over_pairs(X, Y, metric="euclidean"):
    X, Y = _checked(X, Y, metric)
    D = np.empty((len(X), len(Y)))
    for i in range(len(X)):
        for j in range(len(Y)):
            D[i, j] = _one_row(X[i], Y[j : j + 1], metric)[0]
    return D


@mutant("pairwise_distances", hint="clip it at 0")
def expansion_not_clipped(X, Y, metric="euclidean"):
    X, Y = _checked(X, Y, metric)
    if metric != "euclidean":
        return loop_over_rows.function(X, Y, metric)
    with np.errstate(invalid="ignore"):
        return np.sqrt(_expansion(X, Y))


@mutant("pairwise_distances", hint="take the square root")
def squared_euclidean(X, Y, metric="euclidean"):
    X, Y = _checked(X, Y, metric)
    if metric != "euclidean":
        return loop_over_rows.function(X, Y, metric)
    return np.maximum(_expansion(X, Y), 0)


@mutant("pairwise_distances", hint="not the similarity")
def cosine_similarity_not_distance(X, Y, metric="euclidean"):
    X, Y = _checked(X, Y, metric)
    if metric != "cosine":
        return loop_over_rows.function(X, Y, metric)
    Xn = X / np.linalg.norm(X, axis=1, keepdims=True)
    Yn = Y / np.linalg.norm(Y, axis=1, keepdims=True)
    return Xn @ Yn.T


@mutant("pairwise_distances")
def unknown_metric_means_euclidean(X, Y, metric="euclidean"):
    X, Y = np.asarray(X, float), np.asarray(Y, float)
    if X.ndim != 2 or Y.ndim != 2 or X.shape[1] != Y.shape[1] or X.size == 0 or Y.size == 0:
        raise ValueError("bad shapes")
    if metric == "manhattan":
        return np.abs(X[:, None, :] - Y[None, :, :]).sum(axis=2)
    if metric == "cosine":
        if not (np.all(np.any(X, axis=1)) and np.all(np.any(Y, axis=1))):
            raise ValueError("zero row")
        Xn = X / np.linalg.norm(X, axis=1, keepdims=True)
        Yn = Y / np.linalg.norm(Y, axis=1, keepdims=True)
        return 1 - Xn @ Yn.T
    return np.sqrt(np.maximum(_expansion(X, Y), 0))


@mutant("pairwise_distances", hint="cancels catastrophically")
def expansion_uncentred(X, Y, metric="euclidean"):
    # from the red team, and the exercise's old hint: |x|^2 - 2 x.y + |y|^2 on raw points
    X, Y = _checked(X, Y, metric)
    if metric != "euclidean":
        return _reference_like(X, Y, metric)
    squared = (X**2).sum(1)[:, None] - 2 * X @ Y.T + (Y**2).sum(1)[None, :]
    return np.sqrt(np.maximum(squared, 0))


@mutant("pairwise_distances", hint="clip")
def cosine_not_clipped(X, Y, metric="euclidean"):
    # from the red team: parallel rows give distances of -2e-16
    X, Y = _checked(X, Y, metric)
    if metric != "cosine":
        return _reference_like(X, Y, metric)
    Xn = X / np.linalg.norm(X, axis=1, keepdims=True)
    Yn = Y / np.linalg.norm(Y, axis=1, keepdims=True)
    return 1.0 - Xn @ Yn.T


@mutant("pairwise_distances")
def differences_in_the_input_dtype(X, Y, metric="euclidean"):
    X, Y = np.asarray(X), np.asarray(Y)
    if X.dtype.kind == "f" or Y.dtype.kind == "f":
        return _reference_like(*_checked(X, Y, metric), metric)
    _checked(X, Y, metric)
    with np.errstate(all="ignore"):
        diff = X[:, None, :] - Y[None, :, :]  # uint8 and int8 wrap around
    if metric == "manhattan":
        return np.abs(diff).sum(axis=2).astype(float)
    if metric == "euclidean":
        return np.sqrt((diff.astype(float) ** 2).sum(axis=2))
    return _reference_like(X.astype(float), Y.astype(float), metric)


def _reference_like(X, Y, metric):
    X, Y = np.asarray(X, float), np.asarray(Y, float)
    if metric == "euclidean":
        c = X.mean(axis=0)
        X, Y = X - c, Y - c
        return np.sqrt(np.maximum((X**2).sum(1)[:, None] - 2 * X @ Y.T + (Y**2).sum(1)[None, :], 0))
    if metric == "manhattan":
        return np.abs(X[:, None, :] - Y[None, :, :]).sum(axis=2)
    Xn = X / np.linalg.norm(X, axis=1, keepdims=True)
    Yn = Y / np.linalg.norm(Y, axis=1, keepdims=True)
    return np.clip(1.0 - Xn @ Yn.T, 0.0, 2.0)


@mutant("pairwise_distances", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(X, Y, metric="euclidean"):
    """Converts integer points only: float32 points near 3e38 overflow in the expansion."""
    _checked(X, Y, metric)
    X, Y = np.asarray(X), np.asarray(Y)
    X = X if X.dtype.kind == "f" else X.astype(float)
    Y = Y if Y.dtype.kind == "f" else Y.astype(float)
    with np.errstate(all="ignore"):
        if metric == "manhattan":
            return np.abs(X[:, None, :] - Y[None, :, :]).sum(axis=2)
        if metric == "cosine":
            similarity = (X / np.linalg.norm(X, axis=1)[:, None]) @ (Y / np.linalg.norm(Y, axis=1)[:, None]).T
            return np.clip(1 - similarity, 0.0, 2.0)
        shift = X.mean(axis=0)
        X, Y = X - shift, Y - shift
        squared = (X * X).sum(1)[:, None] - 2 * X @ Y.T + (Y * Y).sum(1)[None, :]
        return np.sqrt(np.maximum(squared, 0))
