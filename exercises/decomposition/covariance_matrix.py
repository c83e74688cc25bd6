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
    # YOUR CODE HERE
    raise NotImplementedError()
