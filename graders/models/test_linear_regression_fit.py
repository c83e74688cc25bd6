"""Grader for models/linear_regression_fit, against sklearn.linear_model.LinearRegression.

The features have column means far from 0, so every way of getting the intercept wrong
(leaving it out, taking b = mean(y), solving for w without centring) moves ``w`` or ``b``.
"""

from dataclasses import replace

import numpy as np
from sklearn.linear_model import LinearRegression

from mlkata.grading import (
    GradeFailure,
    Mistake,
    expect_close,
    part_mistakes,
    points,
    returned,
    seeded,
    student_function,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

linear_regression_fit = student_function("linear_regression_fit")
REFERENCE = "sklearn LinearRegression().fit(X, y): coef_ and intercept_"


@cached_reference
def reference(X, y):
    model = LinearRegression().fit(np.asarray(X, float), np.asarray(y, float))
    return model.coef_, float(model.intercept_)


def _lstsq(A, y):
    return np.linalg.lstsq(np.asarray(A, float), np.asarray(y, float), rcond=None)[0]


def _no_intercept(X, y):
    return _lstsq(X, y), 0.0


def _b_is_mean_y(X, y):
    w, _ = reference(X, y)
    return w, float(np.mean(y))


def _uncentred_w(X, y):
    w = _lstsq(X, y)
    return w, float(np.mean(y) - np.mean(np.asarray(X, float), axis=0) @ w)


def _global_mean(X, y):
    w, _ = reference(X, y)
    return w, float(np.mean(y) - np.mean(X) * np.sum(w))


def _minus_sign(X, y):
    w, _ = reference(X, y)
    return w, float(np.mean(y) + np.mean(np.asarray(X, float), axis=0) @ w)


_WRONG = (
    (
        "did you forget the intercept? Fit y ≈ X @ w + b: centre X and y first, or append a column "
        "of ones to X",
        _no_intercept,
    ),
    ("the intercept is b = mean(y) - mean(X, axis=0) @ w, not mean(y)", _b_is_mean_y),
    (
        "w must come from the centred data (X - mean(X, axis=0), y - mean(y)) or from X with a "
        "column of ones: solving X w ≈ y without either fits a line through the origin",
        _uncentred_w,
    ),
    ("take the mean of each column of X (axis=0), not of all its entries", _global_mean),
    ("b = mean(y) - mean(X, axis=0) @ w: you added mean(X) @ w", _minus_sign),
)


MISTAKES = tuple(Mistake(hint, wrong) for hint, wrong in _WRONG)
B_MISTAKES = part_mistakes(MISTAKES, 1)
# Leaving the intercept out and solving X w ≈ y uncentred give the same w (they differ in b only),
# and the other mistakes get w right: the check of w, which comes first, names one mistake.
W_MISTAKES = part_mistakes(
    (
        Mistake(
            "did you forget the intercept? Fit y ≈ X @ w + b: w must come from the centred data "
            "(X - mean(X, axis=0), y - mean(y)) or from X with a column of ones appended; solving "
            "X w ≈ y without either fits a line through the origin",
            _uncentred_w,
        ),
    ),
    0,
)


def _returned_normally(outcome):
    """``outcome`` once the call returned: a stub (or a call that raised) fails here, with the
    message the checks would give, before the reference for it is computed."""
    returned(outcome)
    return outcome


def _check(outcome, expected, what="", rtol=1e-6, atol=1e-8):
    w, b = expected
    expect_close(
        outcome.part(0, "w"), w, reference=REFERENCE + what, rtol=rtol, atol=atol, mistakes=W_MISTAKES
    )
    expect_close(
        outcome.part(1, "b"), b, reference=REFERENCE + what, rtol=rtol, atol=atol, mistakes=B_MISTAKES
    )


def _data(rng, n, d, noise=0.5):
    X = rng.normal(loc=rng.uniform(-6, 6, size=d), scale=rng.uniform(0.5, 3, size=d), size=(n, d))
    w = rng.normal(scale=2, size=d)
    y = X @ w + rng.uniform(-5, 5) + noise * rng.normal(size=n)
    return X, y


@points(3)
def test_matches_sklearn_on_random_data(linear_regression_fit):
    rng = seeded(1201)
    for n, d in ((4, 1), (12, 2), (50, 3), (300, 5)):
        X, y = _data(rng, n, d)
        _check(_returned_normally(linear_regression_fit.call(X, y)), reference(X, y))


@points(1)
def test_exact_data_give_the_true_coefficients(linear_regression_fit):
    rng = seeded(1202)
    X = rng.normal(loc=3.0, size=(20, 3))
    w, b = np.array([1.5, -2.0, 0.25]), 4.0
    _check(linear_regression_fit.call(X, X @ w + b), (w, b), " (noise-free data: y = X @ w + b exactly)")
    x = np.arange(1.0, 6.0).reshape(-1, 1)
    _check(linear_regression_fit.call(x, 2 * x[:, 0] + 1), (np.array([2.0]), 1.0), " (the line y = 2x + 1)")


def _collinear(values, rng):
    """A column that is an exact multiple of another (and one duplicated): w is the minimum-norm one."""
    X = values["X"].copy()
    if X.shape[1] >= 2:
        X[:, -1] = -2.0 * X[:, 0]  # a power of two: exactly collinear, also once centred
    if X.shape[1] >= 3:
        X[:, 1] = X[:, 0]
    values["X"] = X
    return values


def _mixed_scales(values, rng):
    """Columns of scale 1e3 and 1 with means of 1e3 times that: standardised by nobody.

    (Not beyond: scikit-learn's ``lstsq(cond=tol=1e-6)`` drops singular values below 1e-6
    of the largest, so its answer to a worse-conditioned design is not least squares.)
    """
    X = values["X"].copy()
    scales = 10.0 ** rng.choice([0.0, 3.0], size=X.shape[1])
    scales[0] = 1e3
    values["X"] = X * scales + 1e3 * scales * rng.uniform(1, 3, size=X.shape[1])
    return values


def _constant_column(values, rng):
    """One feature the same for every sample: it shares the intercept, and its minimum-norm w is 0."""
    X = values["X"].copy()
    X[:, -1] = float(rng.integers(2, 9))
    values["X"] = X
    return values


DOMAIN = Domain(
    seed=1211,
    args=(Reals("X", ("n", "d"), scale=2.0, loc=5.0, tiny=True), Reals("y", ("n",), scale=3.0, loc=-4.0)),
    sizes={"n": (4, 12, 40, 300), "d": (1, 2, 3, 5)},
    custom={
        "collinear columns": _collinear,
        "a constant column": _constant_column,
        "features of scale 1e3, means 1e6": _mixed_scales,
    },
)


def _part_reference(index):
    return lambda X, y: np.asarray(reference(X, y)[index], float)


def _judge(function, case):
    """``w`` and ``b`` as scikit-learn's; for an underdetermined design, the fitted values.

    With ``n <= d`` the least-squares solutions form a family and scikit-learn's ``lstsq``
    keeps singular values of rounding size, so its ``w`` is not the minimum-norm one to any
    digit: there only ``X @ w + b`` (the same for every solution) is compared.
    """
    X, y = case.widened
    n, d = np.shape(X)
    outcome = case_outcome(function, case)
    expected = reference(X, y)
    w, b = _parts(outcome, d)
    if n <= d:
        fitted = np.asarray(X, float) @ expected[0] + expected[1]
        expect_close(
            replace(outcome, value=np.asarray(X, float) @ w + b, label=" -> X @ w + b"),
            fitted,
            reference=REFERENCE + ": X @ coef_ + intercept_ (n <= d: many solutions, one fit)",
            rtol=1e-6,
            atol=1e-6 * (1 + float(np.max(np.abs(fitted)))),
        )
        return
    tolerances = [
        case_tolerances(_part_reference(i), case, expected[i], rtol=1e-6, atol=1e-8) for i in (0, 1)
    ]
    rtol = max(t[0] for t in tolerances)
    atol = max(t[1] for t in tolerances)
    _check(outcome, expected, case_suffix(case), rtol=rtol, atol=atol)


def _parts(outcome, d):
    value = returned(outcome)
    if isinstance(value, tuple | list) and value and not isinstance(value[0], np.ndarray):
        raise GradeFailure(
            f"{outcome.call} returned w = {value[0]!r:.80}: w must be a numpy array of shape ({d},)"
        )
    try:
        return np.asarray(value[0], dtype=np.float64).reshape(d), float(value[1])
    except (TypeError, ValueError, IndexError):
        raise GradeFailure(
            f"{outcome.call} returned {value!r:.120}: expected (w of shape ({d},), b a number)"
        ) from None


@points(2)
def test_every_corner_of_the_domain(linear_regression_fit):
    for case in DOMAIN.corner_cases():
        _judge(linear_regression_fit, case)


@points(1)
def test_rejects_bad_input(linear_regression_fit):
    X = [[1.0, 2.0], [2.0, 0.5], [3.0, 1.0]]
    expect_rejected(
        linear_regression_fit,
        [
            BadInput("X has 3 rows and y 2 values", (X, [1.0, 2.0])),
            BadInput(
                "X must be 2-D (n, d): use X.reshape(-1, 1) for one feature",
                ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]),
            ),
            BadInput("the input is empty", (np.zeros((0, 2)), [])),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_one_or_two_samples_duplicated_rows_and_extreme_scales(linear_regression_fit):
    """n = 1 and n = 2, every row twice, y offset by 1e9, features of scale 1e-100 and 1e100."""
    rng = seeded(1203)
    X, y = _data(rng, 30, 3)
    for X_, y_, why in (
        ([[2.0, -1.0]], [3.0], " (one sample: w = 0, b = y)"),
        ([[1.0], [3.0]], [5.0, -1.0], " (two samples: the line through both)"),
        (np.repeat(X, 2, axis=0), np.repeat(y, 2), " (every row twice: the same fit)"),
        (X, y + 1e9, " (y offset by 1e9)"),
        (X * 1e-100, y, " (features of scale 1e-100)"),
        (X * 1e100, y, " (features of scale 1e100)"),
    ):
        _check(_returned_normally(linear_regression_fit.call(X_, y_)), reference(X_, y_), why)


def _fast_inputs(n, rng):
    X = rng.normal(size=(n // 10, 10))
    return {"X": X, "y": X @ rng.normal(size=10) + rng.normal(size=n // 10)}


FAST = Fast(inputs=_fast_inputs, within=5.0, why="n / 10 samples of 10 features")


PROPERTIES = (Differential("linear_regression_fit", DOMAIN, judge=_judge),)
