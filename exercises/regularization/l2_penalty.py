"""The L2 (ridge) penalty of a weight vector."""

import numpy as np


def l2_penalty(w, alpha):
    r"""The squared-L2 penalty ``alpha * sum w_j^2``.

    .. math:: \Omega(w) = \alpha \lVert w \rVert_2^2 = \alpha \sum_j w_j^2

    It is the term ridge regression adds to its loss (scikit-learn's ``Ridge`` minimises
    ``||y - Xw - b||^2 + alpha * ||w||^2``, with this very penalty). Note: the *squared*
    norm, and no factor 1/2.

    Parameters
    ----------
    w : array_like
        The weights, of any shape (a vector, or a matrix of weights); the sum runs over
        every entry. The intercept is not part of ``w``: it is never penalised.
    alpha : float
        The regularisation strength, ``>= 0``.

    Returns
    -------
    float
        The penalty.

    Raises
    ------
    ValueError
        If ``w`` is empty or has non-finite entries, or if ``alpha`` is not a single finite
        number ``>= 0``.

    See Also
    --------
    l1_penalty : the lasso penalty.

    Examples
    --------
    >>> l2_penalty([0.5, -2.0, 0.0, 1.5], alpha=0.1)
    0.65
    """
    # YOUR CODE HERE
    raise NotImplementedError()
