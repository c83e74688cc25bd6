"""The train/test index pairs of stratified k-fold cross-validation, without shuffling."""

import numbers

import numpy as np


def stratified_k_fold_indices(y, n_splits=5):
    r"""Split the samples into ``n_splits`` test folds that each keep the class proportions of ``y``.

    Stratified folds are what cross-validation on imbalanced classes needs: with 5% of one
    class, plain k-fold blocks can leave a fold with none of it. The folds returned here have
    these properties, which are what is graded (any folds with them are right):

    1. the test folds are disjoint and together hold every index ``0 .. n-1`` once, and each
       fold's train set is every other index;
    2. fold ``j`` holds :math:`\lfloor n / k \rfloor + [\, j < n \bmod k \,]` samples: the
       first ``n % k`` folds one more, as in ``k_fold_indices`` (and as in scikit-learn's
       ``StratifiedKFold``);
    3. each class ``c`` with :math:`n_c` samples has :math:`\lfloor n_c / k \rfloor` or
       :math:`\lceil n_c / k \rceil` of them in every test fold: within 1 of its share.

    One way to get all three: order the samples by class (keeping their order within a
    class) and deal them out like cards, position ``p`` of that order to fold ``p % k``.
    That is what this function does. (scikit-learn's ``StratifiedKFold(shuffle=False)``
    allocates the same numbers per class and fold but gives each class's folds consecutive
    blocks of its samples, so its indices differ.)

    Parameters
    ----------
    y : array_like of shape (n,)
        The class labels: numbers or strings, any values; each distinct value is a class.
    n_splits : int, default=5
        The number of folds ``k``, at least 2 and at most ``n``; at least one class must have
        ``n_splits`` samples (a smaller class is fine: it is missing from some test folds).

    Returns
    -------
    list of tuple (train_idx, test_idx)
        ``n_splits`` pairs of integer arrays, in fold order, each sorted ascending.

    Raises
    ------
    ValueError
        If ``y`` is not 1-D or is empty; if ``n_splits`` is not an integer (a bool is not),
        is below 2 or above ``n``, or exceeds the size of every class (scikit-learn's rule).

    See Also
    --------
    sklearn.model_selection.StratifiedKFold : the reference for the fold sizes.
    k_fold_indices : the same folds without stratification.

    Examples
    --------
    Four of class ``"a"`` (samples 0, 2, 3, 5) and two of class ``"b"`` (1, 4) in two folds:
    lined up by class they are 0, 2, 3, 5, 1, 4, dealt to folds 0, 1, 0, 1, 0, 1, so each test
    fold holds two ``"a"`` and one ``"b"``.

    >>> folds = stratified_k_fold_indices(["a", "b", "a", "a", "b", "a"], n_splits=2)
    >>> folds[0]
    (array([2, 4, 5]), array([0, 1, 3]))
    >>> folds[1]
    (array([0, 1, 3]), array([2, 4, 5]))
    """
    ### BEGIN SOLUTION
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if y.size == 0:
        raise ValueError("y is empty")
    if isinstance(n_splits, bool) or not isinstance(n_splits, numbers.Integral):
        raise ValueError(f"n_splits must be an integer, got {n_splits!r}")
    n, k = y.size, int(n_splits)
    if k < 2:
        raise ValueError(f"n_splits must be at least 2, got {k}")
    if k > n:
        raise ValueError(f"n_splits={k} is more than the {n} samples: a fold would be empty")
    classes, codes = np.unique(y, return_inverse=True)
    codes = codes.reshape(-1)
    if np.bincount(codes).max() < k:
        raise ValueError(f"n_splits={k} is more than the number of samples of every class")
    # Small integer types let numpy sort and compare them fast (a stable sort of int16 is a
    # radix sort, linear in n); the results are the same with any integer type.
    if classes.size < 2**15:
        codes = codes.astype(np.int16)
    by_class = np.argsort(codes, kind="stable")  # each class's samples together, in order
    fold_of = np.empty(n, dtype=np.int8 if k < 2**7 else np.intp)
    fold_of[by_class] = np.arange(n) % k  # dealt out like cards
    return [(np.flatnonzero(fold_of != j), np.flatnonzero(fold_of == j)) for j in range(k)]
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "If you lined the samples up class by class and dealt them to the folds like cards, how "
    "many of each class would each fold get? And how many samples in all?",
    "np.unique(y, return_inverse=True) gives class numbers for any labels; np.argsort(codes, "
    "kind='stable') lines the samples up by class. Position p of that line goes to fold p % k.",
    "fold_of = np.empty(n, int); fold_of[np.argsort(codes, kind='stable')] = np.arange(n) % k; "
    "fold j is (np.flatnonzero(fold_of != j), np.flatnonzero(fold_of == j)), after the ValueErrors.",
)
TALKING_POINTS = {
    "use": (
        "k-fold cross-validation for classification, above all with imbalanced or small classes: each test "
        "fold keeps the class proportions."
    ),
    "assumes": (
        "Samples exchangeable within each class; at least one class with k samples (sklearn warns when the "
        "smallest class has fewer)."
    ),
    "pitfalls": (
        (
            "Rare classes: a class with fewer than k samples is missing from some test folds; per-fold "
            "recall or AUC is then undefined."
        ),
        (
            "Order: without shuffling, folds follow the order within each class; shuffle with a seed if the "
            "data are sorted."
        ),
        "Regression: stratifying needs classes; bin a continuous target first, or use KFold.",
    ),
    "cost": "O(n log n) time (sorting by class), O(k n) memory for the index pairs.",
    "follow_ups": (
        (
            "Why does plain KFold fail on imbalanced data?",
            "With 5 % positives a consecutive block can hold none: the fold's recall and AUC are undefined.",
        ),
        (
            "Groups and classes at once?",
            (
                "StratifiedGroupKFold keeps each group in one fold while balancing the classes as far as it "
                "can."
            ),
        ),
        (
            "How many of class c per fold?",
            "floor(n_c / k) or ceil(n_c / k): within one of its share.",
        ),
    ),
}
QUIZ = (
    {
        "question": "y = six 0s then three 1s, n_splits = 3: how many 1s in the first test fold?",
        "answer": 1,
        "tolerance": 0,
        "check": (
            "int(np.sum(np.array([0] * 6 + [1] * 3)[stratified_k_fold_indices([0] * 6 + [1] * 3, "
            "n_splits=3)[0][1]]))"
        ),
        "why": "Three 1s over three folds: one each.",
    },
    {
        "question": "A class with 3 samples, k = 5 folds: in how many test folds does it appear?",
        "choices": (
            "5",
            "3",
            "0",
            "1",
        ),
        "answer": 1,
        "why": "floor(3 / 5) = 0 or ceil(3 / 5) = 1 of it per fold: three folds get one each.",
    },
)
### END META
