"""Grader for regularization/ridge_fit, against sklearn.linear_model.Ridge.

Ridge's default solver ("auto", Cholesky on dense data) is exact to rounding on these small,
well-conditioned problems, so a correct closed form agrees with it to about 1e-12.
"""

import numpy as np
from sklearn.linear_model import Ridge

from mlkata.grading import Mistake, expect_close, part_mistakes, points, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

ridge_fit = student_function("ridge_fit")
REFERENCE = "sklearn.linear_model.Ridge(alpha).fit(X, y)"
RTOL, ATOL = 1e-6, 1e-8


def _duplicated_column(values, rng):
    """Two equal columns: rank-deficient, but alpha > 0 makes the answer unique."""
    X = values["X"].copy()
    X[:, -1] = X[:, 0]
    values["X"] = X
    return values


def _unstandardised(values, rng):
    """Columns with means far from 0 and different scales, y with a large intercept."""
    X = values["X"] * rng.uniform(0.1, 20, size=values["X"].shape[1]) + rng.uniform(
        -50, 50, size=values["X"].shape[1]
    )
    values["X"], values["y"] = X, values["y"] + 40.0
    return values


DOMAIN = Domain(
    seed=1435,
    args=(
        Reals("X", ("n", "d"), uint8=True, offset=True, nan_rejected=True),
        Reals("y", scale=3, uint8=True, offset=True, nan_rejected=True),
    ),
    params=(
        Param(
            "alpha",
            1.0,
            values=(0.5, 10.0),
            invalid=(-1.0, float("nan"), float("inf")),
            why_invalid="is not a single finite number >= 0",
        ),
    ),
    sizes={"n": (5, 200, 30, 8), "d": (1, 10, 4, 3)},
    custom={"duplicated column": _duplicated_column, "columns far from standardised": _unstandardised},
)
EXTREME = ("offset",)
"""The corner of level ★★ (robust): features and targets near 1e9, judged by test_far_from_zero."""


@cached_reference
def reference(X, y, alpha=1.0):
    model = Ridge(alpha=alpha).fit(np.asarray(X, float), np.asarray(y, float))
    return model.coef_, float(model.intercept_)


def _arrays(X, y):
    return np.asarray(X, float), np.asarray(y, float)


def _augmented_penalised(X, y, alpha=1.0):
    X, y = _arrays(X, y)
    A = np.column_stack([X, np.ones(len(X))])
    coef = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return coef[:-1], coef[-1]


def _no_intercept(X, y, alpha=1.0):
    X, y = _arrays(X, y)
    return np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y), 0.0


def _b_is_mean_y(X, y, alpha=1.0):
    w, _ = reference(X, y, alpha)
    return w, float(np.mean(y))


def _augmented_uncentred(X, y, alpha=1.0):
    X, y = _arrays(X, y)
    A = np.column_stack([X, np.ones(len(X))])
    penalty = np.diag(np.r_[np.full(X.shape[1], float(alpha)), 0.0])
    try:
        coef = np.linalg.solve(A.T @ A + penalty, A.T @ y)
    except np.linalg.LinAlgError:
        return None
    return coef[:-1], coef[-1]


def _centred_b_zero(X, y, alpha=1.0):
    w, _ = reference(X, y, alpha)
    return w, 0.0


WRONG_FITS = (
    (
        "the intercept is not penalised: centre X and y (or leave the intercept's entry of the "
        "penalty matrix at 0) instead of adding alpha to it too",
        _augmented_penalised,
    ),
    ("fit an intercept: centre X and y first, then b = mean(y) - mean(X) . w", _no_intercept),
    (
        "the penalty is alpha * ||w||^2 next to the SUM of squared residuals: you scaled alpha by n "
        "(that is the mean-squared-error convention)",
        lambda X, y, alpha=1.0: reference(X, y, alpha * len(X)),
    ),
    (
        "the objective is ||y - Xw - b||^2 + alpha * ||w||^2, with no 1/2 on either term: your "
        "alpha is off by a factor 2",
        lambda X, y, alpha=1.0: reference(X, y, alpha / 2),
    ),
    (
        "the objective is ||y - Xw - b||^2 + alpha * ||w||^2, with no 1/2 on either term: your "
        "alpha is off by a factor 2",
        lambda X, y, alpha=1.0: reference(X, y, 2 * alpha),
    ),
    ("alpha is ignored: that is ordinary least squares", lambda X, y, alpha=1.0: reference(X, y, 0.0)),
    ("b = mean(y) - mean(X) . w: you forgot the mean(X) . w term", _b_is_mean_y),
    (
        "the system [X 1] with the intercept left out of the penalty is right in exact arithmetic, "
        "but for features far from 0 (near 1e9) its A^T A loses every digit: centre X and y "
        "first, then b = mean(y) - mean(X) . w",
        _augmented_uncentred,
    ),
    ("you fitted on centred data: add the intercept back, b = mean(y) - mean(X) . w", _centred_b_zero),
)


MISTAKES = tuple(Mistake(hint, fit) for hint, fit in WRONG_FITS)
W_MISTAKES, B_MISTAKES = part_mistakes(MISTAKES, 0), part_mistakes(MISTAKES, 1)


