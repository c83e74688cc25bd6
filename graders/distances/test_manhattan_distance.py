"""Grader for distances/manhattan_distance, against scipy.spatial.distance.cityblock.

The domain and the checks are shared with euclidean_distance (:mod:`mlkata.grading.vectors`).
"""

import numpy as np
from scipy.spatial.distance import cityblock

from mlkata.grading import Mistake, points, seeded, student_function
from mlkata.grading.checks import Differential, expect_cases, expect_rejected
from mlkata.grading.extremes import FLOAT32_OVERFLOW, case, near_float32_max, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.vectors import (
    RTOL,
    WRAPPED,
    difference,
    expect_random_vectors,
    expect_simple_vectors,
    expect_vector_corners,
    vector_bad_inputs,
    vector_domain,
)

manhattan_distance = student_function("manhattan_distance")
REFERENCE = "scipy.spatial.distance.cityblock"
DOMAIN = vector_domain(7303)


@cached_reference
def reference(u, v):
    return float(cityblock(np.asarray(u, float), np.asarray(v, float)))


MISTAKES = (
    Mistake(
        "take the absolute value of each difference before summing: with |sum(u - v)| differences of "
        "opposite signs cancel",
        lambda u, v: abs(np.sum(difference(u, v))),
    ),
    Mistake(
        "take the absolute value of each difference: a distance is never negative",
        lambda u, v: np.sum(difference(u, v)),
    ),
    Mistake(
        "that is the Euclidean distance: the Manhattan distance sums |u_i - v_i|, with no squares "
        "and no square root",
        lambda u, v: np.sqrt(np.sum(difference(u, v) ** 2)),
    ),
    Mistake(
        "that is the largest difference (the Chebyshev distance): add up all of them",
        lambda u, v: np.max(np.abs(difference(u, v))),
    ),
    Mistake(
        "sum the absolute differences, don't average them",
        lambda u, v: np.mean(np.abs(difference(u, v))),
    ),
    Mistake(WRAPPED, lambda u, v: np.sum(np.abs(np.asarray(u) - np.asarray(v)))),
)


@points(3)
def test_matches_scipy_on_random_inputs(manhattan_distance):
    # v shifted up so that sum(u - v) < 0: |sum(u - v)| is then not the signed sum
    expect_random_vectors(manhattan_distance, seeded(7301), reference, REFERENCE, MISTAKES, v_loc=1.0)


@points(1)
def test_simple_cases(manhattan_distance):
    cases = (
        ([1.0, -2.0], [4.0, 2.0], "3 blocks east, 4 blocks north"),
        ([2.0, -1.0, 0.5], [2.0, -1.0, 0.5], "a point is at distance 0 from itself"),
        ([1.0, -1.0], [-1.0, 1.0], "the differences 2 and -2 must not cancel"),
        ([-4.0], [2.5], "in 1-D the distance is |u - v|"),
    )
    expect_simple_vectors(manhattan_distance, cases, reference, REFERENCE, MISTAKES)


@points(2)
def test_every_corner_of_the_domain(manhattan_distance):
    expect_vector_corners(manhattan_distance, DOMAIN, reference, REFERENCE, MISTAKES)


@points(1)
def test_rejects_bad_input(manhattan_distance):
    expect_rejected(manhattan_distance, vector_bad_inputs(DOMAIN))


@robust()
@points(1)
def test_extreme_magnitudes(manhattan_distance):
    rng = seeded(7305)
    cases = [
        case("float32 entries near 3e38", near_float32_max(rng, 50), near_float32_max(rng, 50)),
        case("entries near 1e150", near_overflow(rng, 50, 1e150), near_overflow(rng, 50, 1e150)),
        case("one entry each", np.array([1e150]), np.array([-1e150])),
        case("entries 1e-300 apart", np.full(5, 1e-300), np.zeros(5)),
        case("100000 entries", rng.normal(size=100_000), rng.normal(size=100_000)),
    ]
    in_float32 = Mistake(FLOAT32_OVERFLOW, lambda u, v: np.sum(np.abs(np.asarray(u) - np.asarray(v))))
    expect_cases(
        manhattan_distance, cases, reference, reference_name=REFERENCE, mistakes=(in_float32,), rtol=RTOL
    )


FAST = Fast(within=5.0)


PROPERTIES = (Differential("manhattan_distance", DOMAIN, reference, REFERENCE, rtol=RTOL),)
