"""Average precision: the area under the precision-recall curve, as a step sum."""

import numpy as np


def average_precision(y_true, y_score):
    r"""Average precision of binary labels ranked by decreasing score.

    Each distinct score is a threshold ``t``; predicting positive for every score ``>= t``
    gives a precision ``P`` and a recall ``R``. Taking the thresholds from the highest score
    down,

    .. math::

        \text{AP} = \sum_{n} (R_n - R_{n-1})\, P_n, \qquad R_0 = 0

    so, without ties, AP is the mean of the precision at the rank of each positive. Tied
    scores are one threshold: all the documents of a tie group come in together and share one
    precision, the one at the end of the group (no order among them is chosen). This is the
    step sum of scikit-learn, not the trapezoidal area under the curve, and not an
    interpolated (running-maximum) precision.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Labels, each 0 or 1 (bool, int or float); at least one must be 1.
    y_score : array_like of shape (n,)
        Scores, finite; higher means more likely positive.

    Returns
    -------
    float
        The average precision, in ``(0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0 or 1,
        if no label is 1 (the recall is undefined: scikit-learn warns and returns 0 there),
        or if a score is not finite.

    See Also
    --------
    sklearn.metrics.average_precision_score : the reference.

    Examples
    --------
    >>> round(average_precision([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1]), 12)  # (1/1 + 2/3) / 2
    0.833333333333
    >>> round(average_precision([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.1]), 12)  # one tie group: 2/3
    0.666666666667
    """
    # YOUR CODE HERE
    raise NotImplementedError()
