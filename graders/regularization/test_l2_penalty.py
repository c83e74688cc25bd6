"""Grader for regularization/l2_penalty, against exact rational arithmetic.

The domain and the checks are shared with l1_penalty (:mod:`mlkata.grading.penalties`).
"""

from fractions import Fraction

import numpy as np

from mlkata.grading import Mistake, points, seeded, student_function
from mlkata.grading.checks import Differential
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.penalties import (
    ATOL,
    RTOL,
    expect_penalty,
    expect_penalty_corners,
    expect_penalty_rejected,
    expect_random_penalties,
    penalty_domain,
)

l2_penalty = student_function("l2_penalty")
REFERENCE = "alpha * sum(w^2), computed exactly with fractions.Fraction"
DOMAIN = penalty_domain(1413)


@cached_reference
def reference(w, alpha):
    total = sum(Fraction(float(v)) ** 2 for v in np.ravel(w))
    return float(Fraction(float(alpha)) * total)


def _f(w):
    return np.asarray(w, dtype=np.float64)


MISTAKES = (
    Mistake(
        "the ridge penalty uses the SQUARED norm, alpha * sum(w^2): you took the square root",
        lambda w, a: a * np.sqrt(np.sum(_f(w) ** 2)),
    ),
    Mistake(
        "there is no factor 1/2 here: the penalty is alpha * sum(w^2)",
        lambda w, a: a / 2 * np.sum(_f(w) ** 2),
    ),
    Mistake("multiply by alpha", lambda w, a: np.sum(_f(w) ** 2)),
    Mistake("the penalty is a sum over the weights, not a mean", lambda w, a: a * np.mean(_f(w) ** 2)),
    Mistake(
        "that is the L1 penalty alpha * sum(|w|): square the weights", lambda w, a: a * np.sum(np.abs(_f(w)))
    ),
    Mistake("square each weight, then sum: you squared the sum", lambda w, a: a * np.sum(_f(w)) ** 2),
    Mistake(
        "alpha multiplies the sum of squares; it is not squared itself",
        lambda w, a: a**2 * np.sum(_f(w) ** 2),
    ),
    Mistake(
        "squares kept in an integer type wrap around (int8 16**2 is 0, int64 (2**32)**2 is 0): "
        "convert to float first (np.asarray(w, dtype=float))",
        lambda w, a: a * float(np.sum(np.asarray(w) ** 2)),
    ),
)


@points(3)
def test_matches_exact_arithmetic_on_random_inputs(l2_penalty):
    sizes_and_alphas = ((6, 0.1), (40, 2.5), (1000, 1e-3), (1, 0.7))  # one weight last: |w| = sqrt(w^2)
    expect_random_penalties(l2_penalty, seeded(1411), sizes_and_alphas, reference, REFERENCE, MISTAKES)


@points(1)
def test_edge_cases(l2_penalty):
    cases = (
        ([1.5, -2.0, 0.5], 0.0, "; alpha = 0 switches the penalty off"),
        ([0.0, 0.0, 0.0], 3.0, "; zero weights cost nothing"),
        ([-4.0], 0.25, "; a single negative weight"),
        ([0.5, -0.25], 1.0, "; weights below 1 shrink when squared"),
    )
    for w, alpha, why in cases:
        expect_penalty(l2_penalty.call(w, alpha), w, alpha, reference, REFERENCE, MISTAKES, why)


@points(2)
def test_every_corner_of_the_domain(l2_penalty):
    expect_penalty_corners(l2_penalty, DOMAIN, reference, REFERENCE, MISTAKES)


@points(1)
def test_rejects_bad_input(l2_penalty):
    expect_penalty_rejected(l2_penalty, DOMAIN, lambda w, a: a * np.sum(_f(w) ** 2))


PROPERTIES = (Differential("l2_penalty", DOMAIN, reference, REFERENCE, rtol=RTOL, atol=ATOL),)


@robust()
@points(1)
def test_huge_tiny_and_many_weights(l2_penalty):
    """Weights of 1e150 (squares near 1e300), 1e-150 and subnormals (squares underflow), a million."""
    rng = seeded(1414)
    cases = (
        ([1e150, -3e149, 2.5], 0.5, "; weights of 1e150, squares of 1e300"),
        ([[1e153], [-2e153]], 1e-3, "; squares of 1e306 in a matrix of weights"),
        ([-1e-150, 2e-150, 5e-324], 2.0, "; weights of 1e-150 and a subnormal"),
        ([1e150, -1e-150, 3.0], 0.0, "; alpha = 0 with weights of 1e150"),
        (rng.normal(scale=3, size=1_000_000), 0.01, "; a million weights"),
    )
    for w, alpha, why in cases:
        expect_penalty(l2_penalty.call(w, alpha), w, alpha, reference, REFERENCE, MISTAKES, why)


FAST = Fast()
