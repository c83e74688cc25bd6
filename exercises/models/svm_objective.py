"""The primal objective of the soft-margin linear SVM."""

import numpy as np


def svm_objective(w, b, X, y, C=1.0):
    r"""The soft-margin SVM objective of a linear classifier ``sign(X @ w + b)``.

    .. math::

        f(w, b) = \frac{1}{2}\lVert w\rVert^2
                  + C \sum_{i=1}^{n} \max\left(0,\ 1 - y_i (x_i \cdot w + b)\right)

    The first term widens the margin; the second charges every sample inside the margin or
    on the wrong side. It is a *sum* over the samples (not a mean), the convention of
    libsvm and scikit-learn's ``SVC``; the intercept ``b`` is not penalised.

    Parameters
    ----------
    w : array_like of shape (d,)
        The coefficients.
    b : float
        The intercept.
    X : array_like of shape (n, d)
        The features.
    y : array_like of shape (n,)
        Labels, each -1 or +1.
    C : float, default=1.0
        The weight of the hinge losses, ``> 0``.

    Returns
    -------
    float
        :math:`f(w, b)`.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``w`` and ``y`` not 1-D, ``b`` not a single number, if the
        lengths do not match, if the input is empty, if a label is not -1 or +1 (labels in
        {0, 1} must be mapped first), or if ``C <= 0``.

    See Also
    --------
    sklearn.metrics.hinge_loss : the reference: ``0.5 * w @ w + C * n * hinge_loss(y, X @ w + b)``.

    Examples
    --------
    >>> X = [[2.0, 0.0], [0.0, 1.0], [-1.0, -1.0]]
    >>> svm_objective([1.0, 0.5], -0.5, X, [1, -1, -1], C=2.0)
    2.625
    """
    # YOUR CODE HERE
    raise NotImplementedError()
