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
    ### BEGIN SOLUTION
    y = np.asarray(y)
    mask = np.asarray(left_mask)
    if y.ndim != 1 or mask.ndim != 1:
        raise ValueError(f"y and left_mask must be 1-D, got shapes {y.shape} and {mask.shape}")
    if y.size != mask.size:
        raise ValueError(f"length mismatch: y has {y.size} labels, left_mask {mask.size} entries")
    if y.size == 0:
        raise ValueError("empty input: there is nothing to split")
    if criterion not in ("entropy", "gini"):
        raise ValueError(f'criterion must be "entropy" or "gini", got {criterion!r}')
    if mask.dtype != bool:
        if mask.dtype.kind not in "iuf" or not np.all((mask == 0) | (mask == 1)):
            raise ValueError("left_mask must hold booleans (or the integers 0 and 1)")
        mask = mask != 0  # a 0/1 mask read as booleans, never as indices
    n_left = int(np.count_nonzero(mask))
    n_right = y.size - n_left
    if n_left == 0 or n_right == 0:
        raise ValueError(f"one side of the split is empty ({n_left} left, {n_right} right)")

    codes = None
    if y.dtype.kind in "biu":  # integers in a small range: counted as they are, no sort
        lo, hi = int(y.min()), int(y.max())
        if hi - lo <= 2 * y.size and hi <= np.iinfo(np.intp).max:
            codes = y.astype(np.intp) - lo
    if codes is None:
        codes = np.unique(y, return_inverse=True)[1].reshape(-1)  # any sortable labels
    k = int(codes.max()) + 1
    total = np.bincount(codes, minlength=k).astype(np.float64)
    left = np.bincount(codes[mask], minlength=k).astype(np.float64)
    right = total - left

    def impurity(counts, size):
        if criterion == "gini":
            return 1.0 - np.dot(counts, counts) / (float(size) * size)
        p = counts[counts > 0] / size  # absent classes: 0 * log 0 counts as 0
        return -np.dot(p, np.log2(p))

    children = n_left * impurity(left, n_left) + n_right * impurity(right, n_right)
    return float(impurity(total, y.size) - children / y.size)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Compute three impurities: the parent's, the left side's and the right side's. How much "
    "should a side of 1 sample count against a side of 99?",
    "Weight each child by its share of the samples, n_L / n and n_R / n, and subtract both "
    "from the parent. Turn the mask into booleans first: y[np.array([1, 0, 1])] picks y[1] and "
    "y[0] by position, it does not select.",
    "mask = np.asarray(left_mask) != 0 (after checking its values); "
    "return I(y) - mask.mean() * I(y[mask]) - (1 - mask.mean()) * I(y[~mask]).",
)
TALKING_POINTS = {
    "use": (
        "Scores a candidate split: parent impurity minus the size-weighted impurity of the two children; a "
        "tree keeps the split with the largest."
    ),
    "assumes": "A binary split; entropy in bits or Gini; children weighted by their sample counts.",
    "pitfalls": (
        (
            "Weights: each child counts n_child / n; an unweighted average rewards splitting off one pure "
            "sample."
        ),
        (
            "Mask or index: y[np.array([1, 0, 1])] picks samples 1, 0 and 1; turn a 0/1 mask into booleans "
            "first."
        ),
        (
            "Many-valued attributes: a multiway split on an ID column has maximal gain; C4.5 divides by the "
            "split's own entropy (the gain ratio)."
        ),
    ),
    "cost": "O(n) time with bincount, O(k) memory for the class counts.",
    "follow_ups": (
        (
            "Can the gain be negative?",
            (
                "No: impurity is concave, so the weighted children never exceed the parent (Jensen); it is 0 "
                "when both keep the parent's proportions."
            ),
        ),
        (
            "How does sklearn's min_impurity_decrease use it?",
            (
                "A node splits only if N_t / N times the gain reaches it: the gain weighted by the node's "
                "share of the samples."
            ),
        ),
        (
            "Summed over a tree?",
            (
                "feature_importances_: each feature's weighted decreases, normalised; biased towards "
                "high-cardinality features (permutation importance is an alternative)."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "The gain of a split that keeps the parent's class proportions on both sides?",
        "choices": (
            "0",
            "1",
            "the parent's entropy",
            "negative",
        ),
        "answer": 0,
        "why": "Each child has the parent's impurity, and the weights sum to 1.",
    },
    {
        "question": "information_gain([0, 0, 0, 1, 1, 1], [1, 1, 1, 1, 0, 0]) in bits?",
        "answer": 0.4591,
        "tolerance": 0.001,
        "check": "information_gain([0, 0, 0, 1, 1, 1], [1, 1, 1, 1, 0, 0])",
        "why": "1 - 4/6 * H([0, 0, 0, 1]) = 1 - 4/6 * 0.8113; the right side [1, 1] is pure.",
    },
)
### END META
