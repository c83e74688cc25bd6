"""The soft-thresholding operator, the proximal step of the lasso."""

import numpy as np


def soft_threshold(x, lam):
    r"""Shrink every entry of ``x`` towards 0 by ``lam``, stopping at 0.

    .. math:: S_\lambda(x) = \operatorname{sign}(x)\,\max(|x| - \lambda,\ 0)

    elementwise. It is the proximal operator of ``lam * |.|``: the minimiser over ``z`` of
    ``(z - x)^2 / 2 + lam * |z|``. Entries with ``|x| <= lam`` become exactly 0; the others
    move ``lam`` closer to 0 without crossing it. Coordinate descent for the lasso applies
    it once per coordinate update.

    Parameters
    ----------
    x : array_like
        Values, of any shape (a scalar too). An empty array gives an empty array.
    lam : float
        The threshold, ``>= 0``.

    Returns
    -------
    numpy.ndarray or float
        ``S_lam(x)``, with the shape of ``x`` (a float for a scalar ``x``).

    Raises
    ------
    ValueError
        If ``lam`` is not a single finite number ``>= 0``, or ``x`` has non-finite entries.

    See Also
    --------
    l1_penalty : the penalty whose proximal step this is.

    Examples
    --------
    >>> soft_threshold([-3.0, -0.5, 0.0, 0.8, 2.5], 1.0)
    array([-2. , -0. ,  0. ,  0. ,  1.5])
    """
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    if np.ndim(lam) != 0 or not np.isfinite(lam) or lam < 0:
        raise ValueError(f"lam must be a single number >= 0, got {lam!r}")
    if not np.all(np.isfinite(x)):
        raise ValueError("x must be finite")
    shrunk = np.sign(x) * np.maximum(np.abs(x) - lam, 0.0)
    return float(shrunk) if shrunk.ndim == 0 else shrunk
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What should soft_threshold(-3.0, 1.0) be, and soft_threshold(0.4, 1.0)? Does an entry ever change sign?",
    "Shrink the magnitude, |x| - lam, clip it at 0 with np.maximum, then put the sign of x "
    "back. A negative lam is a ValueError.",
    "np.sign(x) * np.maximum(np.abs(x) - lam, 0.0).",
)
### END META
