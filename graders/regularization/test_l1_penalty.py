"""Grader for regularization/l1_penalty, against exact rational arithmetic."""

from fractions import Fraction

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

l1_penalty = student_function("l1_penalty")
REFERENCE = "alpha * sum(|w|), computed exactly with fractions.Fraction"
RTOL, ATOL = 1e-11, 1e-300


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
    Mistake("there is no factor 1/2 in the L1 penalty", lambda w, a: a / 2 * np.sum(np.abs(_f(w)))),
)


def _expect(outcome, w, alpha, why=""):
    expect_close(
        outcome, reference(w, alpha), reference=REFERENCE + why, rtol=RTOL, atol=ATOL, mistakes=MISTAKES
    )


@points(3)
def test_matches_exact_arithmetic_on_random_inputs(l1_penalty):
    rng = seeded(1401)
    for size, alpha in ((1, 0.7), (6, 0.1), (40, 2.5), (1000, 1e-3)):
        w = rng.normal(scale=3, size=size)
        _expect(l1_penalty.call(w, alpha), w, alpha)


@points(1)
def test_edge_cases(l1_penalty):
    cases = (
        ([1.5, -2.0, 0.5], 0.0, "; alpha = 0 switches the penalty off"),
        ([0.0, 0.0, 0.0], 3.0, "; zero weights cost nothing"),
        ([-4.0], 0.25, "; a single negative weight"),
        ([2.0, -2.0], 1.0, "; weights of opposite signs do not cancel"),
    )
    for w, alpha, why in cases:
        _expect(l1_penalty.call(w, alpha), w, alpha, why)


@points(1)
def test_accepts_lists_and_float32(l1_penalty):
    rng = seeded(1402)
    args = (rng.normal(size=30), 0.3)
    expect_input_types_accepted(l1_penalty, args, reference, reference_name=REFERENCE)


@points(1)
def test_rejects_bad_input(l1_penalty):
    negative_alpha = Mistake(
        "a negative alpha rewards large weights: raise ValueError for alpha < 0",
        lambda w, a: a * np.sum(np.abs(_f(w))),
    )
    expect_rejected(
        l1_penalty,
        [
            BadInput("alpha must be >= 0", ([1.0, -2.0], -0.5), mistakes=(negative_alpha,)),
            BadInput("w is empty", ([], 1.0)),
        ],
    )
