"""The lasso: least squares with an L1 penalty, fitted by cyclic coordinate descent."""

import numpy as np


def lasso_fit(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    r"""Fit the lasso by cyclic coordinate descent.

    Minimises, over the weights ``w`` and the (unpenalised) intercept ``b``,

    .. math:: \frac{1}{2n}\lVert y - Xw - b \rVert_2^2 + \alpha \lVert w \rVert_1

    scikit-learn's ``Lasso`` objective. The intercept drops out after centring ``X`` and
    ``y``. Then each sweep updates every coordinate ``j = 0 .. d-1`` in turn to its exact
    minimiser with the others held fixed:

    .. math::

        \rho_j = \frac{1}{n} x_j^\top (r + x_j w_j), \qquad
        w_j \leftarrow \frac{S_\alpha(\rho_j)}{\tfrac{1}{n}\lVert x_j \rVert^2}

    where ``r = yc - Xc w`` is the current residual, ``x_j`` the centred column and ``S``
    the soft threshold. Finally ``b = mean(y) - mean(X) . w``.

    Stopping rule: after a sweep in which no coefficient changed by ``tol`` or more
    (``max_j |w_j(new) - w_j(old)| < tol``), or after ``n_iter`` sweeps, whichever comes
    first. A constant column gets weight 0.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Features.
    y : array_like of shape (n,)
        Targets.
    alpha : float, default=1.0
        The penalty strength, ``>= 0``.
    n_iter : int, default=1000
        The most sweeps over the coordinates, ``>= 1``.
    tol : float, default=1e-8
        Stop when a sweep changes no coefficient by ``tol`` or more; ``>= 0``.

    Returns
    -------
    w : numpy.ndarray of shape (d,)
        The weights; those the penalty removes are exactly 0.
    b : float
        The intercept.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``y`` is not 1-D, their lengths differ, the input is empty or
        not finite, ``alpha < 0``, ``n_iter < 1`` or ``tol < 0``.

    See Also
    --------
    sklearn.linear_model.Lasso : the reference.
    soft_threshold : the update of one coordinate.

    Examples
    --------
    >>> X = [[1.0, 0.0], [2.0, 1.0], [3.0, 0.0], [4.0, 1.0]]
    >>> w, b = lasso_fit(X, [2.1, 3.9, 6.0, 8.1], alpha=0.2)
    >>> w.round(6), round(b, 6)
    (array([1.85, 0.  ]), 0.4)
    """
    # YOUR CODE HERE
    raise NotImplementedError()
