"""Grader for losses/mean_absolute_error, against sklearn.metrics.mean_absolute_error."""

import numpy as np
from sklearn.metrics import mean_absolute_error as sklearn_mae

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected

mean_absolute_error = student_function("mean_absolute_error")
REFERENCE = "sklearn.metrics.mean_absolute_error"


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
        "that is the median of the absolute errors: MAE takes their mean",
        lambda y, p: np.median(np.abs(_residual(y, p))),
    ),
)


@points(3)
def test_matches_sklearn_on_random_inputs(mean_absolute_error):
    rng = seeded(101)
    for n in (1, 2, 7, 500):
        y, p = rng.normal(size=n) * 3, rng.normal(size=n) * 3
        expect_close(
            mean_absolute_error.call(y, p), sklearn_mae(y, p), reference=REFERENCE, mistakes=MISTAKES
        )


@points(1)
def test_outlier_and_exact_fit(mean_absolute_error):
    y, p = np.array([0.0, 0.0, 0.0, 0.0]), np.array([1.0, -1.0, 0.0, 10.0])
    expect_close(mean_absolute_error.call(y, p), 3.0, reference="(1 + 1 + 0 + 10) / 4", mistakes=MISTAKES)
    expect_close(mean_absolute_error.call(y, y), 0.0, reference="a perfect fit has no error")


@points(1)
def test_accepts_lists_and_float32(mean_absolute_error):
    rng = seeded(102)
    args = (rng.normal(size=50), rng.normal(size=50))
    expect_input_types_accepted(mean_absolute_error, args, sklearn_mae, reference_name=REFERENCE)


@points(1)
def test_rejects_bad_input(mean_absolute_error):
    expect_rejected(
        mean_absolute_error,
        [
            BadInput("y_true has 3 values and y_pred 2", ([1.0, 2.0, 3.0], [1.0, 2.0])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("the inputs are 2-D, not 1-D", (np.ones((2, 2)), np.ones((2, 2)))),
        ],
    )
