"""Grader for losses/mean_absolute_error, against sklearn.metrics.mean_absolute_error."""

import numpy as np
from sklearn.metrics import mean_absolute_error as sklearn_mae

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, case, near_float32_max, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

mean_absolute_error = student_function("mean_absolute_error")
REFERENCE = "sklearn.metrics.mean_absolute_error"
DOMAIN = Domain(
    seed=103,
    args=(
        Reals("y_true", scale=3, uint8=True, offset=True, tiny=True),
        Reals("y_pred", scale=3, uint8=True, offset=True, tiny=True),
    ),
    sizes={"n": (1, 7, 2, 300)},
)


@cached_reference
def reference(y, p):
    return float(sklearn_mae(np.asarray(y, float), np.asarray(p, float)))


def _residual(y, p):
    return np.asarray(y, float) - np.asarray(p, float)


MISTAKES = (
    Mistake(
        "the errors were averaged with their signs, so they cancel: take np.abs first",
        lambda y, p: np.mean(_residual(y, p)),
    ),
    Mistake(
        "that is the sum of the absolute errors: divide by n for the mean",
        lambda y, p: np.sum(np.abs(_residual(y, p))),
    ),
    Mistake(
        "that is the mean *squared* error: MAE uses |y - p|, not (y - p)**2",
        lambda y, p: np.mean(_residual(y, p) ** 2),
    ),
    Mistake(
        "you divided by n - 1: the MAE divides by n (it is not a sample statistic)",
        lambda y, p: np.sum(np.abs(_residual(y, p))) / (len(y) - 1),
    ),
    Mistake(
        "that is the median of the absolute errors: MAE takes their mean",
        lambda y, p: np.median(np.abs(_residual(y, p))),
    ),
)


@points(3)
def test_matches_sklearn_on_random_inputs(mean_absolute_error):
    rng = seeded(101)
    for n in (1, 7, 2, 500):  # n = 2 after 7: there the sum is the sum / (n - 1)
        y, p = rng.normal(size=n) * 3, rng.normal(size=n) * 3
        expect_close(mean_absolute_error.call(y, p), reference(y, p), reference=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_outlier_and_exact_fit(mean_absolute_error):
    y, p = np.array([0.0, 0.0, 0.0, 0.0]), np.array([1.0, -1.0, 0.0, 10.0])
    expect_close(mean_absolute_error.call(y, p), 3.0, reference="(1 + 1 + 0 + 10) / 4", mistakes=MISTAKES)
    expect_close(mean_absolute_error.call(y, y), 0.0, reference="a perfect fit has no error")


@points(2)
def test_every_corner_of_the_domain(mean_absolute_error):
    expect_cases(
        mean_absolute_error, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_rejects_bad_input(mean_absolute_error):
    expect_rejected(
        mean_absolute_error,
        [
            BadInput("y_true has 3 values and y_pred 2", ([1.0, 2.0, 3.0], [1.0, 2.0])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("the inputs are 2-D, not 1-D", (np.ones((2, 2)), np.ones((2, 2)))),
            *DOMAIN.bad_inputs(),
        ],
    )


ROBUST_MISTAKES = (
    Mistake(FLOAT32_OVERFLOW, lambda y, p: np.mean(np.abs(np.asarray(y) - np.asarray(p)))),
    Mistake(
        "sqrt(r**2) overflows for residuals near 1e300 although |r| does not: take np.abs(r)",
        lambda y, p: np.mean(np.sqrt(_residual(y, p) ** 2)),
    ),
)


@robust()
@points(1)
def test_extreme_magnitudes(mean_absolute_error):
    rng = seeded(105)
    cases = [
        case("float32 values near 3e38", near_float32_max(rng, 40), near_float32_max(rng, 40)),
        case("values near 1e300", near_overflow(rng, 40), near_overflow(rng, 40)),
        case("one sample of 1e300 against -1e300", np.array([1e300]), np.array([-1e300])),
        case("residuals of 1e-300 and 1e300 together", np.array([1e-300, 0.0, 1e300]), np.zeros(3)),
    ]
    expect_cases(
        mean_absolute_error,
        cases,
        reference,
        reference_name=REFERENCE,
        mistakes=ROBUST_MISTAKES,
    )


FAST = Fast(within=5.0)

PROPERTIES = (Differential("mean_absolute_error", DOMAIN, reference, REFERENCE),)
