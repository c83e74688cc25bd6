"""Grader for distances/knn_predict, against sklearn KNeighborsClassifier(algorithm="brute").

The data are continuous random numbers, so no two training points are at the same distance
from a test point, but small ``k`` with mixed labels gives many vote ties; scikit-learn
breaks those in favour of the smallest label (``np.argmax`` over its sorted ``classes_``).
"""

import numpy as np
from scipy.spatial.distance import cdist
from sklearn.neighbors import KNeighborsClassifier

from mlkata.grading import GradeFailure, Mistake, expect_close, points, returned, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, case_outcome, case_suffix, expect_rejected
from mlkata.grading.domains import Case, Domain, Labels, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

knn_predict = student_function("knn_predict")
REFERENCE = 'sklearn KNeighborsClassifier(n_neighbors=k, algorithm="brute")'


def _no_tie_at_k(X_train, X_test, k):
    """Whether every test point's k-th and (k + 1)-th nearest training points differ in distance."""
    if k >= len(X_train):
        return True
    squared = np.sort(((X_test[:, None, :].astype(float) - X_train[None, :, :]) ** 2).sum(axis=2), axis=1)
    return bool(np.all(squared[:, k - 1] < squared[:, k]))


def _integer_features(low, high, dtype):
    """Integer features, redrawn until the k nearest training points of every test point are
    one set (the docstring does not settle distance ties)."""

    def corner(values, rng):
        for _ in range(1000):
            X_train = rng.integers(low, high, size=values["X_train"].shape).astype(dtype)
            X_test = rng.integers(low, high, size=values["X_test"].shape).astype(dtype)
            if _no_tie_at_k(X_train, X_test, values["k"]):
                values["X_train"], values["X_test"] = X_train, X_test
                return values
        raise RuntimeError("no integer draw without a distance tie at the k-th neighbour")

    return corner


DOMAIN = Domain(
    seed=7504,
    args=(
        Reals("X_train", ("n", "d"), offset=True, tiny=True),
        Labels(
            "y_train",
            classes=(0, 1, 2),
            alternatives=(("a", "b", "c"), (0.5, 2.5, 7.5), (-1, 3, 10)),
            bad_label=None,  # any sortable labels
        ),
        Reals("X_test", ("t", "d"), scale=1.5, offset=True, tiny=True),
    ),
    params=(
        Param(
            "k",
            5,
            values=(1, 2, 4, 7),
            invalid=(0, -1, 2.0, 1000),
            why_invalid="is not an integer from 1 to the number of training points",
        ),
    ),
    sizes={"n": (30, 120, 40, 15), "t": (20, 60, 15, 10), "d": (2, 5, 3, 3)},
    # no built-in integer corners: integer points tie in distance; the custom ones avoid that
    corners=("float32", "offset", "tiny", "labels", "params", "readonly", "lists"),
    custom={
        "integer features": _integer_features(-1000, 1000, np.int64),
        "uint8 features": _integer_features(0, 256, np.uint8),
        "int8 features": _integer_features(-128, 128, np.int8),
    },
)


@cached_reference
def reference(X_train, y_train, X_test, k=5):
    # Centred first (distances do not change): scikit-learn ranks by |x|^2 - 2 x.y + |y|^2,
    # which cancels for points far from 0.
    X_train, X_test = np.asarray(X_train, float), np.asarray(X_test, float)
    centre = X_train.mean(axis=0)
    model = KNeighborsClassifier(n_neighbors=k, algorithm="brute")
    classes, codes = np.unique(np.asarray(y_train), return_inverse=True)  # float labels too
    model.fit(X_train - centre, codes)
    return classes[model.predict(X_test - centre)]


def _nearest(X_train, X_test, k, metric="euclidean", farthest=False):
    order = np.argsort(cdist(np.asarray(X_test, float), np.asarray(X_train, float), metric), axis=1)
    return (order[:, ::-1] if farthest else order)[:, :k]


def _expanded_nearest(X_train, X_test, k):
    X, T = np.asarray(X_train, float), np.asarray(X_test, float)
    squared = (T**2).sum(1)[:, None] - 2 * T @ X.T + (X**2).sum(1)[None, :]
    return np.argsort(squared, axis=1, kind="stable")[:, :k]


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
    Mistake(
        "return the labels as y_train holds them: you converted them to integers",
        lambda X, y, T, k=5: (
            reference(X, y, T, k).astype(np.int64) if np.asarray(y).dtype.kind == "f" else None
        ),
    ),
    Mistake(
        "|x|^2 - 2 x.y + |y|^2 cancels catastrophically for points far from 0 (here near 1e9) and "
        "picks the wrong neighbours: subtract a common centre from both sets of points first",
        lambda X, y, T, k=5: _vote(y, _expanded_nearest(X, T, k)),
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
    expected = np.asarray(expected)
    if expected.dtype.kind in "iufb":
        expect_close(outcome, expected, reference=REFERENCE + what, rtol=0, atol=0, mistakes=MISTAKES)
        return
    got = np.asarray(returned(outcome))
    if got.shape != expected.shape or got.tolist() != expected.tolist():
        raise GradeFailure(
            f"{outcome.call}\n  expected {expected.tolist()}  ({REFERENCE}{what})\n  got      {got.tolist()}"
        )


def _judge(function, case):
    outcome = case_outcome(function, case)
    _check(outcome, reference(*case.widened, **case.widened_kwargs), case_suffix(case))


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


@points(2)
def test_every_corner_of_the_domain(knn_predict):
    for case in DOMAIN.corner_cases():
        _judge(knn_predict, case)


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
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_extreme_inputs(knn_predict):
    rng = seeded(7505)
    X, y = rng.normal(size=(30, 2)), rng.integers(0, 3, size=30)
    far = rng.normal(size=(5, 2)) * 1e6
    big = rng.normal(size=(1000, 4))
    cases = [
        Case("k = n_train: every training point votes", (X, y, rng.normal(size=(8, 2))), {"k": 30}),
        Case("one training point, k = 1", (X[:1], y[:1], rng.normal(size=(4, 2))), {"k": 1}),
        Case("test points equal to training points, k = 1", (X, y, X[::3].copy()), {"k": 1}),
        Case("test points 1e6 away", (X, y, far), {"k": 3}),
        Case("1000 training points of 4 features", (big, rng.integers(0, 5, 1000), rng.normal(size=(50, 4)))),
    ]
    for extreme in cases:
        _judge(knn_predict, extreme)


def _neighbours(n, rng):
    """n distances: 2000 training points (5 classes) and n // 2000 test points, 8 features, k = 5."""
    return {
        "X_train": rng.normal(size=(2000, 8)),
        "y_train": rng.integers(0, 5, size=2000),
        "X_test": rng.normal(size=(max(n // 2000, 1), 8)),
    }


FAST = Fast(
    inputs=_neighbours,
    within=5.0,
    why="n is the number of distances: 2000 training points times 500 test points (the work grows "
    "as n_train * n_test * d)",
)


PROPERTIES = (Differential("knn_predict", DOMAIN, judge=_judge),)
