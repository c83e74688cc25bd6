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
    # YOUR CODE HERE
    raise NotImplementedError()
