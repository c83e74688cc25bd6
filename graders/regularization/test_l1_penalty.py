"""Grader for regularization/l1_penalty, against exact rational arithmetic.

The domain and the checks are shared with l2_penalty (:mod:`mlkata.grading.penalties`).
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

l1_penalty = student_function("l1_penalty")
REFERENCE = "alpha * sum(|w|), computed exactly with fractions.Fraction"
DOMAIN = penalty_domain(1403)


@cached_reference
def reference(w, alpha):
    total = sum(abs(Fraction(float(v))) for v in np.ravel(w))
    return float(Fraction(float(alpha)) * total)


def _f(w):
    return np.asarray(w, dtype=np.float64)


MISTAKES = (
    Mistake(
        "take the absolute value of each weight: sum(w) lets weights cancel", lambda w, a: a * np.sum(_f(w))
    ),
    Mistake("multiply by alpha", lambda w, a: np.sum(np.abs(_f(w)))),
    Mistake("the penalty is a sum over the weights, not a mean", lambda w, a: a * np.mean(np.abs(_f(w)))),
    Mistake(
        "that is alpha * ||w||_2 (the Euclidean length): the L1 penalty adds up |w_j|",
        lambda w, a: a * np.sqrt(np.sum(_f(w) ** 2)),
    ),
    Mistake(
        "that is the L2 penalty alpha * sum(w^2): the L1 penalty adds up |w_j|",
        lambda w, a: a * np.sum(_f(w) ** 2),
    ),
    Mistake(
        "|w| written np.sqrt(w**2) overflows for |w| above 1e154 and underflows to 0 below "
        "1e-162: use np.abs(w), exact for every float",
        lambda w, a: a * np.sum(np.sqrt(_f(w) ** 2)),
    ),
    Mistake("there is no factor 1/2 in the L1 penalty", lambda w, a: a / 2 * np.sum(np.abs(_f(w)))),
    Mistake(
        "np.abs of int8 (or uint8) weights stays in that type, and |-128| wraps to -128: "
        "convert to float first (np.asarray(w, dtype=float))",
        lambda w, a: a * float(np.sum(np.abs(np.asarray(w)))),
    ),
)


@points(3)
def test_matches_exact_arithmetic_on_random_inputs(l1_penalty):
    sizes_and_alphas = ((1, 0.7), (6, 0.1), (40, 2.5), (1000, 1e-3))
    expect_random_penalties(l1_penalty, seeded(1401), sizes_and_alphas, reference, REFERENCE, MISTAKES)


@points(1)
def test_edge_cases(l1_penalty):
    cases = (
        ([1.5, -2.0, 0.5], 0.0, "; alpha = 0 switches the penalty off"),
        ([0.0, 0.0, 0.0], 3.0, "; zero weights cost nothing"),
        ([-4.0], 0.25, "; a single negative weight"),
        ([2.0, -2.0], 1.0, "; weights of opposite signs do not cancel"),
    )
    for w, alpha, why in cases:
        expect_penalty(l1_penalty.call(w, alpha), w, alpha, reference, REFERENCE, MISTAKES, why)


@points(2)
def test_every_corner_of_the_domain(l1_penalty):
    expect_penalty_corners(l1_penalty, DOMAIN, reference, REFERENCE, MISTAKES)


@points(1)
def test_rejects_bad_input(l1_penalty):
    expect_penalty_rejected(l1_penalty, DOMAIN, lambda w, a: a * np.sum(np.abs(_f(w))))


PROPERTIES = (Differential("l1_penalty", DOMAIN, reference, REFERENCE, rtol=RTOL, atol=ATOL),)


@robust()
@points(1)
def test_huge_tiny_and_many_weights(l1_penalty):
    """Weights of 1e200 and 1e-160 (their squares overflow or underflow), subnormals, a million."""
    rng = seeded(1404)
    cases = (
        ([1e-160, -3e-161, 2.2e-160], 2.0, "; weights near 1e-160 (their squares are subnormal)"),
        ([1e200, -3e199, 2.5], 0.5, "; weights of 1e200"),
        ([-1e-200, 2e-200, -5e-324], 2.0, "; weights of 1e-200 and a subnormal"),
        ([[1.7e308], [-1e-300]], 1e-3, "; the largest float and a tiny one"),
        ([1e150, -1e-150, 3.0], 0.0, "; alpha = 0 with weights of 1e150"),
        (rng.normal(scale=3, size=1_000_000), 0.01, "; a million weights"),
    )
    for w, alpha, why in cases:
        expect_penalty(l1_penalty.call(w, alpha), w, alpha, reference, REFERENCE, MISTAKES, why)


FAST = Fast()
