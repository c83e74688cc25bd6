"""Information gain of a split: how much a yes/no question lowers the impurity of the labels."""

import numpy as np


def information_gain(y, left_mask, criterion="entropy"):
    r"""The impurity decrease of splitting the labels ``y`` into ``y[left_mask]`` and the rest.

    With ``n`` labels, ``n_L`` of them on the left (``left_mask`` true) and ``n_R`` on the
    right, and ``I`` the impurity:

    .. math::

        \mathrm{IG} = I(y) - \frac{n_L}{n}\, I(y_L) - \frac{n_R}{n}\, I(y_R)

    where ``I`` is the entropy in bits, ``-sum_k p_k log2 p_k`` (``criterion="entropy"``), or
    the Gini impurity ``1 - sum_k p_k^2`` (``criterion="gini"``), of each side's class
    proportions. The children are weighted by their sizes, so the gain is never negative
    (up to rounding); it is 0 when both sides keep the parent's proportions. This is the
    decrease a decision tree maximises (scikit-learn's "entropy" criterion is in bits too).

    Parameters
    ----------
    y : array_like of shape (n,)
        Class labels: integers, strings, booleans.
    left_mask : array_like of shape (n,)
        Which samples go left: booleans, or the integers 0 and 1 (read as False and True,
        whatever their integer dtype). A 0/1 integer mask is **not** an index array.
    criterion : {"entropy", "gini"}, default="entropy"
        The impurity.

    Returns
    -------
    float
        The information gain (in bits for the entropy).

    Raises
    ------
    ValueError
        If ``y`` or ``left_mask`` is not 1-D or is empty, if their lengths differ, if
        ``left_mask`` holds a value other than True/False/0/1, if one side of the split is
        empty (all True or all False: nothing is split), or if ``criterion`` is neither
        "entropy" nor "gini".

    See Also
    --------
    sklearn.tree.DecisionTreeClassifier : the reference: a tree of depth 1 fitted on the
        mask as its only feature splits on it; its gain is ``tree_.impurity[0]`` minus the
        size-weighted impurities of its two children.

    Examples
    --------
    Four labels, two of each class; the split puts one of each side's classes apart. The
    parent has 1 bit; the left side [0, 0, 1] has 0.918 bits, the right side [1] none:
    ``1 - 3/4 * 0.918``.

    >>> round(information_gain([0, 0, 1, 1], [True, True, True, False]), 6)
    0.311278
    >>> round(information_gain(["a", "a", "b", "b"], [1, 1, 0, 0], criterion="gini"), 12)
    0.5
    """
    # YOUR CODE HERE
    raise NotImplementedError()