def _expect_fit(outcome, X, y, alpha=1.0, why="", rtol=RTOL, atol=ATOL):
    w, b = reference(X, y, alpha)
    expect_close(
        outcome.part(0, "w"), w, reference=REFERENCE + why, rtol=rtol, atol=atol, mistakes=W_MISTAKES
    )
    expect_close(
        outcome.part(1, "b"), b, reference=REFERENCE + why, rtol=rtol, atol=atol, mistakes=B_MISTAKES
    )


def _regression(rng, n, d, offset=1.0):
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d) + offset * rng.normal(size=d)
    y = X @ rng.normal(scale=2.0, size=d) + rng.normal(scale=3.0) + 0.5 * rng.normal(size=n)
    return X, y


@points(3)
def test_matches_sklearn_on_random_inputs(ridge_fit):
    rng = seeded(1431)
    for n, d, alpha in ((5, 1, 0.5), (30, 4, 1.0), (200, 10, 10.0), (8, 3, 1e-3)):
        X, y = _regression(rng, n, d)
        _expect_fit(ridge_fit.call(X, y, alpha=alpha), X, y, alpha)
    X, y = _regression(rng, 25, 3)
    _expect_fit(ridge_fit.call(X, y), X, y, 1.0, " with the default alpha=1.0")


@points(2)
def test_intercept_is_not_penalised(ridge_fit):
    rng = seeded(1432)
    X, y = _regression(rng, 40, 3, offset=4.0)
    _expect_fit(ridge_fit.call(X, y + 100.0, alpha=5.0), X, y + 100.0, 5.0, "; y shifted by 100: w unchanged")
    _expect_fit(ridge_fit.call(X, y, alpha=1e6), X, y, 1e6, "; a huge alpha shrinks w to ~0, b to mean(y)")


@points(1)
def test_more_features_than_samples(ridge_fit):
    rng = seeded(1433)
    X, y = _regression(rng, 6, 12)
    _expect_fit(ridge_fit.call(X, y, alpha=0.7), X, y, 0.7, "; d > n, unique only thanks to alpha > 0")


def _judge(function, case):
    outcome = case_outcome(function, case)
    expected = reference(*case.widened, **case.widened_kwargs)
    for index, (name, mistakes) in enumerate((("w", W_MISTAKES), ("b", B_MISTAKES))):

        def part(*args, index=index, **kwargs):
            return reference(*args, **kwargs)[index]

        rtol, atol = case_tolerances(part, case, expected[index], rtol=RTOL, atol=ATOL)
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + case_suffix(case),
            rtol=rtol,
            atol=atol,
            mistakes=mistakes,
        )


@points(1)
def test_every_corner_of_the_domain(ridge_fit):
    for case in DOMAIN.corner_cases():
        if case.name not in EXTREME:
            _judge(ridge_fit, case)


@robust()
@points(1)
def test_far_from_zero(ridge_fit):
    for case in DOMAIN.corner_cases(only=EXTREME):
        _judge(ridge_fit, case)


@robust()
@points(1)
def test_one_sample_constant_columns_and_huge_scales(ridge_fit):
    """One sample (w = 0, b = y), a constant feature and a constant y, sizes of 1e100."""
    rng = seeded(1434)
    X, y = _regression(rng, 12, 3)
    constant_column = X.copy()
    constant_column[:, 1] = 7.5
    cases = (
        (X[:1], y[:1], 1.0, "; one sample: w = 0 and b = y"),
        (constant_column, y, 1.0, "; a constant feature gets weight 0"),
        (X, np.full(12, -3.25), 2.0, "; a constant y: w = 0, b = y"),
        (X * 1e100, y * 1e100, 1e200, "; X and y of 1e100, alpha of 1e200"),
        (X, y, 1e12, "; alpha = 1e12: w near 0"),
    )
    for X_, y_, alpha, why in cases:
        _expect_fit(ridge_fit.call(X_, y_, alpha=alpha), X_, y_, alpha, why)


@points(1)
def test_rejects_bad_input(ridge_fit):
    X = np.array([[0.0, 1.0], [1.0, 0.5], [3.0, 3.5], [4.0, 2.5]])
    y = np.array([1.0, 2.0, 3.0, 4.0])
    expect_rejected(
        ridge_fit,
        [
            BadInput("alpha must be >= 0", (X, y), {"alpha": -1.0}),
            BadInput("X has 4 rows and y 3 targets", (X, y[:3])),
            BadInput("X and y are empty", (np.zeros((0, 2)), np.zeros(0))),
            BadInput("X must be 2-D (n_samples, n_features), not a 1-D list", ([0.0, 1.0, 3.0, 4.0], y)),
            BadInput(
                "alpha = 0 with two equal columns: the least-squares solution is not unique",
                (np.column_stack([X[:, 0], X[:, 0]]), y),
                {"alpha": 0.0},
            ),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("ridge_fit", DOMAIN, judge=_judge),)


def _tall(n, rng):
    X, y = _regression(rng, n // 10, 10)
    return {"X": X, "y": y, "alpha": 1.0}


FAST = Fast(inputs=_tall, why="n // 10 samples of 10 features")
