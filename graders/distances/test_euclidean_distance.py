"""Grader for distances/euclidean_distance, against scipy.spatial.distance.euclidean.

The domain and the checks are shared with manhattan_distance (:mod:`mlkata.grading.vectors`).
"""

import numpy as np
from scipy.spatial.distance import euclidean

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

euclidean_distance = student_function("euclidean_distance")
REFERENCE = "scipy.spatial.distance.euclidean"
DOMAIN = vector_domain(7203)


@cached_reference
def reference(u, v):
    return float(euclidean(np.asarray(u, float), np.asarray(v, float)))


def _f(x):
    return np.asarray(x, float)


MISTAKES = (
    Mistake(
        "take the square root: that is the squared distance, the sum of squared differences",
        lambda u, v: np.sum(difference(u, v) ** 2),
    ),
    Mistake(
        "sum the squared differences before the square root, don't average them (that is the RMS difference)",
        lambda u, v: np.sqrt(np.mean(difference(u, v) ** 2)),
    ),
    Mistake(
        "that is the Manhattan (L1) distance: square the differences, sum, then take the square root",
        lambda u, v: np.sum(np.abs(difference(u, v))),
    ),
    Mistake(
        "the distance is the norm of the difference |u - v|, not the difference of the norms",
        lambda u, v: abs(np.linalg.norm(np.asarray(u, float)) - np.linalg.norm(np.asarray(v, float))),
    ),
    Mistake(
        "square each difference before summing: you took the square root of |sum(u - v)|",
        lambda u, v: np.sqrt(abs(np.sum(difference(u, v)))),
    ),
    Mistake(WRAPPED, lambda u, v: np.sqrt(np.sum((np.asarray(u) - np.asarray(v)).astype(float) ** 2))),
    Mistake(
        "|u|^2 - 2 u.v + |v|^2 cancels catastrophically when the vectors are far from 0 but close "
        "to each other: sum the squared differences (u - v)^2 instead",
        lambda u, v: np.sqrt(max(_f(u) @ _f(u) - 2 * (_f(u) @ _f(v)) + _f(v) @ _f(v), 0.0)),
    ),
)


@points(3)
def test_matches_scipy_on_random_inputs(euclidean_distance):
    expect_random_vectors(euclidean_distance, seeded(7201), reference, REFERENCE, MISTAKES)


@points(1)
def test_simple_cases(euclidean_distance):
    cases = (
        ([0.0, 0.0], [3.0, 4.0], "the 3-4-5 triangle"),
        ([1.5, -2.0, 7.0], [1.5, -2.0, 7.0], "a point is at distance 0 from itself"),
        ([-4.0], [2.5], "in 1-D the distance is |u - v|"),
        ([1.0, 1.0, 1.0, 1.0], [-1.0, -1.0, -1.0, -1.0], "four differences of 2: sqrt(16)"),
    )
    expect_simple_vectors(euclidean_distance, cases, reference, REFERENCE, MISTAKES)


@points(2)
def test_every_corner_of_the_domain(euclidean_distance):
    expect_vector_corners(euclidean_distance, DOMAIN, reference, REFERENCE, MISTAKES)


@points(1)
def test_rejects_bad_input(euclidean_distance):
    expect_rejected(euclidean_distance, vector_bad_inputs(DOMAIN))


@robust()
@points(1)
def test_extreme_magnitudes(euclidean_distance):
    rng = seeded(7205)
    cases = [
        case("float32 entries near 3e38", near_float32_max(rng, 50), near_float32_max(rng, 50)),
        case("entries near 1e150", near_overflow(rng, 50, 1e150), near_overflow(rng, 50, 1e150)),
        case("one entry each", np.array([1e150]), np.array([-1e150])),
        case("entries 1e-300 apart", np.full(5, 1e-300), np.zeros(5)),
        case("100000 entries", rng.normal(size=100_000), rng.normal(size=100_000)),
    ]
    in_float32 = Mistake(FLOAT32_OVERFLOW, lambda u, v: np.sqrt(np.sum((np.asarray(u) - np.asarray(v)) ** 2)))
    expect_cases(
        euclidean_distance, cases, reference, reference_name=REFERENCE, mistakes=(in_float32,), rtol=RTOL
    )


FAST = Fast(within=5.0)


PROPERTIES = (Differential("euclidean_distance", DOMAIN, reference, REFERENCE, rtol=RTOL),)
