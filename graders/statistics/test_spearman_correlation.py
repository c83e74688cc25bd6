"""Grader for statistics/spearman_correlation, against scipy.stats.spearmanr(x, y).statistic."""

import warnings

import numpy as np
from scipy.stats import pearsonr, rankdata, spearmanr

from mlkata.grading import Mistake, expect_close, expect_raises, points, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    expect_case,
    expect_cases,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.extremes import expect_not_refused, near_float32_max
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

spearman_correlation = student_function("spearman_correlation")
REFERENCE = "scipy.stats.spearmanr(x, y).statistic (ties get average ranks)"


def _many_ties(values, rng):
    """Values from {0, 1, 2, 3} (x) and {0, 1, 2} (y): almost every value is tied."""
    values["x"] = rng.integers(0, 4, size=values["x"].shape).astype(float)
    values["y"] = values["x"] + rng.integers(0, 3, size=values["y"].shape)
    values["x"][:2], values["y"][:2] = [0.0, 3.0], [0.0, 2.0]  # never constant
    return values


def _ties_in_x_only(values, rng):
    values["x"] = np.round(values["x"] / 2)
    values["x"][:2] = [0.0, 1.0]
    return values


def _monotone(values, rng):
    """y = exp(x): increasing, far from linear; rho is exactly 1."""
    values["y"] = np.exp(values["x"])
    return values


def _decreasing(values, rng):
    values["y"] = -(values["x"] ** 3)
    return values


DOMAIN = Domain(
    seed=8603,
    args=(
        Reals("x", scale=2, loc=1, uint8=True, offset=True, tiny=True, nan_rejected=True),
        Reals("y", scale=5, loc=-2, uint8=True, offset=True, tiny=True, nan_rejected=True),
    ),
    sizes={"n": (2, 5, 40, 500)},
    custom={
        "many ties": _many_ties,
        "ties in x only": _ties_in_x_only,
        "increasing, not linear": _monotone,
        "decreasing": _decreasing,
    },
)
RTOL = 1e-9


