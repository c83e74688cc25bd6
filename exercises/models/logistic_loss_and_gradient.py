"""The L2-regularised logistic regression objective and its gradient."""

import numpy as np


def logistic_loss_and_gradient(w, b, X, y, l2=0.0):
    r"""Mean log loss of a logistic model plus an L2 penalty on ``w``, with its gradient.

    With :math:`z_i = x_i \cdot w + b` and :math:`p_i = \sigma(z_i)`,

    .. math::

        L(w, b) = -\frac{1}{n}\sum_{i=1}^{n}\left[y_i \log p_i + (1 - y_i)\log(1 - p_i)\right]
                  + \frac{\lambda}{2}\lVert w\rVert^2

        \nabla_w L = \frac{1}{n} X^\top (p - y) + \lambda w, \qquad
        \frac{\partial L}{\partial b} = \frac{1}{n}\sum_{i=1}^{n} (p_i - y_i)

    where :math:`\lambda` is ``l2``. The intercept ``b`` is not penalised. Each term of the
    loss equals :math:`\log(1 + e^{z_i}) - y_i z_i`, which ``np.logaddexp(0, z)`` computes
    exactly even for ``|z|`` in the thousands, where ``log(sigmoid(z))`` would hit ``log(0)``.
    This is scikit-learn's ``LogisticRegression`` objective divided by ``C * n``, with
    ``C = 1 / (n * l2)``.

    Parameters
    ----------
    w : array_like of shape (d,)
        The coefficients.
    b : float
        The intercept.
    X : array_like of shape (n, d)
        The features.
    y : array_like of shape (n,)
        Labels, each 0 or 1.
    l2 : float, default=0.0
        The penalty strength :math:`\lambda \ge 0`.

    Returns
    -------
    loss : float
        :math:`L(w, b)`.
    grad_w : numpy.ndarray of shape (d,)
        :math:`\nabla_w L`.
    grad_b : float
        :math:`\partial L / \partial b`.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``w`` and ``y`` not 1-D, ``b`` not a single number, if the
        lengths do not match (``len(w)`` columns, ``len(y)`` rows), if the input is empty,
        if a label is not 0 or 1, or if ``l2`` is negative.

    See Also
    --------
    sklearn.metrics.log_loss : the reference for the loss (the grader also checks the
        gradient against central finite differences of it).

    Examples
    --------
    >>> X = [[1.0, 2.0], [0.0, 1.0], [2.0, 0.0]]
    >>> loss, grad_w, grad_b = logistic_loss_and_gradient([1.0, -1.0], 0.5, X, [1, 0, 1], l2=0.1)
    >>> print(round(loss, 6), np.round(grad_w, 6), round(grad_b, 6))
    0.609015 [-0.158059 -0.389126] -0.106926
    """
    # YOUR CODE HERE
    raise NotImplementedError()
