"""Grader for data/polynomial_features, against sklearn.preprocessing.PolynomialFeatures.

The reference is ``PolynomialFeatures(degree, include_bias=include_bias).fit_transform(X)``
on a float64 copy of ``X``; its columns come in sklearn's order (by degree, then the index
tuples of ``itertools.combinations_with_replacement`` in lexicographic order). Products are
compared to a few ulps (``rtol=1e-12``, no absolute slack), so tiny inputs count too. The
result must be a float64 array, as the docstring promises, also for float32, integer and uint8
``X`` (:func:`mlkata.grading.result_types.expect_float64`).
"""

from itertools import combinations, combinations_with_replacement

import numpy as np
from sklearn.preprocessing import PolynomialFeatures

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Case, Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.result_types import expect_float64

polynomial_features = student_function("polynomial_features")
REFERENCE = "sklearn.preprocessing.PolynomialFeatures(degree, include_bias).fit_transform(X)"
RTOL = 1e-12


@cached_reference
def reference(X, degree=2, include_bias=True):
    return PolynomialFeatures(degree, include_bias=include_bias).fit_transform(
        np.asarray(X, dtype=np.float64)
    )


def _terms(X, tuples, dtype=float):
    X = np.asarray(X) if dtype is None else np.asarray(X, dtype=dtype)
    columns = [
        np.prod(X[:, list(t)], axis=1, dtype=X.dtype) if t else np.ones(len(X), X.dtype) for t in tuples
    ]
    return np.column_stack(columns)


def _tuples(d, degrees, how=combinations_with_replacement):
    return [t for q in degrees for t in how(range(d), q)]


def _squares_first(d, degree, start):
    """Per degree: the pure powers x_i^q first, then the mixed terms."""
    out = []
    for q in range(start, degree + 1):
        terms = list(combinations_with_replacement(range(d), q))
        out += [t for t in terms if len(set(t)) <= 1] + [t for t in terms if len(set(t)) > 1]
    return out


def _wrong(X, degree=2, include_bias=True, *, how):
    d = np.shape(X)[1]
    start = 0 if include_bias else 1
    if how == "bias kept":
        return _terms(X, _tuples(d, range(0, degree + 1))) if not include_bias else None
    if how == "no bias":
        return _terms(X, _tuples(d, range(1, degree + 1))) if include_bias else None
    if how == "no squares":
        return _terms(X, _tuples(d, range(start, degree + 1), combinations))
    if how == "top degree only":
        return _terms(X, _tuples(d, [0] * include_bias + [degree])) if degree > 1 else None
    if how == "up to degree - 1":
        return _terms(X, _tuples(d, range(start, degree))) if degree > 1 else None
    if how == "squares first":
        return _terms(X, _squares_first(d, degree, start)) if d > 1 else None
    if how == "in the input dtype":
        with np.errstate(all="ignore"):
            return (
                _terms(X, _tuples(d, range(start, degree + 1)), dtype=None)
                if np.asarray(X).dtype.kind in "iu"
                else None
            )
    raise AssertionError(how)


_WRONG = (
    ("bias kept", "include_bias=False leaves out the first column, the column of ones"),
    ("no bias", "include_bias=True (the default) starts with the column of ones, degree 0"),
    ("no squares", "x_i^2 is a term too: combinations_with_replacement, not combinations"),
    (
        "top degree only",
        "the features are every degree from 1 (or 0, the bias) up to degree, not degree alone",
    ),
    ("up to degree - 1", "the degrees go up to and including degree: range(..., degree + 1)"),
    (
        "squares first",
        "sklearn's order within a degree is lexicographic in the index tuples: x0^2, x0 x1, x1^2 "
        "(combinations_with_replacement), not the powers first",
    ),
    (
        "in the input dtype",
        "convert X to float first (np.asarray(X, dtype=float)): in uint8 (or int8, int16) the "
        "products wrap around",
    ),
)
MISTAKES = tuple(Mistake(hint, lambda *a, how=how, **k: _wrong(*a, **k, how=how)) for how, hint in _WRONG)


def check(outcome, args, kwargs, suffix="", rtol=RTOL, atol=0.0):
    expect_close(
        outcome,
        reference(*args, **kwargs),
        reference=REFERENCE + suffix,
        rtol=rtol,
        atol=atol,
        mistakes=MISTAKES,
    )
    expect_float64(outcome)


