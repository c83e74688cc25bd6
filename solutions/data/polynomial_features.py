"""Polynomial features: every product of the input features up to a degree."""

import numbers

import numpy as np


def polynomial_features(X, degree=2, include_bias=True):
    r"""All monomials of the columns of ``X`` of total degree ``0 .. degree``, in scikit-learn's order.

    For features :math:`x_0, \dots, x_{d-1}` the output columns are the products

    .. math::

        x_{i_1} x_{i_2} \cdots x_{i_q}, \qquad i_1 \le i_2 \le \dots \le i_q, \qquad
        q = 0, 1, \dots, \text{degree}

    ordered by degree ``q`` first (``q = 0`` is the column of ones, left out when
    ``include_bias`` is False) and, within a degree, by the index tuples in lexicographic
    order: ``itertools.combinations_with_replacement(range(d), q)``. For ``d = 2``,
    ``degree = 2`` that is ``1, x0, x1, x0^2, x0 x1, x1^2``. There are
    :math:`\binom{d + \text{degree}}{d}` columns with the bias. A linear model on these
    features fits a polynomial of the inputs.

    Each degree's block can be built from the previous one: the terms of degree ``q`` that
    start with :math:`x_j` are :math:`x_j` times the terms of degree ``q - 1`` whose indices
    are all ``>= j``, a trailing run of that block.

    Parameters
    ----------
    X : array_like of shape (n, d)
        The samples, one per row: numbers (ints, uint8, bool, floats). A single feature is
        ``X.reshape(-1, 1)``, not a 1-D array.
    degree : int, default=2
        The highest total degree, at least 1.
    include_bias : bool, default=True
        Whether the first column is the column of ones (degree 0).

    Returns
    -------
    numpy.ndarray of shape (n, n_output)
        float64 (uint8 and integer inputs are widened first, so no product wraps around).

    Raises
    ------
    ValueError
        If ``X`` is not 2-D (a 1-D array included), has no row or no column, or is not
        numeric; or if ``degree`` is not an integer ``>= 1`` (a bool is not).

    See Also
    --------
    sklearn.preprocessing.PolynomialFeatures : the reference.

    Examples
    --------
    >>> polynomial_features([[2.0, 3.0], [1.0, -1.0]])
    array([[ 1.,  2.,  3.,  4.,  6.,  9.],
           [ 1.,  1., -1.,  1., -1.,  1.]])
    >>> polynomial_features([[2], [3]], degree=3, include_bias=False)
    array([[ 2.,  4.,  8.],
           [ 3.,  9., 27.]])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X)
    if X.ndim != 2:
        raise ValueError(
            f"X must be 2-D (n samples, d features), got shape {X.shape}; one feature is X.reshape(-1, 1)"
        )
    if X.dtype.kind not in "biuf":
        raise ValueError(f"X must be numeric, got an array of dtype {X.dtype}")
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"X is empty: shape {X.shape}")
    if isinstance(degree, bool) or not isinstance(degree, numbers.Integral) or degree < 1:
        raise ValueError(f"degree must be an integer >= 1, got {degree!r}")
    X = np.asfortranarray(X, dtype=np.float64)  # columns contiguous: every product reads two of them
    n, d = X.shape
    total = 1  # the number of monomials of degree 0 .. degree in d variables: C(d + degree, d)
    for q in range(1, int(degree) + 1):
        total = total * (d + q) // q
    bias = 1 if include_bias else 0
    out = np.empty((n, total - 1 + bias), order="F")
    if bias:
        out[:, 0] = 1.0
    out[:, bias : bias + d] = X
    # starts[j]: the column where the previous degree's terms whose indices are all >= j begin
    starts = list(range(bias, bias + d + 1))
    column = bias + d
    for _ in range(2, int(degree) + 1):
        end, new_starts = starts[-1], []
        for j in range(d):
            new_starts.append(column)
            width = end - starts[j]
            np.multiply(out[:, starts[j] : end], X[:, j : j + 1], out=out[:, column : column + width])
            column += width
        starts = [*new_starts, column]
    return out
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "For two features and degree 2 the columns are 1, x0, x1, x0^2, x0*x1, x1^2. Which index "
    "tuples give them, and in what order?",
    "itertools.combinations_with_replacement(range(d), q) lists the index tuples of degree q in "
    "sklearn's order; loop q from 0 (or 1 without the bias) to degree, and multiply the columns "
    "of each tuple (np.prod(X[:, list(tuple)], axis=1)). Convert X to float first.",
    "columns = [np.prod(X[:, list(c)], axis=1) for q in range(start, degree + 1) for c in "
    "combinations_with_replacement(range(d), q)]; return np.column_stack(columns).",
)
TALKING_POINTS = {
    "use": (
        "Let a linear model fit curves and interactions: regress on x, x^2, x y, ... (polynomial regression, "
        "an explicit polynomial kernel)."
    ),
    "assumes": (
        "The target is a smooth, low-degree function of the inputs; features on comparable scales (powers "
        "magnify differences of scale)."
    ),
    "pitfalls": (
        "Feature explosion: C(d + degree, d) columns; d = 100 at degree 3 gives 176,851.",
        (
            "Ill-conditioning: x, x^2 and x^3 are correlated and span huge ranges; scale first and "
            "regularise (ridge)."
        ),
        "Integer inputs: uint8 products wrap around (200 * 200 = 64); widen to float first.",
    ),
    "cost": "O(n C(d + degree, d)) time and memory: one product per output entry.",
    "follow_ups": (
        (
            "Avoiding the columns altogether?",
            (
                "The polynomial kernel (x . x' + c)^degree gives the inner products of such features (each "
                "term weighted) without building them."
            ),
        ),
        (
            "interaction_only=True?",
            "Keeps products of distinct features (x0 x1), drops powers (x0^2).",
        ),
        (
            "Why does a high degree overfit?",
            "A degree n - 1 polynomial passes through n points exactly and oscillates between them.",
        ),
    ),
}
QUIZ = (
    {
        "question": "How many columns has polynomial_features on 3 features, degree 2, with the bias?",
        "answer": 10,
        "tolerance": 0,
        "check": "polynomial_features(np.ones((1, 3)), degree=2).shape[1]",
        "why": "C(3 + 2, 2): 1 + 3 + 6.",
    },
    {
        "question": "The column order for d = 2, degree 2?",
        "choices": (
            "1, x0, x1, x0^2, x0 x1, x1^2",
            "1, x0, x0^2, x1, x0 x1, x1^2",
            "x0^2, x0 x1, x1^2, x0, x1, 1",
            "1, x0, x1, x0 x1, x0^2, x1^2",
        ),
        "answer": 0,
        "why": "By degree, then the index tuples in lexicographic order.",
    },
)
### END META
