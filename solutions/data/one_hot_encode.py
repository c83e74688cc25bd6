"""One-hot encoding of integer class labels."""

import numpy as np


def one_hot_encode(y, n_classes=None):
    r"""Encode integer labels ``0 .. k-1`` as rows of a ``(n, k)`` indicator matrix.

    .. math::

        Y_{ij} = \begin{cases} 1 & y_i = j \\ 0 & \text{otherwise} \end{cases}
        \qquad i = 0 .. n-1, \; j = 0 .. k-1

    Column ``j`` stands for the label ``j`` itself (not for the ``j``-th distinct label), so
    every row holds exactly one 1. ``k`` is ``n_classes`` when given, else ``max(y) + 1``; a
    class that never occurs gets a column of zeros. With two classes the result still has two
    columns (``sklearn.preprocessing.label_binarize`` gives one column then).

    Parameters
    ----------
    y : array_like of shape (n,)
        Integer labels ``>= 0``: ints, bools, uint8, or floats with whole values (``2.0``).
    n_classes : int, optional
        The number of classes ``k``, at least ``max(y) + 1``.

    Returns
    -------
    numpy.ndarray of shape (n, k)
        float64, ``Y[i, y[i]] = 1.0`` and 0.0 elsewhere.

    Raises
    ------
    ValueError
        If ``y`` is not 1-D, is empty, or holds a value that is not a whole number ``>= 0``
        (negative, ``1.5``, a string); if ``n_classes`` is not a positive integer (a bool is
        not) or a label is ``>= n_classes``.

    See Also
    --------
    sklearn.preprocessing.label_binarize : the reference, with ``classes=range(k)``.

    Examples
    --------
    >>> one_hot_encode([2, 0, 1, 2])
    array([[0., 0., 1.],
           [1., 0., 0.],
           [0., 1., 0.],
           [0., 0., 1.]])
    >>> one_hot_encode([1, 0], n_classes=4)
    array([[0., 1., 0., 0.],
           [1., 0., 0., 0.]])
    """
    ### BEGIN SOLUTION
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if y.size == 0:
        raise ValueError("y is empty")
    if y.dtype.kind not in "biuf":
        raise ValueError(f"labels must be integers 0 .. k-1, got an array of dtype {y.dtype}")
    if y.dtype.kind == "f" and not np.all(np.isfinite(y) & (y == np.round(y))):
        raise ValueError("labels must be whole numbers, got a fractional (or non-finite) value")
    if np.any(y < 0):
        raise ValueError(f"labels must be >= 0, got {y.min()!r}")
    labels = y.astype(np.intp)
    largest = int(labels.max())
    if n_classes is None:
        n_classes = largest + 1
    elif isinstance(n_classes, bool) or not isinstance(n_classes, int | np.integer) or n_classes < 1:
        raise ValueError(f"n_classes must be a positive integer, got {n_classes!r}")
    elif largest >= n_classes:
        raise ValueError(f"the label {largest} is outside 0 .. {n_classes - 1} (n_classes={n_classes})")
    encoded = np.zeros((labels.size, int(n_classes)))
    encoded[np.arange(labels.size), labels] = 1.0
    return encoded
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "How many columns does the result need, and in which column of row i goes the 1 for label y[i]?",
    "Make np.zeros((n, k)) with k = n_classes or y.max() + 1, then set one entry per row with "
    "fancy indexing: rows np.arange(n), columns y. Check the labels first: negative ones would "
    "index from the end.",
    "out = np.zeros((len(y), k)); out[np.arange(len(y)), y] = 1.0, after raising ValueError for "
    "labels that are not whole numbers in 0 .. k-1.",
)
TALKING_POINTS = {
    "use": (
        "Categorical labels as indicator vectors: targets for softmax and cross-entropy, or nominal features "
        "for linear models."
    ),
    "assumes": "Integer labels 0 .. k-1 naming unordered categories; k given (n_classes) or max(y) + 1.",
    "pitfalls": (
        (
            "Two classes: label_binarize returns one column, this function two; check what the consumer "
            "expects."
        ),
        (
            "Dummy trap: k indicator columns plus an intercept are collinear; drop one "
            "(OneHotEncoder(drop='first')) for an unpenalised linear model."
        ),
        (
            "Unseen categories: OneHotEncoder raises by default (handle_unknown='error'); 'ignore' gives a "
            "row of zeros."
        ),
    ),
    "cost": "O(n k) time and memory dense; O(n) as a sparse matrix.",
    "follow_ups": (
        (
            "Why not one column of codes 0, 1, 2?",
            "It imposes an order and equal spacing that a linear model would use; indicators do not.",
        ),
        (
            "Thousands of categories?",
            (
                "Sparse one-hot, feature hashing, target encoding (out-of-fold, against leakage), or learned "
                "embeddings."
            ),
        ),
        (
            "How to invert it?",
            "np.argmax(Y, axis=1) gives the labels back.",
        ),
    ),
}
QUIZ = (
    {
        "question": "How many columns has one_hot_encode([3, 1])?",
        "answer": 4,
        "tolerance": 0,
        "check": "one_hot_encode([3, 1]).shape[1]",
        "why": "k = max(y) + 1: labels 0 and 2 get columns of zeros.",
    },
    {
        "question": "label_binarize(y, classes=[0, 1]) returns how many columns?",
        "choices": (
            "1",
            "2",
            "0",
            "one per sample",
        ),
        "answer": 0,
        "why": "For two classes it keeps only the indicator of class 1.",
    },
)
### END META
