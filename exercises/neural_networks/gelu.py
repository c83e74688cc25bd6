"""GELU, the Gaussian error linear unit of BERT and most transformers, in its exact form."""

import numpy as np
from scipy.stats import norm


def gelu(z):
    r"""Gaussian error linear unit (exact form), applied elementwise.

    .. math::

        \mathrm{gelu}(z) = z\,\Phi(z) = \frac{z}{2}\left(1 + \mathrm{erf}(z / \sqrt 2)\right)

    where :math:`\Phi` is the standard normal cumulative distribution function. Each input
    is weighted by the probability that a standard normal variable lies below it: large
    positive inputs pass almost unchanged, large negative ones go to 0 (from below), and
    ``gelu(0) = 0``. This is the exact GELU, not the tanh approximation
    ``0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z**3)))``, which is off by up to 5e-4.

    numpy has no ``erf``: use ``scipy.stats.norm.cdf`` for :math:`\Phi` (the one scipy
    name this exercise allows), or ``math.erf`` entry by entry. The result has the shape of
    ``z`` (a number gives a number), and ``z`` is not modified.

    Parameters
    ----------
    z : array_like of any shape
        Pre-activations (finite real numbers).

    Returns
    -------
    numpy.ndarray or float
        ``z * Phi(z)`` entry by entry, with the shape of ``z``.

    Raises
    ------
    ValueError
        If ``z`` is not an array of numbers: entries that are strings (numeric ones such as
        ``'2'`` too), ``None`` or other objects, or ragged nested lists (numeric dtypes
        only: integers, floats and booleans).

    See Also
    --------
    scipy.special.erf : the reference, ``0.5 * z * (1 + erf(z / sqrt(2)))``.
    scipy.stats.norm : ``norm.cdf`` is :math:`\Phi`.

    Examples
    --------
    >>> gelu([-1.0, 0.0, 1.0, 2.0]).round(4)
    array([-0.1587,  0.    ,  0.8413,  1.9545])
    >>> round(gelu(3.0), 6)  # 3 * Phi(3) = 3 * 0.99865
    2.99595
    """
    # YOUR CODE HERE
    raise NotImplementedError()
