"""Grader for metrics/confusion_matrix, against sklearn.metrics.confusion_matrix."""

import warnings

import numpy as np
from sklearn.metrics import confusion_matrix as sklearn_confusion_matrix

from mlkata.grading import GradeFailure, Mistake, expect_close, points, returned, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    expect_case,
    expect_rejected,
)
from mlkata.grading.domains import Case, Domain, Labels, Param
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

confusion_matrix = student_function("confusion_matrix")
REFERENCE = "sklearn.metrics.confusion_matrix"
OTHER_LABELS = ((-1, 0, 1), (1, 2, 3), ("cat", "dog", "emu"))


def _one_sided(side):
    """A label that only one of the two inputs has (label 1 taken out of the other one)."""

    def corner(values, rng):
        other = "y_true" if side == "y_pred" else "y_pred"
        kept = values[other].copy()
        kept[kept == 1] = 2
        return {**values, other: kept}

    return corner


def _as(dtype):
    def corner(values, rng):
        return {**values, "y_true": values["y_true"].astype(dtype), "y_pred": values["y_pred"].astype(dtype)}

    return corner


def _string_labels(values, rng):
    names = np.array(["cat", "dog", "emu", "yak"])
    return {
        **values,
        "y_true": names[values["y_true"]],
        "y_pred": names[values["y_pred"]],
        "labels": ["yak", "emu", "cat"],
    }


DOMAIN = Domain(
    seed=1104,
    args=(
        Labels("y_true", classes=(0, 1, 2), alternatives=OTHER_LABELS, bad_label=None),
        Labels("y_pred", classes=(0, 1, 2), alternatives=OTHER_LABELS, bad_label=None),
    ),
    sizes={"n": (1, 6, 40, 300)},
    params=(
        Param(
            "labels",
            None,
            values=([2, 0, 1], [0, 1, 2, 5], [1, 0], [9, 2]),
            invalid=([], [0, 1, 1], [[0, 1], [2, 3]]),
            why_invalid="is not a non-empty 1-D list of distinct labels",
        ),
    ),
    custom={
        "a label only in y_pred": _one_sided("y_pred"),
        "a label only in y_true": _one_sided("y_true"),
        "uint8 labels": _as(np.uint8),
        "float labels": _as(float),
        "string labels with labels= given": _string_labels,
    },
)


