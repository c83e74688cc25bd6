"""Grader for metrics/f1, against sklearn.metrics.f1_score."""

import warnings

import numpy as np
from sklearn.metrics import f1_score, precision_score, recall_score

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

f1 = student_function("f1")
REFERENCE = "sklearn.metrics.f1_score"
AVERAGES = ("binary", "micro", "macro", "weighted")


@cached_reference
def reference(y_true, y_pred, average="binary", zero_division=0.0, labels=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # UndefinedMetricWarning when a denominator is 0
        return float(
            f1_score(
                np.asarray(y_true),
                np.asarray(y_pred),
                average=average,
                zero_division=zero_division,
                labels=labels,
            )
        )


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


def _swapped(average):
    return {"macro": "weighted", "weighted": "macro"}.get(average, average)


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
    Mistake(
        "macro is the plain mean of the per-class F1 scores; weighted weights each class by "
        "its support (its number of true samples): you mixed the two up",
        lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
            y_true, y_pred, _swapped(average), zero_division
        ),
    ),
    Mistake(
        "micro pools the counts of all classes before dividing (2 sum TP / sum (2 TP + FP + FN)); "
        "you averaged the per-class F1 scores as macro does",
        lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
            y_true, y_pred, "macro" if average == "micro" else average, zero_division
        ),
    ),
    Mistake(
        "the classes are the union of the labels in y_true and y_pred: a class that is only "
        "ever predicted has F1 0 and counts in the macro mean",
        lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
            y_true, y_pred, average, zero_division, labels=np.unique(y_true) if average != "binary" else None
        ),
    ),
    Mistake(
        "use zero_division as the value of an F1 score whose denominator 2 TP + FP + FN is 0",
        lambda y_true, y_pred, average="binary", zero_division=0.0: reference(y_true, y_pred, average, 0.0),
    ),
    Mistake(
        "with average='binary' the positive label is 1: you computed the F1 score of label 0",
        lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
            1 - np.asarray(y_true), 1 - np.asarray(y_pred), average, zero_division
        ),
    ),
)


def _noisy(rng, values, n, right=0.6):
    y_true = rng.choice(values, size=n)
    y_pred = np.where(rng.random(n) < right, y_true, rng.choice(values, size=n))
    return y_true, y_pred


def _score_of_label_one(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    return 2 * tp / (np.sum(y_true == 1) + np.sum(y_pred == 1))


@points(3)
def test_matches_sklearn_for_every_average(f1):
    rng = seeded(1501)
    for n in (5, 40, 400):
        y_true, y_pred = _noisy(rng, [0, 1], n)
        y_true[:2], y_pred[:2] = [0, 1], [1, 1]
        for average in AVERAGES:
            expect_close(
                f1.call(y_true, y_pred, average=average),
                reference(y_true, y_pred, average),
                reference=f"{REFERENCE}(average={average!r})",
                mistakes=MISTAKES,
            )
    for n, values in ((12, [0, 1, 2]), (60, [3, 5, 8, 9]), (500, list(range(6)))):
        # the last label is predicted (once at least) but never true
        y_true = rng.choice(values[:-1], size=n)
        y_pred = np.where(rng.random(n) < 0.4, y_true, rng.choice(values, size=n))
        y_pred[0] = values[-1]
        for average in AVERAGES[1:]:
            expect_close(
                f1.call(y_true, y_pred, average=average),
                reference(y_true, y_pred, average),
                reference=f"{REFERENCE}(average={average!r})",
                mistakes=MISTAKES,
            )


@points(2)
def test_zero_division(f1):
    cases = (
        ([1, 0, 1, 0], [0, 0, 0, 0], "binary"),  # label 1 never predicted: F1 = 0, not 0/0
        ([0, 0, 0, 0], [1, 0, 1, 0], "binary"),  # label 1 never true: F1 = 0, not 0/0
        ([0, 0, 0], [0, 0, 0], "binary"),  # label 1 absent everywhere: 0/0
        ([0, 1, 2, 2, 1], [0, 0, 1, 1, 1], "macro"),  # label 2 never predicted
        ([0, 1, 2, 2, 1, 2], [0, 0, 1, 1, 1, 0], "weighted"),
    )
    for y_true, y_pred, average in cases:
        for zero_division in (0.0, 1.0):
            expect_close(
                f1.call(y_true, y_pred, average=average, zero_division=zero_division),
                reference(y_true, y_pred, average, zero_division),
                reference=f"{REFERENCE}(average={average!r}, zero_division={zero_division})",
                mistakes=MISTAKES,
            )


@points(1)
def test_accepts_lists_and_float32(f1):
    rng = seeded(1502)
    y_true, y_pred = _noisy(rng, [0.0, 1.0, 2.0], 30)
    y_true[:3], y_pred[:3] = [0, 1, 2], [0, 1, 2]
    for average in ("macro", "weighted"):
        expect_input_types_accepted(
            f1, (y_true, y_pred), reference, reference_name=REFERENCE, kwargs={"average": average}
        )
    y_true, y_pred = _noisy(rng, [0.0, 1.0], 30)
    y_true[:2], y_pred[:2] = [0, 1], [1, 1]
    expect_input_types_accepted(f1, (y_true, y_pred), reference, reference_name=REFERENCE)


@points(1)
def test_rejects_bad_input(f1):
    positive_one = Mistake(
        "average='binary' needs binary labels: with three classes, raise ValueError (as "
        "scikit-learn does) instead of quietly scoring label 1",
        lambda y_true, y_pred, average="binary", zero_division=0.0: _score_of_label_one(y_true, y_pred),
    )
    expect_rejected(
        f1,
        [
            BadInput(
                "average='binary' is for two classes and there are three",
                ([0, 1, 2, 1], [0, 1, 1, 2]),
                mistakes=(positive_one,),
            ),
            BadInput("the positive label 1 is not one of the two labels 2 and 3", ([2, 3, 3], [2, 3, 2])),
            BadInput(
                "'average' must be binary, micro, macro or weighted", ([0, 1], [0, 1]), {"average": "mean"}
            ),
            BadInput("y_true has 3 values and y_pred 2", ([0, 1, 1], [0, 1])),
            BadInput("both inputs are empty", ([], [])),
        ],
    )
