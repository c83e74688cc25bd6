"""The logistic sigmoid, computed without overflow."""

import numpy as np


def sigmoid(z):
    r"""The logistic function, elementwise, stable for inputs of any size.

    .. math:: \sigma(z) = \frac{1}{1 + e^{-z}} = \frac{e^{z}}{1 + e^{z}}

    The two forms are equal, but each overflows on one side: ``exp(-z)`` for very negative
    ``z`` and ``exp(z)`` for very positive ``z``. With :math:`e = e^{-|z|} \le 1`,
    :math:`\sigma(z) = 1 / (1 + e)` for :math:`z \ge 0` and :math:`e / (1 + e)` for
    :math:`z < 0`: no exponent is ever positive, so nothing overflows, every value lies
    in ``[0, 1]``, and tiny probabilities such as :math:`\sigma(-40) \approx 4.2 \cdot 10^{-18}`
    keep their relative precision.

    Parameters
    ----------
    z : float or array_like
        The input: a number, or an array of any shape.

    Returns
    -------
    float or numpy.ndarray
        A Python float for a scalar input, else a float64 array of the shape of ``z``
        (``scipy.special.expit`` returns an array for array input too). ``sigmoid(-1e4)``
        is exactly ``0.0`` and ``sigmoid(1e4)`` exactly ``1.0``, without a warning;
        ``inf`` maps to 1, ``-inf`` to 0 and ``nan`` to ``nan``.

    Raises
    ------
    ValueError
        If ``z`` is not numeric. (An empty input is no error: it gives an empty float
        array of its shape, as every elementwise map in numpy and SciPy does.)

    See Also
    --------
    scipy.special.expit : the reference.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid([-1e4, 0.0, 2.0, 1e4])
    array([0.        , 0.5       , 0.88079708, 1.        ])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
