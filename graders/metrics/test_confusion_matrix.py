"""Grader for metrics/confusion_matrix, against sklearn.metrics.confusion_matrix."""

import numpy as np
from sklearn.metrics import confusion_matrix as sklearn_confusion_matrix

from mlkata.grading import GradeFailure, Mistake, expect_close, points, returned, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

confusion_matrix = student_function("confusion_matrix")
REFERENCE = "sklearn.metrics.confusion_matrix"


@cached_reference
def reference(y_true, y_pred, labels=None):
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


@points(1)
def test_accepts_lists_and_strings(confusion_matrix):
    rng = seeded(1103)
    y_true = rng.integers(0, 3, size=20)
    y_pred = rng.integers(0, 3, size=20)
    expect_input_types_accepted(confusion_matrix, (y_true, y_pred), reference, reference_name=REFERENCE)
    words = np.array(["cat", "dog", "emu"])
    _expect_counts(
        confusion_matrix.call(words[y_true].tolist(), words[y_pred].tolist()),
        reference(words[y_true], words[y_pred]),
        REFERENCE + " on string labels",
    )


@points(1)
def test_rejects_bad_input(confusion_matrix):
    expect_rejected(
        confusion_matrix,
        [
            BadInput("y_true has 3 values and y_pred 2", ([0, 1, 1], [0, 1])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("the inputs must be 1-D label vectors", ([[0, 1], [1, 0]], [[0, 1], [1, 1]])),
            BadInput("labels repeats the label 1", ([0, 1, 1], [0, 1, 0]), {"labels": [0, 1, 1]}),
        ],
    )
