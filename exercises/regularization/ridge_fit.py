"""Ridge regression: least squares with an L2 penalty on the weights (not on the intercept)."""

import numpy as np


def ridge_fit(X, y, alpha=1.0):
    r"""Fit ridge regression in closed form.

    Minimises, over the weights ``w`` and the intercept ``b``,

    .. math:: \lVert y - Xw - b \rVert_2^2 + \alpha \lVert w \rVert_2^2

    (the sum of squared residuals, no ``1/n``; scikit-learn's convention). The intercept is
    not penalised, so it drops out after centring: with ``Xc = X - mean(X)`` and
    ``yc = y - mean(y)``,

    .. math::

        w = (X_c^\top X_c + \alpha I)^{-1} X_c^\top y_c, \qquad
        b = \bar y - \bar x^\top w

    Parameters
    ----------
    X : array_like of shape (n, d)
        Features.
    y : array_like of shape (n,)
        Targets.
    alpha : float, default=1.0
        The penalty strength, ``>= 0`` (``0`` is ordinary least squares).

    Returns
    -------
    w : numpy.ndarray of shape (d,)
        The weights.
    b : float
        The intercept.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``y`` is not 1-D, their lengths differ, the input is empty or
        not finite, ``alpha < 0``, or ``alpha = 0`` with linearly dependent (centred)
        columns, where the solution is not unique.

    See Also
    --------
    sklearn.linear_model.Ridge : the reference.

    Examples
    --------
    >>> w, b = ridge_fit([[0.0], [1.0], [2.0], [3.0]], [1.0, 3.0, 5.0, 7.0], alpha=1.0)
    >>> w.round(6), round(b, 6)
    (array([1.666667]), 1.5)
    """
    # YOUR CODE HERE
    raise NotImplementedError()
