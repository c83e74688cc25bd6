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
    ### BEGIN SOLUTION
    try:
        z = np.asarray(z)
    except (TypeError, ValueError) as error:  # ragged nested lists
        raise ValueError(f"z must be an array of real numbers: {error}") from None
    if z.dtype.kind not in "biuf":  # strings ('2' too), None, objects: not numbers
        raise ValueError(f"z must hold real numbers, not entries of dtype {z.dtype}")
    z = z.astype(np.float64)
    given = np.asarray(alpha) if not isinstance(alpha, str | bytes) else None
    if given is None or given.ndim != 0 or given.dtype.kind not in "biuf" or not np.isfinite(given):
        raise ValueError(f"alpha must be a finite real number, got {alpha!r}")
    alpha = float(given)
    out = z * alpha
    # z > 0: z beats alpha * z when alpha < 1, loses to it when alpha > 1 (and the reverse
    # for z < 0): so leaky relu is the larger of the two for alpha <= 1, the smaller above.
    combine = np.maximum if alpha <= 1.0 else np.minimum
    out = combine(z, out, out=out) if out.ndim else combine(z, out)
    return out
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Which entries change? What is leaky_relu(-2.0) with alpha=0.01, and leaky_relu(-2) with "
    "alpha=0.5 (an integer input still gives a float)?",
    "np.where(z > 0, z, alpha * z), on z = np.asarray(z, dtype=float). Careful with the shortcut "
    "np.maximum(z, alpha * z): what does it give for z = 2 when alpha = 3?",
    "z = np.asarray(z, dtype=float); check that alpha is a finite number; "
    "return np.where(z > 0, z, alpha * z)",
)
### END META
