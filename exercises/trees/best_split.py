"""The best single split of a decision tree's root: which feature, which threshold."""

import numpy as np


def best_split(X, y, criterion="gini"):
    r"""The axis-aligned split ``X[:, feature] <= threshold`` with the largest impurity decrease.

    Every feature ``j`` and every threshold between two adjacent **distinct** values of
    ``X[:, j]`` is a candidate; the samples with ``X[i, j] <= threshold`` go left, the
    others right, and the split's gain is

    .. math::

        \mathrm{gain} = I(y) - \frac{n_L}{n}\, I(y_L) - \frac{n_R}{n}\, I(y_R)

    with ``I`` the Gini impurity ``1 - sum_k p_k^2`` or the entropy in bits
    ``-sum_k p_k log2 p_k`` of each side's class proportions (as
    ``information_gain``). The threshold is the midpoint of the two adjacent values it falls
    between, as scikit-learn places it: between the values 1 and 4 of a feature, 2.5.

    Ties (gains equal to within 1e-12, so that rounding cannot decide) go to the lowest
    feature index, then to the lowest threshold. When no split lowers the impurity (a pure
    ``y``, or labels no single threshold separates) every candidate has gain 0 and the
    tie rule picks the lowest feature that takes two distinct values, at its lowest threshold:
    the result is still a valid split, with ``gain == 0.0``.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Features (any real dtype; computed in float64).
    y : array_like of shape (n,)
        Class labels: integers, strings, booleans.
    criterion : {"gini", "entropy"}, default="gini"
        The impurity.

    Returns
    -------
    feature : int
        The column of the split.
    threshold : float
        Samples with ``X[:, feature] <= threshold`` go left.
    gain : float
        The impurity decrease of the split (in bits for the entropy), ``>= 0``.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, is empty or holds NaN or infinity, if ``y`` is not 1-D or its
        length is not the number of rows of ``X``, if ``criterion`` is neither "gini" nor
        "entropy", or if no feature takes two distinct values (a single sample, or every
        column constant): then there is no split at all.

    See Also
    --------
    sklearn.tree.DecisionTreeClassifier : the reference; with ``max_depth=1`` its root split
        reaches the same gain (``tree_.impurity[0]`` minus the children's size-weighted
        impurities), though it breaks ties at random.

    Examples
    --------
    Feature 0 separates the classes perfectly between its values 2 and 10; feature 1 does
    not separate them at all.

    >>> X = [[1.0, 5.0], [2.0, 7.0], [10.0, 5.0], [11.0, 7.0]]
    >>> best_split(X, ["no", "no", "yes", "yes"])
    (0, 6.0, 0.5)
    >>> best_split(X, ["no", "no", "yes", "yes"], criterion="entropy")
    (0, 6.0, 1.0)
    """
    # YOUR CODE HERE
    raise NotImplementedError()
