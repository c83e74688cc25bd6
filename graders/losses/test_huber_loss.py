"""Grader for losses/huber_loss, against the mean of scipy.special.huber(delta, r)."""

import numpy as np
from scipy.special import huber

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, case, near_float32_max, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

huber_loss = student_function("huber_loss")
REFERENCE = "mean of scipy.special.huber(delta, y_true - y_pred)"


def _at_the_seams(values, rng):
    """Residuals of exactly +-delta (the kink where the two pieces meet) and 0."""
    y, delta = values["y_true"], values["delta"]
    values["y_pred"] = y - delta * rng.choice([-1.0, 1.0, 0.0], size=y.shape)
    return values


def _big_negative_residuals(values, rng):
    values["y_pred"] = values["y_true"] + rng.uniform(2.0, 6.0, size=values["y_true"].shape)
    return values


DOMAIN = Domain(
    seed=303,
    args=(
        Reals("y_true", scale=3, uint8=True, offset=True, tiny=True),
        Reals("y_pred", scale=1, uint8=True, offset=True, tiny=True),
    ),
    params=(Param("delta", 1.0, values=(0.5, 2.5), invalid=(0.0, -1.0), why_invalid="is not positive"),),
    sizes={"n": (1, 5, 50, 400)},
    custom={
        "residuals exactly at +-delta": _at_the_seams,
        "large negative residuals": _big_negative_residuals,
    },
)


@cached_reference
def reference(y, p, delta=1.0):
    return float(np.mean(huber(delta, np.asarray(y, float) - np.asarray(p, float))))


def _r(y, p):
    return np.asarray(y, float) - np.asarray(p, float)


MISTAKES = (
    Mistake(
        "the linear piece must be delta * (|r| - delta / 2): without the - delta / 2 the "
        "two pieces do not meet at |r| = delta",
        lambda y, p, delta=1.0: np.mean(
            np.where(np.abs(_r(y, p)) <= delta, 0.5 * _r(y, p) ** 2, delta * np.abs(_r(y, p)))
        ),
    ),
    Mistake(
        "the quadratic piece is r**2 / 2: you left out the 1/2",
        lambda y, p, delta=1.0: np.mean(
            np.where(np.abs(_r(y, p)) <= delta, _r(y, p) ** 2, delta * (np.abs(_r(y, p)) - delta / 2))
        ),
    ),
    Mistake(
        "choose the piece by the size |r| of the residual, not by r itself: a residual of -5 is large",
        lambda y, p, delta=1.0: np.mean(
            np.where(_r(y, p) <= delta, 0.5 * _r(y, p) ** 2, delta * (np.abs(_r(y, p)) - delta / 2))
        ),
    ),
    Mistake(
        "that is half the mean squared error: large residuals must grow linearly",
        lambda y, p, delta=1.0: np.mean(0.5 * _r(y, p) ** 2),
    ),
    Mistake(
        "that is the sum of the losses: divide by n for the mean",
        lambda y, p, delta=1.0: np.sum(huber(delta, _r(y, p))),
    ),
)


@points(3)
def test_matches_scipy_on_random_inputs(huber_loss):
    rng = seeded(301)
    for n, delta in ((1, 1.0), (5, 0.5), (50, 1.0), (400, 2.5)):
        y, p = rng.normal(size=n) * 3, rng.normal(size=n)
        expect_close(
            huber_loss.call(y, p, delta=delta), reference(y, p, delta), reference=REFERENCE, mistakes=MISTAKES
        )


@points(1)
def test_default_delta_and_the_seam(huber_loss):
    y, p = np.zeros(4), np.array([0.5, -3.0, 1.0, -1.0])
    expect_close(huber_loss.call(y, p), reference(y, p), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_every_corner_of_the_domain(huber_loss):
    expect_cases(huber_loss, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(huber_loss):
    expect_rejected(
        huber_loss,
        [
            BadInput("delta must be positive", ([1.0, 2.0], [1.0, 2.5]), {"delta": 0.0}),
            BadInput("delta must be positive", ([1.0, 2.0], [1.0, 2.5]), {"delta": -1.0}),
            BadInput("y_true has 2 values and y_pred 1", ([1.0, 2.0], [1.0])),
            BadInput("both inputs are empty", ([], [])),
            *DOMAIN.bad_inputs(),
        ],
    )


def _difference_of_squares(y, p, delta=1.0):
    size = np.abs(_r(y, p))
    return np.mean(0.5 * size**2 - 0.5 * np.maximum(size - delta, 0.0) ** 2)


ROBUST_MISTAKES = (
    Mistake(
        FLOAT32_OVERFLOW,
        lambda y, p, delta=1.0: np.mean(huber(np.float32(delta), np.asarray(y) - np.asarray(p))),
    ),
    Mistake(
        "for a large residual compute the linear piece delta * (|r| - delta / 2) itself: "
        "r**2 / 2 - (|r| - delta)**2 / 2 is the same number in exact arithmetic, but in floats "
        "it cancels (residuals near 1e10) or overflows to inf - inf (near 1e200)",
        _difference_of_squares,
    ),
)


@robust()
@points(1)
def test_extreme_residuals(huber_loss):
    rng = seeded(305)
    cases = [
        case("residuals near 1e10", near_overflow(rng, 30, 1e10), np.zeros(30)),
        case("residuals near 1e200", near_overflow(rng, 30, 1e200), np.zeros(30)),
        case("float32 values near 3e38", near_float32_max(rng, 30), near_float32_max(rng, 30)),
        case("delta=1e-8: almost all linear", rng.normal(size=30), rng.normal(size=30), delta=1e-8),
        case("delta=1e12: all quadratic", near_overflow(rng, 30, 1e10), np.zeros(30), delta=1e12),
        case("one sample", np.array([3.0]), np.array([-1e9])),
    ]
    expect_cases(huber_loss, cases, reference, reference_name=REFERENCE, mistakes=ROBUST_MISTAKES)


FAST = Fast(within=5.0)

PROPERTIES = (Differential("huber_loss", DOMAIN, reference, REFERENCE),)