def _judge(function, case: Case):
    outcome = case_outcome(function, case)
    expected = reference(*case.widened, **case.widened_kwargs)
    rtol, atol = case_tolerances(reference, case, expected, rtol=RTOL, atol=0.0)
    check(outcome, case.widened, case.widened_kwargs, case_suffix(case), rtol, atol)


@points(3)
def test_matches_sklearn(polynomial_features):
    rng = seeded(2801)
    for shape, degree in (((5, 2), 2), ((4, 3), 3), ((10, 1), 4), ((6, 4), 2), ((3, 2), 1), ((1, 3), 3)):
        X = rng.normal(size=shape)
        check(polynomial_features.call(X, degree=degree), (X,), {"degree": degree})
    X = rng.integers(-4, 5, size=(6, 2))
    check(polynomial_features.call(X), (X,), {}, ", integer X")


@points(1)
def test_without_the_bias(polynomial_features):
    rng = seeded(2802)
    for shape, degree in (((5, 2), 2), ((4, 3), 3), ((7, 1), 1)):
        X = rng.normal(size=shape)
        kwargs = {"degree": degree, "include_bias": False}
        check(polynomial_features.call(X, **kwargs), (X,), kwargs, ", include_bias=False")


@points(1)
def test_every_degree(polynomial_features):
    X = np.array([[2.0, -1.0, 0.5], [1.5, 3.0, -2.0]])
    for degree in (1, 2, 3, 4):
        check(polynomial_features.call(X, degree=degree), (X,), {"degree": degree}, f", degree={degree}")


def _zero_column(values, rng):
    X = values["X"].copy()
    X[:, 0] = 0.0
    values["X"] = X
    return values


def _small_integers_degree_four(values, rng):
    """int8 values of up to 12: x^4 = 20736 wraps around in int8 (and int16)."""
    values["X"] = rng.integers(-12, 13, size=np.shape(values["X"])).astype(np.int8)
    values["degree"] = 4
    return values


DOMAIN = Domain(
    seed=2811,
    args=(Reals("X", ("n", "d"), uint8=True, tiny=True),),
    params=(
        Param(
            "degree", 2, values=(1, 3, 4), invalid=(0, -1, 2.5, True), why_invalid="is not an integer >= 1"
        ),
        Param("include_bias", True, values=(False,)),
    ),
    sizes={"n": (1, 5, 30, 200), "d": (1, 2, 3, 5)},
    custom={
        "a column of zeros": _zero_column,
        "int8 X, degree 4": _small_integers_degree_four,
        "degree 4 without the bias": lambda values, rng: {**values, "degree": 4, "include_bias": False},
    },
)


@points(2)
def test_every_corner_of_the_domain(polynomial_features):
    for case in DOMAIN.corner_cases():
        _judge(polynomial_features, case)


@points(1)
def test_rejects_bad_input(polynomial_features):
    expect_rejected(
        polynomial_features,
        [
            BadInput("X must be 2-D: one feature is X.reshape(-1, 1)", ([1.0, 2.0, 3.0],)),
            BadInput("X must be 2-D, not 3-D", (np.ones((2, 2, 2)),)),
            BadInput("X has no rows", (np.zeros((0, 3)),)),
            BadInput("X has no columns", (np.zeros((3, 0)),)),
            BadInput("degree must be >= 1", ([[1.0, 2.0]],), {"degree": 0}),
            BadInput("degree is a whole number, not 2.5", ([[1.0, 2.0]],), {"degree": 2.5}),
            BadInput("X must be numeric", ([["a", "b"]],)),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_big_integers_one_feature_at_degree_8_and_one_row(polynomial_features):
    """int64 values of 3e9 to 4e9 (products past int64's 9.2e18), one feature at degree 8, one row."""
    rng = seeded(2803)
    big = rng.integers(3_000_000_000, 4_000_000_000, size=(4, 2), dtype=np.int64)
    for X, kwargs, why in (
        (big, {}, ", int64 values of 3e9 to 4e9: most products pass int64's 9.2e18"),
        (rng.normal(size=(6, 1)), {"degree": 8}, ", one feature, degree 8"),
        (rng.normal(size=(1, 4)), {"degree": 3}, ", one row, degree 3"),
    ):
        check(polynomial_features.call(X, **kwargs), (X,), kwargs, why)


def _fast_inputs(n, rng):
    return {"X": rng.normal(size=(n // 21, 5))}


FAST = Fast(
    inputs=_fast_inputs,
    within=5.0,
    why="n / 21 rows of 5 features at degree 2: 21 columns, n values out",
)


PROPERTIES = (Differential("polynomial_features", DOMAIN, judge=_judge),)
