"""The rectified linear unit, the default hidden activation of neural networks."""

import numpy as np


def relu(z):
    r"""Rectified linear unit, applied elementwise.

    .. math:: \mathrm{relu}(z) = \max(0,\ z)

    Negative entries become 0; zero and positive entries pass through unchanged. The
    result has the shape of ``z`` (a number gives a number), and ``z`` itself is not
    modified.

    Parameters
    ----------
    z : array_like of any shape
        Pre-activations (real numbers).

    Returns
    -------
    numpy.ndarray or float
        ``max(0, z)`` entry by entry, with the shape of ``z``.

    Raises
    ------
    ValueError
        If ``z`` cannot be read as an array of real numbers (strings, ragged nested
        lists).

    See Also
    --------
    numpy.maximum : the reference (``np.maximum(z, 0)``), elementwise unlike ``np.max``.
    sklearn.neural_network._base.inplace_relu : the same function, in place.

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.5])
    array([0. , 0. , 3.5])
    >>> relu([[1.0, -1.0], [-0.5, 2.0]])
    array([[1., 0.],
           [0., 2.]])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
