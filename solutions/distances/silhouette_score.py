"""Silhouette score: how much closer points are to their own cluster than to the next one."""

import numpy as np


def silhouette_score(X, labels):
    r"""Mean silhouette coefficient of a clustering, with euclidean distances.

    For point ``i`` in cluster ``C``, ``a_i`` is its mean distance to the other points of
    ``C`` and ``b_i`` its mean distance to the points of the nearest other cluster:

    .. math::

        a_i = \frac{1}{|C| - 1} \sum_{j \in C,\, j \ne i} d(x_i, x_j), \qquad
        b_i = \min_{C' \ne C} \frac{1}{|C'|} \sum_{j \in C'} d(x_i, x_j), \qquad
        s_i = \frac{b_i - a_i}{\max(a_i, b_i)}

    and the score is the mean of ``s_i`` over all points. A point alone in its cluster has
    ``s_i = 0`` (its ``a_i`` is undefined), and so has a point with ``a_i = b_i = 0``
    (duplicates of it in its own and in another cluster), as in scikit-learn. The score lies
    in ``[-1, 1]``: near 1 for compact, well separated clusters.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        The points, finite. Distances do not change when every point moves by the same
        vector, so data far from the origin (1e9) must give the same score as centred data.
    labels : array_like of shape (n_samples,)
        The cluster of each point: any labels numpy can sort (ints, floats, strings).

    Returns
    -------
    float
        The mean silhouette coefficient.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``labels`` not 1-D, or their lengths differ; if there are fewer
        than 2 clusters or as many clusters as points (``2 <= n_clusters <= n_samples - 1``);
        or if ``X`` holds a value that is not finite.

    See Also
    --------
    sklearn.metrics.silhouette_score : the reference (``metric="euclidean"``).

    Examples
    --------
    >>> X = [[0.0], [1.0], [4.0], [6.0]]
    >>> round(silhouette_score(X, [0, 0, 1, 1]), 6)  # s = 4/5, 3/4, 3/7, 7/11
    0.653734
    >>> round(silhouette_score(X, ["a", "b", "b", "b"]), 6)  # s = 0 (alone), -3/4, 3/8, 5/12
    0.010417
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    labels = np.asarray(labels)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if labels.ndim != 1:
        raise ValueError(f"labels must be 1-D, got shape {labels.shape}")
    n = X.shape[0]
    if labels.shape[0] != n:
        raise ValueError(f"X has {n} samples but labels has {labels.shape[0]}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    _, cluster = np.unique(labels, return_inverse=True)
    sizes = np.bincount(cluster)
    n_clusters = sizes.size
    if not 2 <= n_clusters <= n - 1:
        raise ValueError(f"{n_clusters} clusters for {n} samples: need 2 <= clusters <= n_samples - 1")

    # Euclidean distances from the Gram matrix of the centred points (centring keeps the
    # distances, and keeps |x|^2 - 2 x.y + |y|^2 from cancelling for points far from 0). Pairs
    # much closer than the largest norm may still cancel: those few are computed directly.
    centred = X - X.mean(axis=0)
    squares = np.einsum("ij,ij->i", centred, centred)
    d2 = centred @ centred.T
    d2 *= -2.0
    d2 += squares[:, None]
    d2 += squares[None, :]
    close = d2 < 2e-4 * squares.max()
    np.fill_diagonal(close, False)
    if close.any():
        i, j = np.nonzero(close)
        diff = centred[i] - centred[j]
        d2[i, j] = np.einsum("ij,ij->i", diff, diff)
    np.maximum(d2, 0.0, out=d2)
    np.fill_diagonal(d2, 0.0)
    distances = np.sqrt(d2, out=d2)

    # Summed distance of every point to every cluster: one matrix product with the one-hot labels.
    one_hot = np.zeros((n, n_clusters))
    one_hot[np.arange(n), cluster] = 1.0
    per_cluster = distances @ one_hot
    own = per_cluster[np.arange(n), cluster]
    a = own / np.maximum(sizes[cluster] - 1, 1)
    mean_to = per_cluster / sizes
    mean_to[np.arange(n), cluster] = np.inf
    b = mean_to.min(axis=1)
    largest = np.maximum(a, b)
    s = np.divide(b - a, largest, out=np.zeros(n), where=(largest > 0) & (sizes[cluster] > 1))
    return float(np.mean(s))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "For one point: what is its mean distance to its own cluster (does it count itself?), and "
    "to each other cluster? Which other cluster is b about? What if the point is alone?",
    "With the n x n distance matrix D and one-hot labels H, D @ H sums each point's distances "
    "to each cluster. Divide the own-cluster sum by size - 1 (the point itself adds 0), the "
    "others by their size, and take the smallest of the others for b.",
    "a = own_sum / (size_own - 1); b = min over other clusters of sum / size; s = (b - a) / "
    "max(a, b), with s = 0 for a cluster of one point; return s.mean(). Centre X before the "
    "|x|^2 - 2 x.y + |y|^2 trick, or data at 1e9 loses every digit.",
)
TALKING_POINTS = {
    "use": (
        "Judging a clustering without labels, or choosing k: how much closer points are to their own "
        "cluster than to the next one."
    ),
    "assumes": (
        "Distances are meaningful (Euclidean here) and clusters are compact and convex; it favours round, "
        "separated clusters."
    ),
    "pitfalls": (
        "Defined only for 2 <= n_clusters <= n_samples - 1 (scikit-learn raises otherwise).",
        "A point alone in its cluster scores 0 by convention, and so does a point with a = b = 0.",
        "Memory: the full distance matrix is n^2; sample, or compute it in chunks.",
    ),
    "cost": "O(n^2 d) time, O(n^2) memory for all the pairwise distances.",
    "follow_ups": (
        (
            "What does a negative s_i mean?",
            "The point is on average closer to another cluster than to its own: likely misassigned.",
        ),
        (
            "Why can it mislead on non-convex clusters?",
            (
                "For two interleaved moons, a and b compare averages, so a wrong round split can score "
                "higher than the right one."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "silhouette_score([[0], [1], [4], [6]], [0, 0, 1, 1])?",
        "answer": 0.6537,
        "tolerance": 0.001,
        "check": "silhouette_score([[0.0], [1.0], [4.0], [6.0]], [0, 0, 1, 1])",
        "why": "The mean of 4/5, 3/4, 3/7 and 7/11.",
    },
    {
        "question": "The silhouette score lies in?",
        "choices": ("[0, 1]", "[-1, 1]", "[0, inf)", "(-inf, 1]"),
        "answer": 1,
        "why": "(b - a) / max(a, b) is between -1 and 1.",
    },
)
### END META
