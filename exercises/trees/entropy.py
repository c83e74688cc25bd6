"""Entropy of a set of class labels: the information needed to name a label, on average."""

import math

import numpy as np


def entropy(y, base=2):
    r"""Shannon entropy of the class frequencies of the labels ``y``.

    With ``p_k`` the fraction of the ``n`` labels that are class ``k`` (only classes that
    occur, so every ``p_k > 0``):

    .. math::

        H_b = -\sum_k p_k \log_b p_k = -\frac{1}{\ln b} \sum_k p_k \ln p_k

    In bits for ``base=2`` (the decision-tree convention), in nats for ``base=math.e``.
    It is 0 for a pure set and ``log_b K`` for ``K`` equally frequent classes.

    Parameters
    ----------
    y : array_like of shape (n,)
        Class labels: integers, strings, booleans (any values ``numpy.unique`` can sort).
    base : float, default=2
        The base of the logarithm: a positive number other than 1.

    Returns
    -------
    float
        The entropy, ``>= 0`` for ``base > 1``.

    Raises
    ------
    ValueError
        If ``y`` is not 1-D or is empty, or if ``base`` is not a positive number other
        than 1.

    See Also
    --------
    scipy.stats.entropy : the reference, ``entropy(counts, base=base)`` of the class counts.

    Examples
    --------
    One label in four is "x", three are "y": ``-(1/4 log2 1/4 + 3/4 log2 3/4)`` bits.

    >>> round(entropy(["x", "y", "y", "y"]), 6)
    0.811278
    >>> round(entropy([0, 1, 2, 3], base=4), 12), entropy([5, 5])
    (1.0, 0.0)
    """
    # YOUR CODE HERE
    raise NotImplementedError()
