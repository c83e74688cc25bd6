"""Inverted dropout: drop units by a given mask and rescale the kept ones."""

import numpy as np


def dropout(X, p, mask):
    r"""Inverted dropout (training mode) with a given keep-mask.

    .. math:: \mathrm{out} = \frac{X \odot m}{1 - p}

    Each unit is dropped with probability ``p``; ``mask`` says which were kept (``True``)
    in this draw, so the result is exact: dropped units become 0 and kept ones are divided
    by the keep probability :math:`1 - p`, so that every unit's expected value is
    unchanged and nothing needs rescaling at test time. With ``p = 0`` nothing is dropped
    (the mask drawn is all ``True``) and the result equals ``X``, as a new float array (not
    ``X`` itself, nor the list it was given as). The formula is applied as given for any
    mask. The mask must have the shape of ``X`` exactly: it is not broadcast. The result is
    float (integer ``X`` is not truncated), a number for a number, and the inputs are not
    modified.

    Parameters
    ----------
    X : array_like of any shape
        Activations (finite real numbers).
    p : float
        The probability of dropping a unit, in ``[0, 1)``: a number, not a string.
    mask : array_like of bool, the shape of X
        ``True`` where the unit is kept. An array of 0s and 1s is read the same way.

    Returns
    -------
    numpy.ndarray or float
        ``X * mask / (1 - p)``, with the shape of ``X``.

    Raises
    ------
    ValueError
        If ``p`` is not a number in ``[0, 1)`` (``p = 1`` would divide by 0; nan and
        strings such as ``'0.5'`` are refused); if ``mask`` does not have the shape of
        ``X``; if ``mask`` holds anything but True/False (or 1/0); or if ``X`` is not numeric.

    See Also
    --------
    numpy.multiply : the reference, ``X * mask / (1 - p)``.

    Examples
    --------
    >>> dropout([1.0, 2.0, 3.0, 4.0], 0.5, [True, False, True, True])
    array([2., 0., 6., 8.])
    >>> dropout([[1, -2], [3, 4]], 0.2, [[1, 1], [0, 1]])
    array([[ 1.25, -2.5 ],
           [ 0.  ,  5.  ]])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
