"""k-means clustering with Lloyd's algorithm, from given initial centroids."""

import numpy as np


def kmeans(X, init_centroids, n_iter=100):
    r"""Cluster the rows of ``X`` around ``k`` centroids with Lloyd's algorithm.

    Lloyd's algorithm alternates two steps, starting from ``init_centroids``:

    1. assignment: each point joins its nearest centroid,
       :math:`\ell_i = \operatorname*{arg\,min}_j \lVert x_i - c_j \rVert_2`
       (a tie goes to the centroid with the smaller index);
    2. update: each centroid moves to the mean of its points,
       :math:`c_j = \frac{1}{\lvert S_j \rvert} \sum_{i \in S_j} x_i`.

    Each step can only lower the within-cluster sum of squares
    :math:`\sum_i \lVert x_i - c_{\ell_i} \rVert^2`.

    Stopping rule: it stops as soon as an assignment step changes no label (the centroids
    would not move again), or after ``n_iter`` updates, whichever comes first. The labels
    returned always belong to the centroids returned (a final assignment step is run).

    Empty clusters: a centroid that gets no point keeps its position (scikit-learn instead
    moves it to a far-away point).

    Parameters
    ----------
    X : array_like of shape (n, d)
        The points, one per row.
    init_centroids : array_like of shape (k, d)
        The starting centroids, ``1 <= k <= n``.
    n_iter : int, default=100
        Maximum number of update steps, at least 1.

    Returns
    -------
    centroids : ndarray of shape (k, d)
        The final centroids.
    labels : ndarray of shape (n,)
        ``labels[i]`` is the index (0 to k - 1) of the centroid nearest to ``X[i]``.

    Raises
    ------
    ValueError
        If ``X`` or ``init_centroids`` is not 2-D or is empty, if their numbers of features
        differ, if there are more centroids than points, or if ``n_iter`` is not a
        positive integer.

    See Also
    --------
    sklearn.cluster.KMeans : the reference, with ``init=init_centroids, n_init=1,
        algorithm="lloyd", max_iter=n_iter, tol=0``.

    Examples
    --------
    >>> X = [[0.0, 0.0], [0.0, 1.0], [10.0, 10.0], [10.0, 11.0], [9.0, 10.0]]
    >>> centroids, labels = kmeans(X, [[0.0, 0.0], [5.0, 5.0]])
    >>> centroids
    array([[ 0.        ,  0.5       ],
           [ 9.66666667, 10.33333333]])
    >>> labels
    array([0, 0, 1, 1, 1])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    centroids = np.array(init_centroids, dtype=np.float64)  # a copy: the caller's array stays put
    if X.ndim != 2 or centroids.ndim != 2:
        raise ValueError(
            f"X and init_centroids must be 2-D (one per row), got shapes {X.shape} and {centroids.shape}"
        )
    if X.size == 0 or centroids.size == 0:
        raise ValueError(f"empty input: X has shape {X.shape}, init_centroids {centroids.shape}")
    if X.shape[1] != centroids.shape[1]:
        raise ValueError(f"feature mismatch: X has {X.shape[1]} columns, init_centroids {centroids.shape[1]}")
    if len(centroids) > len(X):
        raise ValueError(f"{len(centroids)} centroids for only {len(X)} points")
    if isinstance(n_iter, bool) or not isinstance(n_iter, int | np.integer) or n_iter < 1:
        raise ValueError(f"n_iter must be a positive integer, got {n_iter!r}")

    # Distances do not change under a shift: centring (as scikit-learn does) keeps the norms
    # small, so the expansion below loses fewer digits. The shift is added back at the end.
    shift = X.mean(axis=0)
    X = X - shift
    centroids -= shift
    features = np.ascontiguousarray(X.T)  # one row per feature, for np.bincount's weights

    def nearest(centroids):
        # |x - c|^2 = |x|^2 - 2 x.c + |c|^2, and |x|^2 is the same for every centroid, so the
        # argmin needs only the rest: one (n, d) @ (d, k) product, no (n, k, d) differences.
        squared = X @ (-2.0 * centroids.T)
        squared += np.einsum("ij,ij->i", centroids, centroids)
        return np.argmin(squared, axis=1)

    k = len(centroids)
    labels = None
    for _ in range(n_iter):
        new_labels = nearest(centroids)
        if labels is not None and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        # Each cluster's size and, feature by feature, the sum of its points: np.bincount adds
        # up the weights that share a label in one pass over the n points.
        counts = np.bincount(labels, minlength=k)
        sums = np.stack([np.bincount(labels, weights=f, minlength=k) for f in features], axis=1)
        filled = counts > 0
        centroids[filled] = sums[filled] / counts[filled, None]
    return centroids + shift, nearest(centroids)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "Lloyd's algorithm repeats two steps. Given centroids, which cluster does each point join? "
    "Given clusters, where should each centroid go? When can you stop?",
    "Assign with np.argmin over the (n, k) squared distances; update each centroid to the mean "
    "of its points (skip a cluster that got no point: its mean is undefined, keep the old "
    "centroid). Stop when the labels stop changing, and return labels computed from the final "
    "centroids.",
    "for _ in range(n_iter): labels = argmin(dists); break if unchanged; centroids[j] = "
    "X[labels == j].mean(axis=0) for each non-empty j. Then return centroids, argmin(dists) once "
    "more.",
)
TALKING_POINTS = {
    "use": (
        "Partitioning points into k compact groups: quantisation, segmentation, a first look at structure."
    ),
    "assumes": (
        "Clusters are roughly spherical, of similar size and spread, in scaled features; k is known."
    ),
    "pitfalls": (
        (
            "Local minima: the result depends on the start; scikit-learn seeds with k-means++ and can "
            "keep the best of n_init runs (one run by default with k-means++)."
        ),
        (
            "Empty clusters: a centroid can lose every point; keep it (here) or move it to a far point "
            "(scikit-learn)."
        ),
        "Ties in the assignment: break them the same way every time (lowest index here).",
    ),
    "cost": "O(n k d) time per iteration; O(n k) memory for the distances, plus a centred copy of X.",
    "follow_ups": (
        (
            "Why does Lloyd's algorithm converge?",
            (
                "Neither step raises the within-cluster sum of squares and there are finitely many "
                "partitions, so it stops, at a local minimum."
            ),
        ),
        (
            "How do you choose k?",
            (
                "The elbow of inertia against k, the silhouette score, or a held-out criterion; inertia "
                "alone always falls as k grows."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "kmeans([[0], [2], [10], [12]], [[0], [12]]): the first centroid?",
        "answer": 1.0,
        "tolerance": 1e-09,
        "check": "kmeans([[0.0], [2.0], [10.0], [12.0]], [[0.0], [12.0]])[0][0, 0]",
        "why": "Points 0 and 2 join the first centroid, which moves to their mean.",
    },
    {
        "question": "What does each step of Lloyd's algorithm never increase?",
        "choices": (
            "The number of clusters",
            "The within-cluster sum of squares",
            "The silhouette score",
            "The distance between centroids",
        ),
        "answer": 1,
        "why": "Assignment and mean update each minimise it with the other fixed.",
    },
)
### END META
