"""Wrong versions of statistics/two_proportion_z_test."""

import math
from statistics import NormalDist

import numpy as np

from mlkata.mutants import mutant


def _counts(*values):
    counts = []
    for value in values:
        number = np.asarray(value)
        if number.ndim != 0 or not float(number).is_integer():
            raise ValueError("not a count")
        counts.append(int(number))
    x_a, n_a, x_b, n_b = counts
    if n_a < 1 or n_b < 1 or not (0 <= x_a <= n_a and 0 <= x_b <= n_b):
        raise ValueError("bad counts")
    return counts


def _two_sided(z):
    return float(z), 2 * NormalDist().cdf(-abs(z))


@mutant("two_proportion_z_test", hint="use the pooled p")
def unpooled_standard_error(successes_a, n_a, successes_b, n_b):
    x_a, n_a, x_b, n_b = _counts(successes_a, n_a, successes_b, n_b)
    p_a, p_b = x_a / n_a, x_b / n_b
    se = math.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
    return (0.0, 1.0) if se == 0 else _two_sided((p_a - p_b) / se)


def _pooled(x_a, n_a, x_b, n_b):
    pooled = (x_a + x_b) / (n_a + n_b)
    if pooled in (0, 1):
        return None
    return (x_a / n_a - x_b / n_b) / math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))


@mutant("two_proportion_z_test", hint="two-sided")
def one_sided(successes_a, n_a, successes_b, n_b):
    z = _pooled(*_counts(successes_a, n_a, successes_b, n_b))
    return (0.0, 1.0) if z is None else (z, NormalDist().cdf(-abs(z)))


@mutant("two_proportion_z_test", hint="sign is flipped")
def b_minus_a(successes_a, n_a, successes_b, n_b):
    x_a, n_a, x_b, n_b = _counts(successes_a, n_a, successes_b, n_b)
    z = _pooled(x_b, n_b, x_a, n_a)
    return (0.0, 1.0) if z is None else _two_sided(z)


@mutant("two_proportion_z_test", hint="average of the two rates")
def average_of_the_rates(successes_a, n_a, successes_b, n_b):
    x_a, n_a, x_b, n_b = _counts(successes_a, n_a, successes_b, n_b)
    p_a, p_b = x_a / n_a, x_b / n_b
    pooled = (p_a + p_b) / 2
    if pooled in (0, 1):
        return 0.0, 1.0
    return _two_sided((p_a - p_b) / math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b)))


@mutant("two_proportion_z_test", hint="continuity correction")
def continuity_correction(successes_a, n_a, successes_b, n_b):
    x_a, n_a, x_b, n_b = _counts(successes_a, n_a, successes_b, n_b)
    pooled = (x_a + x_b) / (n_a + n_b)
    if pooled in (0, 1):
        return 0.0, 1.0
    p_a, p_b = x_a / n_a, x_b / n_b
    gap = max(abs(p_a - p_b) - 0.5 * (1 / n_a + 1 / n_b), 0.0)
    return _two_sided(math.copysign(gap, p_a - p_b) / math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b)))


@mutant("two_proportion_z_test", hint="wrapped around")
def counts_in_their_own_dtype(successes_a, n_a, successes_b, n_b):
    """x_a + x_b and n_a + n_b in the learner's uint8, as numpy gives them."""
    _counts(successes_a, n_a, successes_b, n_b)
    with np.errstate(all="ignore"):
        pooled = float((successes_a + successes_b) / (n_a + n_b))
        if pooled in (0, 1):
            return 0.0, 1.0
        z = float(successes_a / n_a - successes_b / n_b) / np.sqrt(
            pooled * (1 - pooled) * (1 / n_a + 1 / n_b)
        )
    return (float(z), float("nan")) if np.isnan(z) else _two_sided(z)


@mutant("two_proportion_z_test", hint="wrapped around")
def product_of_sizes_in_int32(successes_a, n_a, successes_b, n_b):
    """(n_a + n_b) / (n_a * n_b) for 1/n_a + 1/n_b, with n_a * n_b in the learner's int32."""
    x_a, _, x_b, _ = _counts(successes_a, n_a, successes_b, n_b)
    with np.errstate(all="ignore"):
        pooled = (x_a + x_b) / float(n_a + n_b)
        if pooled in (0, 1):
            return 0.0, 1.0
        z = (x_a / float(n_a) - x_b / float(n_b)) / np.sqrt(
            pooled * (1 - pooled) * float((n_a + n_b) / (n_a * n_b))
        )
    return (float(z), float("nan")) if np.isnan(z) else _two_sided(z)


@mutant("two_proportion_z_test", hint="not 0 / 0")
def nan_when_nobody_converts(successes_a, n_a, successes_b, n_b):
    x_a, n_a, x_b, n_b = _counts(successes_a, n_a, successes_b, n_b)
    pooled = (x_a + x_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    if se == 0:  # 0 / 0, as numpy would give it
        return math.nan, math.nan
    return _two_sided((x_a / n_a - x_b / n_b) / se)


@mutant("two_proportion_z_test")
def successes_not_checked(successes_a, n_a, successes_b, n_b):
    x_a, n_a, x_b, n_b = (int(v) for v in (successes_a, n_a, successes_b, n_b))
    if n_a < 1 or n_b < 1:
        raise ValueError("no trials")
    z = _pooled(x_a, n_a, x_b, n_b)
    return (0.0, 1.0) if z is None or math.isnan(z) else _two_sided(z)


@mutant("two_proportion_z_test")
def truncates_fractional_counts(successes_a, n_a, successes_b, n_b):
    """int(2.5) is 2: a fractional count is silently truncated instead of refused."""
    x_a, n_a, x_b, n_b = (int(float(v)) for v in (successes_a, n_a, successes_b, n_b))
    z = _pooled(*_counts(x_a, n_a, x_b, n_b))
    return (0.0, 1.0) if z is None else _two_sided(z)


@mutant("two_proportion_z_test", hint="n_a * n_b overflows int64", level=2)
def int64_product_of_group_sizes(successes_a, n_a, successes_b, n_b):
    # widened to int64 (so int32 and uint8 products no longer wrap), then 1/n_a + 1/n_b
    # written as (n_a + n_b) / (n_a * n_b): that product passes int64's 9.2e18 at 10^15 trials
    _counts(successes_a, n_a, successes_b, n_b)
    x_a, n_a, x_b, n_b = (np.int64(v) for v in (successes_a, n_a, successes_b, n_b))
    pooled = (x_a + x_b) / (n_a + n_b)
    if pooled in (0, 1):
        return 0.0, 1.0
    with np.errstate(all="ignore"):
        se = np.sqrt(pooled * (1 - pooled) * (n_a + n_b) / (n_a * n_b))
    return _two_sided(float((x_a / n_a - x_b / n_b) / se))
