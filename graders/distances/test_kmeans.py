"""Grader for distances/kmeans, against sklearn KMeans(algorithm="lloyd") from the same start.

scikit-learn's Lloyd loop (``sklearn/cluster/_kmeans.py``, ``_kmeans_single_lloyd``) stops
when an assignment step changes no label ("strict convergence") or when the squared centre
shift is at most ``tol``; with ``tol=0`` only the first rule can fire, which is the rule of
the exercise, and ``max_iter`` counts update steps as ``n_iter`` does. When it stops
without converging it reassigns the labels to the final centres, as the exercise does.
It moves the centroid of an empty cluster to a far point, where the exercise keeps it in
place: the blobs and starting centroids here never empty a cluster, except in the test of
that rule, which is checked against scikit-learn run without the stranded centroid.
"""

from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans

from mlkata.grading import Mistake, expect_close, part_mistakes, points, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Case, Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

kmeans = student_function("kmeans")
REFERENCE = 'sklearn KMeans(init=init_centroids, n_init=1, algorithm="lloyd", max_iter=n_iter, tol=0)'


GAP = 10.0
"""How far apart the domain's blob centres lie (its points have spread 1): no cluster empties."""


def _centres(k, d):
    centres = np.zeros((k, d))
    centres[:, 0] = GAP * np.arange(k)
    if d > 1:
        centres[:, 1] = GAP * (np.arange(k) % 2)
    return centres


@dataclass(frozen=True)
class _Blobs(Reals):
    """Points in ``k`` blobs around fixed centres, or (``starts``) one start near each centre."""

    starts: bool = False

    def draw(self, rng, dims):
        k, d = dims["k"], dims["d"]
        if self.starts:
            return _centres(k, d) + 0.5 * rng.normal(size=(k, d))
        n = dims["n"]
        return _centres(k, d)[np.arange(n) % k] + rng.normal(size=(n, d))

    def draw_integers(self, rng, dims):
        return np.round(self.draw(rng, dims)).astype(np.int64)


def _uint8(values, rng):
    """The blobs rounded and shifted into 0..255, as uint8 (X - c kept in uint8 wraps around)."""
    for name in ("X", "init_centroids"):
        values[name] = np.round(values[name] + 100).astype(np.uint8)
    return values


DOMAIN = Domain(
    seed=7605,
    args=(
        _Blobs("X", ("n", "d"), offset=True, tiny=True),
        _Blobs("init_centroids", ("k", "d"), offset=True, tiny=True, starts=True),
    ),
    params=(
        Param("n_iter", 100, values=(1, 2), invalid=(0, -1, 2.5), why_invalid="is not a positive integer"),
    ),
    sizes={"n": (16, 90, 60, 40), "k": (2, 3, 4, 6), "d": (1, 2, 3, 5)},
    custom={"uint8 points": _uint8},
)


@cached_reference
def reference(X, init_centroids, n_iter=100):
    X, init = np.asarray(X, float), np.asarray(init_centroids, float)
    model = KMeans(n_clusters=len(init), init=init, n_init=1, algorithm="lloyd", max_iter=n_iter, tol=0.0)
    model.fit(X)
    return model.cluster_centers_, model.labels_


def _lloyd(X, init, n_iter=100, *, update=np.mean, stale=False, extra=0, empty="keep", metric=2, keep=False):
    """Lloyd's algorithm with one knob per common mistake."""
    X, centroids = np.asarray(X, float), (np.array(init) if keep else np.array(init, float))

    def assign(c):
        gaps = np.abs(X[:, None, :] - c[None, :, :])
        return np.argmin((gaps**2).sum(axis=2) if metric == 2 else gaps.sum(axis=2), axis=1)

    labels = None
    for _ in range(n_iter + extra):
        new = assign(centroids)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for j in range(len(centroids)):
            if np.any(labels == j):
                centroids[j] = update(X[labels == j], axis=0)
            elif empty == "nan":
                centroids[j] = np.nan
    return centroids, (labels if stale else assign(centroids))


