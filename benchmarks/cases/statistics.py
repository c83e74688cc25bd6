"""Benchmark cases of the statistics exercises."""

from __future__ import annotations

import numpy as np

from . import (
    CLASSES,
    Trial,
    case,
    floor_of,
    fmt,
    rows,
    shape,
    side,
)

# --- statistics ------------------------------------------------------------------------


@case("statistics/chi_squared_test", "scipy.stats.chisquare(observed)")
def _chi_squared(m, n, rng):
    from scipy.stats import chisquare

    observed = rng.poisson(100, size=n).astype(np.float64)
    return Trial(
        fmt(n), lambda: m.chi_squared_test(observed), lambda: tuple(chisquare(observed)), floor_of(observed)
    )


@case("statistics/chi_squared_independence", "scipy.stats.chi2_contingency(table, correction=False)")
def _chi_squared_independence(m, n, rng):
    from scipy.stats import chi2_contingency

    q = side(n)
    table = rng.poisson(20, size=(q, q)).astype(np.float64) + 1.0
    return Trial(
        shape(q, q),
        lambda: m.chi_squared_independence(table),
        lambda: tuple(chi2_contingency(table, correction=False)),
        floor_of(table),
    )


@case("statistics/confidence_interval", "scipy.stats.t.interval(0.95, n - 1, mean, scipy.stats.sem)")
def _confidence_interval(m, n, rng):
    from scipy import stats

    sample = rng.normal(loc=3.0, size=n)

    def reference():
        return stats.t.interval(0.95, len(sample) - 1, loc=np.mean(sample), scale=stats.sem(sample))

    return Trial(fmt(n), lambda: m.confidence_interval(sample), reference, floor_of(sample))


@case("statistics/standardize", "sklearn StandardScaler().fit_transform(X)")
def _standardize(m, n, rng):
    from sklearn.preprocessing import StandardScaler

    X = rng.normal(loc=2.0, scale=3.0, size=(rows(n), CLASSES))
    return Trial(shape(*X.shape), lambda: m.standardize(X), lambda: StandardScaler().fit_transform(X))


@case("statistics/min_max_normalize", "sklearn MinMaxScaler().fit_transform(X)")
def _min_max(m, n, rng):
    from sklearn.preprocessing import MinMaxScaler

    X = rng.normal(loc=2.0, scale=3.0, size=(rows(n), CLASSES))
    return Trial(shape(*X.shape), lambda: m.min_max_normalize(X), lambda: MinMaxScaler().fit_transform(X))


@case("statistics/welch_t_test", "scipy.stats.ttest_ind(a, b, equal_var=False)")
def _welch(m, n, rng):
    from scipy.stats import ttest_ind

    a = rng.normal(loc=0.01, size=n)
    b = rng.normal(scale=3.0, size=n // 2)
    return Trial(
        f"{fmt(n)} + {fmt(n // 2)}",
        lambda: m.welch_t_test(a, b),
        lambda: tuple(ttest_ind(a, b, equal_var=False)),
        floor_of(a, b),
    )


def _paired(rng, n):
    x = rng.normal(loc=2.0, size=n)
    return x, 0.5 * x + rng.normal(size=n)


@case("statistics/pearson_correlation", "scipy.stats.pearsonr(x, y).statistic")
def _pearson(m, n, rng):
    from scipy.stats import pearsonr

    x, y = _paired(rng, n)
    return Trial(
        fmt(n), lambda: m.pearson_correlation(x, y), lambda: pearsonr(x, y).statistic, floor_of(x, y)
    )


@case("statistics/spearman_correlation", "scipy.stats.spearmanr(x, y).statistic")
def _spearman(m, n, rng):
    from scipy.stats import spearmanr

    x, y = _paired(rng, n)
    x = np.round(x, 2)  # ties: average ranks
    return Trial(
        fmt(n), lambda: m.spearman_correlation(x, y), lambda: spearmanr(x, y).statistic, floor_of(x, y)
    )


@case(
    "statistics/two_proportion_z_test",
    "pooled z, then 2 * scipy.stats.norm.sf(|z|)",
    unreferenced=True,
    note="four counts in, two numbers out: no array, so n sets the counts only; no library "
    "computes the pooled test, so it is timed against the formula with scipy's normal tail",
)
def _two_proportions(m, n, rng):
    from scipy.stats import norm

    x_a, x_b = int(rng.binomial(n, 0.101)), int(rng.binomial(n, 0.1))

    def reference():
        pooled = (x_a + x_b) / (2 * n)
        z = (x_a / n - x_b / n) / np.sqrt(pooled * (1 - pooled) * (2 / n))
        return z, 2 * norm.sf(abs(z))

    return Trial(f"n_a = n_b = {fmt(n)}", lambda: m.two_proportion_z_test(x_a, n, x_b, n), reference)
