"""Recall: of the samples truly of a class, the fraction predicted as it."""

import numpy as np


def recall(y_true, y_pred, average="binary", zero_division=0.0):
    r"""Recall of predicted labels, for the positive class or averaged over classes.

    For one class ``c`` with true positives ``TP_c`` and false negatives ``FN_c``:

    .. math:: R_c = \frac{TP_c}{TP_c + FN_c}

    and ``zero_division`` when the class never truly occurs (``TP_c + FN_c = 0``).

    - ``"binary"``: ``R_1``, the recall of the positive label 1.
    - ``"micro"``: pool the counts of all classes, ``sum TP / sum (TP + FN)`` (for
      single-label data this equals the accuracy).
    - ``"macro"``: the plain mean of ``R_c`` over the classes.
    - ``"weighted"``: the mean of ``R_c`` weighted by the support ``n_c`` (the number of
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
        The value, in ``[0, 1]``, of a recall whose denominator is 0.

    Returns
    -------
    float
        The recall, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length; if ``average`` is not one
        of the four names; if ``zero_division`` is not in ``[0, 1]``; or, for
        ``average="binary"``, if there are more than two distinct labels, or two of which
        none is 1.

    See Also
    --------
    sklearn.metrics.recall_score : the reference.
    precision, f1

    Examples
    --------
    >>> recall([0, 1, 1, 0, 1, 1], [1, 1, 0, 0, 1, 0])
    0.5
    >>> recall([0, 1, 2, 2], [0, 0, 1, 2], average="macro")
    0.5
    >>> recall([0, 0], [0, 1], zero_division=1.0)
    1.0
    """
    # YOUR CODE HERE
    raise NotImplementedError()
