"""Wrong versions of statistics/welch_t_test."""

import numpy as np
from scipy.stats import norm, t

from mlkata.mutants import mutant


def _checked(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    if a.ndim != 1 or b.ndim != 1 or a.size < 2 or b.size < 2:
        raise ValueError("bad shape")
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise ValueError("not finite")
    if np.ptp(a) == 0 and np.ptp(b) == 0:
        raise ValueError("both constant")
    return a, b


def _welch(mean_diff, v_a, n_a, v_b, n_b, tail=None):
    se2_a, se2_b = v_a / n_a, v_b / n_b
    statistic = mean_diff / np.sqrt(se2_a + se2_b)
    dof = (se2_a + se2_b) ** 2 / (se2_a**2 / (n_a - 1) + se2_b**2 / (n_b - 1))
    p = 2 * t.sf(abs(statistic), dof) if tail is None else tail(statistic, dof)
    return float(statistic), float(p)


def _plain(a, b, tail=None, ddof=1):
    return _welch(a.mean() - b.mean(), a.var(ddof=ddof), a.size, b.var(ddof=ddof), b.size, tail)


@mutant("welch_t_test", hint="Student's t-test")
def pooled_variance(a, b):
    a, b = _checked(a, b)
    n_a, n_b = a.size, b.size
    pool = ((n_a - 1) * a.var(ddof=1) + (n_b - 1) * b.var(ddof=1)) / (n_a + n_b - 2)
    statistic = (a.mean() - b.mean()) / np.sqrt(pool / n_a + pool / n_b)
    return float(statistic), float(2 * t.sf(abs(statistic), n_a + n_b - 2))


@mutant("welch_t_test", hint="ddof=1")
def population_variances(a, b):
    return _plain(*_checked(a, b), ddof=0)


@mutant("welch_t_test", hint="not n_a + n_b - 2")
def student_degrees_of_freedom(a, b):
    a, b = _checked(a, b)
    n_a, n_b = a.size, b.size
    return _plain(a, b, tail=lambda s, dof: 2 * t.sf(abs(s), n_a + n_b - 2))


@mutant("welch_t_test", hint="two-sided")
def one_sided(a, b):
    return _plain(*_checked(a, b), tail=lambda s, dof: t.sf(abs(s), dof))


@mutant("welch_t_test", hint="1 - t.cdf")
def one_minus_cdf(a, b):
    return _plain(*_checked(a, b), tail=lambda s, dof: 2 * (1 - t.cdf(abs(s), dof)))


@mutant("welch_t_test", hint="not the normal one")
def normal_tail(a, b):
    return _plain(*_checked(a, b), tail=lambda s, dof: 2 * norm.sf(abs(s)))


@mutant("welch_t_test", hint="sign is flipped")
def b_minus_a(a, b):
    a, b = _checked(a, b)
    return _plain(b, a)


@mutant("welch_t_test", hint="cancels catastrophically")
def one_pass_variance(a, b):
    a, b = _checked(a, b)
    v_a = (np.sum(a * a) - a.size * a.mean() ** 2) / (a.size - 1)
    v_b = (np.sum(b * b) - b.size * b.mean() ** 2) / (b.size - 1)
    return _welch(a.mean() - b.mean(), v_a, a.size, v_b, b.size)


@mutant("welch_t_test", hint="wrapped around")
def squares_in_the_input_dtype(a, b):
    """a * a in uint8 wraps around before the sum."""
    _checked(a, b)
    a, b = np.asarray(a), np.asarray(b)
    v_a = (np.sum(a * a) - a.size * a.mean() ** 2) / (a.size - 1)
    v_b = (np.sum(b * b) - b.size * b.mean() ** 2) / (b.size - 1)
    return _welch(a.mean() - b.mean(), v_a, a.size, v_b, b.size)


@mutant("welch_t_test", hint="raise ValueError instead of")
def both_constant_gives_nan(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    if a.ndim != 1 or b.ndim != 1 or a.size < 2 or b.size < 2 or not np.all(np.isfinite(np.r_[a, b])):
        raise ValueError("bad input")
    with np.errstate(all="ignore"):
        return _plain(a, b)


@mutant("welch_t_test", hint="read-only")
def centres_in_place(a, b):
    _checked(a, b)
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    mean_a, mean_b = a.mean(), b.mean()
    a -= mean_a
    b -= mean_b
    return _welch(mean_a - mean_b, a @ a / (a.size - 1), a.size, b @ b / (b.size - 1), b.size)


@mutant("welch_t_test", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(a, b):
    # integers widened to float64, float32 kept as given: its sums overflow near 3.4e38
    a, b = (np.asarray(x) for x in (a, b))
    a, b = (x if x.dtype.kind == "f" else x.astype(float) for x in (a, b))
    _checked(a, b)
    return _plain(a, b)


@mutant("welch_t_test", level=3)
def python_loops(a, b):
    a, b = _checked(a, b)
    moments = []
    for x in (a.tolist(), b.tolist()):
        first = x[0]
        shifted = [v - first for v in x]
        mean = sum(shifted) / len(x)
        variance = sum((v - mean) ** 2 for v in shifted) / (len(x) - 1)
        moments.append((first + mean, variance / len(x), len(x)))
    (mean_a, se2_a, n_a), (mean_b, se2_b, n_b) = moments
    se2 = se2_a + se2_b
    statistic = (mean_a - mean_b) / se2**0.5
    share = se2_a / se2
    dof = 1.0 / (share**2 / (n_a - 1) + (1.0 - share) ** 2 / (n_b - 1))
    return float(statistic), float(2.0 * t.sf(abs(statistic), dof))
