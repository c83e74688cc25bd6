"""Gini impurity of a set of class labels: how often a random guess by class frequency is wrong."""

import numpy as np


def gini_impurity(y):
    r"""Gini impurity of the labels ``y``.

    With ``p_k`` the fraction of the ``n`` labels that are class ``k``:

    .. math::

        G = 1 - \sum_k p_k^2 = \sum_k p_k (1 - p_k)

    It is the probability that a label drawn at random is mislabelled by a guess drawn at
    random from the same frequencies: 0 for a pure set (one class), ``1 - 1/K`` for ``K``
    equally frequent classes. Only the classes that occur count; their values do not matter.

    Parameters
    ----------
    y : array_like of shape (n,)
        Class labels: integers, strings, booleans (any values ``numpy.unique`` can sort).

    Returns
    -------
    float
        The Gini impurity, in [0, 1).

    Raises
    ------
    ValueError
        If ``y`` is not 1-D or is empty.

    See Also
    --------
    sklearn.tree.DecisionTreeClassifier : the reference, the root impurity
        ``tree_.impurity[0]`` of a tree fitted with ``criterion="gini"``.

    Examples
    --------
    Two of five labels are "a", three are "b": ``1 - (0.4**2 + 0.6**2) = 0.48``.

    >>> round(gini_impurity(["a", "b", "b", "a", "b"]), 12)
    0.48
    >>> gini_impurity([7, 7, 7])
    0.0
    """
    # YOUR CODE HERE
    raise NotImplementedError()
