"""Grader for statistics/min_max_normalize, against sklearn.preprocessing.MinMaxScaler."""

import numpy as np
from sklearn.preprocessing import MinMaxScaler

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

min_max_normalize = student_function("min_max_normalize")
REFERENCE = "sklearn.preprocessing.MinMaxScaler().fit_transform(X)"


@cached_reference
def reference(X):
    return MinMaxScaler().fit_transform(np.asarray(X, float))


def _scaled(X, *, axis=0, shift="min", scale="range"):
    X = np.asarray(X, float)
    keep = axis is not None
    low, high = X.min(axis=axis, keepdims=keep), X.max(axis=axis, keepdims=keep)
    offset = {"min": low, "mean": X.mean(axis=axis, keepdims=keep), "none": 0.0}[shift]
    divisor = {"range": high - low, "max": high}[scale]
    with np.errstate(all="ignore"):
        return (X - offset) / divisor


MISTAKES = (
    Mistake("divide by the range max - min, not by the maximum", lambda X: _scaled(X, scale="max")),
    Mistake("subtract the column minimum first, so that it maps to 0", lambda X: _scaled(X, shift="none")),
    Mistake(
        "subtract the minimum, not the mean: min-max scaling maps the minimum to 0",
        lambda X: _scaled(X, shift="mean"),
    ),
    Mistake("rescale each column (a feature, axis=0), not each row (axis=1)", lambda X: _scaled(X, axis=1)),
    Mistake(
        "use each column's own minimum and maximum, not those of the whole matrix",
        lambda X: _scaled(X, axis=None),
    ),
    Mistake(
        "a constant column has range 0: map it to 0 instead of dividing 0 by 0 (nan)",
        lambda X: _scaled(X),
    ),
    Mistake(
        "the minimum maps to 0 and the maximum to 1: you flipped them",
        lambda X: 1 - _scaled(X),
    ),
)


def _matrix(rng, n, d):
    """Columns with different offsets and scales."""
    return rng.normal(size=(n, d)) * rng.uniform(0.1, 20, size=d) + rng.uniform(-50, 50, size=d)


@points(3)
def test_matches_sklearn_on_random_inputs(min_max_normalize):
    rng = seeded(8501)
    for n, d in ((2, 1), (5, 1), (20, 3), (300, 10)):
        X = _matrix(rng, n, d)
        expect_close(min_max_normalize.call(X), reference(X), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_constant_columns_map_to_zero(min_max_normalize):
    rng = seeded(8502)
    X = _matrix(rng, 12, 4)
    X[:, 0] = 0.1
    X[:, 2] = -7.0
    for data, what in (
        (X, "; columns 0 and 2 are constant"),
        (np.array([[1.0, -4.0, 2.5]]), "; with a single row every column is constant"),
        (np.full((4, 2), 7.0), "; every column is constant"),
    ):
        expect_close(
            min_max_normalize.call(data), reference(data), reference=REFERENCE + what, mistakes=MISTAKES
        )


@points(1)
def test_accepts_lists_and_float32(min_max_normalize):
    X = _matrix(seeded(8503), 15, 3)
    expect_input_types_accepted(min_max_normalize, (X,), reference, reference_name=REFERENCE)


@points(1)
def test_rejects_bad_input(min_max_normalize):
    expect_rejected(
        min_max_normalize,
        [
            BadInput("X must be 2-D (samples in rows): reshape one feature to (n, 1)", ([1.0, 2.0, 3.0],)),
            BadInput("X has no rows", (np.zeros((0, 3)),)),
            BadInput("X is empty", ([[]],)),
        ],
    )