_WRONG = (
    (
        "return the labels of the final centroids: yours are the assignment from before the last update",
        dict(stale=True),
    ),
    ("n_iter counts update steps: you ran one too many", dict(extra=1)),
    ("n_iter counts update steps: you ran one too few", dict(extra=-1)),
    ("move each centroid to the mean of its points, not the median", dict(update=np.median)),
    ("assign each point to the nearest centroid in Euclidean distance, not Manhattan", dict(metric=1)),
    ("a centroid whose cluster is empty keeps its place: the mean of no points is nan", dict(empty="nan")),
    (
        "your centroids were truncated to integers: a copy of integer init_centroids is an integer "
        "array, and each mean written into it loses its fraction; make it float",
        dict(keep=True),
    ),
)


MISTAKES = (
    *(Mistake(hint, lambda X, c, n_iter=100, how=how: _lloyd(X, c, n_iter, **how)) for hint, how in _WRONG),
    Mistake(
        "you returned the initial centroids: Lloyd's algorithm moves them to the means of their clusters",
        lambda X, c, n_iter=100: (np.asarray(c, float), _lloyd(X, c, 0)[1]),
    ),
)
CENTROID_MISTAKES, LABEL_MISTAKES = (part_mistakes(MISTAKES, i, whole_must_agree=True) for i in range(2))


def _check(outcome, expected, what="", rtol=1e-7, atol=1e-9, centroid_mistakes=(), label_mistakes=()):
    centroids, labels = expected
    expect_close(
        outcome.part(0, "centroids"),
        centroids,
        reference=REFERENCE + what,
        rtol=rtol,
        atol=atol,
        mistakes=CENTROID_MISTAKES + tuple(centroid_mistakes),
    )
    expect_close(
        outcome.part(1, "labels"),
        labels,
        reference=REFERENCE + what,
        rtol=0,
        atol=0,
        mistakes=LABEL_MISTAKES + tuple(label_mistakes),
    )


def _blobs(rng, k, d, per_blob, spread=1.0, gap=8.0):
    """``k`` Gaussian blobs whose centres are at least ``gap`` apart."""
    centres = [rng.uniform(-15, 15, size=d)]
    while len(centres) < k:
        candidate = rng.uniform(-15, 15, size=d)
        if min(np.linalg.norm(candidate - c) for c in centres) >= gap:
            centres.append(candidate)
    X = np.concatenate([c + spread * rng.normal(size=(per_blob, d)) for c in centres])
    return X[rng.permutation(len(X))]


@points(3)
def test_matches_sklearn_on_blobs(kmeans):
    rng = seeded(7601)
    for k, d, per_blob in ((2, 1, 8), (3, 2, 30), (4, 3, 25), (6, 5, 15)):
        X = _blobs(rng, k, d, per_blob)
        init = X[rng.choice(len(X), size=k, replace=False)]
        _check(kmeans.call(X, init), reference(X, init), " with n_iter=100 (the default)")
    X = _blobs(rng, 3, 2, 20)
    init = X[rng.choice(len(X), size=3, replace=False)]
    _check(kmeans.call(X, init, n_iter=50), reference(X, init, 50))


@points(2)
def test_stops_after_n_iter_updates(kmeans):
    # Uniform points on a strip, all centroids starting at its left end: Lloyd's algorithm needs
    # many small steps here, so stopping after n_iter updates is visible.
    rng = seeded(7602)
    X = rng.uniform([0.0, 0.0], [10.0, 1.0], size=(150, 2))
    init = X[np.argsort(X[:, 0])[[0, 3, 6]]]
    # n_iter = 1 not first: one update too few is then no update, the initial centroids
    for n_iter in (2, 3, 5, 1):
        _check(kmeans.call(X, init, n_iter=n_iter), reference(X, init, n_iter), f" with max_iter={n_iter}")


