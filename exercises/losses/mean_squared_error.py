"""Mean squared error (MSE), the L2 regression loss."""

import numpy as np


def mean_squared_error(y_true, y_pred):
    r"""Mean squared difference between targets and predictions.

    .. math:: \mathrm{MSE} = \frac{1}{n} \sum_{i=1}^{n} (y_i - \hat y_i)^2

    This is the MSE itself, not its square root (the RMSE).

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Targets.
    y_pred : array_like of shape (n,)
        Predictions.

    Returns
    -------
    float
        The mean squared error.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty, or differ in length.

    See Also
    --------
    sklearn.metrics.mean_squared_error : the reference.

    Examples
    --------
    >>> mean_squared_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.375
    """
    # YOUR CODE HERE
    raise NotImplementedError()