@cached_reference
def reference(y_true, y_pred, labels=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns when one label is all there is
        return sklearn_confusion_matrix(np.asarray(y_true), np.asarray(y_pred), labels=labels)


def _index_counts(y_true, y_pred, labels=None):
    """The mistake of using the label values themselves as row and column numbers."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    k = int(max(y_true.max(), y_pred.max())) + 1
    counts = np.zeros((k, k), dtype=int)
    np.add.at(counts, (y_true, y_pred), 1)
    return counts


TRANSPOSED = Mistake(
    "rows are the true labels and columns the predicted ones: your matrix is transposed",
    lambda y_true, y_pred, labels=None: reference(y_true, y_pred, labels).T,
)
IGNORES_LABELS = Mistake(
    "use the labels argument when it is given: its order sets the order of the rows and "
    "columns, and labels that never occur get rows of zeros",
    lambda y_true, y_pred, labels=None: reference(y_true, y_pred),
)
MISTAKES = (
    TRANSPOSED,
    Mistake(
        "a label's row is its position in the sorted labels, not the label's value: labels "
        "3, 7, 9 go to rows 0, 1, 2",
        _index_counts,
    ),
    Mistake(
        "the default labels are the sorted union of y_true AND y_pred: a label that is only "
        "ever predicted still gets a row and a column",
        lambda y_true, y_pred, labels=None: reference(y_true, y_pred, np.unique(y_true)),
    ),
    IGNORES_LABELS,
)
LABELS_MISTAKES = (TRANSPOSED, IGNORES_LABELS)
"""For a call with labels given: the other mistakes are about the default labels, and on labels
0, 1, 2 present in both inputs they give the same matrix as ignoring the labels argument."""


def _expect_counts(outcome, expected, reference_name, mistakes=MISTAKES):
    expect_close(outcome, expected, reference=reference_name, rtol=0, atol=0, mistakes=mistakes)
    kind = np.asarray(returned(outcome)).dtype.kind
    if kind not in "iu":
        raise GradeFailure(
            f"{outcome.call}\n  returned the right counts with dtype kind {kind!r}: return an integer "
            "array (e.g. np.zeros((k, k), dtype=int)), counts are whole numbers"
        )


@points(3)
def test_matches_sklearn_on_random_labels(confusion_matrix):
    rng = seeded(1101)
    for n, values in ((6, [0, 1]), (40, [0, 1, 2, 3]), (300, [3, 7, 9]), (25, [-2, 0, 5, 8, 11])):
        y_true = rng.choice(values, size=n)
        y_pred = np.where(rng.random(n) < 0.6, y_true, rng.choice(values, size=n))
        _expect_counts(confusion_matrix.call(y_true, y_pred), reference(y_true, y_pred), REFERENCE)
    # a label only ever predicted, never true
    y_true = np.array([0, 0, 1, 1, 1])
    y_pred = np.array([0, 2, 1, 2, 1])
    _expect_counts(confusion_matrix.call(y_true, y_pred), reference(y_true, y_pred), REFERENCE)


@points(2)
def test_labels_argument(confusion_matrix):
    rng = seeded(1102)
    y_true = rng.choice([0, 1, 2], size=30)
    y_pred = rng.choice([0, 1, 2], size=30)
    for labels in ([2, 0, 1], [0, 1, 2, 5], [4, 1, 0, 2], [2, 0]):
        _expect_counts(
            confusion_matrix.call(y_true, y_pred, labels=labels),
            reference(y_true, y_pred, labels),
            f"{REFERENCE}(labels={labels}): rows in that order, zero rows for absent labels, "
            "samples with other labels left out",
            LABELS_MISTAKES,
        )


def _judge(function, case: Case):
    mistakes = LABELS_MISTAKES if "labels" in case.kwargs else MISTAKES
    expect_case(function, case, reference, reference_name=REFERENCE, mistakes=mistakes, rtol=0, atol=0)
    kind = np.asarray(returned(call_case(function, case))).dtype.kind
    if kind not in "iu":
        raise GradeFailure(
            f"{REFERENCE} [{case.name}]: returned the right counts with dtype kind {kind!r}: return an "
            "integer array (e.g. np.zeros((k, k), dtype=int)), counts are whole numbers"
        )


@points(1)
def test_every_corner_of_the_domain(confusion_matrix):
    for case in DOMAIN.corner_cases():
        _judge(confusion_matrix, case)


@points(1)
def test_rejects_bad_input(confusion_matrix):
    expect_rejected(
        confusion_matrix,
        [
            BadInput("y_true has 3 values and y_pred 2", ([0, 1, 1], [0, 1])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("the inputs must be 1-D label vectors", ([[0, 1], [1, 0]], [[0, 1], [1, 1]])),
            BadInput("labels repeats the label 1", ([0, 1, 1], [0, 1, 0]), {"labels": [0, 1, 1]}),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_extreme_inputs(confusion_matrix):
    rng = seeded(1105)
    ids = 10**17 + rng.integers(0, 4, size=80)
    many = rng.integers(0, 200, size=50_000)
    cases = [
        Case("integer labels near 1e17 (float64 merges neighbours)", (ids, ids[::-1].copy())),
        Case("50000 samples of 200 classes", (many, np.where(rng.random(50_000) < 0.5, many, 3))),
        Case("one sample", (np.array([4]), np.array([9]))),
        Case(
            "labels given unsorted, with negatives",
            (many[:30] - 100, many[30:60] - 100),
            {"labels": [99, -100, 0, 5]},
        ),
    ]
    for extreme in cases:
        _judge(confusion_matrix, extreme)


def _labels(n, rng):
    """Two label arrays of n samples, 10 classes: what the matrix is timed on."""
    return {"y_true": rng.integers(0, 10, size=n), "y_pred": rng.integers(0, 10, size=n)}


FAST = Fast(
    inputs=_labels,
    within=2.5,
    why="the reference sorts the labels (np.union1d), which takes most of its time: other vectorised "
    "counts (np.unique, bincount) are within 1.5 times it, a loop over the samples about 4 times",
)


PROPERTIES = (Differential("confusion_matrix", DOMAIN, judge=_judge),)
