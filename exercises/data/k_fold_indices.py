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
    # YOUR CODE HERE
    raise NotImplementedError()
