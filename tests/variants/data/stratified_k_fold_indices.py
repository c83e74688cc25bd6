"""Correct, differently written versions of data/stratified_k_fold_indices."""

import numbers

import numpy as np


def _checked(y, n_splits):
    a = np.asarray(y)
    if a.ndim != 1 or a.size == 0:
        raise ValueError("y must be 1-D and non-empty")
    if isinstance(n_splits, (bool, np.bool_)) or not isinstance(n_splits, numbers.Integral):
        raise ValueError("n_splits must be an integer")
    k = int(n_splits)
    if k < 2 or k > a.size:
        raise ValueError("n_splits must be in 2 .. n")
    _, codes, counts = np.unique(a, return_inverse=True, return_counts=True)
    if counts.max() < k:
        raise ValueError("n_splits exceeds the size of every class")
    return codes.ravel(), k


def _pairs(fold_of, k):
    return [(np.flatnonzero(fold_of != j), np.flatnonzero(fold_of == j)) for j in range(k)]


def variant_deal_by_class(y, n_splits=5):
    """Stable sort by class, position p of that order to fold p % k."""
    codes, k = _checked(y, n_splits)
    order = np.argsort(codes, kind="stable")
    fold_of = np.empty(codes.size, dtype=np.int64)
    fold_of[order] = np.arange(codes.size) % k
    return _pairs(fold_of, k)


def variant_sklearn_blocks(y, n_splits=5):
    """scikit-learn's allocation: per-class counts of y_sorted[j::k], each class's folds as
    consecutive blocks."""
    codes, k = _checked(y, n_splits)
    n_classes = codes.max() + 1
    y_sorted = np.sort(codes)
    allocation = np.array(
        [np.bincount(y_sorted[j::k], minlength=n_classes) for j in range(k)]
    )  # (k, classes)
    fold_of = np.empty(codes.size, dtype=np.int64)
    for c in range(n_classes):
        members = np.flatnonzero(codes == c)
        fold_of[members] = np.repeat(np.arange(k), allocation[:, c])
    return _pairs(fold_of, k)


def variant_dict_dealer(y, n_splits=5):
    """Class members in dict lists, dealt with one running counter that carries across classes."""
    codes, k = _checked(y, n_splits)
    groups = {}
    for i, c in enumerate(codes.tolist()):
        groups.setdefault(c, []).append(i)
    tests = [[] for _ in range(k)]
    dealt = 0
    for c in sorted(groups):
        for i in groups[c]:
            tests[dealt % k].append(i)
            dealt += 1
    everything = set(range(codes.size))
    out = []
    for t in tests:
        test = np.array(sorted(t), dtype=np.int64)
        train = np.array(sorted(everything - set(t)), dtype=np.int64)
        out.append((train, test))
    return out
