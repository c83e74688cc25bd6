"""Grader for losses/mean_squared_error, against sklearn.metrics.mean_squared_error."""

import numpy as np
from sklearn.metrics import mean_squared_error as sklearn_mse

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, case, near_float32_max, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

mean_squared_error = student_function("mean_squared_error")
REFERENCE = "sklearn.metrics.mean_squared_error"

DOMAIN = Domain(
    seed=203,
    args=(
        Reals("y_true", scale=2, uint8=True, offset=True, tiny=True),
        Reals("y_pred", scale=2, uint8=True, offset=True, tiny=True),
    ),
    sizes={"n": (3, 8, 300, 1)},
)


@cached_reference
def reference(y, p):
    return float(sklearn_mse(np.asarray(y, float), np.asarray(p, float)))


def _residual(y, p):
    return np.asarray(y, float) - np.asarray(p, float)


MISTAKES = (
    Mistake(
        "that is the RMSE: the MSE takes no square root", lambda y, p: np.sqrt(np.mean(_residual(y, p) ** 2))
    ),
    Mistake(
        "that is the sum of squared errors: divide by n for the mean",
        lambda y, p: np.sum(_residual(y, p) ** 2),
    ),
    Mistake(
        "you divided by n - 1: the MSE divides by n (it is not a sample variance)",
        lambda y, p: np.sum(_residual(y, p) ** 2) / (len(y) - 1),
    ),
    Mistake(
        "that is the mean *absolute* error: square the residuals instead",
        lambda y, p: np.mean(np.abs(_residual(y, p))),
    ),
    Mistake(
        "expanding (y - p)**2 into y**2 - 2*y*p + p**2 cancels catastrophically when the values are "
        "large (near 1e9 here): square the residuals y - p themselves",
        lambda y, p: (
            np.mean(np.asarray(y, float) ** 2)
            - 2 * np.mean(np.asarray(y, float) * np.asarray(p, float))
            + np.mean(np.asarray(p, float) ** 2)
        ),
    ),
    Mistake(
        "you squared the mean error: square each residual, then average",
        lambda y, p: np.mean(_residual(y, p)) ** 2,
    ),
)


@points(3)
def test_matches_sklearn_on_random_inputs(mean_squared_error):
    rng = seeded(201)
    for n in (3, 8, 500, 1):  # n = 1 last: there RMSE = MAE and the sum is the mean
        y, p = rng.normal(size=n) * 2, rng.normal(size=n) * 2
        expect_close(mean_squared_error.call(y, p), sklearn_mse(y, p), reference=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_known_values(mean_squared_error):
    expect_close(
        mean_squared_error.call([0.0, 0.0, 0.0, 0.0], [1.0, -1.0, 0.0, 2.0]),
        1.5,
        reference="(1 + 1 + 0 + 4) / 4",
        mistakes=MISTAKES,
    )
    expect_close(mean_squared_error.call([5.0, 5.0], [5.0, 5.0]), 0.0, reference="a perfect fit has no error")


@points(2)
def test_every_corner_of_the_domain(mean_squared_error):
    expect_cases(
        mean_squared_error, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_rejects_bad_input(mean_squared_error):
    expect_rejected(
        mean_squared_error,
        [
            BadInput("y_true has 2 values and y_pred 3", ([1.0, 2.0], [1.0, 2.0, 3.0])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("the inputs are 2-D, not 1-D", (np.ones((3, 1)), np.ones((3, 1)))),
            *DOMAIN.bad_inputs(),
        ],
    )


ROBUST_MISTAKES = (Mistake(FLOAT32_OVERFLOW, lambda y, p: np.mean((np.asarray(y) - np.asarray(p)) ** 2)),)


@robust()
@points(1)
def test_extreme_magnitudes(mean_squared_error):
    rng = seeded(205)
    cases = [
        case("float32 values near 3e38", near_float32_max(rng, 40), near_float32_max(rng, 40)),
        case("residuals near 1e150, squares near 1e300", near_overflow(rng, 40, 1e150), np.zeros(40)),
        case("one sample of 1e150 against -1e150", np.array([1e150]), np.array([-1e150])),
        case("equal values of 1e300: no error", np.full(5, 1e300), np.full(5, 1e300)),
    ]
    expect_cases(mean_squared_error, cases, reference, reference_name=REFERENCE, mistakes=ROBUST_MISTAKES)


FAST = Fast(within=5.0)

PROPERTIES = (Differential("mean_squared_error", DOMAIN, reference, REFERENCE),)
