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
    ### BEGIN SOLUTION
    try:
        z = np.asarray(z, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"z must be an array of real numbers: {error}") from None
    return np.maximum(z, 0.0)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "relu keeps the shape of its input: z of shape (3, 4) gives (3, 4). Does np.max(z, 0) do "
    "that, or does it reduce along axis 0?",
    "Use the elementwise np.maximum, after turning z into a float array with "
    "np.asarray(z, dtype=float) (which also raises ValueError on strings).",
    "return np.maximum(np.asarray(z, dtype=float), 0.0)",
)
### END META
