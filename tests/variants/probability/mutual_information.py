"""Correct, differently written versions of probability/mutual_information."""

import math
from collections import Counter

import numpy as np


def _labels(x, y):
    a, b = np.asarray(x), np.asarray(y)
    if a.ndim != 1 or b.ndim != 1 or a.size == 0 or a.shape != b.shape:
        raise ValueError("x and y must be non-empty 1-D labellings of one length")
    return a, b


def variant_counter_fsum(x, y):
    a, b = _labels(x, y)
    xs, ys = a.tolist(), b.tolist()
    n = len(xs)
    joint = Counter(zip(xs, ys, strict=True))
    na, nb = Counter(xs), Counter(ys)
    value = math.fsum(c / n * math.log(n * c / (na[i] * nb[j])) for (i, j), c in joint.items())
    return max(value, 0.0)


def variant_entropies(x, y):
    # I = H(X) + H(Y) - H(X, Y), each from np.unique counts
    a, b = _labels(x, y)
    _, ia = np.unique(a, return_inverse=True)
    _, ib = np.unique(b, return_inverse=True)
    pairs = ia.reshape(-1).astype(np.int64) * (int(ib.max()) + 1) + ib.reshape(-1)

    def h(codes):
        c = np.unique(codes, return_counts=True)[1] / codes.size
        return -float(np.sum(c * np.log(c)))

    return max(h(ia.reshape(-1)) + h(ib.reshape(-1)) - h(pairs), 0.0)


def variant_contingency_table(x, y):
    a, b = _labels(x, y)
    _, ia = np.unique(a, return_inverse=True)
    _, ib = np.unique(b, return_inverse=True)
    table = np.zeros((ia.max() + 1, ib.max() + 1))
    np.add.at(table, (ia.reshape(-1), ib.reshape(-1)), 1.0)
    pxy = table / a.size
    outer = np.outer(pxy.sum(axis=1), pxy.sum(axis=0))
    nz = pxy > 0
    return max(float(np.sum(pxy[nz] * (np.log(pxy[nz]) - np.log(outer[nz])))), 0.0)
