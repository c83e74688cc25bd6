"""Grader for metrics/f1, against sklearn.metrics.f1_score."""

import warnings

import numpy as np
from sklearn.metrics import f1_score, precision_score, recall_score

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels, Param
from mlkata.grading.memo import cached_reference

f1 = student_function("f1")
REFERENCE = "sklearn.metrics.f1_score"
AVERAGES = ("binary", "micro", "macro", "weighted")


def _labels_of(values, n, rng, extra):
    """Labels 0, 1, 2 in both inputs; ``extra`` adds label 3 to y_pred only, or takes 2 out of it."""
    n = max(n, 8)
    y_true = rng.integers(0, 3, size=n)
    y_true[:3] = [0, 1, 2]
    y_pred = np.where(rng.random(n) < 0.5, y_true, rng.integers(0, 3, size=n))
    y_pred[:3] = [0, 1, 2]
    if extra == "only predicted":
        y_pred[3] = 3
    elif extra == "never predicted":
        y_pred[y_pred == 2] = 0
    elif extra == "never true":
        y_true[y_true == 2] = 1
    return y_true, y_pred


def _three_classes(average, extra="only predicted", zero_division=0.0, words=False):
    def corner(values, rng):
        y_true, y_pred = _labels_of(values, values["y_true"].size, rng, extra)
        if words:
            names = np.array(["ant", "bee", "cat", "dog"])
            y_true, y_pred = names[y_true], names[y_pred]
        return {
            **values,
            "y_true": y_true,
            "y_pred": y_pred,
            "average": average,
            "zero_division": zero_division,
        }

    return corner


def _binary(how):
    def corner(values, rng):
        y = values["y_true"]
        if how == "label 1 absent":
            y_true, y_pred = np.zeros_like(y), np.zeros_like(y)
        elif how == "all wrong":
            y_true, y_pred = y, 1 - y
        else:  # uint8
            y_true, y_pred = y.astype(np.uint8), values["y_pred"].astype(np.uint8)
        zero_division = 0.0 if how == "uint8" else 1.0
        return {**values, "y_true": y_true, "y_pred": y_pred, "zero_division": zero_division}

    return corner


DOMAIN = Domain(
    seed=1503,
    args=(Labels("y_true"), Labels("y_pred")),
    sizes={"n": (2, 7, 40, 300)},
    params=(
        Param("average", "binary", values=("micro", "macro", "weighted"), invalid=("mean", "samples")),
        Param("zero_division", 0.0, values=(1.0,), invalid=(2.0, -0.5), why_invalid="is not in [0, 1]"),
    ),
    custom={
        "three classes, one only predicted, average='macro'": _three_classes("macro"),
        "three classes, one only predicted, average='weighted'": _three_classes("weighted"),
        "three classes, one only predicted, average='micro'": _three_classes("micro"),
        "a class never predicted, average='macro', zero_division=1.0": _three_classes(
            "macro", "never predicted", 1.0
        ),
        "a class never true, average='weighted', zero_division=1.0": _three_classes(
            "weighted", "never true", 1.0
        ),
        "string labels, average='macro'": _three_classes("macro", words=True),
        "label 1 absent, zero_division=1.0": _binary("label 1 absent"),
        "every prediction wrong, zero_division=1.0": _binary("all wrong"),
        "uint8 labels": _binary("uint8"),
    },
)


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


def _scores_by_class(y_true, y_pred, zero_division):
    """Per-class scores over the sorted union of the labels, their supports and predicted counts."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    classes = np.union1d(y_true, y_pred)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores = f1_score(y_true, y_pred, labels=classes, average=None, zero_division=zero_division)
    return scores, (y_true[:, None] == classes).sum(0), (y_pred[:, None] == classes).sum(0)


def _weighted_by_predicted(y_true, y_pred, average="binary", zero_division=0.0):
    if average != "weighted":
        raise ValueError("only weighted weighs the classes")
    scores, _support, predicted = _scores_by_class(y_true, y_pred, zero_division)
    return float(np.average(scores, weights=predicted))


def _skips_undefined(y_true, y_pred, average="binary", zero_division=0.0):
    if average not in ("macro", "weighted"):
        raise ValueError("only macro and weighted average per-class scores")
    scores, support, predicted = _scores_by_class(y_true, y_pred, zero_division)
    keep = (support + predicted) > 0
    return float(np.average(scores[keep], weights=support[keep] if average == "weighted" else None))


def _products(y_true, y_pred, average="binary", zero_division=0.0):
    """Counts as sums of products, right for labels {0, 1} only."""
    if average != "binary":
        raise ValueError("only binary counts one class")
    t, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    return float(2 * (t @ p) / (t.sum() + p.sum())) if t.sum() + p.sum() else zero_division


def _harmonic_of_scores(y_true, y_pred, average="binary", zero_division=0.0):
    """F1 as 2PR / (P + R) per class, with zero_division where P + R = 0."""
    if average == "micro":
        raise ValueError("micro F1 has no per-class step")
    p, r, support, classes = _per_class(y_true, y_pred, zero_division)
    with np.errstate(all="ignore"):
        scores = np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1), zero_division)
    return _combine(average, scores, support, classes)


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
        "weighted weights each class by its support, the number of TRUE samples of the class, "
        "not by the number predicted as it",
        _weighted_by_predicted,
    ),
    Mistake(
        "a class with no true positive has F1 = 0 even when its precision and recall are both 0: "
        "zero_division stands in for the 0/0 of 2 TP / (2 TP + FP + FN), not for P + R = 0",
        _harmonic_of_scores,
    ),
    Mistake(
        "the counts are right for labels {0, 1} only: with labels such as {-1, 1} or {1, 2}, "
        "sum(y_true * y_pred) is not the number of true positives; count "
        "(y_true == 1) & (y_pred == 1)",
        _products,
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


@points(2)
def test_every_corner_of_the_domain(f1):
    expect_cases(f1, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


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
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("f1", DOMAIN, reference, REFERENCE),)
