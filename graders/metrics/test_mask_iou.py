"""Grader for metrics/mask_iou, against sklearn.metrics.jaccard_score on the flattened masks.

The domain and the checks are shared with dice_coefficient (:mod:`mlkata.grading.overlap`).
"""

import numpy as np
from sklearn.metrics import jaccard_score

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

mask_iou = student_function("mask_iou")
REFERENCE = "sklearn.metrics.jaccard_score(a.ravel(), b.ravel(), zero_division=1.0)"
DOMAIN = mask_domain(2003)


@cached_reference
def reference(mask_a, mask_b):
    a = np.asarray(mask_a).ravel().astype(bool)
    b = np.asarray(mask_b).ravel().astype(bool)
    return float(jaccard_score(a, b, zero_division=1.0))


MISTAKES = (
    Mistake(
        "that is the Dice coefficient 2|A and B| / (|A| + |B|): the IoU divides the overlap by the union",
        lambda a, b: (lambda i, x, y: 2 * i / (x + y))(*overlap_counts(a, b)),
    ),
    Mistake(
        "the union is |A| + |B| - |A and B|: you counted the overlap twice",
        lambda a, b: (lambda i, x, y: i / (x + y))(*overlap_counts(a, b)),
    ),
    *common_mistakes("the IoU", "IoU"),
)


@points(3)
def test_matches_sklearn_on_random_masks(mask_iou):
    expect_random_masks(mask_iou, seeded(2001), reference, REFERENCE, MISTAKES)


@points(1)
def test_empty_identical_and_disjoint_masks(mask_iou):
    expect_simple_masks(mask_iou, REFERENCE, MISTAKES)


@points(1)
def test_every_corner_of_the_domain(mask_iou):
    expect_cases(mask_iou, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(mask_iou):
    expect_rejected(mask_iou, mask_bad_inputs(DOMAIN))


@robust()
@points(1)
def test_extreme_masks(mask_iou):
    cases = mask_extremes(seeded(2005))
    expect_cases(mask_iou, cases, reference, reference_name=REFERENCE, mistakes=MISTAKES)


FAST = Fast(within=5.0)


PROPERTIES = (Differential("mask_iou", DOMAIN, reference, REFERENCE),)
