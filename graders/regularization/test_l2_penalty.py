"""Grader for regularization/l2_penalty, against exact rational arithmetic."""

from fractions import Fraction

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.memo import cached_reference

l2_penalty = student_function("l2_penalty")
REFERENCE = "alpha * sum(w^2), computed exactly with fractions.Fraction"
RTOL, ATOL = 1e-11, 1e-300


def _int8(values, rng):
    """int8 entries, -128 among them: np.abs and squares kept in int8 wrap around."""
    values["w"] = rng.integers(-128, 128, size=values["w"].shape).astype(np.int8)
    values["w"].reshape(-1)[0] = -128
    return values


def _large_integers(values, rng):
    """int64 entries near 2**32: their squares overflow int64."""
    values["w"] = rng.integers(2**32 - 100, 2**32 + 100, size=values["w"].shape)
    return values


DOMAIN = Domain(
    seed=1413,
    args=(
        Reals("w", scale=3, any_shape=True, uint8=True, nan_rejected=True),
        Reals("alpha", (), low=0.1, high=3.0),
    ),
    sizes={"n": (1, 6, 40, 1000)},
    empty="reject",
    custom={"int8 entries": _int8, "large integers": _large_integers},
)


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


@points(2)
def test_every_corner_of_the_domain(l2_penalty):
    expect_cases(
        l2_penalty,
        DOMAIN.corner_cases(),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
        rtol=RTOL,
        atol=ATOL,
    )


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
            BadInput("w holds inf, which is not finite", ([1.0, np.inf], 1.0)),
            BadInput("alpha=nan is not a finite number", ([1.0, -2.0], np.nan)),
            BadInput("alpha=inf is not a finite number", ([1.0, -2.0], np.inf)),
            BadInput("alpha=[0.1, 0.2] is not a single number", ([1.0, -2.0], [0.1, 0.2])),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("l2_penalty", DOMAIN, reference, REFERENCE, rtol=RTOL, atol=ATOL),)
