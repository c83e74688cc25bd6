"""Grader for metrics/f1, against sklearn.metrics.f1_score.

The domain, the per-class reference and the averaging and counting mistakes are shared with
precision and recall (:mod:`mlkata.grading.classification`); the mistakes of combining
precision and recall are F1's own.
"""

import warnings

import numpy as np
from sklearn.metrics import f1_score, precision_score, recall_score

from mlkata.grading import Mistake, points, seeded, student_function
from mlkata.grading.checks import Differential, expect_cases
from mlkata.grading.classification import F1, ClassificationScore, classification_domain
from mlkata.grading.extremes import classification_extremes
from mlkata.grading.levels import Fast, robust

f1 = student_function("f1")
REFERENCE = "sklearn.metrics.f1_score"
DOMAIN = classification_domain(1503)
SCORE = ClassificationScore(f1_score, F1)
reference = SCORE.reference


def _per_class(y_true, y_pred, zero_division):
    """Per-class precision and recall (with zero_division), their supports, and the classes."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    classes = np.union1d(y_true, y_pred)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p = precision_score(y_true, y_pred, labels=classes, average=None, zero_division=zero_division)
        r = recall_score(y_true, y_pred, labels=classes, average=None, zero_division=zero_division)
    return p, r, (y_true[:, None] == classes).sum(0), classes


def _combine(average, scores, support, classes):
    """Average per-class scores the way `average` says."""
    if average == "binary":
        keep = classes == 1
        return float(scores[keep][0]) if keep.any() else 0.0
    return float(np.average(scores, weights=support if average == "weighted" else None))


def _harmonic(p, r):
    return np.divide(2 * p * r, p + r, out=np.zeros_like(p), where=(p + r) > 0)


def _f1_of_averages(y_true, y_pred, average="binary", zero_division=0.0):
    if average not in ("macro", "weighted"):
        raise ValueError("the same as F1 for binary and micro")
    p = reference_of(precision_score, y_true, y_pred, average, zero_division)
    r = reference_of(recall_score, y_true, y_pred, average, zero_division)
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _undefined_gives_zero_division(y_true, y_pred, average="binary", zero_division=0.0):
    if average == "micro":
        raise ValueError("micro F1 has no per-class step")
    p, r, support, classes = _per_class(y_true, y_pred, zero_division)
    undefined = ~(np.asarray(y_pred)[:, None] == classes).any(0) | (support == 0)
    return _combine(average, np.where(undefined, zero_division, _harmonic(p, r)), support, classes)


def _arithmetic_mean(y_true, y_pred, average="binary", zero_division=0.0):
    if average == "micro":
        raise ValueError("micro F1 has no per-class step")
    p, r, support, classes = _per_class(y_true, y_pred, zero_division)
    return _combine(average, (p + r) / 2, support, classes)


def reference_of(score, y_true, y_pred, average, zero_division):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(
            score(np.asarray(y_true), np.asarray(y_pred), average=average, zero_division=zero_division)
        )


def _harmonic_of_scores(y_true, y_pred, average="binary", zero_division=0.0):
    """F1 as 2PR / (P + R) per class, with zero_division where P + R = 0."""
    if average == "micro":
        raise ValueError("micro F1 has no per-class step")
    p, r, support, classes = _per_class(y_true, y_pred, zero_division)
    with np.errstate(all="ignore"):
        scores = np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1), zero_division)
    return _combine(average, scores, support, classes)


MISTAKES = (
    Mistake(
        "F1 is the harmonic mean 2PR / (P + R), not the arithmetic mean (P + R) / 2",
        _arithmetic_mean,
    ),
    Mistake(
        "macro (or weighted) F1 is the mean of the per-class F1 scores, not the F1 of the "
        "averaged precision and recall",
        _f1_of_averages,
    ),
    Mistake(
        "compute F1 = 2 TP / (2 TP + FP + FN): a class that occurs but is never predicted (or is "
        "predicted but never occurs) has F1 = 0; zero_division is only for a class with "
        "2 TP + FP + FN = 0",
        _undefined_gives_zero_division,
    ),
    *SCORE.averaging_mistakes(),
    Mistake(
        "a class with no true positive has F1 = 0 even when its precision and recall are both 0: "
        "zero_division stands in for the 0/0 of 2 TP / (2 TP + FP + FN), not for P + R = 0",
        _harmonic_of_scores,
    ),
    *SCORE.counting_mistakes(),
)


@points(3)
def test_matches_sklearn_for_every_average(f1):
    SCORE.expect_every_average(f1, seeded(1501), (5, 40, 400), REFERENCE, MISTAKES)


@points(2)
def test_zero_division(f1):
    cases = (
        ([1, 0, 1, 0], [0, 0, 0, 0], "binary"),  # label 1 never predicted: F1 = 0, not 0/0
        ([0, 0, 0, 0], [1, 0, 1, 0], "binary"),  # label 1 never true: F1 = 0, not 0/0
        ([0, 0, 0], [0, 0, 0], "binary"),  # label 1 absent everywhere: 0/0
        ([0, 1, 2, 2, 1], [0, 0, 1, 1, 1], "macro"),  # label 2 never predicted
        ([0, 1, 2, 2, 1, 2], [0, 0, 1, 1, 1, 0], "weighted"),
    )
    SCORE.expect_zero_division(f1, cases, REFERENCE, MISTAKES)


@points(2)
def test_every_corner_of_the_domain(f1):
    expect_cases(f1, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(f1):
    SCORE.expect_rejected(f1, DOMAIN)


@robust()
@points(1)
def test_extreme_inputs(f1):
    expect_cases(
        f1, classification_extremes(seeded(1505)), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


FAST = Fast(
    within=2.5,
    why="the reference sorts the labels (np.union1d) to find the classes, most of its time: a "
    "vectorised count stays within 1.5 times it, a loop over the samples takes about 4 times",
)


PROPERTIES = (Differential("f1", DOMAIN, reference, REFERENCE),)
