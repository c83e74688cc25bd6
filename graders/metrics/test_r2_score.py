"""Grader for metrics/r2_score, against sklearn.metrics.r2_score."""

import numpy as np
from sklearn.metrics import r2_score as sklearn_r2_score

from mlkata.grading import Mistake, expect_close, expect_raises, points, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    expect_case,
    expect_cases,
    expect_rejected,
)
from mlkata.grading.domains import Case, Domain, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, case, near_float32_max, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

r2_score = student_function("r2_score")
REFERENCE = "sklearn.metrics.r2_score"


def _fit(how):
    """Predictions related to the targets: a close fit, a constant target, a near-perfect fit."""

    def corner(values, rng):
        y = values["y_true"]
        if how == "close fit":
            return {**values, "y_pred": y + 1e-3 * rng.normal(size=y.shape)}
        if how == "constant, perfect":
            return {**values, "y_true": np.full(y.shape, 2.5), "y_pred": np.full(y.shape, 2.5)}
        if how == "constant, imperfect":
            return {**values, "y_true": np.full(y.shape, 2.5), "y_pred": 2.5 + rng.normal(size=y.shape)}
        return {**values, "y_true": 7 * y, "y_pred": 7 * y + 1e-9 * rng.normal(size=y.shape)}

    return corner


DOMAIN = Domain(
    seed=1603,
    args=(
        Reals("y_true", scale=2, loc=1, uint8=True, offset=True, tiny=True),
        Reals("y_pred", scale=2, loc=1, uint8=True, offset=True, tiny=True),
    ),
    sizes={"n": (2, 10, 40, 500)},
    custom={
        "a close fit": _fit("close fit"),
        "constant y_true, perfect predictions": _fit("constant, perfect"),
        "constant y_true, imperfect predictions": _fit("constant, imperfect"),
        "predictions 1e-9 off a perfect fit": _fit("near perfect"),
    },
)


@cached_reference
def reference(y_true, y_pred):
    return float(sklearn_r2_score(np.asarray(y_true, float), np.asarray(y_pred, float)))


def _ss(y_true, y_pred, around=None):
    """The residual sum of squares, and the sum of squares of y_true around `around`."""
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    centre = y_true.mean() if around is None else around(y_pred)
    return np.sum((y_true - y_pred) ** 2), np.sum((y_true - centre) ** 2)


def _around_pred_mean(y_true, y_pred):
    residual, total = _ss(y_true, y_pred, around=np.mean)
    return 1 - residual / total


def _mean_over_sum(y_true, y_pred):
    residual, total = _ss(y_true, y_pred)
    return 1 - residual / len(y_true) / total


