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
    # YOUR CODE HERE
    raise NotImplementedError()
