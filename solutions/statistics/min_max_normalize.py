"""Rescale the columns of a matrix to the range [0, 1]."""

import numpy as np


def min_max_normalize(X):
    r"""Map each column linearly so its minimum becomes 0 and its maximum 1.

    .. math::

        Z_{ij} = \frac{X_{ij} - \min_i X_{ij}}{\max_i X_{ij} - \min_i X_{ij}}

    A constant column has range 0; it maps to a column of 0 rather than to 0 / 0, as in
    scikit-learn.

    Parameters
    ----------
    X : array_like of shape (n, d)
        The data, one sample per row. A 1-D array is refused: reshape a single feature to
        ``(n, 1)`` first, as scikit-learn asks.

    Returns
    -------
    ndarray of shape (n, d)
        The rescaled data, every entry in ``[0, 1]``.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or is empty.

    See Also
    --------
    sklearn.preprocessing.MinMaxScaler : the reference (``fit_transform``, default
        ``feature_range=(0, 1)``).

    Examples
    --------
    >>> min_max_normalize([[1.0, 5.0], [3.0, 5.0], [2.0, 5.0]])
    array([[0. , 0. ],
           [1. , 0. ],
           [0.5, 0. ]])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (samples in rows), got shape {X.shape}; reshape a feature to (n, 1)")
    if X.size == 0:
        raise ValueError(f"empty input of shape {X.shape}")
    low = X.min(axis=0)
    spread = X.max(axis=0) - low
    return (X - low) / np.where(spread == 0, 1.0, spread)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Which value of a column should become 0, and which 1? What happens when they are equal?",
    "Use the column-wise X.min(axis=0) and X.max(axis=0); divide by the range max - min, or by 1 "
    "where the range is 0 (then X - min is 0 anyway).",
    "low = X.min(axis=0); spread = X.max(axis=0) - low; return (X - low) / np.where(spread == 0, 1, spread).",
)
TALKING_POINTS = {
    "use": (
        "Rescale features to [0, 1] when a model wants bounded inputs (pixel intensities, distance-based "
        "methods) and there are no extreme outliers."
    ),
    "assumes": "The training minimum and maximum represent future data.",
    "pitfalls": (
        "Outliers: one extreme value squeezes every other into a tiny interval.",
        (
            "Leakage: fit min and max on the training split only; test values may then fall outside [0, 1] "
            "(MinMaxScaler clips only with clip=True)."
        ),
        "Constant columns: max - min = 0; map them to 0, not 0 / 0, as sklearn does.",
    ),
    "cost": "O(n d) time, O(n d) memory for the output.",
    "follow_ups": (
        (
            "Min-max or standardisation?",
            (
                "Min-max fixes the range but follows the extremes; z-scores are less affected by one "
                "outlier, RobustScaler (median, IQR) even less."
            ),
        ),
        (
            "Do decision trees need it?",
            "No: splits depend only on the order of the values, which rescaling keeps.",
        ),
        (
            "How to map to [a, b]?",
            "a + (b - a) (x - min) / (max - min).",
        ),
    ),
}
QUIZ = (
    {
        "question": "min_max_normalize([[0], [5], [20]]): the entry for 5?",
        "answer": 0.25,
        "tolerance": 1e-12,
        "check": "min_max_normalize([[0.0], [5.0], [20.0]])[1, 0]",
        "why": "(5 - 0) / (20 - 0).",
    },
    {
        "question": "What does a constant column become?",
        "choices": (
            "nan",
            "0",
            "1",
            "0.5",
        ),
        "answer": 1,
        "why": "Its range is 0; sklearn divides by 1 instead, giving x - min = 0.",
    },
)
### END META
