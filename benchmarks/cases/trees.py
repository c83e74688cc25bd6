"""Benchmark cases of the trees exercises."""

from __future__ import annotations

import numpy as np
from scipy.stats import entropy

from . import (
    CLASSES,
    Trial,
    case,
    close,
    fmt,
    quiet,
    rows,
    shape,
)

# --- trees -----------------------------------------------------------------------------


def _root_gain(tree):
    """The impurity decrease of a fitted tree's root split (0 for a single leaf)."""
    t = tree.tree_
    if t.node_count == 1:
        return 0.0
    w = t.weighted_n_node_samples
    return float(t.impurity[0] - (w[1] * t.impurity[1] + w[2] * t.impurity[2]) / w[0])


@case("trees/gini_impurity", "sklearn DecisionTreeClassifier().fit(zeros((n, 1)), y).tree_.impurity[0]")
def _gini(m, n, rng):
    from sklearn.tree import DecisionTreeClassifier

    y = rng.integers(0, CLASSES, size=n)
    X = np.zeros((n, 1))
    reference = quiet(lambda: float(DecisionTreeClassifier().fit(X, y).tree_.impurity[0]))
    return Trial(fmt(n), lambda: m.gini_impurity(y), reference)


@case("trees/entropy", "scipy.stats.entropy(np.unique(y, return_counts=True)[1], base=2)")
def _entropy(m, n, rng):
    y = rng.integers(0, CLASSES, size=n)
    return Trial(
        fmt(n), lambda: m.entropy(y), lambda: float(entropy(np.unique(y, return_counts=True)[1], base=2))
    )


@case("trees/information_gain", "sklearn DecisionTreeClassifier(max_depth=1) on the mask: its root gain")
def _information_gain(m, n, rng):
    from sklearn.tree import DecisionTreeClassifier

    y = rng.integers(0, CLASSES, size=n)
    mask = rng.random(n) < 0.4
    X = (~mask).astype(np.float64)[:, None]
    tree = DecisionTreeClassifier(max_depth=1, criterion="entropy")
    return Trial(fmt(n), lambda: m.information_gain(y, mask), quiet(lambda: _root_gain(tree.fit(X, y))))


@case("trees/best_split", "sklearn DecisionTreeClassifier(max_depth=1).fit(X, y): its root gain")
def _best_split(m, n, rng):
    from sklearn.tree import DecisionTreeClassifier

    X = rng.normal(size=(rows(n), CLASSES))
    y = rng.integers(0, 3, size=rows(n))
    tree = DecisionTreeClassifier(max_depth=1)

    def same(split, gain):
        return close(split[2], gain, rtol=1e-9, atol=1e-12)

    return Trial(
        shape(*X.shape), lambda: m.best_split(X, y), quiet(lambda: _root_gain(tree.fit(X, y))), same=same
    )
