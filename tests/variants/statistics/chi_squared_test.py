"""Correct, differently written versions of statistics/chi_squared_test."""

import math

import numpy as np
from scipy.stats import chi2


def _counts(observed, expected):
    o = np.asarray(observed)
    if o.ndim != 1 or o.size == 0 or np.any(o < 0):
        raise ValueError("observed must be non-empty 1-D counts >= 0")
    if expected is None:
        return [float(x) for x in o.tolist()], None
    e = np.asarray(expected)
    if e.shape != o.shape or np.any(e <= 0):
        raise ValueError("expected must be positive counts of observed's shape")
    return [float(x) for x in o.tolist()], [float(x) for x in e.tolist()]


def _dof(k, ddof):
    if k - 1 - ddof < 1:
        raise ValueError("no degrees of freedom left")
    return k - 1 - ddof


def variant_fsum_loop(observed, expected=None, ddof=0):
    o, e = _counts(observed, expected)
    total = math.fsum(o)
    if e is None:
        e = [total / len(o)] * len(o)
        if total <= 0:
            raise ValueError("no counts")
    elif not math.isclose(total, math.fsum(e), rel_tol=1.4e-8):
        raise ValueError("observed and expected totals differ")
    statistic = math.fsum((a - b) ** 2 / b for a, b in zip(o, e, strict=True))
    return statistic, float(chi2.sf(statistic, _dof(len(o), ddof)))


def variant_einsum(observed, expected=None, ddof=0):
    o, e = _counts(observed, expected)
    o = np.array(o)
    e = np.full_like(o, o.mean()) if e is None else np.array(e)
    if np.any(e <= 0) or abs(o.sum() - e.sum()) > 1.4e-8 * min(o.sum(), e.sum()):
        raise ValueError("bad expected counts")
    r = o - e
    statistic = float(np.einsum("i,i,i->", r, r, 1 / e))
    return statistic, float(chi2.sf(statistic, _dof(o.size, ddof)))
