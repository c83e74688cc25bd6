"""Multi-class cross-entropy from predicted probabilities."""

import numpy as np


def cross_entropy(y_true, probs, eps=1e-15):
    r"""Mean negative log-probability that ``probs`` gives each sample's true class.

    .. math:: \text{loss} = -\frac{1}{n}\sum_{i=1}^{n} \log p_{i, y_i}

    with every probability first clipped to ``[eps, 1 - eps]``.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Class labels in ``0 .. k-1``.
    probs : array_like of shape (n, k)
        Predicted class probabilities; each row sums to 1.
    eps : float, default=1e-15
        The clipping margin.

    Returns
    -------
    float
        The mean cross-entropy (natural log).

    Raises
    ------
    ValueError
        If ``y_true`` is not 1-D or ``probs`` not 2-D, if they disagree on ``n``, if the
        input is empty, if a label is not an integer in ``0 .. k-1``, or if a row is not
        a probability distribution (entries outside ``[0, 1]`` or a sum other than 1).

    See Also
    --------
    sklearn.metrics.log_loss : the reference, with ``labels=range(k)``.

    Examples
    --------
    >>> round(cross_entropy([0, 2], [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]), 6)
    0.289909
    """
    # YOUR CODE HERE
    raise NotImplementedError()
