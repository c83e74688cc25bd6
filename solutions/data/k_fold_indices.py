"""The train/test index pairs of k-fold cross-validation, without shuffling."""

import numbers

import numpy as np


def k_fold_indices(n_samples, n_splits=5):
    r"""Split ``0 .. n_samples-1`` into ``n_splits`` consecutive test folds, with their train sets.

    The samples are cut, in order, into ``k`` = ``n_splits`` blocks whose sizes differ by at
    most one: with :math:`n = qk + r` (:math:`0 \le r < k`), the first :math:`r` folds hold
    :math:`q + 1` samples and the others :math:`q`,

    .. math::

        |\text{test}_j| = \left\lfloor n / k \right\rfloor + [\, j < n \bmod k \,]

    Fold ``j``'s test set is its block, and its train set every other index, so each
    sample is tested exactly once and trained on ``k - 1`` times. This is scikit-learn's
    ``KFold(n_splits, shuffle=False)`` (the same blocks as ``np.array_split``).

    Parameters
    ----------
    n_samples : int
        The number of samples, at least ``n_splits``.
    n_splits : int, default=5
        The number of folds ``k``, at least 2.

    Returns
    -------
    list of tuple (train_idx, test_idx)
        ``n_splits`` pairs of integer arrays, in fold order. Both are sorted ascending;
        ``test_idx`` is consecutive, ``train_idx`` holds the other ``n_samples - len(test_idx)``
        indices.

    Raises
    ------
    ValueError
        If ``n_samples`` or ``n_splits`` is not an integer (a bool is not), if ``n_splits <
        2``, or if ``n_splits > n_samples`` (a fold would be empty).

    See Also
    --------
    sklearn.model_selection.KFold : the reference, with ``shuffle=False``.

    Examples
    --------
    Seven samples in three folds: 7 = 2 * 3 + 1, so the first fold has 3 samples, the others 2.

    >>> folds = k_fold_indices(7, n_splits=3)
    >>> folds[0]
    (array([3, 4, 5, 6]), array([0, 1, 2]))
    >>> folds[1]
    (array([0, 1, 2, 5, 6]), array([3, 4]))
    >>> folds[2]
    (array([0, 1, 2, 3, 4]), array([5, 6]))
    """
    ### BEGIN SOLUTION
    for name, value in (("n_samples", n_samples), ("n_splits", n_splits)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise ValueError(f"{name} must be an integer, got {value!r}")
    n_samples, n_splits = int(n_samples), int(n_splits)
    if n_splits < 2:
        raise ValueError(f"n_splits must be at least 2, got {n_splits}")
    if n_splits > n_samples:
        raise ValueError(f"n_splits={n_splits} is more than n_samples={n_samples}: a fold would be empty")
    sizes = np.full(n_splits, n_samples // n_splits)
    sizes[: n_samples % n_splits] += 1  # the first n % k folds take one sample more
    stops = np.cumsum(sizes).tolist()
    indices = np.arange(n_samples)
    folds = []
    start = 0
    for stop in stops:
        train = np.concatenate((indices[:start], indices[stop:]))
        folds.append((train, indices[start:stop].copy()))
        start = stop
    return folds
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "With 7 samples and 3 folds, how big is each test fold, and which folds get the extra sample?",
    "Sizes: n // k each, plus one for the first n % k folds; np.cumsum of the sizes gives where "
    "each fold ends. Fold j's train set is everything before its start and after its end.",
    "For each fold [start, stop): test = np.arange(start, stop), train = np.concatenate("
    "(np.arange(0, start), np.arange(stop, n))); return the list of (train, test) pairs.",
)
TALKING_POINTS = {
    "use": (
        "Estimate generalisation error by rotating a held-out fold: each sample is tested once and trained "
        "on k - 1 times."
    ),
    "assumes": (
        "Exchangeable (i.i.d.) samples whose order carries no information; no groups and no time order."
    ),
    "pitfalls": (
        (
            "Sorted data: without shuffling, data ordered by class or time give unlike folds; shuffle with a "
            "seed, or use TimeSeriesSplit for time order."
        ),
        (
            "Leakage: fit every preprocessing step (scaling, feature selection) on the training folds only, "
            "inside the loop (a Pipeline)."
        ),
        "Groups: several rows per user spread over folds leak the user; use GroupKFold.",
    ),
    "cost": "O(k n) time and memory for the k index pairs.",
    "follow_ups": (
        (
            "How do you choose k?",
            (
                "5 or 10: a larger k trains on more data (less pessimistic) but costs k fits; leave-one-out "
                "(k = n) is the extreme."
            ),
        ),
        (
            "n not divisible by k?",
            "The first n % k folds take one sample more (sklearn's KFold rule).",
        ),
        (
            "Tuning and evaluating at once?",
            (
                "Nested cross-validation: an inner loop picks hyper-parameters, an outer loop scores the "
                "whole procedure."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "The size of the first test fold of k_fold_indices(10, n_splits=3)?",
        "answer": 4,
        "tolerance": 0,
        "check": "len(k_fold_indices(10, n_splits=3)[0][1])",
        "why": "10 = 3 * 3 + 1: the first 10 % 3 = 1 fold takes 4.",
    },
    {
        "question": "The test fold sizes for n = 10, k = 3?",
        "choices": (
            "4, 3, 3",
            "3, 3, 4",
            "3, 4, 3",
            "4, 4, 2",
        ),
        "answer": 0,
        "why": "The extra samples go to the first folds.",
    },
)
### END META
