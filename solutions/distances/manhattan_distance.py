"""Manhattan (L1, city-block) distance between two vectors."""

import numpy as np


def manhattan_distance(u, v):
    r"""Distance between two points when you may only move along the axes.

    .. math:: d(u, v) = \lVert u - v \rVert_1 = \sum_{i=1}^{d} \lvert u_i - v_i \rvert

    Parameters
    ----------
    u : array_like of shape (d,)
        The first point.
    v : array_like of shape (d,)
        The second point.

    Returns
    -------
    float
        The distance, ``>= 0``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length (a length-1 vector is not
        broadcast against a longer one).

    See Also
    --------
    scipy.spatial.distance.cityblock : the reference.

    Examples
    --------
    >>> manhattan_distance([1.0, -2.0, 0.5], [4.0, 2.0, 0.5])
    7.0
    """
    ### BEGIN SOLUTION
    u = np.asarray(u, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    if u.ndim != 1 or v.ndim != 1:
        raise ValueError(f"expected 1-D vectors, got shapes {u.shape} and {v.shape}")
    if u.shape != v.shape:
        raise ValueError(f"length mismatch: u has {u.size} entries, v has {v.size}")
    if u.size == 0:
        raise ValueError("empty vectors: there are no points to measure between")
    difference = u - v
    np.abs(difference, out=difference)  # in place: one temporary array instead of two
    return float(difference.sum())
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Walking on a grid of streets from (1, -2) to (4, 2), how many blocks do you cover east-west, "
    "and how many north-south?",
    "Take the absolute value of each coordinate difference before summing: differences of "
    "opposite signs must not cancel.",
    "np.sum(np.abs(u - v)) after the ValueError checks.",
)
### END META
