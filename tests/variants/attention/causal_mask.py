"""Correct, differently written versions of attention/causal_mask."""

import numbers
import operator

import numpy as np


def _n(n):
    if not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be an integer >= 1, got {n!r}")
    return int(n)


def variant_loops(n):
    """Nested list comprehension of j <= i."""
    n = _n(n)
    return np.array([[j <= i for j in range(n)] for i in range(n)], dtype=bool).reshape(n, n)


def variant_broadcast_compare(n):
    """Row index >= column index by broadcasting two aranges."""
    if isinstance(n, (float, str, np.floating)):
        raise ValueError("n must be an integer")
    try:
        n = operator.index(n)
    except TypeError:
        raise ValueError("n must be an integer") from None
    if n < 1:
        raise ValueError("n must be >= 1")
    idx = np.arange(n)
    return idx[:, None] >= idx[None, :]


def variant_not_strict_upper(n):
    """The complement of the strictly upper triangle."""
    n = _n(n)
    return ~np.triu(np.ones((n, n), dtype=bool), k=1)


def variant_tri(n):
    """numpy.tri with a bool dtype."""
    n = _n(n)
    return np.tri(n, n, 0, dtype=bool)
