"""Correct, differently written versions of data/k_fold_indices."""

import numbers

import numpy as np


def _checked(n_samples, n_splits):
    for name, v in (("n_samples", n_samples), ("n_splits", n_splits)):
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, numbers.Integral):
            raise ValueError(f"{name} must be an integer, got {v!r}")
    if n_splits < 2:
        raise ValueError("n_splits must be at least 2")
    if n_splits > n_samples:
        raise ValueError("n_splits > n_samples: a fold would be empty")
    return int(n_samples), int(n_splits)


def variant_array_split(n_samples, n_splits=5):
    """np.array_split of arange(n); train = the other blocks concatenated in order."""
    n, k = _checked(n_samples, n_splits)
    blocks = np.array_split(np.arange(n), k)
    return [
        (
            np.concatenate([b for i, b in enumerate(blocks) if i != j]).astype(np.int64),
            blocks[j].astype(np.int64),
        )
        for j in range(k)
    ]


def variant_python_bounds(n_samples, n_splits=5):
    """Fold bounds computed with Python integers, index lists built with range."""
    n, k = _checked(n_samples, n_splits)
    q, r = divmod(n, k)
    out, start = [], 0
    for j in range(k):
        stop = start + q + (1 if j < r else 0)
        test = list(range(start, stop))
        train = list(range(0, start)) + list(range(stop, n))
        out.append((np.array(train, dtype=np.int64), np.array(test, dtype=np.int64)))
        start = stop
    return out


def variant_fold_labels(n_samples, n_splits=5):
    """A fold number per sample (np.repeat of the fold sizes), then np.flatnonzero per fold."""
    n, k = _checked(n_samples, n_splits)
    sizes = np.full(k, n // k)
    sizes[: n % k] += 1
    fold_of = np.repeat(np.arange(k), sizes)
    return [(np.flatnonzero(fold_of != j), np.flatnonzero(fold_of == j)) for j in range(k)]
