"""Benchmark cases of the data exercises."""

from __future__ import annotations

import numpy as np

from . import CLASSES, Trial, case, fmt, quiet, rows, shape

# --- data --------------------------------------------------------------------------------


@case("data/one_hot_encode", "sklearn.preprocessing.label_binarize(y, classes=range(k))")
def _one_hot(m, n, rng):
    from sklearn.preprocessing import label_binarize

    y = rng.integers(0, CLASSES, size=n)
    return Trial(
        f"{fmt(n)}, k={CLASSES}",
        lambda: m.one_hot_encode(y),
        lambda: label_binarize(y, classes=list(range(CLASSES))),
    )


@case("data/k_fold_indices", "list(sklearn KFold(5).split(np.zeros((n, 1))))")
def _k_fold(m, n, rng):
    from sklearn.model_selection import KFold

    X = np.zeros((n, 1))
    return Trial(f"{fmt(n)}, 5 folds", lambda: m.k_fold_indices(n), lambda: list(KFold(5).split(X)))


def _same_sizes(ours, theirs) -> bool:
    """Stratified folds are graded on properties: the same test fold sizes, and a cover of 0 .. n-1."""
    sizes = [len(test) for _, test in ours] == [len(test) for _, test in theirs]
    covered = np.array_equal(
        np.sort(np.concatenate([test for _, test in ours])), np.arange(len(ours[0][0]) + len(ours[0][1]))
    )
    return sizes and covered


@case(
    "data/stratified_k_fold_indices",
    "list(sklearn StratifiedKFold(5).split(np.zeros((n, 1)), y))",
    note="10 classes; compared on the fold sizes (the indices in a fold differ by design)",
)
def _stratified(m, n, rng):
    from sklearn.model_selection import StratifiedKFold

    y = rng.integers(0, CLASSES, size=n)
    X = np.zeros((n, 1))
    return Trial(
        f"{fmt(n)}, 5 folds",
        lambda: m.stratified_k_fold_indices(y),
        quiet(lambda: list(StratifiedKFold(5).split(X, y))),
        same=_same_sizes,
    )


@case("data/polynomial_features", "sklearn PolynomialFeatures(2).fit_transform(X)")
def _polynomial(m, n, rng):
    from sklearn.preprocessing import PolynomialFeatures

    X = rng.normal(size=(rows(n), CLASSES))
    return Trial(
        shape(*X.shape) + ", degree 2",
        lambda: m.polynomial_features(X),
        lambda: PolynomialFeatures(2).fit_transform(X),
    )
