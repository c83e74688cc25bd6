"""Grader for regularization/l2_penalty, against exact rational arithmetic."""

from fractions import Fraction

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

l2_penalty = student_function("l2_penalty")
REFERENCE = "alpha * sum(w^2), computed exactly with fractions.Fraction"
RTOL, ATOL = 1e-11, 1e-300


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
)


def _expect(outcome, w, alpha, why=""):
    expect_close(
        outcome, reference(w, alpha), reference=REFERENCE + why, rtol=RTOL, atol=ATOL, mistakes=MISTAKES
    )


@points(3)
def test_matches_exact_arithmetic_on_random_inputs(l2_penalty):
    rng = seeded(1411)
    for size, alpha in ((6, 0.1), (40, 2.5), (1000, 1e-3), (1, 0.7)):  # one weight last: |w| = sqrt(w^2)
        w = rng.normal(scale=3, size=size)
        _expect(l2_penalty.call(w, alpha), w, alpha)


@points(1)
def test_edge_cases(l2_penalty):
    cases = (
        ([1.5, -2.0, 0.5], 0.0, "; alpha = 0 switches the penalty off"),
        ([0.0, 0.0, 0.0], 3.0, "; zero weights cost nothing"),
        ([-4.0], 0.25, "; a single negative weight"),
        ([0.5, -0.25], 1.0, "; weights below 1 shrink when squared"),
    )
    for w, alpha, why in cases:
        _expect(l2_penalty.call(w, alpha), w, alpha, why)


@points(1)
def test_accepts_lists_and_float32(l2_penalty):
    rng = seeded(1412)
    args = (rng.normal(size=30), 0.3)
    expect_input_types_accepted(l2_penalty, args, reference, reference_name=REFERENCE)


@points(1)
def test_rejects_bad_input(l2_penalty):
    negative_alpha = Mistake(
        "a negative alpha rewards large weights: raise ValueError for alpha < 0",
        lambda w, a: a * np.sum(_f(w) ** 2),
    )
    expect_rejected(
        l2_penalty,
        [
            BadInput("alpha must be >= 0", ([1.0, -2.0], -0.5), mistakes=(negative_alpha,)),
            BadInput("w is empty", ([], 1.0)),
        ],
    )
