"""Benchmark cases of the distances exercises."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from . import (
    CLASSES,
    Trial,
    blobs,
    case,
    close,
    family,
    floor_of,
    fmt,
    rows,
    shape,
    side,
)

# --- distances -------------------------------------------------------------------------


def _vectors(name, scipy_name, transform=float):
    def prepare(m, n, rng):
        from scipy.spatial import distance

        x = family("vectors", rng, n)
        u, v = x["u"], x["v"]
        library = getattr(distance, scipy_name)
        return Trial(fmt(n), lambda: getattr(m, name)(u, v), lambda: transform(library(u, v)), floor_of(u, v))

    return prepare


case("distances/cosine_similarity", "1 - scipy.spatial.distance.cosine(u, v)")(
    _vectors("cosine_similarity", "cosine", lambda d: 1.0 - d)
)
case("distances/euclidean_distance", "scipy.spatial.distance.euclidean")(
    _vectors("euclidean_distance", "euclidean")
)
case("distances/manhattan_distance", "scipy.spatial.distance.cityblock")(
    _vectors("manhattan_distance", "cityblock")
)

FEATURES = 64


def _points(rng, n):
    p = 2 * side(n)
    return rng.normal(size=(p, FEATURES)), rng.normal(size=(p, FEATURES))


BLOCK = 2**18
"""Values per block of differences in the manhattan solution (``solutions/distances``)."""


def one_subtract_pass(X: np.ndarray, Y: np.ndarray) -> Callable[[], Any]:
    """The least numpy work for an L1 distance matrix: one broadcast ``np.subtract`` pass.

    Every pairwise L1 distance needs each of the n·m·d differences ``x - y``; numpy makes them
    with one ufunc call per block of rows, at best into a buffer reused from block to block (the
    blocks as large as the solution's). The ``abs`` and the sum over features come on top.
    """
    n, m, d = len(X), len(Y), X.shape[1]
    rows = max(1, BLOCK // (m * d))
    block = np.empty((rows, m, d))

    def floor():
        for start in range(0, n, rows):
            x = X[start : start + rows, None, :]
            np.subtract(x, Y[None, :, :], out=block[: len(x)])

    return floor


def _pairwise(metric, scipy_metric):
    def prepare(m, n, rng):
        from scipy.spatial.distance import cdist

        X, Y = _points(rng, n)
        floor = one_subtract_pass(X, Y) if metric == "manhattan" else None
        return Trial(
            shape(len(X), len(Y), FEATURES),
            lambda: m.pairwise_distances(X, Y, metric=metric),
            lambda: cdist(X, Y, scipy_metric),
            floor,
        )

    return prepare


_PAIRWISE_NOTES = {
    "manhattan": "three vectorised passes over cache-sized blocks (subtract, abs, sum as a product "
    "with ones) against cdist's one fused C loop; no matrix product computes an L1 sum",
}
_PAIRWISE_FLOORS = {
    "manhattan": "one broadcast `np.subtract` over the n·m·d differences into a reused block, "
    "the first of the solution's three passes",
}
for _metric, _scipy in (("euclidean", "euclidean"), ("manhattan", "cityblock"), ("cosine", "cosine")):
    case(
        "distances/pairwise_distances",
        f"scipy.spatial.distance.cdist(X, Y, '{_scipy}')",
        variant=_metric,
        note=_PAIRWISE_NOTES.get(_metric, ""),
        numpy_floor=_PAIRWISE_FLOORS.get(_metric, ""),
    )(_pairwise(_metric, _scipy))


@case(
    "distances/knn_predict",
    'sklearn KNeighborsClassifier(n_neighbors=5, algorithm="brute")',
    note=f"fit + predict; {CLASSES} classes",
)
def _knn(m, n, rng):
    from sklearn.neighbors import KNeighborsClassifier

    X_train, X_test = _points(rng, n)
    y_train = rng.integers(0, CLASSES, size=len(X_train))

    def reference():
        return KNeighborsClassifier(n_neighbors=5, algorithm="brute").fit(X_train, y_train).predict(X_test)

    return Trial(
        shape(len(X_test), len(X_train), FEATURES), lambda: m.knn_predict(X_train, y_train, X_test), reference
    )


@case(
    "distances/kmeans",
    'sklearn KMeans(init=..., n_init=1, algorithm="lloyd", max_iter=100, tol=0)',
    iterative=True,
    note="iterative: both Lloyd from the same 8 initial centroids until the labels stop changing "
    "(n_iter=100 at most); sklearn runs in parallel threads",
)
def _kmeans(m, n, rng):
    from sklearn.cluster import KMeans

    X, _ = blobs(rng, rows(n), CLASSES, k=8)
    init = X[rng.choice(len(X), size=8, replace=False)]

    def reference():
        return KMeans(n_clusters=8, init=init, n_init=1, algorithm="lloyd", max_iter=100, tol=0.0).fit(X)

    def same(solution, fitted):
        return close(solution, (fitted.cluster_centers_, fitted.labels_))

    return Trial(f"{shape(*X.shape)}, k=8", lambda: m.kmeans(X, init), reference, same=same)


@case(
    "distances/silhouette_score",
    'sklearn.metrics.silhouette_score(X, labels, metric="euclidean")',
    note="n points, n^2 distances; 8 clusters",
)
def _silhouette(m, n, rng):
    from sklearn.metrics import silhouette_score

    X, labels = blobs(rng, side(n), 8, k=8)
    return Trial(
        f"{shape(*X.shape)}, k=8",
        lambda: m.silhouette_score(X, labels),
        lambda: silhouette_score(X, labels),
    )
