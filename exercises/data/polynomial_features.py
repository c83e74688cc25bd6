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
    # YOUR CODE HERE
    raise NotImplementedError()
