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
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true, dtype=np.float64)
    y_pred = np.asarray(y_pred, dtype=np.float64)
    if y_true.ndim != 1 or y_pred.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_pred.shape}")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_pred has {y_pred.size}")
    if y_true.size < 2:
        raise ValueError(f"R^2 needs at least two samples, got {y_true.size}")
    residual = np.sum((y_true - y_pred) ** 2)
    total = np.sum((y_true - y_true.mean()) ** 2)
    if total == 0:
        return 1.0 if residual == 0 else 0.0
    return float(1.0 - residual / total)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "R^2 compares your errors with the errors of a baseline that always predicts one number. "
    "Which number, and from which of the two arrays?",
    "The denominator is the spread of y_true around its own mean (not y_pred's). When y_true "
    "is constant that spread is 0: return 1.0 for a perfect fit and 0.0 otherwise.",
    "1 - np.sum((y_true - y_pred) ** 2) / np.sum((y_true - y_true.mean()) ** 2), with the "
    "constant-y_true case handled first.",
)
TALKING_POINTS = {
    "use": (
        "Reporting a regression fit on a unitless scale: the share of y's variance the model explains, "
        "against predicting the mean."
    ),
    "assumes": "Errors are judged by squared error and the mean of y_true is the baseline.",
    "pitfalls": (
        "It is not bounded below: a model worse than the mean scores negative, without limit.",
        (
            "Constant y_true makes the ratio 0/0; scikit-learn (force_finite=True) returns 1.0 for a "
            "perfect prediction, else 0.0."
        ),
        "Not symmetric: r2_score(a, b) != r2_score(b, a); the denominator uses y_true only.",
    ),
    "cost": "O(n) time, O(n) temporary memory.",
    "follow_ups": (
        (
            "Can R^2 be negative on training data?",
            (
                "Not for least squares with an intercept (it is at least 0 there); on test data, or "
                "without an intercept, yes."
            ),
        ),
        (
            "Why adjusted R^2?",
            (
                "On training data plain R^2 never falls when a feature is added; adjusted R^2 charges for "
                "each one."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "r2_score([1, 2, 3], [2, 2, 2]), predicting the mean?",
        "answer": 0.0,
        "tolerance": 1e-09,
        "check": "r2_score([1.0, 2.0, 3.0], [2.0, 2.0, 2.0])",
        "why": "The residual sum equals the total sum of squares.",
    },
    {
        "question": "r2_score([1, 2, 3], [3, 2, 1])?",
        "answer": -3.0,
        "tolerance": 1e-09,
        "check": "r2_score([1.0, 2.0, 3.0], [3.0, 2.0, 1.0])",
        "why": "1 - 8 / 2: worse than the mean, so negative.",
    },
)
### END META
