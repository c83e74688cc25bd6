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
    ### BEGIN SOLUTION
    a = np.asarray(box_a, dtype=np.float64)
    b = np.asarray(box_b, dtype=np.float64)
    if a.shape != (4,) or b.shape != (4,):
        raise ValueError(f"a box is (x1, y1, x2, y2): got shapes {a.shape} and {b.shape}")
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise ValueError("box coordinates must be finite")
    for name, box in (("box_a", a), ("box_b", b)):
        if box[2] < box[0] or box[3] < box[1]:
            raise ValueError(f"{name} = {box.tolist()} has x2 < x1 or y2 < y1")
    width = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    overlap = width * height
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - overlap
    return float(overlap / union) if union > 0 else 0.0
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "The overlap of two axis-aligned boxes is itself a box: what are its corners? What is its "
    "width when the boxes are far apart?",
    "Overlap width = min(x2a, x2b) - max(x1a, x1b), clipped at 0 (the same for the height); "
    "the union is area_a + area_b - overlap, so the overlap is not counted twice.",
    "w = max(0, min(a[2], b[2]) - max(a[0], b[0])); h likewise with indices 3 and 1; "
    "return w * h / (area_a + area_b - w * h).",
)
TALKING_POINTS = {
    "use": (
        "Matching predicted to true boxes in object detection (a hit needs IoU above 0.5 in PASCAL VOC) "
        "and the overlap test of non-maximum suppression."
    ),
    "assumes": (
        "Axis-aligned boxes given as corners (x1, y1, x2, y2), continuous coordinates, each box with x1 "
        "<= x2 and y1 <= y2."
    ),
    "pitfalls": (
        (
            "Clamp width and height at 0 separately: two negative sides multiply to a positive area for "
            "disjoint boxes."
        ),
        (
            "Coordinates: (x, y, w, h) boxes, or the old +1 pixel convention of integer boxes, change the "
            "areas; convert first."
        ),
        "Zero-area boxes make the union 0: decide the value (0 here) instead of dividing.",
    ),
    "cost": "O(1) per pair; O(n m) for all pairs, vectorised with broadcasting.",
    "follow_ups": (
        (
            "How does non-maximum suppression use it?",
            ("Keep the highest-scoring box, drop the others whose IoU with it exceeds a threshold, repeat."),
        ),
        (
            "What is GIoU?",
            (
                "IoU minus the share of the smallest enclosing box not covered by the union: it still "
                "gives a gradient for disjoint boxes."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "box_iou([0, 0, 2, 2], [1, 0, 3, 2])?",
        "answer": 0.3333,
        "tolerance": 0.001,
        "check": "box_iou([0, 0, 2, 2], [1, 0, 3, 2])",
        "why": "Overlap 2, union 4 + 4 - 2 = 6.",
    },
    {
        "question": "Two boxes that only share an edge have IoU?",
        "choices": ("0", "0.5", "1", "undefined"),
        "answer": 0,
        "why": "Their overlap has zero area.",
    },
)
### END META
