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
    # YOUR CODE HERE
    raise NotImplementedError()
