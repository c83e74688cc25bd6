"""Pearson's correlation coefficient of two samples."""

import numpy as np


def pearson_correlation(x, y):
    r"""Pearson's linear correlation coefficient ``r`` of paired samples.

    .. math::

        r = \frac{\sum_i (x_i - \bar x)(y_i - \bar y)}
                 {\sqrt{\sum_i (x_i - \bar x)^2}\ \sqrt{\sum_i (y_i - \bar y)^2}}

    The covariance of ``x`` and ``y`` divided by the product of their standard deviations
    (the ``1/n`` or ``1/(n-1)`` factors cancel, as long as numerator and denominator use the
    same one). It lies in ``[-1, 1]``: ``1`` when ``y`` is an increasing linear function of
    ``x``, ``-1`` for a decreasing one, and it does not change when either sample is shifted
    or scaled by a positive factor. It measures *linear* association only.

    Parameters
    ----------
    x : array_like of shape (n,)
        The first sample.
    y : array_like of shape (n,)
        The second sample, paired with ``x`` value by value.

    Returns
    -------
    float
        ``r``, in ``[-1, 1]``.

    Raises
    ------
    ValueError
        If an input is not 1-D, if ``x`` and ``y`` differ in length, if there are fewer
        than 2 pairs, if a value is NaN or inf, or if ``x`` or ``y`` is constant (its
        standard deviation is 0, so ``r`` is 0 / 0).

    See Also
    --------
    scipy.stats.pearsonr : the reference (its ``statistic``).

    Examples
    --------
    >>> round(pearson_correlation([1, 2, 3, 4], [2, 4, 5, 9]), 6)  # 11 / sqrt(5 * 26)
    0.964764
    >>> pearson_correlation([1, 2, 3], [30, 20, 10])  # an exact decreasing line
    -1.0
    """
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.ndim != 1 or y.ndim != 1:
        raise ValueError(f"x and y must be 1-D, got shapes {x.shape} and {y.shape}")
    if x.shape != y.shape:
        raise ValueError(f"length mismatch: x has {x.size} values, y has {y.size}")
    if x.size < 2:
        raise ValueError(f"need at least 2 pairs for a correlation, got {x.size}")
    centred, squares = [], []
    for name, values in (("x", x), ("y", y)):
        # Shifted by its first value: a constant sample's sum of squares is then exactly 0,
        # and values far from 0 (1e9 + a small spread) keep their digits.
        shifted = values - values[0]
        mean = shifted.mean()
        if not np.isfinite(mean):  # nan and inf propagate into the mean
            raise ValueError(f"{name} must hold finite numbers")
        shifted -= mean
        square = np.dot(shifted, shifted)
        if square == 0:
            raise ValueError(f"{name} is constant: its standard deviation is 0, so r is undefined")
        centred.append(shifted)
        squares.append(square)
    r = np.dot(*centred) / np.sqrt(squares[0] * squares[1])
    return float(min(max(r, -1.0), 1.0))  # rounding can take |r| just past 1
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What does the covariance of x and y become when you divide it by both standard "
    "deviations? And what happens to that ratio if x is constant?",
    "Centre both samples first (subtract their means); r is the sum of the products of the "
    "centred values over the square root of the product of their sums of squares.",
    "dx, dy = x - x.mean(), y - y.mean(); return np.sum(dx * dy) / np.sqrt(np.sum(dx**2) * "
    "np.sum(dy**2)), after raising ValueError for a constant input.",
)
TALKING_POINTS = {
    "use": (
        "The strength of a linear relationship between two continuous variables: redundant features, a quick "
        "look at a dependence."
    ),
    "assumes": "It measures linear association only; its usual significance test assumes normal data.",
    "pitfalls": (
        "Outliers: one extreme point can push r towards +1, -1 or 0.",
        "Non-linear dependence: y = x^2 on symmetric x gives r = 0; zero correlation is not independence.",
        "Constant input: the std is 0 and r is 0 / 0 (scipy warns and returns nan).",
    ),
    "cost": "O(n) time, O(n) memory for the centred copies.",
    "follow_ups": (
        (
            "Pearson or Spearman?",
            "Spearman is Pearson on the ranks: any monotonic relation, and robust to outliers.",
        ),
        (
            "Relation to linear regression?",
            "r^2 is the R^2 of regressing y on x, and the slope is r s_y / s_x.",
        ),
        (
            "Is it scale-invariant?",
            "Under shifts and positive scaling, yes; a negative factor flips its sign.",
        ),
    ),
}
QUIZ = (
    {
        "question": "pearson_correlation([1, 2, 3], [1, 3, 2])?",
        "answer": 0.5,
        "tolerance": 1e-12,
        "check": "pearson_correlation([1, 2, 3], [1, 3, 2])",
        "why": "Centred: (-1, 0, 1) and (-1, 1, 0): 1 / sqrt(2 * 2).",
    },
    {
        "question": "pearson_correlation(x, x**2) for x = [-2, -1, 0, 1, 2]?",
        "choices": (
            "1",
            "0",
            "-1",
            "undefined",
        ),
        "answer": 1,
        "why": "y depends on x exactly, but not linearly: the covariance is 0 by symmetry.",
    },
)
### END META
