"""Wrong versions of trees/gini_impurity."""

import numpy as np

from mlkata.mutants import mutant


def _counts(y):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad input")
    return np.unique(y, return_counts=True)[1]


@mutant("gini_impurity", hint="square the class proportions")
def proportions_not_squared(y):
    p = _counts(y) / np.size(y)
    return float(1 - np.sum(p))


@mutant("gini_impurity", hint="1 minus it")
def purity_not_impurity(y):
    p = _counts(y) / np.size(y)
    return float(np.sum(p**2))


@mutant("gini_impurity", hint="integer division")
def proportions_by_integer_division(y):
    p = _counts(y) // np.size(y)
    return float(1 - np.sum(p**2))


@mutant("gini_impurity", hint="not the Gini impurity")
def entropy_instead(y):
    p = _counts(y) / np.size(y)
    return float(-np.sum(p * np.log2(p)))


@mutant("gini_impurity", hint="not the raw counts")
def raw_counts(y):
    c = _counts(y).astype(float)
    return float(1 - np.sum(c**2))


@mutant("gini_impurity")
def counts_by_bincount(y):
    """Counts at the label values: fails on strings and negative labels."""
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad input")
    p = np.bincount(y) / y.size
    return float(1 - np.sum(p**2))


@mutant("gini_impurity")
def empty_accepted(y):
    """1 - sum([]) = 1.0 for no labels at all."""
    y = np.asarray(y).ravel()
    counts = np.unique(y, return_counts=True)[1] if y.size else np.zeros(0)
    return float(1 - np.sum((counts / max(y.size, 1)) ** 2))


@mutant("gini_impurity")
def two_d_flattened(y):
    y = np.asarray(y).ravel()
    if y.size == 0:
        raise ValueError("empty")
    p = np.unique(y, return_counts=True)[1] / y.size
    return float(1 - np.sum(p**2))


@mutant("gini_impurity", hint="a bare string is one label")
def bare_string_read_by_character(y):
    """collections.Counter(y) on a str: "abc" counted as three labels a, b, c (0-d input accepted)."""
    if isinstance(y, str):
        y = list(y)
    p = _counts(y) / np.size(y)
    return float(1 - np.sum(p**2))


@mutant("gini_impurity", hint="labels are any values", level=2)
def counts_integer_labels_by_value(y):
    # np.bincount for integer labels (fine up to ★'s labels -10**6 .. 10**6), np.unique otherwise
    _counts(y)
    y = np.asarray(y)
    if y.dtype.kind in "biu":
        codes = y.astype(np.int64)
        counts = np.bincount(codes - codes.min()).astype(float)
    else:
        counts = np.unique(y, return_counts=True)[1].astype(float)
    return float(1.0 - np.dot(counts, counts) / (float(y.size) * y.size))


@mutant("gini_impurity", level=3)
def python_loop(y):
    _counts(y)
    labels = np.asarray(y).tolist()
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    n = len(labels)
    return 1.0 - sum(c * c for c in counts.values()) / (n * n)
