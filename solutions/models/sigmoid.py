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
    ### BEGIN SOLUTION
    z = np.asarray(z)
    if z.dtype.kind not in "biuf":
        raise ValueError(f"z must be numeric, got an array of dtype {z.dtype}")
    if z.size == 0:  # an elementwise map: an empty input gives an empty result, as expit does
        return np.zeros(z.shape)
    z = z.astype(np.float64, copy=False)
    # exp(min(z, 0)) is e = exp(-|z|) where z < 0 and 1 where z >= 0: the numerator of both
    # forms, so this is e / (1 + e) or 1 / (1 + e) with no choice per element. (np.where would
    # compute both forms in full, and its unpredictable choice costs more than a second exp.)
    out = np.exp(np.minimum(z, 0.0))
    out /= 1.0 + np.exp(-np.abs(z))
    return float(out) if out.ndim == 0 else out
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "What does np.exp(-z) give for z = -1e4? And np.exp(z) for z = 1e4? Which of the two "
    "forms 1 / (1 + exp(-z)) and exp(z) / (1 + exp(z)) is safe for negative z?",
    "Compute e = np.exp(-np.abs(z)), which is never above 1, and build both forms from it. "
    "np.where evaluates both of its branches, so neither branch may call exp on a large number.",
    "e = np.exp(-np.abs(z)); np.where(z >= 0, 1 / (1 + e), e / (1 + e)), and float(...) for a scalar.",
)
### END META
