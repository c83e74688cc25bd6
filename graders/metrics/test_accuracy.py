"""Grader for metrics/accuracy, against sklearn.metrics.accuracy_score."""

import numpy as np
from sklearn.metrics import accuracy_score

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels
from mlkata.grading.extremes import case
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

accuracy = student_function("accuracy")
REFERENCE = "sklearn.metrics.accuracy_score"
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
        y_true = values["y_true"] % 2
        y_pred = np.where(rng.random(y_true.size) < 0.7, y_true, 1 - y_true)
        return {**values, "y_true": y_true.astype(dtype), "y_pred": y_pred.astype(dtype)}

    return corner


DOMAIN = Domain(
    seed=1203,
    args=(
        Labels("y_true", classes=(0, 1, 2), alternatives=OTHER_LABELS, bad_label=None),
        Labels("y_pred", classes=(0, 1, 2), alternatives=OTHER_LABELS, bad_label=None),
    ),
    sizes={"n": (1, 7, 50)},
    custom={
        "a label only in y_pred": _one_sided("y_pred"),
        "a label only in y_true": _one_sided("y_true"),
        "bool labels": _as(bool),
        "uint8 labels": _as(np.uint8),
        "float labels": _as(float),
    },
)


@cached_reference
def reference(y_true, y_pred):
    return accuracy_score(np.asarray(y_true), np.asarray(y_pred))


MISTAKES = (
    Mistake(
        "that is the number of correct predictions: divide by n for the fraction",
        lambda y_true, y_pred: np.sum(np.asarray(y_true) == np.asarray(y_pred)),
    ),
    Mistake(
        "that is the error rate, 1 - accuracy: count the predictions that are right",
        lambda y_true, y_pred: 1 - reference(y_true, y_pred),
    ),
    Mistake(
        "on Python lists y_true == y_pred compares the whole lists and gives one True or False: "
        "convert with np.asarray first so that == compares element by element",
        lambda y_true, y_pred: float(np.mean(y_true == y_pred)),
    ),
)


@points(3)
def test_matches_sklearn_on_random_labels(accuracy):
    rng = seeded(1201)
    for n, k in ((1, 2), (7, 2), (50, 4), (999, 10)):
        y_true = rng.integers(0, k, size=n)
        y_pred = np.where(rng.random(n) < 0.7, y_true, rng.integers(0, k, size=n))
        expect_close(
            accuracy.call(y_true, y_pred), reference(y_true, y_pred), reference=REFERENCE, mistakes=MISTAKES
        )


@points(1)
def test_all_right_all_wrong_and_string_labels(accuracy):
    y = np.array([2, 0, 1, 1])
    expect_close(accuracy.call(y, y.copy()), 1.0, reference="every prediction right", mistakes=MISTAKES)
    expect_close(accuracy.call(y, (y + 1) % 3), 0.0, reference="every prediction wrong", mistakes=MISTAKES)
    words = ["cat", "dog", "dog", "emu", "cat"]
    guess = ["cat", "dog", "cat", "emu", "emu"]
    expect_close(
        accuracy.call(words, guess), 0.6, reference=REFERENCE + " on string labels", mistakes=MISTAKES
    )


@points(1)
def test_every_corner_of_the_domain(accuracy):
    expect_cases(accuracy, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(accuracy):
    broadcast = Mistake(
        "check the lengths: numpy compares a length-1 array with every element of the other",
        lambda y_true, y_pred: np.mean(np.asarray(y_true) == np.asarray(y_pred)),
    )
    expect_rejected(
        accuracy,
        [
            BadInput("y_true has 3 values and y_pred 1", ([1, 1, 0], [1]), mistakes=(broadcast,)),
            BadInput("y_true has 3 values and y_pred 2", ([1, 1, 0], [1, 0])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("the inputs must be 1-D label vectors", ([[0, 1], [1, 0]], [[0, 1], [1, 1]])),
            *DOMAIN.bad_inputs(),
        ],
    )


BIG_IDS = 10**17
"""Integer labels past 2**53, where float64 can no longer tell neighbours apart (IDs, hashes)."""


@robust()
@points(1)
def test_extreme_inputs(accuracy):
    rng = seeded(105)
    ids_true = BIG_IDS + rng.integers(0, 3, size=60)
    ids_pred = np.where(rng.random(60) < 0.5, ids_true, BIG_IDS + rng.integers(0, 3, size=60))
    many = rng.integers(0, 1000, size=100_000)
    cases = [
        case("integer labels near 1e17", ids_true, ids_pred),
        case("100000 samples of 1000 classes", many, np.where(rng.random(100_000) < 0.3, many, 0)),
        case("one sample, right", np.array([7]), np.array([7])),
        case("one sample, wrong", np.array(["cat"]), np.array(["dog"])),
    ]
    as_floats = Mistake(
        "float64 cannot tell integers above 2**53 apart (1e17 + 1 == 1e17 + 2 as floats): compare "
        "the labels as they are, without converting them to float",
        lambda y_true, y_pred: np.mean(np.asarray(y_true, float) == np.asarray(y_pred, float)),
    )
    expect_cases(accuracy, cases, reference, reference_name=REFERENCE, mistakes=(as_floats,))


def _labels(n, rng):
    """Two label arrays of n samples, 10 classes, 70 % agreeing: what accuracy is timed on."""
    y_true = rng.integers(0, 10, size=n)
    return {"y_true": y_true, "y_pred": np.where(rng.random(n) < 0.7, y_true, rng.integers(0, 10, size=n))}


FAST = Fast(inputs=_labels, within=5.0)


PROPERTIES = (Differential("accuracy", DOMAIN, reference, REFERENCE),)
