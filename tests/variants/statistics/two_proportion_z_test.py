"""Correct, differently written versions of statistics/two_proportion_z_test."""

import math
import numbers
from fractions import Fraction
from statistics import NormalDist

import numpy as np


def _count(value, name):
    if isinstance(value, (str, bytes)) or np.ndim(value) != 0:
        raise ValueError(f"{name} must be a single count")
    v = value.item() if isinstance(value, np.ndarray | np.generic) else value
    if not isinstance(v, numbers.Real):
        raise ValueError(f"{name} must be a number")
    v = float(v)
    if not (math.isfinite(v) and v.is_integer()):
        raise ValueError(f"{name} must be a whole number")
    return int(v)


def _counts(successes_a, n_a, successes_b, n_b):
    xa, na = _count(successes_a, "successes_a"), _count(n_a, "n_a")
    xb, nb = _count(successes_b, "successes_b"), _count(n_b, "n_b")
    if na < 1 or nb < 1:
        raise ValueError("each group needs at least one trial")
    if not (0 <= xa <= na and 0 <= xb <= nb):
        raise ValueError("successes must lie between 0 and the trials")
    return xa, na, xb, nb


def variant_normaldist(successes_a, n_a, successes_b, n_b):
    xa, na, xb, nb = _counts(successes_a, n_a, successes_b, n_b)
    pooled = (xa + xb) / (na + nb)
    if pooled in (0.0, 1.0):
        return 0.0, 1.0
    z = (xa / na - xb / nb) / math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
    return z, 2 * NormalDist().cdf(-abs(z))


def variant_integer_numerator_erfc(successes_a, n_a, successes_b, n_b):
    # z = (x_a n_b - x_b n_a) sqrt(N) / sqrt(x (N - x) n_a n_b), the numerator in exact integers
    xa, na, xb, nb = _counts(successes_a, n_a, successes_b, n_b)
    x, n = xa + xb, na + nb
    if x in (0, n):
        return 0.0, 1.0
    z = (xa * nb - xb * na) * math.sqrt(n) / math.sqrt(x * (n - x) * na * nb)
    return z, math.erfc(abs(z) / math.sqrt(2))


def variant_fractions(successes_a, n_a, successes_b, n_b):
    # exact rational rates and variance, one square root at the end
    xa, na, xb, nb = _counts(successes_a, n_a, successes_b, n_b)
    pooled = Fraction(xa + xb, na + nb)
    if pooled in (0, 1):
        return 0.0, 1.0
    diff = Fraction(xa, na) - Fraction(xb, nb)
    var = pooled * (1 - pooled) * (Fraction(1, na) + Fraction(1, nb))
    z = float(diff) / math.sqrt(float(var))
    return z, 2 * (1 - NormalDist().cdf(abs(z))) if abs(z) < 1 else math.erfc(abs(z) / math.sqrt(2))
