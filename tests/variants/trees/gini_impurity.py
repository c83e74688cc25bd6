"""Correct, differently written versions of trees/gini_impurity."""

import math
from collections import Counter

import numpy as np


def _labels(y):
    a = np.asarray(y)
    if a.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {a.shape}")
    if a.size == 0:
        raise ValueError("y is empty")
    return a


def variant_counter_fsum(y):
    """Counter of the labels, 1 - fsum of squared proportions."""
    a = _labels(y)
    n = a.size
    counts = Counter(a.tolist())
    return 1.0 - math.fsum((c / n) ** 2 for c in counts.values())


def variant_sorted_runs(y):
    """Sort the labels, count the runs between changes, sum p (1 - p)."""
    a = np.sort(_labels(y), kind="stable")
    change = np.flatnonzero(a[1:] != a[:-1]) + 1
    edges = np.concatenate(([0], change, [a.size]))
    p = np.diff(edges) / a.size
    return float(np.sum(p * (1.0 - p)))


def variant_integer_counts(y):
    """Integer codes from np.unique's inverse, np.bincount, integer sum of squares."""
    a = _labels(y)
    _, codes = np.unique(a, return_inverse=True)
    counts = np.bincount(codes.ravel()).astype(np.int64)
    n = int(a.size)
    return float(n * n - int(np.dot(counts, counts))) / (n * n)
