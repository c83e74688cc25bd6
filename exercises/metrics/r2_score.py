"""Coefficient of determination R^2 of a regression."""

import numpy as np


def r2_score(y_true, y_pred):
    r"""The fraction of the variance of ``y_true`` that the predictions explain.

    .. math::

        R^2 = 1 - \frac{\sum_i (y_i - \hat y_i)^2}{\sum_i (y_i - \bar y)^2}

    with ``\bar y`` the mean of ``y_true``. A perfect fit scores 1, predicting the mean
    scores 0, and a worse fit is negative (there is no lower bound). The score is not
    symmetric: the denominator uses ``y_true`` only.

    When ``y_true`` is constant the ratio is undefined; like scikit-learn, the score is then
    1.0 if the predictions are perfect and 0.0 otherwise.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        True targets, n >= 2.
    y_pred : array_like of shape (n,)
        Predicted targets.

    Returns
    -------
    float
        The R^2 score.

    Raises
    ------
    ValueError
        If the inputs are not 1-D or differ in length, or hold fewer than two samples
        (R^2 is not defined for one sample).

    See Also
    --------
    sklearn.metrics.r2_score : the reference.

    Examples
    --------
    >>> r2_score([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.9486081370449679
    >>> r2_score([2.0, 2.0, 2.0], [2.0, 2.0, 3.0])
    0.0
    """
    # YOUR CODE HERE
    raise NotImplementedError()