@points(1)
def test_empty_cluster_keeps_its_centroid(kmeans):
    rng = seeded(7603)
    X = _blobs(rng, 3, 2, 20)
    starts = X[rng.choice(len(X), size=3, replace=False)]
    stranded = np.array([500.0, -500.0])  # so far away that no point ever joins it
    init = np.vstack([starts[:1], stranded, starts[1:]])
    centroids, labels = reference(X, starts)
    expected = (
        np.vstack([centroids[:1], stranded, centroids[1:]]),
        np.where(labels >= 1, labels + 1, labels),
    )
    relocated = (
        "this exercise keeps the centroid of an empty cluster in place; scikit-learn moves it to a far point"
    )
    _check(
        kmeans.call(X, init),
        expected,
        "; the centroid at (500, -500) gets no point and must stay there",
        centroid_mistakes=part_mistakes([Mistake(relocated, reference)], 0, whole_must_agree=True),
        label_mistakes=part_mistakes([Mistake(relocated, reference)], 1, whole_must_agree=True),
    )


def _judge(function, case):
    outcome = case_outcome(function, case)
    expected = reference(*case.widened, **case.widened_kwargs)

    def centroids(*args, **kwargs):
        return reference(*args, **kwargs)[0]

    rtol, atol = case_tolerances(centroids, case, expected[0], rtol=1e-7, atol=1e-9)
    _check(outcome, expected, case_suffix(case), rtol=rtol, atol=atol)


@points(2)
def test_every_corner_of_the_domain(kmeans):
    for case in DOMAIN.corner_cases():
        _judge(kmeans, case)


@points(1)
def test_rejects_bad_input(kmeans):
    X = [[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0]]
    expect_rejected(
        kmeans,
        [
            BadInput("X has 2 features and init_centroids 3", (X, [[0.0, 0.0, 0.0], [5.0, 5.0, 5.0]])),
            BadInput("5 centroids for only 4 points", (X, [[0.0, 0.0]] * 2 + [[5.0, 5.0]] * 3)),
            BadInput("X must be 2-D, one point per row", ([0.0, 1.0, 5.0], [[0.0], [5.0]])),
            BadInput("X is empty", (np.zeros((0, 2)), [[0.0, 0.0]])),
            BadInput("no initial centroids given", (X, np.zeros((0, 2)))),
            BadInput("n_iter = 0: at least one update step", (X, [[0.0, 0.0], [5.0, 5.0]]), {"n_iter": 0}),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_extreme_inputs(kmeans):
    rng = seeded(7607)
    X = rng.normal(size=(50, 3))
    two = np.repeat([[0.0, 0.0], [4.0, 1.0]], 10, axis=0)
    line = np.sort(rng.normal(size=(100, 1)), axis=0)
    cases = [
        Case("k = 1: the centroid is the mean", (X, X[:1].copy())),
        Case("k = n: every point its own cluster", (X[:10], X[:10][::-1].copy())),
        Case("20 copies of two points", (two, two[[0, 10]].copy())),
        Case("one feature, 100 points", (line, line[[0, 50, 99]].copy())),
        Case("5000 points of 2 features", (rng.normal(size=(5000, 2)), rng.normal(size=(4, 2)))),
    ]
    for extreme in cases:
        _judge(kmeans, extreme)


def _clustered(n, rng):
    """n values: n // 10 points of 10 features around 8 centres, started from 8 of the points;
    5 update steps."""
    rows = max(n // 10, 8)
    X = rng.normal(size=(rows, 10)) + 4 * rng.integers(0, 8, size=(rows, 1))
    return {"X": X, "init_centroids": X[:8].copy(), "n_iter": 5}


FAST = Fast(
    inputs=_clustered,
    within=5.0,
    why="100,000 points of 10 features, 8 centroids and 5 update steps (each step is linear in the "
    "points; 5 of them keep the reference near 0.1 s)",
)


PROPERTIES = (Differential("kmeans", DOMAIN, judge=_judge),)
