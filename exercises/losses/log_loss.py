"""Binary log loss (binary cross-entropy)."""

import numpy as np


def log_loss(y_true, y_prob, eps=1e-15):
    r"""Mean negative log-likelihood of binary labels under predicted probabilities.

    .. math::

        \text{loss} = -\frac{1}{n}\sum_{i=1}^{n}
            \left[y_i \log p_i + (1 - y_i) \log(1 - p_i)\right]

    with each ``p_i`` first clipped to ``[eps, 1 - eps]``, so a confident wrong answer
    (``p = 0`` for a positive) costs ``-log(eps)`` instead of infinity.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Labels, each 0 or 1.
    y_prob : array_like of shape (n,)
        Predicted probabilities ``P(y = 1)``, each in ``[0, 1]``.
    eps : float, default=1e-15
        The clipping margin.

    Returns
    -------
    float
        The mean log loss (natural log).

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0 or
        1, or if a probability lies outside ``[0, 1]``.

    See Also
    --------
    sklearn.metrics.log_loss : the reference.

    Examples
    --------
    >>> round(log_loss([1, 0, 1], [0.9, 0.2, 0.6]), 6)
    0.279777
    """
    # YOUR CODE HERE
    raise NotImplementedError()