def _by_moments(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    total = y_true.size * (np.mean(y_true**2) - np.mean(y_true) ** 2)
    return 1 - np.sum((y_true - y_pred) ** 2) / total


def _in_input_dtype(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.dtype.kind != "u":
        raise ValueError("only unsigned integers wrap around")
    return 1 - np.sum((y_true - y_pred) ** 2) / np.sum((y_true - y_true.mean()) ** 2)


MISTAKES = (
    Mistake(
        "R^2 is not symmetric: the denominator is the spread of y_TRUE around its mean; you "
        "swapped y_true and y_pred",
        lambda y_true, y_pred: reference(y_pred, y_true),
    ),
    Mistake("the baseline predicts the mean of y_true, not the mean of y_pred", _around_pred_mean),
    Mistake(
        "that is the squared correlation of y_true and y_pred, which ignores bias and scale "
        "errors: R^2 = 1 - SS_res / SS_tot",
        lambda y_true, y_pred: np.corrcoef(np.asarray(y_true, float), np.asarray(y_pred, float))[0, 1] ** 2,
    ),
    Mistake(
        "sum(y**2) / n - mean(y)**2 cancels catastrophically when the values are large and close "
        "together (near 1e9 here): compute SS_tot as np.sum((y_true - y_true.mean()) ** 2)",
        _by_moments,
    ),
    Mistake(
        "y_true - y_pred on unsigned integers (uint8) wraps around instead of going negative: "
        "convert to float first, np.asarray(y_true, dtype=float)",
        _in_input_dtype,
    ),
    Mistake(
        "SS_res and SS_tot must both be sums (or both means): you mixed a mean and a sum", _mean_over_sum
    ),
)


@points(3)
def test_matches_sklearn_on_random_inputs(r2_score):
    rng = seeded(1601)
    for n, noise, bias in ((2, 0.3, 0.0), (10, 0.5, 0.4), (500, 1.0, 0.0), (40, 3.0, 2.0)):
        y_true = rng.normal(size=n) * 2 + 1
        y_pred = 0.8 * y_true + bias + rng.normal(scale=noise, size=n)
        expect_close(
            r2_score.call(y_true, y_pred), reference(y_true, y_pred), reference=REFERENCE, mistakes=MISTAKES
        )


@points(1)
def test_perfect_fit_and_constant_targets(r2_score):
    y = np.array([1.0, -2.0, 3.5, 0.25])
    expect_close(r2_score.call(y, y.copy()), 1.0, reference="a perfect fit scores 1", mistakes=MISTAKES)
    constant = np.array([2.0, 2.0, 2.0, 2.0])
    expect_close(
        r2_score.call(constant, constant.copy()),
        reference(constant, constant),
        reference=REFERENCE + ": constant y_true, perfect predictions -> 1.0",
        mistakes=MISTAKES,
    )
    expect_close(
        r2_score.call(constant, [2.0, 2.0, 3.0, 1.0]),
        reference(constant, [2.0, 2.0, 3.0, 1.0]),
        reference=REFERENCE + ": constant y_true, imperfect predictions -> 0.0 (SS_tot = 0)",
        mistakes=MISTAKES,
    )


@points(2)
def test_every_corner_of_the_domain(r2_score):
    expect_cases(r2_score, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


def _judge(function, case: Case):
    if np.size(case.args[0]) < 2:  # property tests draw n = 1 too: R^2 is undefined there
        expect_raises(call_case(function, case), because="R^2 needs at least two samples")
        return
    expect_case(function, case, reference, reference_name=REFERENCE)


@points(1)
def test_rejects_bad_input(r2_score):
    expect_rejected(
        r2_score,
        [
            BadInput("R^2 needs at least two samples: one sample has no variance", ([1.5], [1.0])),
            BadInput("y_true has 3 values and y_pred 2", ([1.0, 2.0, 3.0], [1.0, 2.0])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("the inputs must be 1-D", ([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 5.0]])),
            *DOMAIN.bad_inputs(),
        ],
    )


def _in_float32(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return 1 - np.sum((y_true - y_pred) ** 2) / np.sum((y_true - y_true.mean()) ** 2)


@robust()
@points(1)
def test_extreme_magnitudes(r2_score):
    rng = seeded(1205)
    y = near_overflow(rng, 40, 1e150)
    cases = [
        case("float32 values near 3e38", near_float32_max(rng, 40), near_float32_max(rng, 40)),
        case("values near 1e150, squares near 1e300", y, y * rng.uniform(0.5, 1.5, size=40)),
        case("two samples", np.array([1.0, 2.0]), np.array([2.0, 1.0])),
        case("a constant target of 1e300, predicted exactly", np.full(4, 1e300), np.full(4, 1e300)),
        case("a constant target of 1e150, predicted wrong", np.full(4, 1e150), np.full(4, -1e150)),
    ]
    in_float32 = Mistake(FLOAT32_OVERFLOW, _in_float32)
    expect_cases(r2_score, cases, reference, reference_name=REFERENCE, mistakes=(in_float32,))


FAST = Fast(within=5.0)


PROPERTIES = (Differential("r2_score", DOMAIN, judge=_judge),)
