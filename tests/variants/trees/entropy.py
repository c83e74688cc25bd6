"""Correct, differently written versions of trees/entropy."""

import math
from collections import Counter

import numpy as np


def _checked(y, base):
    a = np.asarray(y)
    if a.ndim != 1 or a.size == 0:
        raise ValueError("y must be 1-D and non-empty")
    if isinstance(base, (bool, np.bool_)):
        raise ValueError("base must be a number")
    try:
        b = float(base)
    except (TypeError, ValueError):
        raise ValueError("base must be a number") from None
    if not (math.isfinite(b) and b > 0 and b != 1):
        raise ValueError("base must be a positive number other than 1")
    return a, b


def variant_counter_fsum(y, base=2):
    """Counter of labels, math.log with the base, math.fsum."""
    a, b = _checked(y, base)
    n = a.size
    h = -math.fsum((c / n) * math.log(c / n, b) for c in Counter(a.tolist()).values())
    return h + 0.0


def variant_log_n_form(y, base=2):
    """H = (ln n - sum c ln c / n) / ln b, from the counts of np.unique."""
    a, b = _checked(y, base)
    _, c = np.unique(a, return_counts=True)
    c = c.astype(np.float64)
    n = float(a.size)
    h = (math.log(n) - float(np.dot(c, np.log(c))) / n) / math.log(b)
    return 0.0 if len(c) == 1 else h


def variant_log2_convert(y, base=2):
    """Entropy in bits with np.log2, converted to base b by log_b(2)."""
    a, b = _checked(y, base)
    _, inv = np.unique(a, return_inverse=True)
    p = np.bincount(inv.ravel()) / a.size
    bits = -np.sum(p * np.log2(p))
    return float(bits / math.log2(b)) + 0.0
