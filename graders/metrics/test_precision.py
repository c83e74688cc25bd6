"""Grader for metrics/precision, against sklearn.metrics.precision_score."""

import warnings

import numpy as np
from sklearn.metrics import precision_score

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels, Param
from mlkata.grading.memo import cached_reference

precision = student_function("precision")
REFERENCE = "sklearn.metrics.precision_score"
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
    seed=1303,
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
            precision_score(
                np.asarray(y_true),
                np.asarray(y_pred),
                average=average,
                zero_division=zero_division,
                labels=labels,
            )
        )


def _per_class(y_true, y_pred, zero_division):
    """Per-class precisions over the sorted union of the labels, and how often each is predicted."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    classes = np.union1d(y_true, y_pred)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores = precision_score(y_true, y_pred, labels=classes, average=None, zero_division=zero_division)
    return scores, (y_pred[:, None] == classes).sum(0)


def _weighted_by_predicted(y_true, y_pred, average="binary", zero_division=0.0):
    if average != "weighted":
        raise ValueError("only weighted weighs the classes")
    scores, predicted = _per_class(y_true, y_pred, zero_division)
    return float(np.average(scores, weights=predicted))


def _skips_undefined(y_true, y_pred, average="binary", zero_division=0.0):
    if average not in ("macro", "weighted"):
        raise ValueError("only macro and weighted average per-class scores")
    y_true = np.asarray(y_true)
    scores, predicted = _per_class(y_true, y_pred, zero_division)
    support = (y_true[:, None] == np.union1d(y_true, y_pred)).sum(0)
    keep = predicted > 0
    return float(np.average(scores[keep], weights=support[keep] if average == "weighted" else None))


def _products(y_true, y_pred, average="binary", zero_division=0.0):
    """Counts as sums of products, right for labels {0, 1} only."""
    if average != "binary":
        raise ValueError("only binary counts one class")
    t, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    return float(t @ p / p.sum()) if p.sum() else zero_division


def _swapped(average):
    return {"macro": "weighted", "weighted": "macro"}.get(average, average)


MISTAKES = (
    Mistake(
        "precision divides the true positives by the number PREDICTED as the class (TP + FP); "
        "you divided by the number truly in the class (TP + FN), which is the recall",
        lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
            y_pred, y_true, average, zero_division
        ),
    ),
    Mistake(
        "macro is the plain mean of the per-class precisions; weighted weights each class by "
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
        "a class never predicted has precision zero_division and still counts in the mean: you left it out",
        _skips_undefined,
    ),
    Mistake(
        "the counts are right for labels {0, 1} only: with labels such as {-1, 1} or {1, 2}, "
        "sum(y_true * y_pred) is not the number of true positives; count "
        "(y_true == 1) & (y_pred == 1)",
        _products,
    ),
    Mistake(
        "micro pools the counts of all classes before dividing (sum TP / sum predicted); you "
        "averaged the per-class precisions as macro does",
        lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
            y_true, y_pred, "macro" if average == "micro" else average, zero_division
        ),
    ),
    Mistake(
        "the classes are the union of the labels in y_true and y_pred: a class that is only "
        "ever predicted has precision 0 and counts in the macro mean",
        lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
            y_true, y_pred, average, zero_division, labels=np.unique(y_true) if average != "binary" else None
        ),
    ),
    Mistake(
        "use zero_division as the value of a precision whose denominator is 0 (a class never predicted)",
        lambda y_true, y_pred, average="binary", zero_division=0.0: reference(y_true, y_pred, average, 0.0),
    ),
    Mistake(
        "with average='binary' the positive label is 1: you computed the precision of label 0",
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
    return np.sum((y_true == 1) & (y_pred == 1)) / np.sum(y_pred == 1)


@points(3)
def test_matches_sklearn_for_every_average(precision):
    rng = seeded(1301)
    for n in (11, 400, 40):  # sizes where TP != TN: label 0's score is not the swapped metric
        y_true, y_pred = _noisy(rng, [0, 1], n)
        y_true[:2], y_pred[:2] = [0, 1], [1, 1]
        for average in AVERAGES:
            expect_close(
                precision.call(y_true, y_pred, average=average),
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
                precision.call(y_true, y_pred, average=average),
                reference(y_true, y_pred, average),
                reference=f"{REFERENCE}(average={average!r})",
                mistakes=MISTAKES,
            )


@points(2)
def test_zero_division(precision):
    cases = (
        ([0, 0, 0], [0, 0, 0], "binary"),  # label 1 absent everywhere: TP = 0 and both denominators 0
        ([1, 0, 1, 0], [0, 0, 0, 0], "binary"),  # label 1 never predicted
        ([0, 1, 2, 2, 1], [0, 0, 1, 1, 1], "macro"),  # label 2 never predicted
        ([0, 1, 2, 2, 1, 2], [0, 0, 1, 1, 1, 0], "weighted"),
    )
    for y_true, y_pred, average in cases:
        for zero_division in (0.0, 1.0):
            expect_close(
                precision.call(y_true, y_pred, average=average, zero_division=zero_division),
                reference(y_true, y_pred, average, zero_division),
                reference=f"{REFERENCE}(average={average!r}, zero_division={zero_division})",
                mistakes=MISTAKES,
            )


@points(2)
def test_every_corner_of_the_domain(precision):
    expect_cases(precision, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(precision):
    positive_one = Mistake(
        "average='binary' needs binary labels: with three classes, raise ValueError (as "
        "scikit-learn does) instead of quietly scoring label 1",
        lambda y_true, y_pred, average="binary", zero_division=0.0: _score_of_label_one(y_true, y_pred),
    )
    expect_rejected(
        precision,
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


PROPERTIES = (Differential("precision", DOMAIN, reference, REFERENCE),)
