"""Grader for statistics/min_max_normalize, against sklearn.preprocessing.MinMaxScaler."""

import numpy as np
from sklearn.preprocessing import MinMaxScaler

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_case, expect_cases, expect_rejected
from mlkata.grading.domains import Case, Domain, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

min_max_normalize = student_function("min_max_normalize")
REFERENCE = "sklearn.preprocessing.MinMaxScaler().fit_transform(X)"


def _matrix(rng, n, d):
    """Columns with different offsets and scales."""
    return rng.normal(size=(n, d)) * rng.uniform(0.1, 20, size=d) + rng.uniform(-50, 50, size=d)


def _int8(values, rng):
    """int8 values from -128 to 127 (max - min kept in int8 wraps around)."""
    values["X"] = rng.integers(-128, 128, size=values["X"].shape).astype(np.int8)
    return values


def _unnormalised(values, rng):
    values["X"] = _matrix(rng, *values["X"].shape)
    return values


def _constant_columns(values, rng):
    """Exactly constant columns (one of them at 0.1, one at 1e9) beside ordinary ones."""
    X = _matrix(rng, *values["X"].shape)
    X[:, 0], X[:, -1] = 0.1, 1e9
    X[:, 1 % X.shape[1]] = -7.0
    values["X"] = X
    return values


def _ties(values, rng):
    """Columns whose minimum or maximum is taken by several rows."""
    X = np.round(values["X"])
    X[:3, 0] = X[:, 0].min()
    X[-3:, -1] = X[:, -1].max()
    values["X"] = X
    return values


DOMAIN = Domain(
    seed=8504,
    args=(Reals("X", ("n", "d"), scale=5, uint8=True, offset=True, tiny=True),),
    sizes={"n": (20, 300, 12, 5), "d": (3, 10, 4, 1)},
    custom={
        "int8 values": _int8,
        "columns far from [0, 1]": _unnormalised,
        "constant columns": _constant_columns,
        "tied minima and maxima": _ties,
    },
)


@cached_reference
def reference(X):
    return MinMaxScaler().fit_transform(np.asarray(X, float))


EPSILON_HINT = (
    "an epsilon added to the range 'for safety' shifts every answer, and on columns with a tiny "
    "spread it dominates: divide by max - min itself (1 only where it is 0)"
)


def _scaled(X, *, axis=0, shift="min", scale="range", eps=0.0):
    X = np.asarray(X, float)
    keep = axis is not None
    low, high = X.min(axis=axis, keepdims=keep), X.max(axis=axis, keepdims=keep)
    offset = {"min": low, "mean": X.mean(axis=axis, keepdims=keep), "none": 0.0}[shift]
    spread = high - low
    divisor = {"range": spread, "max": high, "threshold": np.where(spread < 1e-8, 1.0, spread)}[scale]
    with np.errstate(all="ignore"):
        return (X - offset) / (divisor + eps)


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
    Mistake(
        "a threshold such as range < 1e-8 took these small spreads for constant columns: only a "
        "range of exactly 0 maps to 0",
        lambda X: _scaled(X, scale="threshold"),
    ),
    Mistake(
        "your result was truncated to integers: an output made with np.empty_like(X) or "
        "np.zeros_like(X) of an integer X is an integer array; make it float",
        lambda X: np.trunc(reference(X)),
    ),
    *(Mistake(EPSILON_HINT, lambda X, eps=eps: _scaled(X, eps=eps)) for eps in (1e-12, 1e-10, 1e-8, 1e-6)),
)


@points(3)
def test_matches_sklearn_on_random_inputs(min_max_normalize):
    for case in DOMAIN.random_cases():
        expect_case(min_max_normalize, case, reference, reference_name=REFERENCE, mistakes=MISTAKES)
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


@points(2)
def test_every_corner_of_the_domain(min_max_normalize):
    expect_cases(
        min_max_normalize, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )
    X = _matrix(seeded(8503), 15, 3).astype(np.float32)
    case = Case("float32, columns far from [0, 1]", (X,), float32=True)
    expect_case(min_max_normalize, case, reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(min_max_normalize):
    expect_rejected(
        min_max_normalize,
        [
            BadInput("X must be 2-D (samples in rows): reshape one feature to (n, 1)", ([1.0, 2.0, 3.0],)),
            BadInput("X has no rows", (np.zeros((0, 3)),)),
            BadInput("X is empty", ([[]],)),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_spreads_far_below_any_threshold_and_huge_values(min_max_normalize):
    """Ranges of 1e-13 and 3e-14 (not constant: only a range of exactly 0 is), then values near 1e300."""
    rng = seeded(8505)
    tiny = rng.normal(size=(30, 3)) * np.array([1e-13, 3e-14, 1e-13]) + np.array([0.0, 0.0, 1e-12])
    huge = rng.normal(size=(30, 2)) * 1e300
    for X, what in ((tiny, "ranges of about 1e-13"), (huge, "values near 1e300")):
        case = Case(what, (X,))
        expect_case(min_max_normalize, case, reference, reference_name=REFERENCE, mistakes=MISTAKES)


FAST = Fast(within=5.0)


PROPERTIES = (Differential("min_max_normalize", DOMAIN, reference, REFERENCE),)
