"""Precision: of the samples predicted as a class, the fraction that truly are."""

import numpy as np


def precision(y_true, y_pred, average="binary", zero_division=0.0):
    r"""Precision of predicted labels, for the positive class or averaged over classes.

    For one class ``c`` with true positives ``TP_c`` and false positives ``FP_c``:

    .. math:: P_c = \frac{TP_c}{TP_c + FP_c}

    and ``zero_division`` when the class is never predicted (``TP_c + FP_c = 0``).

    - ``"binary"``: ``P_1``, the precision of the positive label 1.
    - ``"micro"``: pool the counts of all classes, ``sum TP / sum (TP + FP)`` (for
      single-label data this equals the accuracy).
    - ``"macro"``: the plain mean of ``P_c`` over the classes.
    - ``"weighted"``: the mean of ``P_c`` weighted by the support ``n_c`` (the number of
      true samples of class ``c``).

    The classes are the sorted union of the labels in ``y_true`` and ``y_pred``.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        True labels.
    y_pred : array_like of shape (n,)
        Predicted labels.
    average : {"binary", "micro", "macro", "weighted"}, default="binary"
        How to combine the classes. ``"binary"`` needs at most two distinct labels, one of
        them 1 when there are two (e.g. {0, 1} or {-1, 1}).
    zero_division : float, default=0.0
        The value, in ``[0, 1]``, of a precision whose denominator is 0.

    Returns
    -------
    float
        The precision, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length; if ``average`` is not one
        of the four names; if ``zero_division`` is not in ``[0, 1]``; or, for
        ``average="binary"``, if there are more than two distinct labels, or two of which
        none is 1.

    See Also
    --------
    sklearn.metrics.precision_score : the reference.
    recall, f1

    Examples
    --------
    >>> precision([0, 1, 1, 0, 1], [1, 1, 0, 0, 1])
    0.6666666666666666
    >>> precision([0, 1, 2, 2], [0, 0, 1, 2], average="macro")
    0.5
    >>> precision([0, 0], [0, 0], zero_division=1.0)
    1.0
    """
    # YOUR CODE HERE
    raise NotImplementedError()
