"""Grader for distances/silhouette_score, against sklearn.metrics.silhouette_score.

scikit-learn computes euclidean distances as ``|x|^2 - 2 x.y + |y|^2``, which cancels for
points far from the origin (the 1e9 ``offset`` corner) and for duplicate points (a distance of
1e-8 instead of 0 turns ``a = b = 0`` into an arbitrary ``s``). So the reference hands
scikit-learn's silhouette the exact distances, ``scipy.spatial.distance.cdist`` (direct
differences), with ``metric="precomputed"``: the same silhouette, from distances as exact as
float64 allows. On ordinary data it agrees with ``silhouette_score(X, labels)`` to 1e-12.
"""

import numpy as np
from scipy.spatial.distance import cdist
from sklearn.metrics import silhouette_samples
from sklearn.metrics import silhouette_score as sklearn_silhouette

from mlkata.grading import GradeFailure, Mistake, expect_close, points, seeded, student_function, with_hints
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels, Reals
from mlkata.grading.extremes import case, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

silhouette_score = student_function("silhouette_score")
REFERENCE = 'sklearn.metrics.silhouette_score(cdist(X, X), labels, metric="precomputed")'


def _singleton(values, rng):
    labels = values["labels"].copy()
    labels[len(labels) // 2] = 7  # a cluster of one point: its s is 0
    return {**values, "labels": labels}


def _duplicates(values, rng):
    X, labels = values["X"].copy(), values["labels"]
    X[labels != 2] = X[0]  # clusters 0 and 1 are one point, repeated: a = b = 0 there
    return {**values, "X": X}


def _separated(values, rng):
    X, labels = values["X"], values["labels"]
    return {**values, "X": X + 50.0 * labels[:, None]}


def _two_clusters(values, rng):
    return {**values, "labels": np.where(values["labels"] == 2, 0, values["labels"])}


DOMAIN = Domain(
    seed=2804,
    args=(
        Reals("X", shape=("n", "d"), uint8=True, offset=True, tiny=True, nan_rejected=True),
        Labels("labels", classes=(0, 1, 2), alternatives=(("b", "a", "c"), (-1, 10, 3)), bad_label=None),
    ),
    sizes={"n": (6, 20, 60, 150), "d": (1, 2, 3, 5)},
    custom={
        "a cluster of one point": _singleton,
        "two clusters of duplicate points": _duplicates,
        "well separated clusters": _separated,
        "two clusters": _two_clusters,
    },
)


@cached_reference
def reference(X, labels):
    X = np.asarray(X, dtype=np.float64)
    return float(sklearn_silhouette(cdist(X, X), np.asarray(labels), metric="precomputed"))


def _parts(X, labels, metric="euclidean"):
    """Each point's summed distance to each cluster, its cluster, and the cluster sizes."""
    X = np.asarray(X, dtype=np.float64)
    _, cluster = np.unique(np.asarray(labels), return_inverse=True)
    distances = cdist(X, X, metric)
    one_hot = np.eye(cluster.max() + 1)[cluster]
    return distances @ one_hot, cluster, one_hot.sum(axis=0)


def _variant(
    X, labels, *, metric="euclidean", own="n - 1", other="nearest", denominator="max", singleton=0.0
):
    """The silhouette with one step done differently (for recognising mistakes)."""
    sums, cluster, sizes = _parts(X, labels, metric)
    n = len(cluster)
    rows = np.arange(n)
    a = sums[rows, cluster] / ((sizes[cluster] - 1) if own == "n - 1" else sizes[cluster])
    means = sums / sizes
    means[rows, cluster] = np.nan
    if other == "nearest":
        b = np.nanmin(means, axis=1)
    elif other == "farthest":
        b = np.nanmax(means, axis=1)
    else:  # every point of the other clusters
        b = (sums.sum(axis=1) - sums[rows, cluster]) / (n - sizes[cluster])
    with np.errstate(divide="ignore", invalid="ignore"):
        s = (b - a) / {"max": np.maximum(a, b), "b": b, "a": a}[denominator]
    s = np.where(sizes[cluster] == 1, singleton, np.nan_to_num(s))
    return float(np.mean(s))


def _per_cluster_mean(X, labels):
    X = np.asarray(X, dtype=np.float64)
    samples = silhouette_samples(cdist(X, X), np.asarray(labels), metric="precomputed")
    return float(np.mean([samples[np.asarray(labels) == c].mean() for c in np.unique(labels)]))


MISTAKES = (
    Mistake(
        "a_i is the mean distance to the OTHER points of the cluster: divide by |C| - 1 (you divided by "
        "|C|, counting the point itself)",
        lambda X, labels: _variant(X, labels, own="n"),
    ),
    Mistake(
        "b_i is the mean distance to the nearest other cluster: you averaged over every point outside "
        "the cluster",
        lambda X, labels: _variant(X, labels, other="all others"),
    ),
    Mistake(
        "b_i is the mean distance to the NEAREST other cluster (the smallest mean): you took the largest",
        lambda X, labels: _variant(X, labels, other="farthest"),
    ),
    Mistake(
        "use euclidean distances, not squared ones",
        lambda X, labels: _variant(X, labels, metric="sqeuclidean"),
    ),
    Mistake(
        "use euclidean distances, not manhattan ones",
        lambda X, labels: _variant(X, labels, metric="cityblock"),
    ),
    Mistake(
        "a point alone in its cluster has s = 0 (its a is undefined): you gave it 1",
        lambda X, labels: _variant(X, labels, singleton=1.0),
    ),
    Mistake(
        "divide b - a by max(a, b): you divided by b",
        lambda X, labels: _variant(X, labels, denominator="b"),
    ),
    Mistake(
        "the score is the mean of s over all points: you averaged the clusters' mean silhouettes",
        _per_cluster_mean,
    ),
)
CANCELLATION = (
    "the same points moved to the origin get the right score: |x|^2 - 2 x.y + |y|^2 cancels "
    "catastrophically for points near 1e9; centre X first (X - X.mean(axis=0)) or use direct differences"
)


@points(3)
def test_matches_sklearn_on_random_clusterings(silhouette_score):
    rng = seeded(2801)
    for n, d, k in ((8, 2, 2), (30, 3, 3), (120, 4, 5), (60, 1, 4)):
        labels = np.concatenate([np.arange(k), rng.integers(0, k, size=n - k)])
        X = 2.0 * labels[:, None] + rng.normal(size=(n, d))
        outcome = silhouette_score.call(X, labels)
        expect_close(
            outcome,
            sklearn_silhouette(X, labels),
            reference="sklearn.metrics.silhouette_score",
            mistakes=MISTAKES,
        )


@points(2)
def test_singletons_and_hand_worked_cases(silhouette_score):
    X = [[0.0], [1.0], [4.0], [6.0]]
    expect_close(
        silhouette_score.call(X, [0, 0, 1, 1]),
        (4 / 5 + 3 / 4 + 3 / 7 + 7 / 11) / 4,
        reference="the docstring's example: s = 4/5, 3/4, 3/7, 7/11",
        mistakes=MISTAKES,
    )
    expect_close(
        silhouette_score.call(X, ["a", "b", "b", "b"]),
        (0 - 3 / 4 + 3 / 8 + 5 / 12) / 4,
        reference="point 0 alone in its cluster: s = 0, -3/4, 3/8, 5/12",
        mistakes=MISTAKES,
    )
    rng = seeded(2802)
    X = rng.normal(size=(12, 2))
    labels = np.array([0, 0, 0, 1, 1, 1, 1, 2, 3, 3, 3, 4])  # clusters 2 and 4 are single points
    expect_close(
        silhouette_score.call(X, labels), reference(X, labels), reference=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_far_from_the_origin(silhouette_score):
    rng = seeded(2803)
    labels = np.repeat([0, 1, 2], 10)
    near_zero = labels[:, None] + rng.normal(scale=0.5, size=(30, 3))
    X = 1e9 + near_zero
    expected = reference(X, labels)
    outcome = silhouette_score.call(X, labels)
    try:
        expect_close(
            outcome, expected, reference=REFERENCE + ": the points lie near 1e9", rtol=1e-6, mistakes=MISTAKES
        )
    except GradeFailure as failure:
        moved = silhouette_score.call(X - 1e9, labels)  # the same distances, to float64 precision
        if moved.raised is None and np.isclose(moved.value, expected, rtol=1e-6, atol=0):
            raise GradeFailure(with_hints(str(failure), CANCELLATION)) from None
        raise


@points(2)
def test_every_corner_of_the_domain(silhouette_score):
    expect_cases(
        silhouette_score, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_rejects_bad_input(silhouette_score):
    X = [[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0]]
    expect_rejected(
        silhouette_score,
        [
            BadInput("one cluster only: b is undefined (2 <= clusters)", (X, [1, 1, 1, 1])),
            BadInput("as many clusters as points (clusters <= n_samples - 1)", (X, [0, 1, 2, 3])),
            BadInput("X has 4 points and labels 3", (X, [0, 0, 1])),
            BadInput("X must be 2-D, one point per row", ([0.0, 1.0, 5.0, 6.0], [0, 0, 1, 1])),
            BadInput("labels must be 1-D", (X, [[0, 0], [1, 1]])),
            BadInput("X holds inf", ([[0.0, 0.0], [0.0, np.inf], [5.0, 5.0], [5.0, 6.0]], [0, 0, 1, 1])),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_extreme_inputs(silhouette_score):
    rng = seeded(2805)
    apart = np.concatenate([near_overflow(rng, (10, 2), 1e150), rng.normal(size=(10, 2)) * 1e148])
    lonely = rng.normal(size=(200, 3))
    lonely[0] += 50
    cases = [
        case("two clusters near 1e150 and 1e148", apart, np.repeat([0, 1], 10)),
        case("three points, two clusters", np.array([[0.0], [1.0], [5.0]]), np.array([0, 0, 1])),
        case("one point against 199", lonely, (np.arange(200) > 0).astype(int)),
        case("100 clusters of 2 points", rng.normal(size=(200, 2)), np.repeat(np.arange(100), 2)),
        case("points on a line, equally spaced", np.arange(12.0)[:, None], np.repeat([0, 1, 2], 4)),
    ]
    expect_cases(silhouette_score, cases, reference, reference_name=REFERENCE, mistakes=MISTAKES)


def _clusters(n, rng):
    """n distances: sqrt(n) points of 5 features in 4 clusters."""
    rows = max(int(np.sqrt(n)), 4)
    labels = rng.integers(0, 4, size=rows)
    labels[:4] = np.arange(4)
    return {"X": rng.normal(size=(rows, 5)) + labels[:, None], "labels": labels}


FAST = Fast(
    inputs=_clusters,
    within=5.0,
    why="the silhouette needs every pairwise distance: n counts them, 1000 points of 5 features",
)


PROPERTIES = (Differential("silhouette_score", DOMAIN, reference, REFERENCE),)
