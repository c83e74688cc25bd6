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
TALKING_POINTS = {
    "use": (
        "Regression error in the target's own units when outliers should not dominate; the loss whose "
        "best constant prediction is the median."
    ),
    "assumes": "Every unit of error costs the same, over or under; the targets share one scale.",
    "pitfalls": (
        (
            "Not differentiable at 0: its gradient is sign(error), as big near the optimum as far from "
            "it, so gradient descent needs a shrinking step."
        ),
        (
            "Shapes: (n,) minus (n, 1) broadcasts to an (n, n) matrix and gives a wrong number without an "
            "error; check the shapes first."
        ),
    ),
    "cost": "O(n) time, O(n) temporary memory (O(1) if streamed).",
    "follow_ups": (
        (
            "MAE or MSE?",
            (
                "MSE when large errors are much worse (it is minimised by the mean); MAE when outliers "
                "are noise to ignore (it is minimised by the median)."
            ),
        ),
        (
            "Which constant minimises the MAE?",
            "A median of y_true: past it, more points move away than closer.",
        ),
    ),
}
QUIZ = (
    {
        "question": "mean_absolute_error([0, 0, 0], [1, 2, 3])?",
        "answer": 2.0,
        "tolerance": 1e-09,
        "check": "mean_absolute_error([0.0, 0.0, 0.0], [1.0, 2.0, 3.0])",
        "why": "(1 + 2 + 3) / 3.",
    },
    {
        "question": "Which constant prediction minimises the MAE of the targets [1, 2, 10]?",
        "choices": ("1", "2", "13/3, their mean", "10"),
        "answer": 1,
        "why": "The median minimises the sum of absolute deviations.",
    },
)
### END META