@cached_reference
def reference(x, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(spearmanr(np.asarray(x, float), np.asarray(y, float)).statistic)


def _pearson(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(pearsonr(a, b).statistic)


def _ranked(method):
    """Pearson's r of ranks given by ``rankdata(..., method=method)``."""
    return lambda x, y: _pearson(rankdata(_f(x), method=method), rankdata(_f(y), method=method))


def _f(a):
    return np.asarray(a, float)


def _shortcut(x, y):
    d = rankdata(_f(x)) - rankdata(_f(y))
    n = np.size(x)
    return 1 - 6 * np.sum(d * d) / (n * (n * n - 1))


MISTAKES = (
    Mistake(
        "tied values must share the average of the ranks they span (ranks 2 and 3 -> 2.5 each): "
        "np.argsort(np.argsort(x)) breaks ties by position instead",
        lambda x, y: _pearson(np.argsort(np.argsort(_f(x))), np.argsort(np.argsort(_f(y)))),
    ),
    Mistake(
        "tied values must share the average of the ranks they span (ranks 2 and 3 -> 2.5 each): "
        "np.argsort(np.argsort(x)) breaks ties by position instead",
        _ranked("ordinal"),
    ),
    Mistake(
        "tied values must share the *average* of the ranks they span (ranks 2 and 3 -> 2.5 each), "
        "not the lowest of them",
        _ranked("min"),
    ),
    Mistake(
        "tied values must share the *average* of the ranks they span (ranks 2 and 3 -> 2.5 each), "
        "not the highest of them",
        _ranked("max"),
    ),
    Mistake(
        "dense ranks (1, 2, 2, 3) leave no gap after a tie: tied values share the average of the "
        "ranks they span, and the next value's rank counts them all (1, 2.5, 2.5, 4)",
        _ranked("dense"),
    ),
    Mistake(
        "the shortcut 1 - 6 sum(d^2) / (n (n^2 - 1)) holds only without ties: compute Pearson's r "
        "of the average ranks",
        _shortcut,
    ),
    Mistake(
        "np.argsort(x) gives the order of the values (which index comes first), not their ranks: "
        "rank = position in that order, i.e. the argsort of the argsort, with ties averaged",
        lambda x, y: _pearson(np.argsort(_f(x)), np.argsort(_f(y))),
    ),
    Mistake(
        "replace the values by their ranks first: that is Pearson's r of the values themselves",
        lambda x, y: _pearson(_f(x), _f(y)),
    ),
)


def _expect_rho(outcome, x, y, why=""):
    expect_close(outcome, reference(x, y), reference=REFERENCE + why, rtol=RTOL, mistakes=MISTAKES)


@points(2)
def test_matches_scipy_on_random_inputs(spearman_correlation):
    rng = seeded(8601)
    for n, slope in ((3, 1.0), (10, -0.5), (60, 2.0), (1000, 0.1)):
        x = rng.normal(1.0, 2.0, size=n)
        y = slope * np.sinh(x) + rng.normal(size=n)
        _expect_rho(spearman_correlation.call(x, y), x, y)


@points(2)
def test_ties_get_average_ranks(spearman_correlation):
    rng = seeded(8602)
    for x, y, why in (
        ([9, 1, 4, 4, 4, 2], [5.0, 2.5, 3.5, 4.0, 1.0, 6.0], "; three tied 4s share ranks 3, 4, 5 -> 4 each"),
        (rng.integers(0, 3, size=50), rng.integers(0, 4, size=50), "; values from {0, 1, 2} and {0, .., 3}"),
        (np.round(rng.normal(size=200), 1), rng.integers(0, 10, size=200), "; values rounded to one decimal"),
        (
            [1, 2, 2, 3],
            [10, 20, 30, 30],
            "; the docstring's example: ranks [1, 2.5, 2.5, 4], [1, 2, 3.5, 3.5]",
        ),
    ):
        _expect_rho(spearman_correlation.call(x, y), x, y, why)


@points(1)
def test_monotone_relations(spearman_correlation):
    for x, y, why in (
        ([1, 2, 3, 4], [1, 8, 27, 64], "; y = x**3 increases with x: 1"),
        ([0.1, 0.5, 0.2, 0.9], [9.0, 1.0, 5.0, -3.0], "; y decreases as x increases: -1"),
        ([4.0, -1.0], [2.0, 3.0], "; two pairs, in opposite orders: -1"),
    ):
        _expect_rho(spearman_correlation.call(x, y), x, y, why)


@points(2)
def test_every_corner_of_the_domain(spearman_correlation):
    expect_cases(
        spearman_correlation,
        DOMAIN.corner_cases(),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
        rtol=RTOL,
    )


@points(1)
def test_rejects_bad_input(spearman_correlation):
    nan = Mistake(
        "a constant sample has all its ranks tied, so rho is 0 / 0: raise ValueError instead of "
        "returning nan",
        lambda x, y: np.nan,
    )
    expect_rejected(
        spearman_correlation,
        [
            BadInput("x is constant: rho is 0 / 0", ([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]), mistakes=(nan,)),
            BadInput("y is constant: rho is 0 / 0", ([1.0, 2.0, 3.0], [0.1, 0.1, 0.1]), mistakes=(nan,)),
            BadInput("one pair says nothing about a correlation", ([1.0], [2.0])),
            BadInput("x has 3 values and y 2", ([1.0, 2.0, 3.0], [1.0, 2.0])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("x and y must be 1-D", ([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 5.0]])),
            BadInput("y holds inf", ([1.0, 2.0, 3.0], [1.0, 2.0, -np.inf])),
            *DOMAIN.bad_inputs(),
        ],
    )


def _judge(function, case):
    if any(np.ptp(np.asarray(v, float)) == 0 for v in case.widened):  # small integer draws can be constant
        expect_raises(call_case(function, case), because="a constant sample has all its ranks tied")
        return
    expect_case(function, case, reference, reference_name=REFERENCE, mistakes=MISTAKES, rtol=RTOL)


FINITE_FLOAT32 = (
    "every value is finite: a test of the sum, x.sum() in float32, overflows to inf near 3.4e38; "
    "test the values themselves (np.all(np.isfinite(x))) or convert to float64 first"
)


@robust()
@points(1)
def test_near_ties_huge_ties_and_float32_extremes(spearman_correlation):
    """Values 1 ulp apart (distinct, not tied), 20000 values of 2 kinds, float32 values near 3e38."""
    rng = seeded(8604)
    base = rng.normal(size=40)
    x = 1.0 + np.spacing(1.0) * rng.permutation(40)  # 1 + k ulp, k = 0 .. 39
    _expect_rho(spearman_correlation.call(x, base), x, base, "; x holds 40 values 1 ulp apart")
    two = (rng.random(20_000) < 0.3).astype(float)
    y = two + rng.normal(size=two.size)
    _expect_rho(spearman_correlation.call(two, y), two, y, "; 20000 values, x takes only 2 of them")
    big_x, big_y = near_float32_max(rng, 30), near_float32_max(rng, 30)
    outcome = spearman_correlation.call(big_x, big_y)
    expect_not_refused(outcome, FINITE_FLOAT32, "; float32 values near 3.4e38, every one finite")
    _expect_rho(outcome, big_x, big_y, "; float32 values near 3.4e38")


def _fast_inputs(n, rng):
    x = rng.normal(size=n)
    return {"x": x, "y": 0.5 * x + rng.normal(size=n)}


FAST = Fast(inputs=_fast_inputs, within=5.0, why="two sorts of n values, as the reference does")


PROPERTIES = (Differential("spearman_correlation", DOMAIN, judge=_judge),)
