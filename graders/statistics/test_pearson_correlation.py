"""Grader for statistics/pearson_correlation, against scipy.stats.pearsonr(x, y).statistic."""

import warnings

import numpy as np
from scipy.stats import pearsonr

from mlkata.grading import (
    GradeFailure,
    Mistake,
    expect_close,
    expect_raises,
    points,
    returned,
    seeded,
    student_function,
    with_hints,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    expect_case,
    expect_cases,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, hint_when_not_finite, near_float32_max
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

pearson_correlation = student_function("pearson_correlation")
REFERENCE = "scipy.stats.pearsonr(x, y).statistic"


def _correlated(values, rng):
    """y = 2 x + a little noise: r close to 1."""
    values["y"] = 2.0 * values["x"] + 0.3 * rng.normal(size=values["x"].shape)
    return values


def _exact_line(values, rng):
    """y = -3 x + 7 exactly: r = -1, which rounding can take just past -1."""
    for _ in range(200):
        x = rng.normal(size=values["x"].shape)
        y = -3.0 * x + 7.0
        dx, dy = x - x.mean(), y - y.mean()
        if np.dot(dx, dy) / np.sqrt(np.dot(dx, dx) * np.dot(dy, dy)) < -1:
            break
    values["x"], values["y"] = x, y
    return values


def _ties(values, rng):
    values["x"], values["y"] = np.round(values["x"]), np.round(values["y"])
    values["x"][:2] = [0.0, 1.0]  # never constant
    values["y"][:2] = [1.0, 0.0]
    return values


DOMAIN = Domain(
    seed=8503,
    args=(
        Reals("x", scale=2, loc=1, uint8=True, offset=True, tiny=True, nan_rejected=True),
        Reals("y", scale=5, loc=-2, uint8=True, offset=True, tiny=True, nan_rejected=True),
    ),
    sizes={"n": (2, 5, 40, 500)},
    custom={"strongly correlated": _correlated, "an exact line": _exact_line, "repeated values": _ties},
)
RTOL = 1e-9
"""Sums of a few hundred terms: correct float64 code is within 1e-13; float32 is not."""


@cached_reference
def reference(x, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(pearsonr(np.asarray(x, float), np.asarray(y, float)).statistic)


def _f(a):
    return np.asarray(a, float)


def _cov(x, y, ddof=1):
    return np.sum((_f(x) - _f(x).mean()) * (_f(y) - _f(y).mean())) / (np.size(x) - ddof)


MISTAKES = (
    Mistake(
        "centre both samples first (subtract their means): without it you computed the cosine "
        "similarity of x and y",
        lambda x, y: np.dot(_f(x), _f(y)) / (np.linalg.norm(_f(x)) * np.linalg.norm(_f(y))),
    ),
    Mistake(
        "use the same factor in the covariance and the standard deviations: the sample covariance "
        "(ddof=1) over np.std's population deviations (ddof=0) is off by n / (n - 1)",
        lambda x, y: _cov(x, y, ddof=1) / (np.std(_f(x)) * np.std(_f(y))),
    ),
    Mistake(
        "use the same factor in the covariance and the standard deviations: the population "
        "covariance (ddof=0) over sample deviations (ddof=1) is off by (n - 1) / n",
        lambda x, y: _cov(x, y, ddof=0) / (np.std(_f(x), ddof=1) * np.std(_f(y), ddof=1)),
    ),
    Mistake(
        "divide by both standard deviations: cov(x, y) / var(x) is the slope of y on x, not r",
        lambda x, y: _cov(x, y) / np.var(_f(x), ddof=1),
    ),
    Mistake(
        "that is r squared (the coefficient of determination): return r itself, with its sign",
        lambda x, y: reference(x, y) ** 2,
    ),
    Mistake(
        "the one-pass formula (n sum xy - sum x sum y) / ... cancels catastrophically when the values "
        "are far from 0 (1e9 + a small spread): centre the values first",
        lambda x, y: _one_pass(_f(x), _f(y)),
    ),
    Mistake(
        "your products wrapped around: x * y stays in 0..255 for uint8 input; convert the samples "
        "to float first (np.asarray(x, dtype=float))",
        lambda x, y: _one_pass(np.asarray(x), np.asarray(y)) if np.asarray(x).dtype == np.uint8 else None,
    ),
    *(
        Mistake(
            "an epsilon added to the denominator 'for safety' changes r, and on small-scale data it "
            "dominates: a constant input is refused, nothing divides by 0",
            lambda x, y, eps=eps: (
                _cov(x, y) * (np.size(x) - 1) / (np.sqrt(_cov(x, x) * _cov(y, y)) * (np.size(x) - 1) + eps)
            ),
        )
        for eps in (1e-12, 1e-10, 1e-8)
    ),
)


def _one_pass(x, y):
    n = x.size
    numerator = n * np.sum(x * y) - np.sum(x) * np.sum(y)
    return numerator / np.sqrt((n * np.sum(x * x) - np.sum(x) ** 2) * (n * np.sum(y * y) - np.sum(y) ** 2))


def _expect_r(outcome, x, y, why=""):
    expect_close(outcome, reference(x, y), reference=REFERENCE + why, rtol=RTOL, mistakes=MISTAKES)


@points(3)
def test_matches_scipy_on_random_inputs(pearson_correlation):
    rng = seeded(8501)
    for n, slope in ((3, 1.0), (10, -0.5), (60, 2.0), (1000, 0.1)):
        x = rng.normal(1.0, 2.0, size=n)
        y = slope * x + rng.normal(size=n)
        _expect_r(pearson_correlation.call(x, y), x, y)


@points(1)
def test_lines_and_bounds(pearson_correlation):
    for x, y, why in (
        ([1, 2, 3, 4], [2, 4, 5, 9], "; the docstring's example, 11 / sqrt(5 * 26)"),
        ([1.0, 2.0, 3.0], [30.0, 20.0, 10.0], "; an exact decreasing line: -1"),
        ([0.5, 1.5], [7.0, 9.0], "; two pairs always lie on a line: 1"),
        ([1.0, 2.0, 3.0, 4.0], [1.0, 4.0, 9.0, 16.0], "; y = x**2 is not linear: r < 1"),
    ):
        _expect_r(pearson_correlation.call(x, y), x, y, why)
    for case in DOMAIN.corner_cases(only=("an exact line",)):
        outcome = call_case(pearson_correlation, case)
        value = float(returned(outcome))
        if not -1.0 <= value <= 1.0:
            raise GradeFailure(
                with_hints(
                    f"{outcome.call} returned {value!r}, outside [-1, 1]",
                    "rounding takes r just past 1 or -1 for points on an exact line: clip r to [-1, 1]",
                )
            )


@points(2)
def test_every_corner_of_the_domain(pearson_correlation):
    expect_cases(
        pearson_correlation,
        DOMAIN.corner_cases(),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
        rtol=RTOL,
    )


@points(1)
def test_rejects_bad_input(pearson_correlation):
    nan = Mistake(
        "a constant sample has standard deviation 0, so r is 0 / 0: raise ValueError instead of "
        "returning nan",
        lambda x, y: np.nan,
    )
    expect_rejected(
        pearson_correlation,
        [
            BadInput("x is constant: r is 0 / 0", ([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]), mistakes=(nan,)),
            BadInput("y is constant: r is 0 / 0", ([1.0, 2.0, 3.0], [5.0, 5.0, 5.0]), mistakes=(nan,)),
            BadInput(
                "y is constant (0.1 three times, whose float mean is not 0.1): r is 0 / 0",
                ([1.0, 2.0, 3.0], [0.1, 0.1, 0.1]),
                mistakes=(nan,),
            ),
            BadInput("one pair says nothing about a correlation", ([1.0], [2.0])),
            BadInput("x has 3 values and y 2", ([1.0, 2.0, 3.0], [1.0, 2.0])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("x and y must be 1-D", ([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 5.0]])),
            BadInput("x holds inf", ([1.0, np.inf, 3.0], [1.0, 2.0, 3.0])),
            *DOMAIN.bad_inputs(),
        ],
    )


def _judge(function, case):
    if any(np.ptp(np.asarray(v, float)) == 0 for v in case.widened):  # small integer draws can be constant
        expect_raises(call_case(function, case), because="a constant sample has standard deviation 0")
        return
    expect_case(function, case, reference, reference_name=REFERENCE, mistakes=MISTAKES, rtol=RTOL)


@robust()
@points(1)
def test_float32_values_near_float32_max(pearson_correlation):
    """float32 values near 3e38: r is an ordinary number, but their squares overflow float32."""
    rng = seeded(8504)
    x = near_float32_max(rng, 30)
    y = (0.5 * x.astype(float) + near_float32_max(rng, 30).astype(float) * 0.5).astype(np.float32)
    with hint_when_not_finite(FLOAT32_OVERFLOW):
        _expect_r(pearson_correlation.call(x, y), x, y, "; float32 values near float32's largest, 3.4e38")


def _fast_inputs(n, rng):
    x = rng.normal(size=n)
    return {"x": x, "y": 0.5 * x + rng.normal(size=n)}


FAST = Fast(inputs=_fast_inputs, within=5.0)


PROPERTIES = (Differential("pearson_correlation", DOMAIN, judge=_judge),)
