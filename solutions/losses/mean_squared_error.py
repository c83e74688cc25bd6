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
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true, dtype=np.float64)
    y_pred = np.asarray(y_pred, dtype=np.float64)
    if y_true.ndim != 1 or y_pred.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_pred.shape}")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_pred has {y_pred.size}")
    if y_true.size == 0:
        raise ValueError("empty input: the mean of no errors is undefined")
    residual = y_true - y_pred
    return float(np.dot(residual, residual) / residual.size)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Is an error of -2 as bad as an error of +2? Which operation makes both count the same?",
    "Square each residual, then average: divide by n, not n - 1, and take no square root.",
    "r = y_true - y_pred; return float(np.mean(r ** 2)) after checking shapes and emptiness.",
)
TALKING_POINTS = {
    "use": (
        "The default regression loss: smooth, convex, the loss of least squares and the negative "
        "log-likelihood of Gaussian noise (up to scale and constants)."
    ),
    "assumes": (
        "Errors are roughly Gaussian with one variance; a large error is quadratically worse than a small "
        "one."
    ),
    "pitfalls": (
        (
            "Outliers: one error of 100 weighs as much as 10,000 errors of 1; look at the residuals, or "
            "use Huber or MAE."
        ),
        "Overflow: errors beyond about 1.3e154 square to inf in float64.",
        "Units: MSE is in squared target units; quote the RMSE to speak in the target's units.",
    ),
    "cost": "O(n) time, O(n) temporary memory.",
    "follow_ups": (
        (
            "Which constant minimises the MSE?",
            "The mean of y_true; the MSE left is then the (population) variance of y_true.",
        ),
        (
            "The gradient with respect to the predictions?",
            "2 (y_pred - y_true) / n: proportional to the error, so steps shrink near the optimum.",
        ),
        (
            "How does the expected MSE of a model decompose?",
            "Bias squared plus variance plus the irreducible noise.",
        ),
    ),
}
QUIZ = (
    {
        "question": "mean_squared_error([0, 0], [1, 3])?",
        "answer": 5.0,
        "tolerance": 1e-09,
        "check": "mean_squared_error([0.0, 0.0], [1.0, 3.0])",
        "why": "(1 + 9) / 2.",
    },
    {
        "question": "Every error is multiplied by 10: the MSE is multiplied by?",
        "choices": ("10", "100", "sqrt(10)", "1"),
        "answer": 1,
        "why": "Each squared error grows by 10 squared.",
    },
)
### END META
