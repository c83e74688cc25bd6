"""Correct, differently written versions of distances/silhouette_score."""

import math

import numpy as np
from scipy.spatial.distance import pdist, squareform


def _inputs(X, labels):
    x = np.asarray(X)
    lab = np.asarray(labels)
    if x.ndim != 2 or lab.ndim != 1 or x.shape[0] != lab.shape[0]:
        raise ValueError("X must be 2-D and labels 1-D, of one length")
    try:
        x = x.astype(np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(str(error)) from None
    if not np.all(np.isfinite(x)):
        raise ValueError("X must be finite")
    uniq, codes = np.unique(lab, return_inverse=True)
    if not 2 <= uniq.size <= x.shape[0] - 1:
        raise ValueError("need 2 <= n_clusters <= n_samples - 1")
    return x, codes.reshape(-1), uniq.size


def _s(a, b):
    m = max(a, b)
    return 0.0 if m == 0 else (b - a) / m


def variant_point_loops(X, labels):
    x, codes, k = _inputs(X, labels)
    pts = x.tolist()
    c = codes.tolist()
    sizes = [c.count(j) for j in range(k)]
    scores = []
    for i, p in enumerate(pts):
        sums = [[] for _ in range(k)]
        for j, q in enumerate(pts):
            if j != i:
                sums[c[j]].append(math.dist(p, q))
        if sizes[c[i]] == 1:
            scores.append(0.0)
            continue
        a = math.fsum(sums[c[i]]) / (sizes[c[i]] - 1)
        b = min(math.fsum(sums[j]) / sizes[j] for j in range(k) if j != c[i])
        scores.append(_s(a, b))
    return math.fsum(scores) / len(scores)


def variant_one_hot_matmul(X, labels):
    # D @ one-hot gives each point's distance sum to every cluster at once
    x, codes, k = _inputs(X, labels)
    diff = x[:, None, :] - x[None, :, :]
    D = np.sqrt(np.einsum("ijk,ijk->ij", diff, diff))
    onehot = np.eye(k)[codes]
    sizes = onehot.sum(axis=0)
    sums = D @ onehot
    own = sizes[codes]
    a = sums[np.arange(len(codes)), codes] / np.maximum(own - 1, 1)
    other = np.where(onehot > 0, np.inf, sums / sizes)
    b = other.min(axis=1)
    m = np.maximum(a, b)
    s = np.where((own > 1) & (m > 0), (b - a) / np.where(m > 0, m, 1.0), 0.0)
    return float(s.mean())


def variant_pdist_per_cluster(X, labels):
    x, codes, k = _inputs(X, labels)
    D = squareform(pdist(x - x.mean(axis=0)))
    n = len(codes)
    s = np.zeros(n)
    for i in range(n):
        own = codes == codes[i]
        if own.sum() == 1:
            continue
        a = D[i, own].sum() / (own.sum() - 1)
        b = min(D[i, codes == j].mean() for j in range(k) if j != codes[i])
        s[i] = _s(a, b)
    return float(np.mean(s))
