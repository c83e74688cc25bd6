"""Multi-class cross-entropy computed straight from logits, stably."""

import numpy as np


def cross_entropy_from_logits(y_true, logits):
    r"""Mean cross-entropy of softmax(logits) against integer labels, via log-sum-exp.

    .. math::

        \log \mathrm{softmax}(z)_j = z_j - m - \log \sum_c e^{z_c - m},
        \quad m = \max_c z_c
        \qquad
        \text{loss} = -\frac{1}{n}\sum_i \log \mathrm{softmax}(z_i)_{y_i}

    Subtracting the row maximum ``m`` changes nothing mathematically but keeps every
    ``exp`` at most 1, so logits of size 1e4 give a finite answer.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Class labels in ``0 .. k-1``.
    logits : array_like of shape (n, k)
        Unnormalised class scores.

    Returns
    -------
    float
        The mean cross-entropy (natural log).

    Raises
    ------
    ValueError
        If ``y_true`` is not 1-D or ``logits`` not 2-D, if they disagree on ``n``, if the
        input is empty, or if a label is not an integer in ``0 .. k-1``.

    See Also
    --------
    scipy.special.log_softmax : the reference for the log-probabilities.

    Examples
    --------
    >>> round(cross_entropy_from_logits([0, 1], [[2.0, 0.0], [1000.0, 1001.0]]), 6)
    0.220095
    """
    # YOUR CODE HERE
    raise NotImplementedError()
