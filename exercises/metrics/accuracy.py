"""Accuracy: the fraction of correct predictions."""

import numpy as np


def accuracy(y_true, y_pred):
    r"""Fraction of samples whose predicted label equals the true label.

    .. math:: \text{accuracy} = \frac{1}{n}\sum_{i=1}^{n} [\,\hat y_i = y_i\,]

    Parameters
    ----------
    y_true : array_like of shape (n,)
        True labels (integers or strings).
    y_pred : array_like of shape (n,)
        Predicted labels.

    Returns
    -------
    float
        The accuracy, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length.

    See Also
    --------
    sklearn.metrics.accuracy_score : the reference.

    Examples
    --------
    >>> accuracy([0, 1, 2, 2], [0, 2, 2, 2])
    0.75
    """
    # YOUR CODE HERE
    raise NotImplementedError()
