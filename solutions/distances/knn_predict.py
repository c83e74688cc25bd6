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
    ### BEGIN SOLUTION
    X_train = np.asarray(X_train, dtype=np.float64)
    X_test = np.asarray(X_test, dtype=np.float64)
    y_train = np.asarray(y_train)
    if X_train.ndim != 2 or X_test.ndim != 2:
        raise ValueError(
            f"X_train and X_test must be 2-D (points in rows), got shapes {X_train.shape} and {X_test.shape}"
        )
    if X_train.shape[0] == 0 or X_test.shape[0] == 0:
        raise ValueError("empty input: need at least one training point and one test point")
    if X_train.shape[1] != X_test.shape[1]:
        raise ValueError(
            f"feature mismatch: X_train has {X_train.shape[1]} columns, X_test {X_test.shape[1]}"
        )
    if y_train.ndim != 1 or len(y_train) != len(X_train):
        raise ValueError(f"y_train must hold one label per training point, got shape {y_train.shape}")
    if isinstance(k, bool) or not isinstance(k, int | np.integer):
        raise ValueError(f"k must be an integer, got {k!r}")
    if not 1 <= k <= len(X_train):
        raise ValueError(f"k must lie in 1..{len(X_train)} (the number of training points), got {k}")

    # Squared distances rank the neighbours the same way as distances: no square root needed.
    # |x - y|^2 = |x|^2 - 2 x.y + |y|^2 gets every cross term from one matrix product, and |x|^2
    # is the same for all training points y of a test point x, so ranking needs only the rest
    # (scikit-learn ranks the same way). Distances do not change under a shift: centring first
    # keeps the norms small, so the subtraction loses fewer digits.
    shift = X_train.mean(axis=0)
    X_train, X_test = X_train - shift, X_test - shift
    minus_two_train = -2.0 * X_train.T
    train_norms = np.einsum("ij,ij->i", X_train, X_train)
    nearest = np.empty((len(X_test), k), dtype=np.intp)
    # A block of test points at a time: its (block, n_train) ranking stays in the CPU's cache
    # while the k nearest are picked out of it, instead of all n_test * n_train numbers at once.
    for start in range(0, len(X_test), 128):
        block = slice(start, start + 128)
        ranking = X_test[block] @ minus_two_train
        ranking += train_norms
        if k > 8 or not np.isfinite(ranking).all():
            # np.argpartition: linear time per row whatever k is (a full sort: n log n)
            nearest[block] = np.argpartition(ranking, k - 1, axis=1)[:, :k]
            continue
        # For the usual small k, k passes of np.argmin (one vectorised pass over the block
        # each), each taking the nearest point left and striking it out (with inf, which no
        # finite distance ties), beat a partition.
        rows = np.arange(len(ranking))
        for j in range(k):
            nearest[block, j] = np.argmin(ranking, axis=1)
            ranking[rows, nearest[block, j]] = np.inf
    classes, codes = np.unique(y_train, return_inverse=True)
    votes = np.zeros((len(X_test), len(classes)), dtype=np.int64)
    np.add.at(votes, (np.arange(len(X_test))[:, None], codes[nearest]), 1)
    # argmax returns the first maximum, and np.unique sorted the classes: ties go to the smallest.
    return classes[np.argmax(votes, axis=1)]
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "For one test point: which k training points are closest, and which label do most of them "
    "carry? If two labels get the same number of votes, which one must you pick?",
    "Compute all test-to-train squared distances at once (broadcast to (n_test, n_train)), take "
    "np.argsort(..., axis=1)[:, :k], then count votes per class; np.unique gives the sorted "
    "classes, and np.argmax picks the first (smallest) class among tied counts.",
    "classes, codes = np.unique(y_train, return_inverse=True); count codes[nearest] per row "
    "(np.add.at or a comparison with np.arange(len(classes))), then classes[np.argmax(votes, axis=1)].",
)
TALKING_POINTS = {
    "use": (
        "A baseline classifier with no training: predict the majority label of the k nearest training points."
    ),
    "assumes": (
        "Nearby points share labels, features are scaled alike, and the dimension is low enough for "
        "distances to mean something."
    ),
    "pitfalls": (
        (
            "Vote ties: here the smallest label wins, as scikit-learn; an odd k avoids ties between two "
            "classes."
        ),
        (
            "Distance ties at the k-th neighbour: scikit-learn's docs warn the result then depends on the "
            "order of the training data."
        ),
        "Scale: without standardising, the widest feature decides who is near.",
    ),
    "cost": "Brute force: O(n d) time per query and O(n) memory; a KD-tree helps only in low dimensions.",
    "follow_ups": (
        (
            "How does k trade bias against variance?",
            (
                "Small k: low bias, high variance (k = 1 fits noise); large k: smoother, more biased; "
                "choose k by cross-validation."
            ),
        ),
        (
            "What is weights='distance'?",
            "Each neighbour votes with weight 1 / distance, so the closest count more.",
        ),
    ),
}
QUIZ = (
    {
        "question": "knn_predict([[0], [1], [5]], [1, 0, 1], [[4.0]], k=1)[0]?",
        "answer": 1,
        "tolerance": 0,
        "check": "knn_predict([[0.0], [1.0], [5.0]], [1, 0, 1], [[4.0]], k=1)[0]",
        "why": "The nearest training point, 5, has label 1.",
    },
    {
        "question": "With k = 1, what is a k-NN classifier's training accuracy (no duplicate points)?",
        "choices": ("0.5", "It depends on k", "1", "The majority-class rate"),
        "answer": 2,
        "why": "Each training point is its own nearest neighbour.",
    },
)
### END META
