"""Grader for statistics/standardize, against sklearn.preprocessing.StandardScaler."""

import numpy as np
from sklearn.preprocessing import StandardScaler

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_case, expect_cases, expect_rejected
from mlkata.grading.domains import Case, Domain, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

standardize = student_function("standardize")
REFERENCE = "sklearn.preprocessing.StandardScaler().fit_transform(X)"


def _matrix(rng, n, d):
    """Columns with different offsets and scales (means far from 0, spreads far from 1)."""
    return rng.normal(size=(n, d)) * rng.uniform(0.1, 20, size=d) + rng.uniform(-50, 50, size=d)


def _int8(values, rng):
    """int8 values from -128 to 127 (a range or difference kept in int8 wraps around)."""
    values["X"] = rng.integers(-128, 128, size=values["X"].shape).astype(np.int8)
    return values


def _unstandardised(values, rng):
    values["X"] = _matrix(rng, *values["X"].shape)
    return values


def _constant_columns(values, rng):
    """Exactly constant columns beside ordinary ones: at 0.3 (whose std rounds to 6e-17, not 0), at 1e9."""
    X = _matrix(rng, *values["X"].shape)
    X[:, 0], X[:, -1] = 3.0, 1e9
    X[:, 1 % X.shape[1]] = 0.3
    values["X"] = X
    return values


DOMAIN = Domain(
    seed=8404,
    args=(Reals("X", ("n", "d"), scale=5, uint8=True, offset=True, tiny=True),),
    sizes={"n": (20, 300, 12, 5), "d": (3, 10, 4, 1)},  # one column last (rows constant)
    custom={
        "int8 values": _int8,
        "columns far from standardised": _unstandardised,
        "constant columns": _constant_columns,
    },
)


@cached_reference
def reference(X):
    return StandardScaler().fit_transform(np.asarray(X, float))


def _f(X):
    return np.asarray(X, float)


def _scaled(X, *, axis=0, ddof=0, centre=True, power=1.0, eps=0.0):
    X = _f(X)
    mean = X.mean(axis=axis, keepdims=axis is not None)
    scale = X.std(axis=axis, ddof=ddof, keepdims=axis is not None) ** power
    with np.errstate(all="ignore"):
        return ((X - mean) if centre else X) / (scale + eps)


def _std_zero_test(X):
    X = _f(X)
    std = X.std(axis=0)
    return (X - X.mean(axis=0)) / np.where(std == 0, 1.0, std)


def _moments(X):
    X = _f(X)
    with np.errstate(all="ignore"):
        var = np.mean(X**2, axis=0) - np.mean(X, axis=0) ** 2
        std = np.sqrt(np.maximum(var, 0.0))  # rounding makes it negative too
        return (X - X.mean(axis=0)) / np.where(std == 0, 1.0, std)


EPSILON_HINT = (
    "an epsilon added to the standard deviation 'for safety' shifts every answer, and on "
    "columns with a tiny spread it dominates: divide by the std itself (1 only where it is 0)"
)
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
        "you returned the centred columns without dividing them by their standard deviation (or "
        "a threshold such as std < 1e-8 took these small spreads for constant columns: only a "
        "std of exactly 0 is)",
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
    Mistake(
        "a constant column's std can come out as a rounding error (6e-17 for a column of 0.3) "
        "rather than exactly 0: find constant columns by max == min (np.ptp(X, axis=0) == 0), "
        "not by std == 0",
        _std_zero_test,
    ),
    Mistake(
        "the variance as E[x^2] - E[x]^2 cancels catastrophically when the mean is large "
        "compared with the spread: take the mean of the squared *centred* values",
        _moments,
    ),
    Mistake(
        "your result was truncated to integers: an output made with np.empty_like(X) or "
        "np.zeros_like(X) of an integer X is an integer array; make it float",
        lambda X: np.trunc(reference(X)),
    ),
    *(Mistake(EPSILON_HINT, lambda X, eps=eps: _scaled(X, eps=eps)) for eps in (1e-12, 1e-10, 1e-8, 1e-6)),
)


@points(3)
def test_matches_sklearn_on_random_inputs(standardize):
    for case in DOMAIN.random_cases():  # standard-normal columns first: float32 arithmetic is named here
        expect_case(standardize, case, reference, reference_name=REFERENCE, mistakes=MISTAKES)
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


@points(2)
def test_every_corner_of_the_domain(standardize):
    expect_cases(standardize, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)
    # float32 columns far from standardised: judged by the reference's own float32 error, so a
    # correct float32 computation (StandardScaler's own) passes.
    X = _matrix(seeded(8403), 15, 3).astype(np.float32)
    case = Case("float32, columns far from standardised", (X,), float32=True)
    expect_case(standardize, case, reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(standardize):
    expect_rejected(
        standardize,
        [
            BadInput("X must be 2-D (samples in rows): reshape one feature to (n, 1)", ([1.0, 2.0, 3.0],)),
            BadInput("X has no rows", (np.zeros((0, 3)),)),
            BadInput("X is empty", ([[]],)),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_spreads_far_below_any_threshold_and_huge_values(standardize):
    """Spreads of 1e-13, 1e-50 and 1e-140 (not constant: only a spread of exactly 0 is), then 1e100."""
    rng = seeded(8405)
    tiny = rng.normal(size=(30, 3)) * np.array([1e-13, 1e-50, 1e-140])
    huge = rng.normal(size=(30, 2)) * 1e100 + np.array([0.0, 3e100])
    for X, what in ((tiny, "spreads of 1e-13, 1e-50 and 1e-140"), (huge, "spreads of 1e100")):
        case = Case(what, (X,))
        expect_case(standardize, case, reference, reference_name=REFERENCE, mistakes=MISTAKES)


FAST = Fast(within=5.0)


PROPERTIES = (Differential("standardize", DOMAIN, reference, REFERENCE),)
