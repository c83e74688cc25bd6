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
    ### BEGIN SOLUTION
    u = np.asarray(u, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    if u.ndim != 1 or v.ndim != 1:
        raise ValueError(f"expected 1-D vectors, got shapes {u.shape} and {v.shape}")
    if u.shape != v.shape:
        raise ValueError(f"length mismatch: u has {u.size} entries, v has {v.size}")
    if u.size == 0:
        raise ValueError("empty vectors: the cosine of no angle is undefined")
    norm_u, norm_v = np.sqrt(np.dot(u, u)), np.sqrt(np.dot(v, v))  # np.linalg.norm's formula
    if norm_u == 0 or norm_v == 0:
        raise ValueError("the zero vector has no direction: its cosine similarity is undefined")
    cosine = float(np.dot(u, v) / (norm_u * norm_v))
    # Rounding can take it just past +-1 (u and v parallel); nan passes through, as in np.clip.
    if cosine > 1.0:
        return 1.0
    if cosine < -1.0:
        return -1.0
    return cosine
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What does the dot product u . v measure once both vectors have length 1? And what is the "
    "length of the zero vector?",
    "Divide the dot product by the product of the two Euclidean norms (np.linalg.norm), and raise "
    "ValueError when either norm is 0 instead of dividing by it.",
    "np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)), after checking shapes and norms.",
)
TALKING_POINTS = {
    "use": (
        "Comparing directions, not lengths: text embeddings, TF-IDF vectors, recommendations; the usual "
        "score of vector search."
    ),
    "assumes": "What matters is the angle; scaling a vector changes nothing, and neither vector is zero.",
    "pitfalls": (
        (
            "Zero vector: 0/0 with no direction; this exercise raises, scipy's cosine gives nan and "
            "scikit-learn's cosine_similarity gives 0. Pick one on purpose."
        ),
        "Rounding can give 1.0000000000000002: clip to [-1, 1] before an arccos.",
        "Not a metric: 1 - cos breaks the triangle inequality; the angle arccos(cos) keeps it.",
    ),
    "cost": "O(d) time, O(1) extra memory (two norms and a dot product).",
    "follow_ups": (
        (
            "How does it relate to the Euclidean distance?",
            "For unit vectors, ||u - v||^2 = 2 - 2 cos(u, v): ranking by one ranks by the other.",
        ),
        (
            "Why normalise embeddings once up front?",
            "Then cosine is a plain dot product, and a whole index is one matrix product.",
        ),
    ),
}
QUIZ = (
    {
        "question": "cosine_similarity([1, 0], [1, 1])?",
        "answer": 0.7071,
        "tolerance": 0.001,
        "check": "cosine_similarity([1.0, 0.0], [1.0, 1.0])",
        "why": "1 / (1 * sqrt 2): the cosine of 45 degrees.",
    },
    {
        "question": "cosine_similarity(u, -3 * u) for a non-zero u?",
        "choices": ("-3", "-1", "0", "1"),
        "answer": 1,
        "why": "Opposite directions; the length does not matter.",
    },
)
### END META
