"""Standardise the columns of a matrix to mean 0 and standard deviation 1."""

import numpy as np


def standardize(X):
    r"""Centre each column and divide it by its (population) standard deviation.

    .. math::

        Z_{ij} = \frac{X_{ij} - \mu_j}{\sigma_j}, \qquad
        \mu_j = \frac{1}{n}\sum_i X_{ij}, \qquad
        \sigma_j = \sqrt{\frac{1}{n}\sum_i (X_{ij} - \mu_j)^2}

    The standard deviation is the population one (divide by ``n``, ``ddof=0``), as in
    scikit-learn. A constant column has :math:`\sigma_j = 0`; it maps to a column of 0
    (there is nothing to scale) rather than to 0 / 0.

    Parameters
    ----------
    X : array_like of shape (n, d)
        The data, one sample per row. A 1-D array is refused: reshape a single feature to
        ``(n, 1)`` first, as scikit-learn asks.

    Returns
    -------
    ndarray of shape (n, d)
        The standardised data: every non-constant column has mean 0 and population
        standard deviation 1.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or is empty.

    See Also
    --------
    sklearn.preprocessing.StandardScaler : the reference (``fit_transform``).

    Examples
    --------
    >>> standardize([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]])
    array([[-1.22474487,  0.        ],
           [ 0.        ,  0.        ],
           [ 1.22474487,  0.        ]])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (samples in rows), got shape {X.shape}; reshape a feature to (n, 1)")
    if X.size == 0:
        raise ValueError(f"empty input of shape {X.shape}")
    Z = X - X.mean(axis=0)
    # The population std from the centred data, which X.std would centre again; einsum sums
    # the squares column by column without an array of squares.
    std = np.sqrt(np.einsum("ij,ij->j", Z, Z) / len(Z))
    # Exactly constant columns: their std may come out as a tiny rounding error instead of 0.
    constant = np.ptp(X, axis=0) == 0
    std[constant] = 1.0
    Z /= std
    Z[:, constant] = 0.0
    return Z
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Which axis holds one feature's values: do you take the mean down the columns or along the "
    "rows? What do you divide by when a column never changes?",
    "Use X.mean(axis=0) and X.std(axis=0) (population std, ddof=0). A constant column "
    "(max == min) becomes 0, but its std can come out as a rounding error such as 6e-17 "
    "rather than 0: test np.ptp(X, axis=0) == 0, not std == 0.",
    "std = X.std(axis=0); constant = np.ptp(X, axis=0) == 0; Z = (X - X.mean(axis=0)) / "
    "np.where(constant, 1, std); Z[:, constant] = 0; return Z",
)
TALKING_POINTS = {
    "use": (
        "Put features on one scale (mean 0, std 1) before gradient descent, penalised models (ridge, lasso), "
        "SVMs, k-NN or PCA."
    ),
    "assumes": (
        "Mean and std summarise each feature well (no heavy outliers); both fitted on the training data only."
    ),
    "pitfalls": (
        "ddof: StandardScaler divides by the population std (ddof=0); pandas' .std() uses ddof=1.",
        "Leakage: fit the mean and std on the training split, then apply them to validation and test data.",
        "Constant columns: std = 0; map them to 0 (sklearn scales them by 1).",
    ),
    "cost": "O(n d) time, O(n d) memory for the output.",
    "follow_ups": (
        (
            "Does it change a linear regression's predictions?",
            (
                "Not without a penalty (OLS is invariant to rescaling features); with ridge or lasso it "
                "does, as the penalty depends on scale."
            ),
        ),
        (
            "Heavy outliers?",
            "Robust scaling: subtract the median, divide by the interquartile range (RobustScaler).",
        ),
        (
            "Sparse data?",
            "Centring destroys sparsity: scale without centring (with_mean=False) or use MaxAbsScaler.",
        ),
    ),
}
QUIZ = (
    {
        "question": "standardize([[1], [2], [3], [4]]): the first entry?",
        "answer": -1.3416,
        "tolerance": 0.0001,
        "check": "standardize([[1.0], [2.0], [3.0], [4.0]])[0, 0]",
        "why": "(1 - 2.5) / sqrt(1.25): the population std.",
    },
    {
        "question": "Which standard deviation does sklearn's StandardScaler use?",
        "choices": (
            "ddof=0: divide by n",
            "ddof=1: divide by n - 1",
            "the median absolute deviation",
            "the range",
        ),
        "answer": 0,
        "why": "Its docs: a biased estimator, equivalent to numpy.std(x, ddof=0).",
    },
)
### END META
