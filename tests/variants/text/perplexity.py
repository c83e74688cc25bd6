"""Correct, differently written versions of text/perplexity."""

import math

import numpy as np
from scipy.stats import gmean


def _probs(token_probs):
    p = np.asarray(token_probs)
    if p.ndim != 1 or p.size == 0 or p.dtype.kind not in "biuf":
        raise ValueError("token_probs must be a non-empty 1-D array of numbers")
    p = p.astype(np.float64)
    if not np.all((p > 0) & (p <= 1)):
        raise ValueError("probabilities must be in (0, 1]")
    return p


def variant_fsum_loop(token_probs):
    p = _probs(token_probs).tolist()
    return math.exp(-math.fsum(math.log(v) for v in p) / len(p))


def variant_bits(token_probs):
    # 2 ** cross-entropy in bits
    p = _probs(token_probs)
    return float(2.0 ** (-np.mean(np.log2(p))))


def variant_inverse_geometric_mean(token_probs):
    p = _probs(token_probs)
    return float(1.0 / gmean(p))
