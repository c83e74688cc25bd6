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
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true, dtype=np.float64)
    y_pred = np.asarray(y_pred, dtype=np.float64)
    if y_true.ndim != 1 or y_pred.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_pred.shape}")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_pred has {y_pred.size}")
    if y_true.size == 0:
        raise ValueError("empty input: the mean of no errors is undefined")
    return float(np.mean(np.abs(y_true - y_pred)))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Which numpy function turns every error y_true - y_pred into its size, whatever its sign?",
    "Convert both inputs with np.asarray first, so lists work too; then check their shapes.",
    "np.mean(np.abs(y_true - y_pred)), after raising ValueError on empty or mismatched input.",
)
### END META
