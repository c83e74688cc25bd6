"""Grader for decomposition/covariance_matrix, against numpy.cov(X, rowvar=False).

The matrix must be a float64 array, as the docstring promises (and as ``numpy.cov`` gives), also
for float32, integer and uint8 ``X`` (:func:`mlkata.grading.result_types.expect_float64`).
"""

import numpy as np

from mlkata.grading import GradeFailure, Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Case, Domain, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, hint_when_not_finite, near_float32_max
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.result_types import expect_float64

covariance_matrix = student_function("covariance_matrix")
REFERENCE = "numpy.cov(X, rowvar=False) (ddof=1), as a (d, d) array"


@cached_reference
def reference(X):
    X = np.asarray(X, dtype=np.float64)
    return np.atleast_2d(np.cov(X, rowvar=False))  # numpy gives a 0-d array for one feature


def _centred(X):
    X = np.asarray(X, dtype=np.float64)
    return X - X.mean(axis=0)


def _raw_dtype(X):
    X = np.asarray(X)
    if X.dtype.kind not in "iu":
        return None
    centred = X - (X.sum(axis=0) // X.shape[0]).astype(X.dtype)
    return (centred.T @ centred).astype(np.float64) / (X.shape[0] - 1)


CANCELLATION = (
    "your answer is right for the same data moved to 0, wrong here, far from 0: a formula such as "
    "E[x x] - E[x] E[x] cancels catastrophically; centre the data first and multiply the centred "
    "columns, (X - mean).T @ (X - mean) / (n - 1)"
)
MISTAKES = (
    Mistake(
        "the sample covariance divides by n - 1 (ddof=1), not by n",
        lambda X: _centred(X).T @ _centred(X) / np.shape(X)[0],
    ),
    Mistake(
        "subtract each feature's mean first: X.T @ X / (n - 1) is not a covariance unless the "
        "columns have mean 0",
        lambda X: np.asarray(X, float).T @ np.asarray(X, float) / (np.shape(X)[0] - 1),
    ),
    Mistake(
        "subtract the mean of each FEATURE (X.mean(axis=0), one per column), not of each sample",
        lambda X: (
            (np.asarray(X, float) - np.asarray(X, float).mean(axis=1, keepdims=True)).T
            @ (np.asarray(X, float) - np.asarray(X, float).mean(axis=1, keepdims=True))
            / (np.shape(X)[0] - 1)
        ),
    ),
    Mistake(
        "the features are the columns of X: yours is (n, n), the rows taken as the variables "
        "(np.cov's default rowvar=True); the result is (d, d)",
        lambda X: np.cov(np.asarray(X, float)) if np.shape(X)[0] != np.shape(X)[1] else None,
    ),
    Mistake(
        "return a (d, d) matrix also for a single feature: (1, 1), not a number (np.cov gives a "
        "0-d array there; np.atleast_2d makes it 2-D)",
        lambda X: np.cov(np.asarray(X, float), rowvar=False) if np.shape(X)[1] == 1 else None,
    ),
    Mistake(
        "your arithmetic stayed in the input's integer type (uint8 wraps around, // truncates): "
        "convert X to float first (np.asarray(X, dtype=float))",
        _raw_dtype,
    ),
)


def _shifted(values, rng):
    """Columns near 1e9, 1e6 and 0 at once: one formula for every scale of offset."""
    d = values["X"].shape[1]
    values["X"] = values["X"] + np.array([1e9, -1e6, 0.0, 3e8, 5.0][:d])
    return values


def _one_feature(values, rng):
    values["X"] = values["X"][:, :1]
    return values


def _two_rows(values, rng):
    values["X"] = values["X"][:2]
    return values


def _constant_column(values, rng):
    X = values["X"].copy()
    X[:, 0] = 3.5
    values["X"] = X
    return values


def _correlated(values, rng):
    X = values["X"]
    values["X"] = X @ rng.normal(size=(X.shape[1], X.shape[1]))
    return values


def _wide(values, rng):
    """More features than samples: the covariance is rank-deficient, still d x d."""
    values["X"] = rng.normal(size=(3, 6)) * 4.0
    return values


DOMAIN = Domain(
    seed=2501,
    args=(Reals("X", ("n", "d"), scale=2.0, uint8=True, offset=True, tiny=True),),
    sizes={"n": (2, 7, 40, 300), "d": (1, 3, 4, 5)},
    custom={
        "columns near 1e9, -1e6 and 0": _shifted,
        "a single feature": _one_feature,
        "two samples": _two_rows,
        "a constant feature": _constant_column,
        "correlated features": _correlated,
        "more features than samples": _wide,
    },
)


def _expect(outcome, case: Case, what: str) -> None:
    expected = reference(*case.widened)
    scale = float(np.max(np.abs(expected), initial=0.0))
    rtol, atol = case_tolerances(reference, case, expected, rtol=1e-9, atol=1e-12 * scale)
    expect_close(
        outcome,
        expected,
        reference=REFERENCE + what + case_suffix(case),
        rtol=rtol,
        atol=atol,
        mistakes=MISTAKES,
    )
    expect_float64(outcome)


def _judge(function, case: Case, what: str = ""):
    outcome = case_outcome(function, case)
    try:
        _expect(outcome, case, what)
    except GradeFailure as failure:
        X = np.asarray(case.widened[0], dtype=np.float64)
        far = np.abs(X.mean(axis=0)) > 1e4 * (X.std(axis=0) + 1e-300)
        if "hint:" in str(failure) or X.ndim != 2 or not far.any():
            raise
        moved = Case("moved to 0", (X - X.mean(axis=0),))
        try:  # the same data near 0: a formula that cancels is right there
            _expect(case_outcome(function, moved), moved, what)
        except GradeFailure:
            raise failure from None
        raise GradeFailure(f"{failure}\n  hint: {CANCELLATION}") from None


@points(3)
def test_matches_numpy_on_random_data(covariance_matrix):
    rng = seeded(2502)
    for n, d in ((5, 2), (40, 3), (300, 6), (2, 4)):
        X = rng.normal(size=(n, d)) * rng.uniform(0.5, 4.0, size=d) + rng.normal(size=d)
        _judge(covariance_matrix, Case("random", (X,)))


@points(1)
def test_worked_cases(covariance_matrix):
    for X, why in (
        ([[1.0, 2.0], [3.0, 6.0], [5.0, 7.0]], "; the docstring's example: [[4, 5], [5, 7]]"),
        ([[1], [2], [6]], "; one feature: a 1 x 1 matrix holding its sample variance, 7"),
        ([[0, 0], [2, 2]], "; two samples: each variance and the covariance are 2"),
    ):
        _judge(covariance_matrix, Case("random", (X,)), why)


@points(2)
def test_far_from_zero(covariance_matrix):
    rng = seeded(2503)
    X = rng.normal(size=(200, 3)) * [1.0, 0.01, 5.0] + [1e9, 1e9, -3e8]
    _judge(covariance_matrix, Case("offset", (X,)), "; columns near 1e9, whose variances are ~1")


@points(2)
def test_every_corner_of_the_domain(covariance_matrix):
    for case in DOMAIN.corner_cases():
        _judge(covariance_matrix, case)


@points(1)
def test_rejects_bad_input(covariance_matrix):
    expect_rejected(
        covariance_matrix,
        [
            BadInput("one sample: the sample covariance divides by n - 1 = 0", ([[1.0, 2.0, 3.0]],)),
            BadInput("X must be 2-D (samples in rows, features in columns)", ([1.0, 2.0, 3.0],)),
            BadInput("X has no rows", (np.zeros((0, 3)),)),
            BadInput("X has no columns", (np.zeros((4, 0)),)),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_huge_and_tiny_scales_and_float32_near_its_largest(covariance_matrix):
    """Features of scale 1e150 and 1e-150 (products near 1e+-300), float32 near 3e38, 2 rows of 300."""
    rng = seeded(2504)
    X = rng.normal(size=(30, 3))
    for data, what in (
        (X * 1e150, "; features of scale 1e150: products near 1e300"),
        (X * 1e-150, "; features of scale 1e-150: products near 1e-300"),
        (near_float32_max(rng, (20, 2), low=0.05, high=0.3), "; float32 values near 3.4e38"),
        (rng.normal(size=(2, 300)), "; two samples of 300 features"),
        (np.repeat(X, 2, axis=0), "; every row twice"),
    ):
        with hint_when_not_finite(FLOAT32_OVERFLOW):
            _judge(covariance_matrix, Case("extreme", (data,)), what)


FAST = Fast(within=5.0, why="n / 10 samples of 10 features: a (10, 10) result")


PROPERTIES = (Differential("covariance_matrix", DOMAIN, judge=_judge),)
