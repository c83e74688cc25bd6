"""All pairwise distances between the rows of two matrices, vectorised."""

import numpy as np


def pairwise_distances(X, Y, metric="euclidean"):
    r"""Distance from every row of ``X`` to every row of ``Y``, without a Python loop over rows.

    .. math::

        D_{ij} = d(x_i, y_j), \qquad
        \lVert x - y \rVert_2^2 = \lVert x \rVert_2^2 - 2\, x \cdot y + \lVert y \rVert_2^2

    The metrics:

    - ``"euclidean"``: :math:`\sqrt{\sum_k (x_k - y_k)^2}`. The expansion above turns all
      ``n * m`` cross terms into one matrix product ``X @ Y.T``. Rounding can make the squared
      distance of two (nearly) equal rows come out as a tiny negative number, so it is clipped
      at 0 before the square root.
    - ``"manhattan"``: :math:`\sum_k \lvert x_k - y_k \rvert` (scipy calls it ``"cityblock"``).
    - ``"cosine"``: the cosine *distance* :math:`1 - \frac{x \cdot y}{\lVert x \rVert_2
      \lVert y \rVert_2}`, in ``[0, 2]``.

    Graded for speed too (euclidean metric): it must stay within a small factor of
    ``scipy.spatial.distance.cdist``, which a Python loop over the rows of ``X`` or ``Y``
    does not.

    Parameters
    ----------
    X : array_like of shape (n, d)
        ``n`` points, one per row.
    Y : array_like of shape (m, d)
        ``m`` points with the same ``d`` features.
    metric : {"euclidean", "manhattan", "cosine"}, default="euclidean"
        The distance to use.

    Returns
    -------
    ndarray of shape (n, m)
        ``D[i, j]`` is the distance from ``X[i]`` to ``Y[j]``.

    Raises
    ------
    ValueError
        If ``X`` or ``Y`` is not 2-D or is empty, if they have different numbers of columns
        (features), if the metric is unknown, or, for the cosine metric, if a row is the zero
        vector (it has no direction).

    See Also
    --------
    scipy.spatial.distance.cdist : the reference (``metric="cityblock"`` for manhattan).

    Examples
    --------
    >>> X = [[0.0, 0.0], [1.0, 1.0]]
    >>> Y = [[3.0, 4.0], [1.0, 1.0], [0.0, 2.0]]
    >>> pairwise_distances(X, Y).round(6)
    array([[5.      , 1.414214, 2.      ],
           [3.605551, 0.      , 1.414214]])
    >>> pairwise_distances(X, Y, metric="manhattan")
    array([[7., 2., 2.],
           [5., 0., 2.]])
    """
    ### BEGIN SOLUTION
    metrics = ("euclidean", "manhattan", "cosine")
    if metric not in metrics:
        raise ValueError(f"unknown metric {metric!r}: use one of {', '.join(metrics)}")
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    if X.ndim != 2 or Y.ndim != 2:
        raise ValueError(f"X and Y must be 2-D (points in rows), got shapes {X.shape} and {Y.shape}")
    if X.shape[1] != Y.shape[1]:
        raise ValueError(f"feature mismatch: X has {X.shape[1]} columns, Y has {Y.shape[1]}")
    if X.size == 0 or Y.size == 0:
        raise ValueError(f"empty input: X has shape {X.shape}, Y has shape {Y.shape}")

    if metric == "euclidean":
        # Distances do not change under a shift; centring first keeps the norms small, so the
        # cancellation in |x|^2 - 2 x.y + |y|^2 loses fewer digits.
        shift = X.mean(axis=0)
        X, Y = X - shift, Y - shift
        squared = np.einsum("ij,ij->i", X, X)[:, None] - 2.0 * (X @ Y.T)
        squared += np.einsum("ij,ij->i", Y, Y)[None, :]
        np.maximum(squared, 0.0, out=squared)
        return np.sqrt(squared, out=squared)
    if metric == "manhattan":
        # All n * m * d differences at once would take 2 GB for 2000 x 2000 x 64, and one pass
        # per feature over the whole (n, m) output reads and writes it d times. Instead take a
        # few rows of X at a time: their (rows, m, d) differences, about 2 MB, stay in the CPU
        # cache, and each block is still 2**18 values of numpy work, so the loop's own overhead
        # is negligible.
        n, m, d = X.shape[0], Y.shape[0], X.shape[1]
        rows = max(1, 2**18 // (m * d))
        ones = np.ones(d)
        distances = np.empty((n, m))
        for start in range(0, n, rows):
            block = X[start : start + rows, None, :] - Y[None, :, :]
            np.abs(block, out=block)
            # Summing over the features as a product with a vector of ones: BLAS is faster than
            # .sum(axis=2) over rows this short.
            np.matmul(block, ones, out=distances[start : start + rows])
        return distances
    norms_x = np.linalg.norm(X, axis=1)
    norms_y = np.linalg.norm(Y, axis=1)
    if np.any(norms_x == 0) or np.any(norms_y == 0):
        raise ValueError("the cosine distance is undefined for a zero row (it has no direction)")
    similarity = (X / norms_x[:, None]) @ (Y / norms_y[:, None]).T
    return np.clip(1.0 - similarity, 0.0, 2.0)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Expand |x - y|^2 = (x - y) . (x - y). Which of the three terms you get involve both x and y, "
    "and how do you get all n * m of those at once?",
    "The cross terms x_i . y_j are the entries of one matrix product, X @ Y.T; the squared norms "
    "are row sums that broadcast as a column (n, 1) and a row (1, m). Clip at 0 before np.sqrt: "
    "rounding can make a zero distance slightly negative.",
    "Centre both on c = X.mean(axis=0) (distances do not change, and the expansion no longer "
    "cancels for points far from 0): X, Y = X - c, Y - c; then np.sqrt(np.maximum((X**2).sum(1)"
    "[:, None] - 2 * X @ Y.T + (Y**2).sum(1)[None, :], 0)); for "
    "cosine, normalise the rows first and use 1 - Xn @ Yn.T; for manhattan, sum |X[:, k, None] - "
    "Y[None, :, k]| over the features k.",
)
TALKING_POINTS = {
    "use": (
        "All distances between two sets of points at once: the core of brute-force k-NN, kernels and "
        "clustering."
    ),
    "assumes": "Rows are points with the same features in X and Y; the matrix fits in memory.",
    "pitfalls": (
        (
            "Cancellation: ||x||^2 - 2 x.y + ||y||^2 loses precision for close points and can go slightly "
            "negative: clip at 0 before the sqrt (scikit-learn's docs warn of it)."
        ),
        (
            "Memory: broadcasting X[:, None] - Y[None] builds an n x m x d array; the expansion needs "
            "only n x m."
        ),
        "The diagonal of D(X, X) may come out as 1e-8, not 0, and D not exactly symmetric.",
    ),
    "cost": "O(n m d) time, one matrix product; O(n m) memory.",
    "follow_ups": (
        (
            "Why is the expansion fast?",
            "X @ Y.T runs in optimised BLAS; only the squared norms remain, O((n + m) d).",
        ),
        (
            "What if n x m does not fit in memory?",
            (
                "Compute it in blocks of rows (scikit-learn's pairwise_distances_chunked), or use a tree "
                "or an approximate index for nearest neighbours."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "pairwise_distances([[0, 0]], [[3, 4]], metric='manhattan')[0, 0]?",
        "answer": 7.0,
        "tolerance": 1e-09,
        "check": "pairwise_distances([[0.0, 0.0]], [[3.0, 4.0]], metric='manhattan')[0, 0]",
        "why": "3 + 4.",
    },
    {
        "question": "The Euclidean distance of a row to itself via the expansion can come out as?",
        "choices": ("Exactly 0, always", "A tiny positive number, or nan without clipping", "1", "inf"),
        "answer": 1,
        "why": "Rounding leaves a tiny residue, possibly negative, whose sqrt is nan.",
    },
)
### END META
