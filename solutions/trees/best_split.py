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
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if X.shape[0] != y.size:
        raise ValueError(f"length mismatch: X has {X.shape[0]} rows, y has {y.size} labels")
    if X.size == 0:
        raise ValueError(f"empty input: X has shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite (no NaN or infinity)")
    if criterion not in ("gini", "entropy"):
        raise ValueError(f'criterion must be "gini" or "entropy", got {criterion!r}')
    n, d = X.shape
    codes = np.unique(y, return_inverse=True)[1].reshape(-1)
    codes = codes.astype(np.int16) if codes.max() < 2**15 else codes  # small ints sort fastest
    T = np.bincount(codes)  # each class's count in the whole set
    n_left = np.arange(1, n, dtype=np.float64)  # a split after the i-th sorted sample: i on the left
    n_right = n - n_left
    if criterion == "entropy":
        xlogx = np.arange(n + 1, dtype=np.float64)
        xlogx[1:] *= np.log(xlogx[1:])  # xlogx[m] = m ln m, with 0 ln 0 = 0
        parent = xlogx[n] - xlogx[T].sum()  # n ln n - sum_k T_k ln T_k = n * H(y) in nats

    # Walk the samples in order of feature j, moving them one by one from right to left. Moving
    # a sample of class c, with L_c of its class already on the left, adds 2 L_c + 1 to
    # sum_c L_c^2 (and for the entropy changes sum_c L_c ln L_c by a known amount): so every
    # candidate's class-count statistics are cumulative sums over the sorted samples.
    gains = np.empty((d, n - 1))
    valid = np.empty((d, n - 1), dtype=bool)
    for j in range(d):
        order = np.argsort(X[:, j])
        xs = X[order, j]
        valid[j] = xs[1:] > xs[:-1]  # thresholds only between distinct values
        cs = codes[order]
        # before[p]: how many samples of cs[p]'s class come before it in this order
        by_class = np.argsort(cs, kind="stable")
        before = np.empty(n, dtype=np.int64)
        before[by_class] = np.arange(n) - np.repeat(np.cumsum(T) - T, T)
        Tc = T[cs]
        if criterion == "gini":
            sum_l2 = np.cumsum(2 * before + 1)[:-1]  # sum_c L_c^2 on the left
            sum_r2 = np.dot(T, T) - 2 * np.cumsum(Tc)[:-1] + sum_l2  # sum_c (T_c - L_c)^2
            # gain = G(y) - n_L/n G(y_L) - n_R/n G(y_R), with G = 1 - sum p^2 on each side
            gains[j] = (sum_l2 / n_left + sum_r2 / n_right - np.dot(T, T) / n) / n
        else:
            left = np.cumsum(xlogx[before + 1] - xlogx[before])[:-1]  # sum_c L_c ln L_c
            right = xlogx[T].sum() - np.cumsum(xlogx[Tc - before] - xlogx[Tc - before - 1])[:-1]
            children = xlogx[1:n] - left + xlogx[n - 1 : 0 : -1] - right  # n_L H_L + n_R H_R, nats
            gains[j] = (parent - children) / (n * np.log(2.0))
    if not valid.any():
        raise ValueError("no feature takes two distinct values: there is no split to make")
    gains[~valid] = -np.inf
    best = gains.max()
    feature, position = np.unravel_index(np.argmax(gains >= best - 1e-12), gains.shape)  # first tied
    xs = np.sort(X[:, feature])
    low, high = xs[position], xs[position + 1]
    threshold = low / 2 + high / 2  # halves first: no overflow near the float64 maximum
    if threshold >= high:  # two adjacent floats: the midpoint rounds up, keep it on the left
        threshold = low
    return int(feature), float(threshold), max(float(gains[feature, position]), 0.0)  # no -1e-17
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "Sort the samples by one feature: which thresholds are worth trying, and which of them "
    "give the same split? What if two neighbouring values are equal?",
    "For each feature, sort, and try a threshold halfway between each pair of neighbouring "
    "DISTINCT values; compute the gain of x <= t with the size-weighted child impurities. Keep "
    "the largest, and on a tie the earlier feature, then the smaller threshold (use > not >=).",
    "for j in range(d): v = np.unique(X[:, j]); for t in (v[:-1] + v[1:]) / 2: "
    "g = information_gain(y, X[:, j] <= t); keep (j, t, g) if g > best + 1e-12.",
)
TALKING_POINTS = {
    "use": (
        "The greedy step at every node of CART (sklearn's trees, random forests, gradient boosting): try "
        "every feature and threshold, keep the largest impurity decrease."
    ),
    "assumes": (
        "Axis-aligned splits X[:, j] <= t on numeric (ordered) features; one split at a time, with no "
        "look-ahead."
    ),
    "pitfalls": (
        (
            "Ties: gains can be equal; sklearn permutes the features at random at each split, so fix "
            "random_state. Here the lowest feature, then threshold, wins."
        ),
        (
            "Thresholds: midpoints between distinct adjacent sorted values; low / 2 + high / 2, since low + "
            "high overflows near the float64 maximum."
        ),
        (
            "Cost: recounting the classes for every threshold is O(n^2) per feature; sort once and update "
            "the counts as samples move left."
        ),
    ),
    "cost": "O(d n log n) time (a sort per feature, then a linear scan), O(n) memory per feature.",
    "follow_ups": (
        (
            "Why greedy?",
            "Finding an optimal tree is NP-hard; greedy top-down splitting is fast and works well.",
        ),
        (
            "How do you stop a tree overfitting?",
            (
                "Limit max_depth, min_samples_leaf or min_impurity_decrease, or prune by cost complexity "
                "(ccp_alpha)."
            ),
        ),
        (
            "Categorical features?",
            (
                "One-hot encode, or (two classes) order the categories by their share of class 1: then k "
                "categories need only k - 1 thresholds."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "How many candidate thresholds has a feature with values [1, 1, 2, 3, 3]?",
        "choices": (
            "5",
            "4",
            "2",
            "3",
        ),
        "answer": 2,
        "why": "One between each pair of adjacent distinct values: 1|2 and 2|3.",
    },
    {
        "question": "The threshold of best_split([[1], [2], [4], [8]], [0, 0, 1, 1])?",
        "answer": 3.0,
        "tolerance": 1e-12,
        "check": "best_split([[1.0], [2.0], [4.0], [8.0]], [0, 0, 1, 1])[1]",
        "why": "The midpoint of 2 and 4, which separates the classes perfectly.",
    },
    {
        "question": "The Gini gain of best_split([[1], [2], [3], [4], [5]], [0, 0, 1, 0, 1])?",
        "answer": 0.2133,
        "tolerance": 0.001,
        "check": "best_split([[1.0], [2.0], [3.0], [4.0], [5.0]], [0, 0, 1, 0, 1])[2]",
        "why": "x <= 2.5 leaves [0, 0] pure and [1, 0, 1] with Gini 4/9: 0.48 - 3/5 * 4/9.",
    },
)
### END META
