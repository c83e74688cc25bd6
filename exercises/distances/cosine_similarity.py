"""Cosine similarity of two vectors."""

import numpy as np


def cosine_similarity(u, v):
    r"""Cosine of the angle between two vectors.

    .. math:: \cos(u, v) = \frac{u \cdot v}{\lVert u \rVert_2 \, \lVert v \rVert_2}

    It lies in ``[-1, 1]``: 1 for vectors pointing the same way, 0 for orthogonal ones, -1
    for opposite ones. Length does not matter: ``cosine_similarity(u, 3 * u)`` is 1.

    Parameters
    ----------
    u : array_like of shape (d,)
        The first vector.
    v : array_like of shape (d,)
        The second vector.

    Returns
    -------
    float
        The cosine similarity, in ``[-1, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, or if either is the zero
        vector (it has no direction, so the angle is undefined).

    See Also
    --------
    scipy.spatial.distance.cosine : the reference; it returns the cosine *distance*,
        ``1 - cosine_similarity(u, v)``.

    Examples
    --------
    >>> cosine_similarity([3.0, 4.0], [4.0, 3.0])
    0.96
    >>> cosine_similarity([1.0, 2.0], [-2.0, 1.0])
    0.0
    """
    # YOUR CODE HERE
    raise NotImplementedError()
