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
    # YOUR CODE HERE
    raise NotImplementedError()
