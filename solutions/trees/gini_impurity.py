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
    ### BEGIN SOLUTION
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if y.size == 0:
        raise ValueError("empty input: the impurity of no labels is undefined")
    counts = None
    if y.dtype.kind in "biu":  # integers in a small range: one counting pass, no sort
        lo, hi = int(y.min()), int(y.max())
        if hi - lo <= 2 * y.size and hi <= np.iinfo(np.intp).max:
            counts = np.bincount(y.astype(np.intp) - lo)
    if counts is None:
        counts = np.unique(y, return_counts=True)[1]  # any sortable labels: strings too
    counts = counts.astype(np.float64)  # absent classes (zero counts) add nothing
    return float(1.0 - np.dot(counts, counts) / (float(y.size) * y.size))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What are the class proportions of [a, b, b, a, b]? The impurity only depends on them, "
    "never on the label values themselves.",
    "np.unique(y, return_counts=True) gives the count of each class (strings too); divide by "
    "n for the proportions p, in floats.",
    "counts = np.unique(y, return_counts=True)[1]; p = counts / len(y); return float(1 - np.sum(p**2)).",
)
### END META
