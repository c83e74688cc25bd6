"""Correct, differently written versions of probability/js_divergence."""

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
    return a / sa, b / sb


def variant_fsum_loop(p, q):
    a, b = _weights(p, q)
    terms = []
    for x, y in zip(a.tolist(), b.tolist(), strict=True):
        m = 0.5 * (x + y)
        if x > 0:
            terms.append(0.5 * x * math.log(x / m))
        if y > 0:
            terms.append(0.5 * y * math.log(y / m))
    return min(max(math.fsum(terms), 0.0), math.log(2))


def variant_entropy_difference(p, q):
    # JS = H(M) - (H(P) + H(Q)) / 2
    a, b = _weights(p, q)
    m = 0.5 * (a + b)
    h = lambda v: -float(np.sum(xlogy(v, v)))  # noqa: E731
    return max(h(m) - 0.5 * (h(a) + h(b)), 0.0)


def variant_einsum_two_over_sum(p, q):
    # JS = 1/2 sum p ln(2p / (p + q)) + 1/2 sum q ln(2q / (p + q)), terms with a zero dropped
    a, b = _weights(p, q)
    s = a + b
    la = np.log(np.where(a > 0, 2 * a, 1.0) / np.where(a > 0, s, 1.0))
    lb = np.log(np.where(b > 0, 2 * b, 1.0) / np.where(b > 0, s, 1.0))
    return float(0.5 * (np.einsum("i,i->", a, la) + np.einsum("i,i->", b, lb)))
