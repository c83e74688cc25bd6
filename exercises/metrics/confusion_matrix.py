"""Confusion matrix of a classifier's predictions."""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    r"""Count, for every pair of labels, how often the true one was predicted as the other.

    .. math:: C_{ij} = \#\{\, s : y^{true}_s = \ell_i \ \text{and}\ y^{pred}_s = \ell_j \,\}

    Row ``i`` is the true label ``labels[i]``, column ``j`` the predicted label
    ``labels[j]``; so the diagonal counts the correct predictions and each row sums to the
    number of samples of that true label.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        True labels (integers or strings).
    y_pred : array_like of shape (n,)
        Predicted labels.
    labels : array_like of shape (k,), optional
        The labels that index the rows and columns, in this order. A label that appears
        in neither input gets a row and a column of zeros; samples whose true or predicted
        label is not in ``labels`` are left out. By default, the sorted union of the labels
        in ``y_true`` and ``y_pred``.

    Returns
    -------
    numpy.ndarray of shape (k, k), integer dtype
        The counts.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, or if ``labels`` is
        empty, not 1-D or holds a label twice.

    See Also
    --------
    sklearn.metrics.confusion_matrix : the reference.

    Examples
    --------
    >>> confusion_matrix([0, 1, 2, 2, 1], [0, 2, 2, 2, 1])
    array([[1, 0, 0],
           [0, 1, 1],
           [0, 0, 2]])
    >>> confusion_matrix([0, 1, 1], [1, 1, 0], labels=[1, 0, 5])
    array([[1, 1, 0],
           [1, 0, 0],
           [0, 0, 0]])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
