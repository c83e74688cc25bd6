"""Huber loss: squared for small errors, linear for large ones."""

import numpy as np


def huber_loss(y_true, y_pred, delta=1.0):
    r"""Mean Huber loss of the residuals ``r = y_true - y_pred``.

    .. math::

        L_\delta(r) = \begin{cases}
            \frac{1}{2} r^2 & |r| \le \delta \\
            \delta \left(|r| - \frac{1}{2}\delta\right) & |r| > \delta
        \end{cases}
        \qquad \text{loss} = \frac{1}{n}\sum_i L_\delta(r_i)

    The two pieces meet with the same value and slope at ``|r| = delta``, so the loss is
    smooth like the MSE near zero and robust like the MAE for outliers.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Targets.
    y_pred : array_like of shape (n,)
        Predictions.
    delta : float, default=1.0
        Where the loss turns from quadratic to linear; must be positive.

    Returns
    -------
    float
        The mean Huber loss.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty, differ in length, or ``delta <= 0``.

    See Also
    --------
    scipy.special.huber : the elementwise reference, ``huber(delta, r)``.

    Examples
    --------
    >>> huber_loss([0.0, 0.0], [0.5, 3.0])
    1.3125
    """
    # YOUR CODE HERE
    raise NotImplementedError()
