"""Grader for distances/knn_predict, against sklearn KNeighborsClassifier(algorithm="brute").

The data are continuous random numbers, so no two training points are at the same distance
from a test point, but small ``k`` with mixed labels gives many vote ties; scikit-learn
breaks those in favour of the smallest label (``np.argmax`` over its sorted ``classes_``).
"""

import numpy as np
from scipy.spatial.distance import cdist
from sklearn.neighbors import KNeighborsClassifier

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

knn_predict = student_function("knn_predict")
REFERENCE = 'sklearn KNeighborsClassifier(n_neighbors=k, algorithm="brute")'


@cached_reference
def reference(X_train, y_train, X_test, k=5):
    model = KNeighborsClassifier(n_neighbors=k, algorithm="brute")
    model.fit(np.asarray(X_train, float), np.asarray(y_train))
    return model.predict(np.asarray(X_test, float))


def _nearest(X_train, X_test, k, metric="euclidean", farthest=False):
    order = np.argsort(cdist(np.asarray(X_test, float), np.asarray(X_train, float), metric), axis=1)
    return (order[:, ::-1] if farthest else order)[:, :k]


def _vote(y_train, neighbours, tie="smallest"):
    votes = []
    for row in np.asarray(y_train)[neighbours]:
        labels, counts = np.unique(row, return_counts=True)
        best = labels[counts == counts.max()]
        if tie == "smallest":
            votes.append(best.min())
        elif tie == "largest":
            votes.append(best.max())
        else:  # the first of the tied labels met, walking out from the nearest neighbour
            votes.append(next(label for label in row if label in best))
    return np.array(votes)


def _predict(X_train, y_train, X_test, k=5, **how):
    tie = how.pop("tie", "smallest")
    return _vote(y_train, _nearest(X_train, X_test, k, **how), tie)


MISTAKES = (
    Mistake(
        "a vote tie goes to the smallest label; you gave it to the label of the nearest neighbour "
        "(collections.Counter.most_common keeps the label it met first)",
        lambda X, y, T, k=5: _predict(X, y, T, k, tie="nearest"),
    ),
    Mistake(
        "a vote tie goes to the smallest label, not the largest",
        lambda X, y, T, k=5: _predict(X, y, T, k, tie="largest"),
    ),
    Mistake(
        "take the k *nearest* training points: sort the distances in increasing order",
        lambda X, y, T, k=5: _predict(X, y, T, k, farthest=True),
    ),
    Mistake(
        "rank the neighbours by Euclidean distance; you used the Manhattan distance",
        lambda X, y, T, k=5: _predict(X, y, T, k, metric="cityblock"),
    ),
    Mistake(
        "return the labels themselves (values from y_train), not their positions among the sorted classes",
        lambda X, y, T, k=5: np.searchsorted(np.unique(y), reference(X, y, T, k)),
    ),
    Mistake(
        "exactly k neighbours vote: you used k + 1",
        lambda X, y, T, k=5: reference(X, y, T, k + 1) if k < len(y) else None,
    ),
    Mistake(
        "exactly k neighbours vote: you used k - 1",
        lambda X, y, T, k=5: reference(X, y, T, k - 1) if k > 1 else None,
    ),
    Mistake(
        "all k neighbours vote: you returned the label of the nearest one only",
        lambda X, y, T, k=5: reference(X, y, T, 1),
    ),
)


def _case(rng, n_train, n_test, d, classes):
    """Training points whose class shifts their mean, so the vote means something."""
    classes = np.asarray(classes)
    codes = rng.integers(0, len(classes), size=n_train)
    codes[: len(classes)] = np.arange(len(classes))
    X_train = rng.normal(size=(n_train, d)) + codes[:, None] * 0.8
    X_test = rng.normal(size=(n_test, d)) + rng.uniform(0, 0.8 * len(classes), size=(n_test, 1))
    return X_train, classes[codes], X_test


def _check(outcome, expected, what=""):
    expect_close(outcome, expected, reference=REFERENCE + what, rtol=0, atol=0, mistakes=MISTAKES)


@points(3)
def test_matches_sklearn_on_random_inputs(knn_predict):
    rng = seeded(7501)
    for n_train, n_test, d, k, classes in (
        (6, 4, 1, 1, [0, 1]),
        (30, 20, 2, 3, [2, 5, 9]),
        (120, 60, 5, 7, [-1, 3, 4, 10]),
        (15, 10, 3, 15, [1, 2, 3]),
    ):
        X_train, y_train, X_test = _case(rng, n_train, n_test, d, classes)
        _check(knn_predict.call(X_train, y_train, X_test, k=k), reference(X_train, y_train, X_test, k))
    X_train, y_train, X_test = _case(rng, 40, 15, 3, [0, 1, 2])
    _check(
        knn_predict.call(X_train, y_train, X_test),
        reference(X_train, y_train, X_test),
        " with k=5 (the default)",
    )


@points(2)
def test_vote_ties_go_to_the_smallest_label(knn_predict):
    rng = seeded(7502)
    for k, classes in ((2, [4, 7]), (4, [1, 3, 8]), (2, [0, 1, 2])):
        X_train, y_train, X_test = _case(rng, 40, 40, 2, classes)
        _check(
            knn_predict.call(X_train, y_train, X_test, k=k),
            reference(X_train, y_train, X_test, k),
            f"; with k={k} many test points get tied votes",
        )


@points(1)
def test_accepts_lists_and_float32(knn_predict):
    X_train, y_train, X_test = _case(seeded(7503), 25, 10, 3, [0, 1, 2])
    expect_input_types_accepted(
        knn_predict, (X_train, y_train, X_test), reference, reference_name=REFERENCE, kwargs={"k": 3}
    )


@points(1)
def test_rejects_bad_input(knn_predict):
    X_train, y_train, X_test = [[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]], [0, 1, 1], [[0.5, 0.5]]
    expect_rejected(
        knn_predict,
        [
            BadInput("k = 4 but there are only 3 training points", (X_train, y_train, X_test), {"k": 4}),
            BadInput("k = 0: at least one neighbour must vote", (X_train, y_train, X_test), {"k": 0}),
            BadInput("k = -1 is not a number of neighbours", (X_train, y_train, X_test), {"k": -1}),
            BadInput("the default k = 5 exceeds the 3 training points", (X_train, y_train, X_test)),
            BadInput("y_train has 2 labels for 3 training points", (X_train, [0, 1], X_test), {"k": 1}),
            BadInput(
                "X_train has 2 features and X_test has 3", (X_train, y_train, [[0.5, 0.5, 0.5]]), {"k": 1}
            ),
            BadInput("X_train is empty", (np.zeros((0, 2)), [], X_test), {"k": 1}),
        ],
    )
