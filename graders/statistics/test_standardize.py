"""Grader for statistics/standardize, against sklearn.preprocessing.StandardScaler."""

import numpy as np
from sklearn.preprocessing import StandardScaler

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

standardize = student_function("standardize")
REFERENCE = "sklearn.preprocessing.StandardScaler().fit_transform(X)"


@cached_reference
def reference(X):
    return StandardScaler().fit_transform(np.asarray(X, float))


def _f(X):
    return np.asarray(X, float)


def _scaled(X, *, axis=0, ddof=0, centre=True, power=1.0):
    X = _f(X)
    mean = X.mean(axis=axis, keepdims=axis is not None)
    scale = X.std(axis=axis, ddof=ddof, keepdims=axis is not None) ** power
    with np.errstate(all="ignore"):
        return ((X - mean) if centre else X) / scale


MISTAKES = (
    Mistake(
        "StandardScaler divides by the population standard deviation (ddof=0), not the sample one (ddof=1)",
        lambda X: _scaled(X, ddof=1),
    ),
    Mistake(
        "subtract the column means before dividing by the standard deviation",
        lambda X: _scaled(X, centre=False),
    ),
    Mistake("divide by the standard deviation, not the variance", lambda X: _scaled(X, power=2.0)),
    Mistake(
        "divide by the standard deviation too: you only centred the columns",
        lambda X: _f(X) - _f(X).mean(axis=0),
    ),
    Mistake(
        "standardise each column (a feature, axis=0), not each row (axis=1)",
        lambda X: _scaled(X, axis=1),
    ),
    Mistake(
        "use each column's own mean and standard deviation, not those of the whole matrix",
        lambda X: _scaled(X, axis=None),
    ),
    Mistake(
        "a constant column has standard deviation 0: map it to 0 instead of dividing 0 by 0 (nan)",
        lambda X: _scaled(X),
    ),
)


def _matrix(rng, n, d):
    """Columns with different offsets and scales."""
    return rng.normal(size=(n, d)) * rng.uniform(0.1, 20, size=d) + rng.uniform(-50, 50, size=d)


@points(3)
def test_matches_sklearn_on_random_inputs(standardize):
    rng = seeded(8401)
    for n, d in ((20, 3), (300, 10), (5, 1), (2, 1)):  # one column last: rows are constant, the matrix is it
        X = _matrix(rng, n, d)
        expect_close(standardize.call(X), reference(X), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_constant_columns_map_to_zero(standardize):
    rng = seeded(8402)
    X = _matrix(rng, 12, 4)
    X[:, 1] = 3.0
    X[:, 3] = -2.5
    for data, what in (
        (X, "; columns 1 and 3 are constant"),
        (np.array([[1.0, -4.0, 2.5]]), "; with a single row every column is constant"),
        (np.full((4, 2), 7.0), "; every column is constant"),
    ):
        expect_close(standardize.call(data), reference(data), reference=REFERENCE + what, mistakes=MISTAKES)


@points(1)
def test_accepts_lists_and_float32(standardize):
    X = _matrix(seeded(8403), 15, 3)
    expect_input_types_accepted(standardize, (X,), reference, reference_name=REFERENCE)


@points(1)
def test_rejects_bad_input(standardize):
    expect_rejected(
        standardize,
        [
            BadInput("X must be 2-D (samples in rows): reshape one feature to (n, 1)", ([1.0, 2.0, 3.0],)),
            BadInput("X has no rows", (np.zeros((0, 3)),)),
            BadInput("X is empty", ([[]],)),
        ],
    )
