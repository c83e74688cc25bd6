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
    # YOUR CODE HERE
    raise NotImplementedError()
