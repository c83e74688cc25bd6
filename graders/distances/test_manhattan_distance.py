"""Grader for distances/manhattan_distance, against scipy.spatial.distance.cityblock."""

import numpy as np
from scipy.spatial.distance import cityblock

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.memo import cached_reference

manhattan_distance = student_function("manhattan_distance")
REFERENCE = "scipy.spatial.distance.cityblock"


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
    seed=7303,
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
    return float(cityblock(np.asarray(u, float), np.asarray(v, float)))


def _diff(u, v):
    return np.asarray(u, float) - np.asarray(v, float)


MISTAKES = (
    Mistake(
        "take the absolute value of each difference before summing: with |sum(u - v)| differences of "
        "opposite signs cancel",
        lambda u, v: abs(np.sum(_diff(u, v))),
    ),
    Mistake(
        "take the absolute value of each difference: a distance is never negative",
        lambda u, v: np.sum(_diff(u, v)),
    ),
    Mistake(
        "that is the Euclidean distance: the Manhattan distance sums |u_i - v_i|, with no squares "
        "and no square root",
        lambda u, v: np.sqrt(np.sum(_diff(u, v) ** 2)),
    ),
    Mistake(
        "that is the largest difference (the Chebyshev distance): add up all of them",
        lambda u, v: np.max(np.abs(_diff(u, v))),
    ),
    Mistake(
        "sum the absolute differences, don't average them",
        lambda u, v: np.mean(np.abs(_diff(u, v))),
    ),
    Mistake(
        "u - v wrapped around: uint8 and int8 have no room for the difference (0 - 1 is 255); "
        "convert to float first (np.asarray(u, dtype=float))",
        lambda u, v: np.sum(np.abs(np.asarray(u) - np.asarray(v))),
    ),
)


@points(3)
def test_matches_scipy_on_random_inputs(manhattan_distance):
    rng = seeded(7301)
    for d in (1, 3, 50, 1000):
        # v shifted up so that sum(u - v) < 0: |sum(u - v)| is then not the signed sum
        u, v = rng.normal(size=d), rng.normal(loc=1.0, scale=2.0, size=d)
        expect_close(manhattan_distance.call(u, v), reference(u, v), reference=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_simple_cases(manhattan_distance):
    for u, v, what in (
        ([1.0, -2.0], [4.0, 2.0], "3 blocks east, 4 blocks north"),
        ([2.0, -1.0, 0.5], [2.0, -1.0, 0.5], "a point is at distance 0 from itself"),
        ([1.0, -1.0], [-1.0, 1.0], "the differences 2 and -2 must not cancel"),
        ([-4.0], [2.5], "in 1-D the distance is |u - v|"),
    ):
        expect_close(
            manhattan_distance.call(u, v),
            reference(u, v),
            reference=f"{REFERENCE}; {what}",
            mistakes=MISTAKES,
        )


@points(2)
def test_every_corner_of_the_domain(manhattan_distance):
    expect_cases(
        manhattan_distance,
        DOMAIN.corner_cases(),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
        rtol=RTOL,
    )


@points(1)
def test_rejects_bad_input(manhattan_distance):
    expect_rejected(
        manhattan_distance,
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


PROPERTIES = (Differential("manhattan_distance", DOMAIN, reference, REFERENCE, rtol=RTOL),)
