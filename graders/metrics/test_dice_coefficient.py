"""Grader for metrics/dice_coefficient, against 1 - scipy.spatial.distance.dice.

The domain and the checks are shared with mask_iou (:mod:`mlkata.grading.overlap`).
"""

import warnings

import numpy as np
from scipy.spatial.distance import dice

from mlkata.grading import Mistake, points, seeded, student_function
from mlkata.grading.checks import Differential, expect_cases, expect_rejected
from mlkata.grading.extremes import mask_extremes
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.overlap import (
    common_mistakes,
    expect_random_masks,
    expect_simple_masks,
    mask_bad_inputs,
    mask_domain,
    overlap_counts,
)

dice_coefficient = student_function("dice_coefficient")
REFERENCE = "1 - scipy.spatial.distance.dice(a.ravel(), b.ravel()), 1.0 for two empty masks"
DOMAIN = mask_domain(2103)


@cached_reference
def reference(mask_a, mask_b):
    a = np.asarray(mask_a).ravel().astype(bool)
    b = np.asarray(mask_b).ravel().astype(bool)
    if not (a.any() or b.any()):
        return 1.0  # scipy gives nan (0 / 0) here; the curriculum says 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(1.0 - dice(a, b))


MISTAKES = (
    Mistake(
        "that is the IoU |A and B| / |A or B|: Dice is 2 |A and B| / (|A| + |B|)",
        lambda a, b: (lambda i, x, y: i / (x + y - i))(*overlap_counts(a, b)),
    ),
    Mistake(
        "Dice counts the overlap twice: 2 |A and B| / (|A| + |B|); you forgot the factor 2",
        lambda a, b: (lambda i, x, y: i / (x + y))(*overlap_counts(a, b)),
    ),
    *common_mistakes("Dice", "Dice coefficient"),
)


@points(3)
def test_matches_scipy_on_random_masks(dice_coefficient):
    expect_random_masks(dice_coefficient, seeded(2101), reference, REFERENCE, MISTAKES)


@points(1)
def test_empty_identical_and_disjoint_masks(dice_coefficient):
    expect_simple_masks(dice_coefficient, REFERENCE, MISTAKES)


@points(1)
def test_every_corner_of_the_domain(dice_coefficient):
    expect_cases(
        dice_coefficient, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_rejects_bad_input(dice_coefficient):
    expect_rejected(dice_coefficient, mask_bad_inputs(DOMAIN))


@robust()
@points(1)
def test_extreme_masks(dice_coefficient):
    cases = mask_extremes(seeded(2105))
    expect_cases(dice_coefficient, cases, reference, reference_name=REFERENCE, mistakes=MISTAKES)


FAST = Fast(within=5.0)


PROPERTIES = (Differential("dice_coefficient", DOMAIN, reference, REFERENCE),)
