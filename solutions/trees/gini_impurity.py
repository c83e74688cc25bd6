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
TALKING_POINTS = {
    "use": (
        "The default split criterion of CART and sklearn's trees: the chance that a label guessed from the "
        "node's frequencies is wrong."
    ),
    "assumes": "Class frequencies estimate the class probabilities; the label values do not matter.",
    "pitfalls": (
        "Scale: the maximum is 1 - 1/K (0.5 for two classes), not 1; compare criteria on their own scales.",
        (
            "Class imbalance: a 95/5 node already has Gini 0.095, so splits isolating the minority gain "
            "little; reweight the classes (class_weight)."
        ),
        (
            "Weighting: a split's quality weights each child by its share of samples; a plain average "
            "favours tiny pure leaves."
        ),
    ),
    "cost": "O(n) time with bincount (O(n log n) with np.unique for any labels), O(k) memory.",
    "follow_ups": (
        (
            "Why not the misclassification rate as the criterion?",
            (
                "It is not strictly concave: many splits that make the children purer do not lower it; Gini "
                "and entropy reward them."
            ),
        ),
        (
            "Gini impurity and the Gini coefficient?",
            (
                "Different things: the coefficient measures inequality (2 AUC - 1 in credit scoring); the "
                "impurity is 1 - sum p_k^2."
            ),
        ),
        (
            "Its probabilistic meaning?",
            (
                "sum p_k (1 - p_k): the chance that a random label and an independent guess from the same "
                "frequencies differ."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "gini_impurity([0, 0, 0, 1])?",
        "answer": 0.375,
        "tolerance": 1e-12,
        "check": "gini_impurity([0, 0, 0, 1])",
        "why": "1 - (0.75^2 + 0.25^2).",
    },
    {
        "question": "The largest Gini impurity with 4 classes?",
        "choices": (
            "1",
            "0.75",
            "0.5",
            "2",
        ),
        "answer": 1,
        "why": "1 - 4 * (1/4)^2 = 1 - 1/K.",
    },
)
### END META
