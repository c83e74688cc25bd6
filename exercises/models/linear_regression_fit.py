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
    # YOUR CODE HERE
    raise NotImplementedError()
