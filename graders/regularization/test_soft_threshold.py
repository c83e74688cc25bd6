"""Grader for regularization/soft_threshold, against the piecewise definition."""

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    expect_cases,
    expect_empty_maps_to_empty,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

soft_threshold = student_function("soft_threshold")
REFERENCE = "x - lam where x > lam, x + lam where x < -lam, 0 elsewhere"
RTOL, ATOL = 1e-12, 1e-15


def _int8(values, rng):
    """int8 entries, -128 among them: np.abs and squares kept in int8 wrap around."""
    values["x"] = rng.integers(-128, 128, size=values["x"].shape).astype(np.int8)
    values["x"].reshape(-1)[0] = -128
    return values


def _large_integers(values, rng):
    """int64 entries near 2**32: their squares overflow int64."""
    values["x"] = rng.integers(2**32 - 100, 2**32 + 100, size=values["x"].shape)
    return values


def _at_the_kink(values, rng):
    """Entries exactly at +-lam and at 0: S_lam gives exactly 0 there."""
    x = values["x"].copy()
    lam = float(values["lam"])
    x.reshape(-1)[::3] = rng.choice([lam, -lam, 0.0], size=x.reshape(-1)[::3].shape)
    values["x"] = x
    return values


DOMAIN = Domain(
    seed=1423,
    args=(
        Reals("x", scale=3, any_shape=True, uint8=True, nan_rejected=True),
        Reals("lam", (), low=0.1, high=3.0),
    ),
    sizes={"n": (1, 6, 40, 1000)},
    empty="map",
    custom={
        "int8 entries": _int8,
        "large integers": _large_integers,
        "entries exactly at +-lam": _at_the_kink,
    },
)


@cached_reference
def reference(x, lam):
    x = np.asarray(x, dtype=np.float64)
    result = np.where(x > lam, x - lam, np.where(x < -lam, x + lam, 0.0))
    return float(result) if result.ndim == 0 else result


def _f(x):
    return np.asarray(x, dtype=np.float64)


MISTAKES = (
    Mistake(
        "put the sign back: max(|x| - lam, 0) loses the sign of negative entries",
        lambda x, lam: np.maximum(np.abs(_f(x)) - lam, 0.0),
    ),
    Mistake(
        "clip at 0: an entry with |x| < lam becomes 0, it must not cross zero (x - lam * sign(x) overshoots)",
        lambda x, lam: _f(x) - lam * np.sign(_f(x)),
    ),
    Mistake(
        "shrink negative entries towards 0 too: max(x - lam, 0) is one-sided",
        lambda x, lam: np.maximum(_f(x) - lam, 0.0),
    ),
    Mistake(
        "that is HARD thresholding (keep x where |x| > lam): soft thresholding also shrinks the "
        "survivors by lam",
        lambda x, lam: np.where(np.abs(_f(x)) > lam, _f(x), 0.0),
    ),
    Mistake(
        "that is clip(x, -lam, lam), the part soft thresholding removes: return x minus it",
        lambda x, lam: np.clip(_f(x), -lam, lam),
    ),
    Mistake(
        "shrink by lam, not lam / 2", lambda x, lam: np.sign(_f(x)) * np.maximum(np.abs(_f(x)) - lam / 2, 0.0)
    ),
    Mistake(
        "np.abs of int8 (or uint8) values stays in that type, and |-128| wraps to -128: "
        "convert to float first (np.asarray(x, dtype=float))",
        lambda x, lam: np.sign(np.asarray(x)) * np.maximum(np.abs(np.asarray(x)) - lam, 0.0),
    ),
)


def _expect(outcome, x, lam, why=""):
    expect_close(
        outcome, reference(x, lam), reference=REFERENCE + why, rtol=RTOL, atol=ATOL, mistakes=MISTAKES
    )


@points(3)
def test_matches_the_definition_on_random_inputs(soft_threshold):
    rng = seeded(1421)
    for size, lam in ((1, 0.5), (9, 1.0), (500, 0.3), (40, 2.5)):
        x = rng.normal(scale=2, size=size)
        _expect(soft_threshold.call(x, lam), x, lam)


@points(2)
def test_edge_cases(soft_threshold):
    x = np.array([-2.0, -1.0, -0.25, 0.0, 0.25, 1.0, 2.0])
    _expect(soft_threshold.call(x, 1.0), x, 1.0, "; |x| == lam gives exactly 0")
    _expect(soft_threshold.call(x, 0.0), x, 0.0, "; lam = 0 leaves x unchanged")
    _expect(soft_threshold.call(x, 10.0), x, 10.0, "; lam above every |x| gives all zeros")
    _expect(soft_threshold.call(-3.0, 1.0), -3.0, 1.0, "; a scalar x gives a single number")
    matrix = np.array([[3.0, -0.5, 1.5], [-4.0, 0.2, 0.0]])
    _expect(soft_threshold.call(matrix, 1.0), matrix, 1.0, "; elementwise on a 2-D array, shape kept")


@points(2)
def test_every_corner_of_the_domain(soft_threshold):
    expect_cases(
        soft_threshold,
        DOMAIN.corner_cases(),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
        rtol=RTOL,
        atol=ATOL,
    )


@points(1)
def test_rejects_bad_input(soft_threshold):
    negative_lam = Mistake(
        "a negative threshold is meaningless (it would push entries away from 0): raise ValueError "
        "for lam < 0",
        lambda x, lam: np.sign(_f(x)) * np.maximum(np.abs(_f(x)) - lam, 0.0),
    )
    expect_rejected(
        soft_threshold,
        [
            BadInput("lam must be >= 0", ([1.0, -2.0, 0.5], -0.5), mistakes=(negative_lam,)),
            BadInput("x holds inf, which is not finite", ([1.0, np.inf], 1.0)),
            BadInput("lam=nan is not a finite number", ([1.0, -2.0], np.nan)),
            BadInput("lam=inf is not a finite number", ([1.0, -2.0], np.inf)),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("soft_threshold", DOMAIN, reference, REFERENCE, rtol=RTOL, atol=ATOL),)


@points(1)
def test_empty_input_gives_an_empty_array(soft_threshold):
    expect_empty_maps_to_empty(soft_threshold, lam=1.0)


@robust()
@points(1)
def test_near_the_largest_float_and_subnormals(soft_threshold):
    """Entries and thresholds near 1.8e308, subnormal ones, and entries a hair past lam."""
    big = np.finfo(np.float64).max
    cases = (
        (np.array([1.7e308, -8e307, 1e308, -5e307, 4e306, 0.0]), 5e306, "; entries near 1.7e308"),
        (np.array([big, -8.9e307, 3.0]), 0.0, "; the largest float, lam = 0"),
        (np.array([5e-324, -1e-320, 2e-323, 0.0]), 1e-323, "; subnormal entries and lam"),
        (np.nextafter(2.5, [np.inf, -np.inf]) * np.array([1.0, -1.0]), 2.5, "; entries a hair from lam"),
        (np.array([[7.0]]), 1e-300, "; one entry, lam = 1e-300"),
    )
    for x, lam, why in cases:
        _expect(soft_threshold.call(x, lam), x, lam, why)


FAST = Fast(inputs=lambda n, rng: {"x": rng.normal(scale=2, size=n), "lam": 1.0})
