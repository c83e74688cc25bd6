"""Correct, differently written versions of probability/kl_divergence."""

import math

import numpy as np
from scipy.special import xlogy


def _weights(p, q):
    a, b = np.asarray(p), np.asarray(q)
    if a.ndim != 1 or b.ndim != 1 or a.size == 0 or a.shape != b.shape:
        raise ValueError("p and q must be non-empty 1-D arrays of one length")
    a, b = a.astype(np.float64), b.astype(np.float64)
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))) or np.any(a < 0) or np.any(b < 0):
        raise ValueError("entries must be finite and non-negative")
    sa, sb = float(np.sum(a)), float(np.sum(b))
    if not (0 < sa < math.inf and 0 < sb < math.inf):
        raise ValueError("weights must sum to a positive finite number")
    return a, b, sa, sb


def variant_fsum_loop(p, q):
    a, b, _, _ = _weights(p, q)
    sa, sb = math.fsum(a.tolist()), math.fsum(b.tolist())
    terms = []
    for x, y in zip(a.tolist(), b.tolist(), strict=True):
        pi, qi = x / sa, y / sb
        if pi == 0:
            continue
        if qi == 0:
            return math.inf
        terms.append(pi * math.log(pi / qi))
    return max(math.fsum(terms), 0.0) if terms else 0.0


def variant_xlogy(p, q):
    a, b, sa, sb = _weights(p, q)
    pn, qn = a / sa, b / sb
    value = float(np.sum(xlogy(pn, pn) - xlogy(pn, qn)))
    return value


def variant_unnormalised_logs(p, q):
    # KL = sum (P_i / S_P) (ln P_i - ln Q_i) + ln(S_Q / S_P): normalise after the logs
    a, b, sa, sb = _weights(p, q)
    keep = a > 0
    if np.any(b[keep] == 0):
        return math.inf
    w = a[keep] / sa
    return float(np.dot(w, np.log(a[keep]) - np.log(b[keep])) + math.log(sb) - math.log(sa))
