"""Correct, differently written versions of trees/best_split."""

import math

import numpy as np

_TIE = 1e-12


def _checked(X, y, criterion):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or X.size == 0:
        raise ValueError(f"X must be a non-empty 2-D array, got shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError("y must be 1-D with one label per row of X")
    if criterion not in ("gini", "entropy"):
        raise ValueError("criterion must be 'gini' or 'entropy'")
    if not np.any(X.max(axis=0) > X.min(axis=0)):
        raise ValueError("no feature takes two distinct values")
    _, codes = np.unique(y, return_inverse=True)
    return X, codes.ravel()


def _midpoint(a, b):
    t = a / 2.0 + b / 2.0
    return t if a <= t < b else a


def _imp_counts(counts, n, criterion):
    if criterion == "gini":
        return 1.0 - math.fsum((c / n) ** 2 for c in counts)
    return -math.fsum((c / n) * math.log2(c / n) for c in counts if c)


def variant_sweep_python(X, y, criterion="gini"):
    """Per feature, sort once and move samples left one by one, class counts in Python lists."""
    X, codes = _checked(X, y, criterion)
    n, d = X.shape
    k = int(codes.max()) + 1
    total = [0] * k
    for c in codes.tolist():
        total[c] += 1
    parent = _imp_counts(total, n, criterion)
    best = None
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j].tolist()
        cs = codes[order].tolist()
        left = [0] * k
        for i in range(n - 1):
            left[cs[i]] += 1
            if xs[i] == xs[i + 1]:
                continue
            nl = i + 1
            right = [t - n for t, n in zip(total, left, strict=False)]
            gain = (
                parent
                - nl / n * _imp_counts(left, nl, criterion)
                - (n - nl) / n * _imp_counts(right, n - nl, criterion)
            )
            if best is None or gain > best[2] + _TIE:
                best = (j, _midpoint(xs[i], xs[i + 1]), gain)
    j, t, gain = best
    return int(j), float(t), float(max(gain, 0.0))


def variant_cumsum_all_features(X, y, criterion="gini"):
    """All thresholds of all features at once: cumulative one-hot counts along each sorted column."""
    X, codes = _checked(X, y, criterion)
    n, d = X.shape
    k = int(codes.max()) + 1
    onehot = np.eye(k)[codes]
    order = np.argsort(X, axis=0, kind="stable")
    xs = np.take_along_axis(X, order, axis=0)
    left = np.cumsum(onehot[order], axis=0)[:-1]  # (n - 1, d, k)
    total = onehot.sum(axis=0)
    right = total - left
    nl = np.arange(1, n)[:, None]
    nr = n - nl

    def imp(counts, size):
        p = counts / size[..., None]
        if criterion == "gini":
            return 1.0 - np.sum(p * p, axis=-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            return -np.sum(np.where(p > 0, p * np.log2(np.where(p > 0, p, 1.0)), 0.0), axis=-1)

    parent = imp(total[None, :], np.array([float(n)]))[0]
    gains = parent - nl / n * imp(left, nl.astype(float)) - nr / n * imp(right, nr.astype(float))
    valid = xs[1:] != xs[:-1]
    gains = np.where(valid, gains, -np.inf)  # (n - 1, d)
    top = gains.max()
    for j in range(d):  # lowest feature, then lowest threshold, among near-best
        hits = np.flatnonzero(gains[:, j] >= top - _TIE)
        if hits.size:
            i = hits[0]
            return int(j), float(_midpoint(xs[i, j], xs[i + 1, j])), float(max(gains[i, j], 0.0))
    raise AssertionError("unreachable")


def variant_brute_force_thresholds(X, y, criterion="gini"):
    """Every midpoint of consecutive distinct values tried with a boolean mask and np.unique counts."""
    X, codes = _checked(X, y, criterion)
    n, d = X.shape

    def imp(c):
        _, counts = np.unique(c, return_counts=True)
        p = counts / c.size
        return 1.0 - float(p @ p) if criterion == "gini" else float(-(p * np.log2(p)).sum())

    parent = imp(codes)
    cands = []
    for j in range(d):
        u = np.unique(X[:, j])
        for a, b in zip(u[:-1].tolist(), u[1:].tolist(), strict=False):
            t = _midpoint(a, b)
            m = X[:, j] <= t
            nl = int(m.sum())
            gain = parent - nl / n * imp(codes[m]) - (n - nl) / n * imp(codes[~m])
            cands.append((j, t, gain))
    top = max(g for _, _, g in cands)
    j, t, gain = next(c for c in cands if c[2] >= top - _TIE)
    return int(j), float(t), float(max(gain, 0.0))
