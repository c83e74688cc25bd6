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
TALKING_POINTS = {
    "use": (
        "Distance on grids and for high-dimensional or sparse data, where summing absolute differences is "
        "more robust than squaring them."
    ),
    "assumes": (
        "Moving along each axis costs independently (no diagonals) and features are on comparable scales."
    ),
    "pitfalls": (
        "Scale: like the Euclidean distance, it needs standardised features.",
        "Names: scipy calls it 'cityblock'; scikit-learn accepts 'manhattan', 'cityblock' and 'l1'.",
        "Rotation: it changes when the axes are rotated, unlike the Euclidean distance.",
    ),
    "cost": "O(d) time, O(d) temporary memory.",
    "follow_ups": (
        (
            "How does it compare with the Euclidean distance?",
            "||x||_2 <= ||x||_1 <= sqrt(d) ||x||_2: never shorter, at most sqrt(d) times longer.",
        ),
        (
            "Which center minimises the sum of L1 distances to a set of points?",
            "The coordinate-wise median (the mean minimises the squared L2 sum).",
        ),
    ),
}
QUIZ = (
    {
        "question": "manhattan_distance([0, 0], [3, -4])?",
        "answer": 7.0,
        "tolerance": 1e-09,
        "check": "manhattan_distance([0.0, 0.0], [3.0, -4.0])",
        "why": "|3| + |-4|.",
    },
    {
        "question": "What is scipy.spatial.distance's name for the Manhattan distance?",
        "choices": ("'taxicab'", "'l1'", "'cityblock'", "'minkowski1'"),
        "answer": 2,
        "why": "scipy's cdist and pdist call it 'cityblock'.",
    },
)
### END META
