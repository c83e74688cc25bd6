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
    # YOUR CODE HERE
    raise NotImplementedError()
