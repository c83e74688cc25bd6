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
### END META
