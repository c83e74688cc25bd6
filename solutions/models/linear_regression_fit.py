"""Ordinary least squares with an intercept."""

import numpy as np


def linear_regression_fit(X, y):
    r"""Fit ``y ≈ X @ w + b`` by least squares, with an unpenalised intercept.

    .. math:: (w, b) = \arg\min_{w, b} \sum_{i=1}^{n} (y_i - x_i \cdot w - b)^2

    Setting the derivative in ``b`` to zero gives :math:`b = \bar y - \bar x \cdot w`, so
    the intercept drops out once the data are centred: ``w`` is the least-squares solution
    of :math:`(X - \bar x)\, w \approx y - \bar y` (the normal equations
    :math:`X_c^\top X_c\, w = X_c^\top y_c`), and then :math:`b = \bar y - \bar x \cdot w`.
    Solving with ``np.linalg.lstsq`` rather than inverting :math:`X_c^\top X_c` is more
    accurate, and for collinear columns it returns the minimum-norm ``w``, as scikit-learn does.

    Parameters
    ----------
    X : array_like of shape (n, d)
        The features, one row per sample (2-D even when ``d = 1``).
    y : array_like of shape (n,)
        The targets.

    Returns
    -------
    w : numpy.ndarray of shape (d,)
        The coefficients.
    b : float
        The intercept.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or ``y`` not 1-D, if they differ in length, or if either is empty.

    See Also
    --------
    sklearn.linear_model.LinearRegression : the reference (``coef_`` and ``intercept_``).

    Examples
    --------
    >>> w, b = linear_regression_fit([[0.0], [1.0], [2.0], [3.0]], [1.0, 3.0, 5.0, 7.0])
    >>> print(np.round(w, 10), round(b, 10))
    [2.] 1.0
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}; use X.reshape(-1, 1) for one feature")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D (n,), got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"length mismatch: X has {X.shape[0]} rows, y has {y.shape[0]} values")
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"empty input: X has shape {X.shape}")
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    w = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
    b = y_mean - x_mean @ w
    return w, float(b)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "If you knew w, which b would minimise the squared error? Set the derivative in b to zero.",
    "b = mean(y) - mean(X, axis=0) @ w, so centre X and y (subtract the column means) and "
    "solve the least-squares problem for w alone. (Appending a column of ones to X and reading "
    "b off the last coefficient gives the same answer unless a column of X is constant: then "
    "that column and the ones share the intercept, and only centring gives its w = 0.)",
    "w = np.linalg.lstsq(X - X.mean(0), y - y.mean(), rcond=None)[0]; b = y.mean() - X.mean(0) @ w.",
)
### END META
