"""Correct, differently written versions of statistics/spearman_correlation."""

import math

import numpy as np
from scipy.stats import rankdata


def _pairs(x, y):
    a, b = np.asarray(x), np.asarray(y)
    if a.ndim != 1 or b.ndim != 1 or a.shape != b.shape or a.size < 2:
        raise ValueError("x and y must be 1-D, of one length, with at least 2 pairs")
    if a.dtype.kind not in "biuf" or b.dtype.kind not in "biuf":
        raise ValueError("numeric samples expected")
    a, b = a.astype(np.float64), b.astype(np.float64)
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise ValueError("samples must be finite")
    if np.all(a == a[0]) or np.all(b == b[0]):
        raise ValueError("a constant sample has no rank correlation")
    return a, b


def _loop_ranks(values):
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for m in range(i, j + 1):
            ranks[order[m]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def _pearson_fsum(r, s):
    n = len(r)
    mr, ms = math.fsum(r) / n, math.fsum(s) / n
    num = math.fsum((p - mr) * (q - ms) for p, q in zip(r, s, strict=True))
    den = math.sqrt(math.fsum((p - mr) ** 2 for p in r) * math.fsum((q - ms) ** 2 for q in s))
    return max(-1.0, min(1.0, num / den))


def variant_loop_ranks(x, y):
    a, b = _pairs(x, y)
    return _pearson_fsum(_loop_ranks(a.tolist()), _loop_ranks(b.tolist()))


def variant_unique_counts(x, y):
    # average rank of a value = (number below) + (ties + 1) / 2
    a, b = _pairs(x, y)

    def ranks(v):
        _, inverse, counts = np.unique(v, return_inverse=True, return_counts=True)
        below = np.cumsum(counts) - counts
        return (below + (counts + 1) / 2)[inverse.reshape(-1)]

    r, s = ranks(a), ranks(b)
    cr, cs = r - r.mean(), s - s.mean()
    return max(-1.0, min(1.0, float(cr @ cs / np.sqrt((cr @ cr) * (cs @ cs)))))


def variant_rankdata_corrcoef(x, y):
    a, b = _pairs(x, y)
    return max(-1.0, min(1.0, float(np.corrcoef(rankdata(a), rankdata(b))[0, 1])))
