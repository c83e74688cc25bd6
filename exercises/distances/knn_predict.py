"""k-nearest-neighbour classification by majority vote."""

import numpy as np


def knn_predict(X_train, y_train, X_test, k=5):
    r"""Predict each test point's label by a vote of its ``k`` nearest training points.

    .. math::

        \hat y(x) = \operatorname*{arg\,max}_{c} \sum_{i \in N_k(x)} [y_i = c]

    where :math:`N_k(x)` holds the ``k`` training points closest to ``x`` in Euclidean
    distance. Every neighbour has one vote (uniform weights). When two or more labels get
    the same number of votes, the **smallest** label wins (not the label of the nearest
    neighbour), as in scikit-learn.

    Parameters
    ----------
    X_train : array_like of shape (n_train, d)
        Training points, one per row.
    y_train : array_like of shape (n_train,)
        Their labels (any sortable values, usually integers).
    X_test : array_like of shape (n_test, d)
        Points to classify.
    k : int, default=5
        Number of neighbours that vote, ``1 <= k <= n_train``.

    Returns
    -------
    ndarray of shape (n_test,)
        The predicted labels, taken from ``y_train``.

    Raises
    ------
    ValueError
        If ``X_train`` or ``X_test`` is not 2-D or is empty, if their numbers of features
        differ, if ``y_train`` is not 1-D or its length differs from the number of training
        points, or if ``k`` is not an integer with ``1 <= k <= n_train``.

    See Also
    --------
    sklearn.neighbors.KNeighborsClassifier : the reference, with ``algorithm="brute"``.

    Examples
    --------
    >>> X_train = [[0.0], [1.0], [2.0], [10.0], [11.0]]
    >>> knn_predict(X_train, [0, 0, 0, 1, 1], [[1.5], [10.2]], k=3)
    array([0, 1])

    A tie: the two nearest neighbours of 0.4 vote 1 and 0, so the smaller label wins.

    >>> knn_predict([[0.0], [1.0], [5.0]], [1, 0, 1], [[0.4]], k=2)
    array([0])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
