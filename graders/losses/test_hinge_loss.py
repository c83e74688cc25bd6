"""Grader for losses/hinge_loss, against sklearn.metrics.hinge_loss."""

import numpy as np
from sklearn.metrics import hinge_loss as sklearn_hinge_loss

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, case, near_float32_max, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

hinge_loss = student_function("hinge_loss")
REFERENCE = "sklearn.metrics.hinge_loss"


def _on_the_margin(values, rng):
    """Decisions exactly at y*d = 1 (the kink), at 0, and beyond the margin."""
    y = values["y_true"]
    values["decision"] = y * rng.choice([1.0, 0.0, 2.0, -1.0], size=y.shape)
    return values


DOMAIN = Domain(
    seed=703,
    args=(Labels("y_true", classes=(-1, 1), alternatives=()), Reals("decision", scale=2)),
    sizes={"n": (2, 6, 500)},
    custom={"decisions on the margin": _on_the_margin},
)


@cached_reference
def reference(y, d):
    y, d = np.asarray(y), np.asarray(d, float)
    if len(np.unique(y)) < 2:
        # sklearn binarises the labels it sees: with one class present it mislabels them
        # (hinge_loss([1, 1], [-2.7, -2.7]) is 0.0), so the documented formula decides here.
        return float(np.mean(np.maximum(0.0, 1.0 - y * d)))
    return float(sklearn_hinge_loss(y, d))


def _margin(y, d):
    return np.asarray(y, float) * np.asarray(d, float)


MISTAKES = (
    Mistake(
        "did you forget the max(0, ...)? A sample beyond the margin (y * d > 1) costs 0, "
        "not a negative amount",
        lambda y, d: np.mean(1 - _margin(y, d)),
    ),
    Mistake(
        "that is the sum of the losses: divide by n for the mean",
        lambda y, d: np.sum(np.maximum(0, 1 - _margin(y, d))),
    ),
    Mistake(
        "the hinge is max(0, 1 - y * d): you used max(0, y * d - 1)",
        lambda y, d: np.mean(np.maximum(0, _margin(y, d) - 1)),
    ),
    Mistake(
        "the margin is y * d, with the label: you used max(0, 1 - d)",
        lambda y, d: np.mean(np.maximum(0, 1 - np.asarray(d, float))),
    ),
    Mistake(
        "that is the squared hinge: the hinge loss is not squared",
        lambda y, d: np.mean(np.maximum(0, 1 - _margin(y, d)) ** 2),
    ),
)


@points(3)
def test_matches_sklearn_on_random_inputs(hinge_loss):
    rng = seeded(701)
    for n in (2, 6, 500):
        y = rng.choice([-1, 1], size=n)
        y[:2] = [-1, 1]
        d = rng.normal(scale=2, size=n)
        expect_close(hinge_loss.call(y, d), sklearn_hinge_loss(y, d), reference=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_margin_cases(hinge_loss):
    y = np.array([1, 1, -1, -1, 1])
    d = np.array([3.0, 1.0, -1.0, 0.5, 0.0])
    expect_close(
        hinge_loss.call(y, d),
        (0 + 0 + 0 + 1.5 + 1) / 5,
        reference="beyond and on the margin cost 0; 1 - y*d otherwise",
        mistakes=MISTAKES,
    )


@points(2)
def test_every_corner_of_the_domain(hinge_loss):
    expect_cases(hinge_loss, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(hinge_loss):
    zero_one = Mistake(
        "labels in {0, 1} must be rejected: with y = 0 the margin y * d is always 0, so the "
        "loss silently becomes 1 for every negative",
        lambda y, d: np.mean(np.maximum(0, 1 - _margin(y, d))),
    )
    expect_rejected(
        hinge_loss,
        [
            BadInput(
                "labels must be -1 or +1, and 0 is neither",
                ([0, 1, 0, 1], [0.3, 2.0, -1.0, 1.5]),
                mistakes=(zero_one,),
            ),
            BadInput("the label 2 is not -1 or +1", ([2, -1], [0.5, 0.5])),
            BadInput("y_true has 3 values and decision 2", ([1, -1, 1], [0.5, 0.5])),
            BadInput("both inputs are empty", ([], [])),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_extreme_decisions(hinge_loss):
    rng = seeded(705)
    y = rng.choice([-1, 1], size=40)
    cases = [
        case("float32 labels and decisions near +-3e38", y.astype(np.float32), near_float32_max(rng, 40)),
        case("decisions near +-1e300", y, near_overflow(rng, 40)),
        case("every sample exactly on the margin", y, y.astype(float)),
        case("one sample", np.array([-1]), np.array([1e300])),
    ]
    in_float32 = Mistake(
        FLOAT32_OVERFLOW, lambda y, d: np.mean(np.maximum(0, 1 - np.asarray(y) * np.asarray(d)))
    )
    expect_cases(hinge_loss, cases, reference, reference_name=REFERENCE, mistakes=(in_float32,))


FAST = Fast(within=5.0)

PROPERTIES = (Differential("hinge_loss", DOMAIN, reference, REFERENCE),)
