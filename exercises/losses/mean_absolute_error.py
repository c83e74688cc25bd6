"""Mean absolute error (MAE), the L1 regression loss."""

import numpy as np


def mean_absolute_error(y_true, y_pred):
    r"""Mean absolute difference between targets and predictions.

    .. math:: \mathrm{MAE} = \frac{1}{n} \sum_{i=1}^{n} |y_i - \hat y_i|

    MAE grows linearly with each error, so one outlier moves it far less than it moves
    the mean squared error.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Targets.
    y_pred : array_like of shape (n,)
        Predictions.

    Returns
    -------
    float
        The mean absolute error.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty, or differ in length.

    See Also
    --------
    sklearn.metrics.mean_absolute_error : the reference.

    Examples
    --------
    >>> mean_absolute_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.5
    """
    # YOUR CODE HERE
    raise NotImplementedError()
