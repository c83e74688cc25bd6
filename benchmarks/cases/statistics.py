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
