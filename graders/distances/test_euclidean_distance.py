"""Grader for distances/euclidean_distance, against scipy.spatial.distance.euclidean."""

import numpy as np
from scipy.spatial.distance import euclidean

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.memo import cached_reference

euclidean_distance = student_function("euclidean_distance")
REFERENCE = "scipy.spatial.distance.euclidean"


def _int8(values, rng):
    """int8 vectors from -128 to 127: u - v kept in int8 wraps around."""
    for name in ("u", "v"):
        values[name] = rng.integers(-128, 128, size=values[name].shape).astype(np.int8)
    return values


def _large_integers(values, rng):
    """int64 entries near 5e9: their squares and products overflow int64."""
    for name in ("u", "v"):
        values[name] = rng.integers(-5_000_000_000, 5_000_000_000, size=values[name].shape)
    return values


DOMAIN = Domain(
    seed=7203,
    args=(
        Reals("u", uint8=True, offset=True, tiny=True),
        Reals("v", scale=2, uint8=True, offset=True, tiny=True),
    ),
    sizes={"n": (1, 3, 50, 1000)},
    custom={
        "int8 vectors": _int8,
        "large integers": _large_integers,
    },
)
RTOL = 1e-10
"""Sums of a few thousand terms: correct float64 code is within 1e-13; float32 is not."""


@cached_reference
def reference(u, v):
    return float(euclidean(np.asarray(u, float), np.asarray(v, float)))


def _f(x):
    return np.asarray(x, float)


def _diff(u, v):
    return np.asarray(u, float) - np.asarray(v, float)


MISTAKES = (
    Mistake(
        "take the square root: that is the squared distance, the sum of squared differences",
        lambda u, v: np.sum(_diff(u, v) ** 2),
    ),
    Mistake(
        "sum the squared differences before the square root, don't average them (that is the RMS difference)",
        lambda u, v: np.sqrt(np.mean(_diff(u, v) ** 2)),
    ),
    Mistake(
        "that is the Manhattan (L1) distance: square the differences, sum, then take the square root",
        lambda u, v: np.sum(np.abs(_diff(u, v))),
    ),
    Mistake(
        "the distance is the norm of the difference |u - v|, not the difference of the norms",
        lambda u, v: abs(np.linalg.norm(np.asarray(u, float)) - np.linalg.norm(np.asarray(v, float))),
    ),
    Mistake(
        "square each difference before summing: you took the square root of |sum(u - v)|",
        lambda u, v: np.sqrt(abs(np.sum(_diff(u, v)))),
    ),
    Mistake(
        "u - v wrapped around: uint8 and int8 have no room for the difference (0 - 1 is 255); "
        "convert to float first (np.asarray(u, dtype=float))",
        lambda u, v: np.sqrt(np.sum((np.asarray(u) - np.asarray(v)).astype(float) ** 2)),
    ),
    Mistake(
        "|u|^2 - 2 u.v + |v|^2 cancels catastrophically when the vectors are far from 0 but close "
        "to each other: sum the squared differences (u - v)^2 instead",
        lambda u, v: np.sqrt(max(_f(u) @ _f(u) - 2 * (_f(u) @ _f(v)) + _f(v) @ _f(v), 0.0)),
    ),
)


@points(3)
def test_matches_scipy_on_random_inputs(euclidean_distance):
    rng = seeded(7201)
    for d in (1, 3, 50, 1000):
        u, v = rng.normal(size=d), rng.normal(scale=2.0, size=d)
        expect_close(euclidean_distance.call(u, v), reference(u, v), reference=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_simple_cases(euclidean_distance):
    for u, v, what in (
        ([0.0, 0.0], [3.0, 4.0], "the 3-4-5 triangle"),
        ([1.5, -2.0, 7.0], [1.5, -2.0, 7.0], "a point is at distance 0 from itself"),
        ([-4.0], [2.5], "in 1-D the distance is |u - v|"),
        ([1.0, 1.0, 1.0, 1.0], [-1.0, -1.0, -1.0, -1.0], "four differences of 2: sqrt(16)"),
    ):
        expect_close(
            euclidean_distance.call(u, v),
            reference(u, v),
            reference=f"{REFERENCE}; {what}",
            mistakes=MISTAKES,
        )


@points(2)
def test_every_corner_of_the_domain(euclidean_distance):
    expect_cases(
        euclidean_distance,
        DOMAIN.corner_cases(),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
        rtol=RTOL,
    )


@points(1)
def test_rejects_bad_input(euclidean_distance):
    expect_rejected(
        euclidean_distance,
        [
            BadInput("u has 3 entries and v has 2", ([1.0, 2.0, 3.0], [1.0, 2.0])),
            BadInput(
                "u has 1 entry and v has 3: numpy would broadcast, but the vectors have different lengths",
                ([2.0], [1.0, 2.0, 3.0]),
            ),
            BadInput("both vectors are empty", ([], [])),
            BadInput(
                "u and v must be 1-D vectors, not matrices",
                ([[1.0, 2.0], [0.0, 1.0]], [[3.0, 4.0], [1.0, 1.0]]),
            ),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("euclidean_distance", DOMAIN, reference, REFERENCE, rtol=RTOL),)
