"""Intersection over union of two axis-aligned boxes."""

import numpy as np


def box_iou(box_a, box_b):
    r"""Area of the overlap of two boxes divided by the area of their union.

    .. math::

        \text{IoU}(A, B) = \frac{|A \cap B|}{|A| + |B| - |A \cap B|}

    The boxes are axis-aligned ``(x1, y1, x2, y2)`` with ``x1 <= x2`` and ``y1 <= y2``;
    the overlap is the box ``(max x1, max y1, min x2, min y2)`` when that is not empty. Boxes
    that are disjoint, or only touch along an edge or at a corner, have IoU 0. If both boxes
    have zero area (so the union has none), the IoU is taken as 0.0.

    Parameters
    ----------
    box_a : array_like of shape (4,)
        The first box, ``(x1, y1, x2, y2)``.
    box_b : array_like of shape (4,)
        The second box.

    Returns
    -------
    float
        The IoU, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If a box does not have exactly 4 coordinates, a coordinate is not finite, or
        ``x2 < x1`` or ``y2 < y1``.

    See Also
    --------
    shapely.geometry.box : the reference, as
        ``box(*a).intersection(box(*b)).area / box(*a).union(box(*b)).area``.

    Examples
    --------
    >>> box_iou([0, 0, 2, 2], [1, 1, 3, 3])
    0.14285714285714285
    >>> box_iou([0, 0, 1, 1], [1, 0, 2, 1])
    0.0
    """
    # YOUR CODE HERE
    raise NotImplementedError()
