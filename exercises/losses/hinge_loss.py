"""Hinge loss, the loss of the linear SVM."""

import numpy as np


def hinge_loss(y_true, decision):
    r"""Mean hinge loss of decision values against labels in {-1, +1}.

    .. math:: \text{loss} = \frac{1}{n}\sum_{i=1}^{n} \max(0,\ 1 - y_i d_i)

    A sample classified correctly with margin at least 1 (``y * d >= 1``) costs nothing;
    inside the margin or on the wrong side, the cost grows linearly.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Labels, each -1 or +1.
    decision : array_like of shape (n,)
        Decision values ``w . x + b``.

    Returns
    -------
    float
        The mean hinge loss.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, or if a label is not
        -1 or +1 (labels in {0, 1} must be mapped first).

    See Also
    --------
    sklearn.metrics.hinge_loss : the reference.

    Examples
    --------
    >>> hinge_loss([1, -1, 1], [2.0, -0.5, -1.0])
    0.8333333333333334
    """
    # YOUR CODE HERE
    raise NotImplementedError()
