"""Leaky relu: relu with a small slope for negative inputs, so no unit is ever flat."""

import numpy as np


def leaky_relu(z, alpha=0.01):
    r"""Leaky rectified linear unit, applied elementwise.

    .. math::

        \mathrm{leaky\_relu}(z) = \begin{cases} z & z > 0 \\ \alpha z & z \le 0 \end{cases}

    Positive entries pass through unchanged; the others are multiplied by ``alpha``
    (``leaky_relu(0) = 0``). ``alpha = 0`` gives relu and ``alpha = 1`` the identity. Any
    finite ``alpha`` is allowed, also ``alpha > 1`` and negative ones: the definition by
    cases above holds for all of them (``max(z, alpha * z)`` equals it for ``alpha <= 1``
    only). The result has the shape of ``z`` (a number gives a number), is float even for
    integer ``z`` (``leaky_relu(-3, alpha=0.5)`` is ``-1.5``), and ``z`` is not modified.

    Parameters
    ----------
    z : array_like of any shape
        Pre-activations (real numbers).
    alpha : float, default=0.01
        The slope for ``z <= 0``; a finite real number.

    Returns
    -------
    numpy.ndarray or float
        ``z`` where ``z > 0``, ``alpha * z`` elsewhere, with the shape of ``z``.

    Raises
    ------
    ValueError
        If ``z`` is not an array of numbers: entries that are strings (numeric ones such as
        ``'2'`` too), ``None`` or other objects, or ragged nested lists (numeric dtypes
        only: integers, floats and booleans); or if ``alpha`` is not a finite real number
        (nan, inf, a string such as ``'0.5'``, an array).

    See Also
    --------
    numpy.where : the reference, ``np.where(z > 0, z, alpha * z)``.
    relu : the case ``alpha = 0``.

    Examples
    --------
    >>> leaky_relu([-2.0, 0.0, 3.5])
    array([-0.02,  0.  ,  3.5 ])
    >>> leaky_relu([[-4, 1], [2, -1]], alpha=0.5)
    array([[-2. ,  1. ],
           [ 2. , -0.5]])
    >>> leaky_relu([-1.0, 2.0], alpha=3.0)
    array([-3.,  2.])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
