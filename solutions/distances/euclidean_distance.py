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
    ### BEGIN SOLUTION
    u = np.asarray(u, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    if u.ndim != 1 or v.ndim != 1:
        raise ValueError(f"expected 1-D vectors, got shapes {u.shape} and {v.shape}")
    if u.shape != v.shape:
        raise ValueError(f"length mismatch: u has {u.size} entries, v has {v.size}")
    if u.size == 0:
        raise ValueError("empty vectors: there are no points to measure between")
    return float(np.sqrt(np.sum((u - v) ** 2)))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "In 2-D the distance from (0, 0) to (3, 4) is 5 by Pythagoras. What is the same computation "
    "for d coordinates?",
    "Square the coordinate differences, add them up, then take the square root, and check the "
    "vectors have the same length: numpy would silently broadcast a length-1 vector.",
    "np.sqrt(np.sum((u - v) ** 2)) after the ValueError checks.",
)
TALKING_POINTS = {
    "use": (
        "The default distance between points in a space where every axis has the same units: k-NN, "
        "k-means, RBF kernels."
    ),
    "assumes": (
        "Features are on comparable scales (standardise first) and straight-line distance is meaningful."
    ),
    "pitfalls": (
        (
            "Scale: one feature in metres and another in millimetres lets the second dominate; "
            "standardise the features."
        ),
        (
            "Overflow: squaring differences near 1e155 gives inf; divide by the largest |difference| "
            "first, as np.hypot does for two values."
        ),
        (
            "High dimensions: distances concentrate, so the nearest and farthest points end up almost "
            "equally far."
        ),
    ),
    "cost": "O(d) time, O(d) temporary memory for the difference.",
    "follow_ups": (
        (
            "Euclidean or squared Euclidean?",
            (
                "The square keeps the order of distances and skips the sqrt (k-means minimises it) but is "
                "not a metric."
            ),
        ),
        (
            "When is Manhattan better?",
            (
                "With many features or outlying coordinates: it weighs every difference linearly, so one "
                "large difference dominates it less than a sum of squares."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "euclidean_distance([1, 1], [4, 5])?",
        "answer": 5.0,
        "tolerance": 1e-09,
        "check": "euclidean_distance([1.0, 1.0], [4.0, 5.0])",
        "why": "sqrt(3^2 + 4^2).",
    },
    {
        "question": "Why standardise features before a Euclidean k-NN?",
        "choices": (
            "It makes the distance a metric",
            "Otherwise the feature with the largest range dominates",
            "It removes outliers",
            "It speeds up the sqrt",
        ),
        "answer": 1,
        "why": "Every axis adds its squared difference in its own units.",
    },
)
### END META
