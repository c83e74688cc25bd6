"""Grader for metrics/dice_coefficient, against 1 - scipy.spatial.distance.dice."""

import warnings

import numpy as np
from scipy.spatial.distance import dice

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels
from mlkata.grading.memo import cached_reference

dice_coefficient = student_function("dice_coefficient")
REFERENCE = "1 - scipy.spatial.distance.dice(a.ravel(), b.ravel()), 1.0 for two empty masks"


def _masks(how):
    """Masks of other shapes and types, empty masks, and masks large enough to outgrow float16."""

    def corner(values, rng):
        a, b = values["mask_a"], values["mask_b"]
        if how in ("2-D", "3-D"):
            shape = (4, 5) if how == "2-D" else (2, 3, 4)
            a = rng.random(shape) < 0.5
            b = np.where(rng.random(shape) < 0.7, a, rng.random(shape) < 0.5)
        elif how == "large":
            a = rng.random((100, 100)) < 0.5
            b = np.where(rng.random((100, 100)) < 0.8, a, ~a)
        elif how == "one empty":
            a = np.zeros_like(a)
        elif how == "both empty":
            a, b = np.zeros_like(a), np.zeros_like(b)
        else:
            a, b = a.astype(how), b.astype(how)
        return {**values, "mask_a": a, "mask_b": b}

    return corner


DOMAIN = Domain(
    seed=2103,
    args=(Labels("mask_a", alternatives=()), Labels("mask_b", alternatives=())),
    sizes={"n": (6, 40)},
    custom={
        "2-D masks": _masks("2-D"),
        "3-D masks": _masks("3-D"),
        "100 x 100 masks": _masks("large"),
        "float masks": _masks(float),
        "uint8 masks": _masks(np.uint8),
        "one mask empty": _masks("one empty"),
        "both masks empty": _masks("both empty"),
    },
)


@cached_reference
def reference(mask_a, mask_b):
    a = np.asarray(mask_a).ravel().astype(bool)
    b = np.asarray(mask_b).ravel().astype(bool)
    if not (a.any() or b.any()):
        return 1.0  # scipy gives nan (0 / 0) here; the curriculum says 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(1.0 - dice(a, b))


def _counts(mask_a, mask_b):
    a, b = np.asarray(mask_a).astype(bool), np.asarray(mask_b).astype(bool)
    return np.count_nonzero(a & b), np.count_nonzero(a), np.count_nonzero(b)


MISTAKES = (
    Mistake(
        "that is the IoU |A and B| / |A or B|: Dice is 2 |A and B| / (|A| + |B|)",
        lambda a, b: (lambda i, x, y: i / (x + y - i))(*_counts(a, b)),
    ),
    Mistake(
        "Dice counts the overlap twice: 2 |A and B| / (|A| + |B|); you forgot the factor 2",
        lambda a, b: (lambda i, x, y: i / (x + y))(*_counts(a, b)),
    ),
    Mistake(
        "that is the pixel accuracy (the fraction of pixels that agree, background included); "
        "Dice counts only the pixels set in a mask",
        lambda a, b: np.mean(np.asarray(a).astype(bool) == np.asarray(b).astype(bool)),
    ),
    Mistake(
        "two empty masks agree perfectly: their Dice coefficient is 1.0, not 0.0",
        lambda a, b: 0.0,
    ),
)


@points(3)
def test_matches_scipy_on_random_masks(dice_coefficient):
    rng = seeded(2101)
    for shape, density in (((6,), 0.5), ((8, 8), 0.3), ((32, 32), 0.7), ((3, 16, 16), 0.1)):
        a = rng.random(shape) < density
        b = np.where(rng.random(shape) < 0.7, a, rng.random(shape) < density)
        expect_close(dice_coefficient.call(a, b), reference(a, b), reference=REFERENCE, mistakes=MISTAKES)
        expect_close(
            dice_coefficient.call(a.astype(int), b.astype(int)),
            reference(a, b),
            reference=REFERENCE + ", masks of 0/1 integers",
            mistakes=MISTAKES,
        )


@points(1)
def test_empty_identical_and_disjoint_masks(dice_coefficient):
    empty = np.zeros((4, 5), dtype=bool)
    some = empty.copy()
    some[1:3, 2:4] = True
    other = empty.copy()
    other[0, 0] = True
    cases = (
        (empty, empty.copy(), 1.0, "two empty masks agree perfectly"),
        (empty, some, 0.0, "one mask empty"),
        (some, some.copy(), 1.0, "identical masks"),
        (some, other, 0.0, "disjoint masks"),
    )
    for a, b, expected, what in cases:
        expect_close(
            dice_coefficient.call(a, b), expected, reference=f"{REFERENCE}: {what}", mistakes=MISTAKES
        )


@points(1)
def test_every_corner_of_the_domain(dice_coefficient):
    expect_cases(
        dice_coefficient, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_rejects_bad_input(dice_coefficient):
    expect_rejected(
        dice_coefficient,
        [
            BadInput("the masks have shapes (2, 3) and (3, 2)", (np.ones((2, 3)), np.ones((3, 2)))),
            BadInput(
                "mask values must be 0 or 1 (or bool): 2 is neither", ([[0, 1], [2, 1]], [[0, 1], [1, 1]])
            ),
            BadInput("a soft mask (0.5) must be thresholded first", ([0.5, 1.0, 0.0], [1, 1, 0])),
            BadInput("the masks are empty (no pixels)", ([], [])),
            BadInput("mask_b holds 2, which is not 0 or 1", ([[0, 1], [1, 1]], [[0, 1], [2, 1]])),
            BadInput("mask_b is a soft mask (0.5): threshold it first", ([1, 1, 0], [0.5, 1.0, 0.0])),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("dice_coefficient", DOMAIN, reference, REFERENCE),)
