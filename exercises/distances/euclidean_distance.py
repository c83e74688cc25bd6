"""Euclidean (L2) distance between two vectors."""

import numpy as np


def euclidean_distance(u, v):
    r"""Straight-line distance between two points.

    .. math:: d(u, v) = \lVert u - v \rVert_2 = \sqrt{\sum_{i=1}^{d} (u_i - v_i)^2}

    Parameters
    ----------
    u : array_like of shape (d,)
        The first point.
    v : array_like of shape (d,)
        The second point.

    Returns
    -------
    float
        The distance, ``>= 0``; 0 exactly when ``u == v``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length (a length-1 vector is not
        broadcast against a longer one).

    See Also
    --------
    scipy.spatial.distance.euclidean : the reference.

    Examples
    --------
    >>> euclidean_distance([0.0, 0.0], [3.0, 4.0])
    5.0
    """
    # YOUR CODE HERE
    raise NotImplementedError()
