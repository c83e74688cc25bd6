"""Grader for regularization/l1_penalty, against exact rational arithmetic."""

from fractions import Fraction

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.memo import cached_reference

l1_penalty = student_function("l1_penalty")
REFERENCE = "alpha * sum(|w|), computed exactly with fractions.Fraction"
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
    seed=1403,
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
    Mistake(
        "np.abs of int8 (or uint8) weights stays in that type, and |-128| wraps to -128: "
        "convert to float first (np.asarray(w, dtype=float))",
        lambda w, a: a * float(np.sum(np.abs(np.asarray(w)))),
    ),
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


@points(2)
def test_every_corner_of_the_domain(l1_penalty):
    expect_cases(
        l1_penalty,
        DOMAIN.corner_cases(),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
        rtol=RTOL,
        atol=ATOL,
    )


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
            BadInput("w holds inf, which is not finite", ([1.0, np.inf], 1.0)),
            BadInput("alpha=nan is not a finite number", ([1.0, -2.0], np.nan)),
            BadInput("alpha=inf is not a finite number", ([1.0, -2.0], np.inf)),
            BadInput("alpha=[0.1, 0.2] is not a single number", ([1.0, -2.0], [0.1, 0.2])),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("l1_penalty", DOMAIN, reference, REFERENCE, rtol=RTOL, atol=ATOL),)
