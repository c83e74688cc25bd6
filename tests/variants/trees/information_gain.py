"""Correct, differently written versions of trees/information_gain."""

import math
from collections import Counter

import numpy as np


def _checked(y, left_mask, criterion):
    a, m = np.asarray(y), np.asarray(left_mask)
    if a.ndim != 1 or m.ndim != 1 or a.size == 0 or m.size == 0:
        raise ValueError("y and left_mask must be 1-D and non-empty")
    if a.shape != m.shape:
        raise ValueError("length mismatch")
    if m.dtype.kind not in "biuf" or not np.all((m == 0) | (m == 1)):
        raise ValueError("left_mask must hold booleans or 0/1")
    m = m.astype(bool)
    if m.all() or not m.any():
        raise ValueError("one side of the split is empty")
    if criterion not in ("entropy", "gini"):
        raise ValueError("criterion must be 'entropy' or 'gini'")
    return a, m


def _impurity_counter(labels, criterion):
    n = len(labels)
    ps = [c / n for c in Counter(labels).values()]
    if criterion == "gini":
        return 1.0 - math.fsum(p * p for p in ps)
    return -math.fsum(p * math.log2(p) for p in ps)


def variant_counter_lists(y, left_mask, criterion="entropy"):
    """Python lists split by the mask, Counter-based impurities."""
    a, m = _checked(y, left_mask, criterion)
    labels, mask = a.tolist(), m.tolist()
    left = [v for v, k in zip(labels, mask, strict=False) if k]
    right = [v for v, k in zip(labels, mask, strict=False) if not k]
    n = len(labels)
    return (
        _impurity_counter(labels, criterion)
        - len(left) / n * _impurity_counter(left, criterion)
        - len(right) / n * _impurity_counter(right, criterion)
    )


def variant_count_matrix(y, left_mask, criterion="entropy"):
    """A (2, K) table of side-by-class counts built with np.add.at, impurities per row."""
    a, m = _checked(y, left_mask, criterion)
    _, codes = np.unique(a, return_inverse=True)
    codes = codes.ravel()
    table = np.zeros((2, codes.max() + 1))
    np.add.at(table, (m.astype(int), codes), 1.0)
    sizes = table.sum(axis=1)
    parent = table.sum(axis=0) / a.size

    def imp(p):
        p = p[p > 0]
        return 1.0 - np.sum(p**2) if criterion == "gini" else -np.sum(p * np.log2(p))

    children = sum(sizes[s] / a.size * imp(table[s] / sizes[s]) for s in (0, 1))
    return float(imp(parent) - children)


def variant_weighted_counts(y, left_mask, criterion="entropy"):
    """Impurity written on counts: n I = n log n - sum c log c (entropy) or n - sum c^2 / n (gini)."""
    a, m = _checked(y, left_mask, criterion)

    def n_times_impurity(labels):
        _, c = np.unique(labels, return_counts=True)
        c = c.astype(np.float64)
        n = c.sum()
        if criterion == "gini":
            return n - np.dot(c, c) / n
        return (n * math.log2(n) - float(np.dot(c, np.log2(c)))) if len(c) > 1 else 0.0

    n = a.size
    return float((n_times_impurity(a) - n_times_impurity(a[m]) - n_times_impurity(a[~m])) / n)
