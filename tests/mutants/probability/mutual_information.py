"""Wrong versions of probability/mutual_information."""

import numpy as np

from mlkata.mutants import mutant


def _checked(x, y):
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise ValueError("bad input")
    return x, y


def _table(i, j, width=None):
    k_x, k_y = i.max() + 1, j.max() + 1
    width = k_y if width is None else width
    return np.bincount(i * width + j, minlength=k_x * k_y).reshape(k_x, k_y).astype(float)


def _indices(x, y):
    return np.unique(x, return_inverse=True)[1], np.unique(y, return_inverse=True)[1]


def _mi(table, log=np.log):
    p = table / table.sum()
    outer = np.outer(p.sum(axis=1), p.sum(axis=0))
    keep = p > 0
    return float(np.sum(p[keep] * log(p[keep] / outer[keep])))


@mutant("mutual_information", hint="not log2")
def log_base_two(x, y):
    return _mi(_table(*_indices(*_checked(x, y))), log=np.log2)


@mutant("mutual_information", hint="divide the counts by n")
def counts_not_probabilities(x, y):
    table = _table(*_indices(*_checked(x, y)))
    n = table.sum()
    outer = np.outer(table.sum(axis=1), table.sum(axis=0))
    keep = table > 0
    return float(np.sum(table[keep] * np.log(n * table[keep] / outer[keep])))


@mutant("mutual_information", hint="row * k_y + col")
def pair_code_with_the_wrong_stride(x, y):
    i, j = _indices(*_checked(x, y))
    return _mi(_table(i, j, width=i.max() + 1))


@mutant("mutual_information", hint="truncation")
def labels_cast_to_int(x, y):
    x, y = _checked(x, y)
    if x.dtype.kind == "f":
        x = x.astype(int)
    if y.dtype.kind == "f":
        y = y.astype(int)
    return _mi(_table(*_indices(x, y)))


@mutant("mutual_information", hint="joint entropy H(X, Y)")
def joint_entropy(x, y):
    p = _table(*_indices(*_checked(x, y))).ravel()
    p = p[p > 0] / p.sum()
    return float(-np.sum(p * np.log(p)))


@mutant("mutual_information")
def labels_used_as_indices(x, y):
    """np.bincount on the labels themselves: strings and negative labels raise."""
    x, y = _checked(x, y)
    x, y = x.astype(np.int64), y.astype(np.int64)
    return _mi(_table(x, y))


@mutant("mutual_information")
def zip_truncates_the_longer_input(x, y):
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim != 1 or y.ndim != 1 or x.size == 0 or y.size == 0:
        raise ValueError("bad input")
    n = min(x.size, y.size)
    return _mi(_table(*_indices(x[:n], y[:n])))
