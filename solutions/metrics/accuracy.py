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
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.ndim != 1 or y_pred.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_pred.shape}")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_pred has {y_pred.size}")
    if y_true.size == 0:
        raise ValueError("empty input: the accuracy of no predictions is undefined")
    return float(np.mean(y_true == y_pred))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What does y_true == y_pred give for two numpy arrays, and what is the mean of booleans?",
    "Convert both to arrays first (a list == a list is a single True or False), and check "
    "the lengths match: numpy would broadcast a length-1 input silently.",
    "float(np.mean(np.asarray(y_true) == np.asarray(y_pred))) after the ValueError checks.",
)
### END META
