"""The sample covariance matrix of a data set: how every pair of features varies together."""

import numpy as np


def covariance_matrix(X):
    r"""Sample covariance matrix of the rows of ``X`` (features in columns).

    With ``\bar{x}_j`` the mean of column ``j`` over the ``n`` rows:

    .. math::

        C_{jk} = \frac{1}{n - 1} \sum_{i=1}^{n} (x_{ij} - \bar{x}_j)(x_{ik} - \bar{x}_k),
        \qquad C = \frac{1}{n-1} (X - \bar{x})^\top (X - \bar{x})

    The diagonal holds each feature's sample variance (``ddof=1``). Centre first, then
    multiply: the one-pass formula ``E[x x] - E[x] E[x]`` subtracts two huge, nearly equal
    numbers when the data sit far from 0 (features near 1e9) and keeps almost no digits.

    Parameters
    ----------
    X : array_like of shape (n, d)
        The data: one sample per row, one feature per column.

    Returns
    -------
    numpy.ndarray of shape (d, d)
        The symmetric covariance matrix, float64; ``(1, 1)`` for a single feature (where
        ``numpy.cov`` returns a 0-d array).

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, has no columns, or has fewer than 2 rows (the sample
        covariance divides by ``n - 1``).

    See Also
    --------
    numpy.cov : the reference, ``numpy.cov(X, rowvar=False)``.

    Examples
    --------
    The means are 3 and 5; the centred rows are (-2, -3), (0, 1), (2, 2).

    >>> covariance_matrix([[1.0, 2.0], [3.0, 6.0], [5.0, 7.0]])
    array([[4., 5.],
           [5., 7.]])
    >>> covariance_matrix([[1], [2], [6]])
    array([[7.]])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    n, d = X.shape
    if d == 0:
        raise ValueError(f"empty input: X has shape {X.shape}, no features")
    if n < 2:
        raise ValueError(f"X has {n} rows: the sample covariance (divided by n - 1) needs at least 2")
    mean = np.ones(n) @ X / n  # the column means (as one BLAS product: faster than X.mean(axis=0))
    centred = X - mean  # a new array: the caller's X is never changed
    covariance = centred.T @ centred  # numpy computes X^T X as a symmetric product (BLAS syrk)
    covariance /= n - 1
    return covariance
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Which axis holds the samples and which the features? The result is d x d, one entry per "
    "pair of features. And what do you divide by for a sample covariance?",
    "Subtract each column's mean first (X.mean(axis=0)), then multiply the centred matrix by "
    "itself: centred.T @ centred. Divide by n - 1, not n.",
    "Xc = X - X.mean(axis=0); return Xc.T @ Xc / (len(X) - 1), in float64, after the ValueError checks.",
)
TALKING_POINTS = {
    "use": (
        "How every pair of features varies together: the input of PCA, Mahalanobis distances, Gaussian "
        "models (LDA, QDA) and portfolio risk."
    ),
    "assumes": (
        "Rows are independent samples of the same d features; ddof=1 makes each entry unbiased; n well above "
        "d for a well-conditioned estimate."
    ),
    "pitfalls": (
        "Orientation: np.cov treats rows as variables unless rowvar=False.",
        "Cancellation: the one-pass E[x y] - E[x] E[y] loses digits for data far from 0; centre first.",
        (
            "Rank: with n <= d the matrix is singular (rank at most n - 1) and cannot be inverted; shrink it "
            "(sklearn's LedoitWolf) or add a ridge."
        ),
    ),
    "cost": "O(n d^2) time, O(n d + d^2) memory (the centred copy and the result).",
    "follow_ups": (
        (
            "Why divide by n - 1?",
            (
                "The mean is estimated from the same data: dividing by n underestimates the variance by (n - "
                "1) / n (Bessel's correction)."
            ),
        ),
        (
            "Covariance or correlation?",
            (
                "The correlation is the covariance of the standardised features, C_jk / (s_j s_k): "
                "unit-free, in [-1, 1]."
            ),
        ),
        (
            "Why is it positive semi-definite?",
            "v^T C v is the sample variance of the projections X v, never negative.",
        ),
    ),
}
QUIZ = (
    {
        "question": "covariance_matrix([[1, 2], [2, 4], [3, 9]])[0, 1]?",
        "answer": 3.5,
        "tolerance": 1e-12,
        "check": "covariance_matrix([[1.0, 2.0], [2.0, 4.0], [3.0, 9.0]])[0, 1]",
        "why": "Centred (-1, 0, 1) and (-3, -1, 4): (3 + 0 + 4) / (3 - 1).",
    },
    {
        "question": "np.cov(X) for X of shape (100, 3), samples in rows, returns:",
        "choices": (
            "a 3 x 3 matrix",
            "a 100 x 100 matrix",
            "a vector of 3 variances",
            "an error",
        ),
        "answer": 1,
        "why": "rowvar=True by default: each of the 100 rows is taken as a variable.",
    },
)
### END META
