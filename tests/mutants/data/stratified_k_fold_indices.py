"""Wrong versions of data/stratified_k_fold_indices."""

import numpy as np

from mlkata.mutants import mutant


def _checked(y, n_splits):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or isinstance(n_splits, bool) or not isinstance(n_splits, int | np.integer):
        raise ValueError("bad input")
    codes = np.unique(y, return_inverse=True)[1].reshape(-1)
    if not 2 <= n_splits <= y.size or np.bincount(codes).max() < n_splits:
        raise ValueError("bad n_splits")
    return codes, int(n_splits)


def _pairs(tests, n):
    return [(np.setdiff1d(np.arange(n), test), np.sort(test)) for test in tests]


@mutant("stratified_k_fold_indices", hint="stratify")
def plain_k_fold(y, n_splits=5):
    codes, k = _checked(y, n_splits)
    return _pairs(np.array_split(np.arange(codes.size), k), codes.size)


@mutant("stratified_k_fold_indices", hint="splitting each class on its own")
def each_class_split_on_its_own(y, n_splits=5):
    codes, k = _checked(y, n_splits)
    pieces = [np.array_split(np.flatnonzero(codes == c), k) for c in range(codes.max() + 1)]
    return _pairs([np.concatenate([p[j] for p in pieces]) for j in range(k)], codes.size)


@mutant("stratified_k_fold_indices", hint="sorted")
def test_folds_grouped_by_class(y, n_splits=5):
    """The right folds, but each test set listed class by class, not sorted."""
    codes, k = _checked(y, n_splits)
    order = np.argsort(codes, kind="stable")
    fold_of = np.empty(codes.size, int)
    fold_of[order] = np.arange(codes.size) % k
    return [(np.flatnonzero(fold_of != j), order[fold_of[order] == j]) for j in range(k)]


@mutant("stratified_k_fold_indices", hint="train_idx is every index not in test_idx")
def train_keeps_the_test_fold(y, n_splits=5):
    codes, k = _checked(y, n_splits)
    order = np.argsort(codes, kind="stable")
    fold_of = np.empty(codes.size, int)
    fold_of[order] = np.arange(codes.size) % k
    return [(np.arange(codes.size), np.flatnonzero(fold_of == j)) for j in range(k)]


@mutant("stratified_k_fold_indices", hint="a class with fewer than n_splits samples is allowed")
def refuses_a_small_class(y, n_splits=5):
    codes, k = _checked(y, n_splits)
    if np.bincount(codes).min() < k:
        raise ValueError("the smallest class has fewer than n_splits samples")
    order = np.argsort(codes, kind="stable")
    fold_of = np.empty(codes.size, int)
    fold_of[order] = np.arange(codes.size) % k
    return [(np.flatnonzero(fold_of != j), np.flatnonzero(fold_of == j)) for j in range(k)]


@mutant("stratified_k_fold_indices")
def bincount_of_the_labels(y, n_splits=5):
    """np.bincount(y) as the class counts: strings and negative labels fail."""
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or not 2 <= n_splits <= y.size or np.bincount(y).max() < n_splits:
        raise ValueError("bad input")
    order = np.argsort(y, kind="stable")
    fold_of = np.empty(y.size, int)
    fold_of[order] = np.arange(y.size) % n_splits
    return [(np.flatnonzero(fold_of != j), np.flatnonzero(fold_of == j)) for j in range(n_splits)]


@mutant("stratified_k_fold_indices")
def deals_in_the_original_order(y, n_splits=5):
    """Round robin over the samples as they come, not lined up by class: sizes right, classes not."""
    codes, k = _checked(y, n_splits)
    fold_of = np.arange(codes.size) % k
    return [(np.flatnonzero(fold_of != j), np.flatnonzero(fold_of == j)) for j in range(k)]


@mutant("stratified_k_fold_indices")
def accepts_n_splits_above_every_class(y, n_splits=5):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or not 2 <= n_splits <= y.size:
        raise ValueError("bad input")
    codes = np.unique(y, return_inverse=True)[1].reshape(-1)
    order = np.argsort(codes, kind="stable")
    fold_of = np.empty(codes.size, int)
    fold_of[order] = np.arange(codes.size) % n_splits
    return [(np.flatnonzero(fold_of != j), np.flatnonzero(fold_of == j)) for j in range(n_splits)]
