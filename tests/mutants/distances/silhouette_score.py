"""Wrong versions of distances/silhouette_score."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, labels):
    X, labels = np.asarray(X, dtype=float), np.asarray(labels)
    if X.ndim != 2 or labels.ndim != 1 or len(X) != len(labels) or not np.all(np.isfinite(X)):
        raise ValueError("bad input")
    classes, cluster = np.unique(labels, return_inverse=True)
    if not 2 <= len(classes) <= len(X) - 1:
        raise ValueError("bad number of clusters")
    return X, cluster


def _distances(X, squared=False):
    diff = X[:, None, :] - X[None, :, :]
    d2 = np.einsum("ijk,ijk->ij", diff, diff)
    return d2 if squared else np.sqrt(d2)


def _silhouette(D, cluster, own_minus_one=True, singleton=0.0, nearest=np.min):
    n, k = len(cluster), cluster.max() + 1
    one_hot = np.eye(k)[cluster]
    sums, sizes = D @ one_hot, one_hot.sum(axis=0)
    own = sums[np.arange(n), cluster]
    a = own / np.maximum(sizes[cluster] - 1, 1) if own_minus_one else own / sizes[cluster]
    means = sums / sizes
    means[np.arange(n), cluster] = np.nan
    b = nearest(np.where(np.isnan(means), np.inf if nearest is np.min else -np.inf, means), axis=1)
    largest = np.maximum(a, b)
    s = np.divide(b - a, largest, out=np.zeros(n), where=largest > 0)
    return float(np.mean(np.where(sizes[cluster] == 1, singleton, s)))


@mutant("silhouette_score", hint="counting the point itself")
def a_divided_by_cluster_size(X, labels):
    X, cluster = _checked(X, labels)
    return _silhouette(_distances(X), cluster, own_minus_one=False)


@mutant("silhouette_score", hint="you gave it 1")
def singletons_score_one(X, labels):
    X, cluster = _checked(X, labels)
    return _silhouette(_distances(X), cluster, singleton=1.0)


@mutant("silhouette_score", hint="not squared ones")
def squared_distances(X, labels):
    X, cluster = _checked(X, labels)
    return _silhouette(_distances(X, squared=True), cluster)


@mutant("silhouette_score", hint="you took the largest")
def farthest_cluster(X, labels):
    X, cluster = _checked(X, labels)
    return _silhouette(_distances(X), cluster, nearest=np.max)


@mutant("silhouette_score", hint="cancels catastrophically")
def gram_trick_without_centring(X, labels):
    X, cluster = _checked(X, labels)
    sq = (X**2).sum(axis=1)
    D = np.sqrt(np.maximum(sq[:, None] + sq[None, :] - 2 * X @ X.T, 0))
    np.fill_diagonal(D, 0)
    return _silhouette(D, cluster)


@mutant("silhouette_score")
def zero_over_zero_is_nan(X, labels):
    """a = b = 0 (duplicate points across clusters) gives nan instead of 0."""
    X, cluster = _checked(X, labels)
    n, k = len(cluster), cluster.max() + 1
    one_hot = np.eye(k)[cluster]
    sums, sizes = _distances(X) @ one_hot, one_hot.sum(axis=0)
    a = sums[np.arange(n), cluster] / np.maximum(sizes[cluster] - 1, 1)
    means = sums / sizes
    means[np.arange(n), cluster] = np.inf
    b = means.min(axis=1)
    with np.errstate(invalid="ignore"):
        s = (b - a) / np.maximum(a, b)
    return float(np.mean(np.where(sizes[cluster] == 1, 0.0, s)))


@mutant("silhouette_score")
def differences_in_the_input_dtype(X, labels):
    """uint8 points: x - y wraps around before squaring."""
    _, cluster = _checked(X, labels)
    X = np.asarray(X)
    diff = (X[:, None, :] - X[None, :, :]).astype(float)
    return _silhouette(np.sqrt((diff**2).sum(axis=2)), cluster)


@mutant("silhouette_score")
def one_cluster_accepted(X, labels):
    X, labels = np.asarray(X, dtype=float), np.asarray(labels)
    if X.ndim != 2 or labels.ndim != 1 or len(X) != len(labels) or len(X) < 2:
        raise ValueError("bad input")
    if not np.all(np.isfinite(X)):
        raise ValueError("bad input")
    _, cluster = np.unique(labels, return_inverse=True)
    if cluster.max() == 0:
        return 0.0
    return _silhouette(_distances(X), cluster)
