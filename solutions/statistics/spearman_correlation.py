"""Spearman's rank correlation coefficient of two samples."""

import numpy as np


def spearman_correlation(x, y):
    r"""Spearman's rank correlation ``rho``: Pearson's ``r`` of the ranks of ``x`` and ``y``.

    .. math::

        \rho = \frac{\sum_i (R_i - \bar R)(S_i - \bar S)}
                    {\sqrt{\sum_i (R_i - \bar R)^2}\ \sqrt{\sum_i (S_i - \bar S)^2}},
        \qquad R = \operatorname{rank}(x), \quad S = \operatorname{rank}(y)

    The smallest value has rank 1, the largest rank ``n``. **Tied values share the average
    of the ranks they span**: in ``[10, 20, 20, 30]`` the two 20s take ranks 2 and 3, so each
    gets 2.5 (ranks ``[1, 2.5, 2.5, 4]``). ``rho`` is 1 when ``y`` increases with ``x``,
    linearly or not, and -1 when it decreases. The shortcut
    ``1 - 6 sum(d_i^2) / (n (n^2 - 1))`` on rank differences ``d_i`` equals it only when
    there are no ties.

    Parameters
    ----------
    x : array_like of shape (n,)
        The first sample.
    y : array_like of shape (n,)
        The second sample, paired with ``x`` value by value.

    Returns
    -------
    float
        ``rho``, in ``[-1, 1]``.

    Raises
    ------
    ValueError
        If an input is not 1-D, if ``x`` and ``y`` differ in length, if there are fewer
        than 2 pairs, if a value is NaN or inf, or if ``x`` or ``y`` is constant (all its
        ranks tie, so ``rho`` is 0 / 0).

    See Also
    --------
    scipy.stats.spearmanr : the reference (its ``statistic``).
    scipy.stats.rankdata : average ranks, its default ``method="average"``.

    Examples
    --------
    >>> spearman_correlation([1, 2, 3, 4], [1, 8, 27, 64])  # increasing, not linear
    1.0
    >>> round(spearman_correlation([1, 2, 2, 3], [10, 20, 30, 30]), 6)  # ranks with ties
    0.833333

    The ranks there are ``[1, 2.5, 2.5, 4]`` and ``[1, 2, 3.5, 3.5]``; the no-ties shortcut
    would give 0.85.
    """
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.ndim != 1 or y.ndim != 1:
        raise ValueError(f"x and y must be 1-D, got shapes {x.shape} and {y.shape}")
    if x.shape != y.shape:
        raise ValueError(f"length mismatch: x has {x.size} values, y has {y.size}")
    n = x.size
    if n < 2:
        raise ValueError(f"need at least 2 pairs for a correlation, got {n}")
    centred = []
    for name, values in (("x", x), ("y", y)):
        if not np.isfinite(values.sum()):  # nan and inf propagate into the sum
            raise ValueError(f"{name} must hold finite numbers")
        # Sorted distinct values, each value's place among them, and how often each occurs.
        _, place, counts = np.unique(values, return_inverse=True, return_counts=True)
        if counts.size == 1:
            raise ValueError(f"{name} is constant: all its ranks tie, so rho is undefined")
        last = np.cumsum(counts)  # the highest rank each distinct value spans
        average = last - (counts - 1) / 2.0  # the mean of ranks last - count + 1 .. last
        # The ranks always add up to n (n + 1) / 2, so their mean is (n + 1) / 2, exactly.
        centred.append(average[place] - (n + 1) / 2.0)
    dx, dy = centred
    rho = np.dot(dx, dy) / np.sqrt(np.dot(dx, dx) * np.dot(dy, dy))
    return float(min(max(rho, -1.0), 1.0))  # rounding can take |rho| just past 1
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "What rank should each of two equal values get, if together they take places 2 and 3? "
    "And once x and y are replaced by their ranks, which correlation is left to compute?",
    "Rank each sample with ties averaged (np.argsort(np.argsort(x)) breaks ties by position, "
    "which is wrong here), then compute Pearson's r of the two rank vectors.",
    "_, place, counts = np.unique(x, return_inverse=True, return_counts=True); ranks = "
    "(np.cumsum(counts) - (counts - 1) / 2)[place]; do the same for y, then Pearson's r of the "
    "ranks.",
)
TALKING_POINTS = {
    "use": (
        "A monotonic (not only linear) relationship, or ordinal data such as ratings; robust to outliers."
    ),
    "assumes": "Paired observations; only their order matters; ties get average ranks.",
    "pitfalls": (
        (
            "Ties: tied values share the mean of their ranks; 1 - 6 sum d^2 / (n (n^2 - 1)) is exact only "
            "without ties."
        ),
        "Non-monotonic relations: a U shape gives rho near 0.",
        "Constant input: every rank ties, and rho is 0 / 0.",
    ),
    "cost": "O(n log n) time for the sort, O(n) memory.",
    "follow_ups": (
        (
            "Relation to Pearson?",
            "It is Pearson's r of the ranks.",
        ),
        (
            "Another rank correlation?",
            "Kendall's tau, from concordant and discordant pairs (scipy.stats.kendalltau).",
        ),
        (
            "Why robust to outliers?",
            "An extreme value can only take the last rank, so its influence is bounded.",
        ),
    ),
}
QUIZ = (
    {
        "question": "The ranks of [10, 20, 20, 30]?",
        "choices": (
            "[1, 2, 3, 4]",
            "[1, 2, 2, 4]",
            "[1, 2.5, 2.5, 4]",
            "[1, 3, 3, 4]",
        ),
        "answer": 2,
        "why": "The tied 20s span ranks 2 and 3 and share their mean.",
    },
    {
        "question": "spearman_correlation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])?",
        "answer": 0.8208,
        "tolerance": 0.001,
        "check": "spearman_correlation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])",
        "why": "Ranks of y: 1, 2, 3.5, 5, 3.5; r of the ranks is 8 / sqrt(10 * 9.5).",
    },
    {
        "question": "spearman_correlation([1, 2, 3, 4], exp([1, 2, 3, 4]))?",
        "answer": 1.0,
        "tolerance": 1e-12,
        "check": "spearman_correlation([1, 2, 3, 4], np.exp([1.0, 2.0, 3.0, 4.0]))",
        "why": "exp is increasing: the ranks are identical.",
    },
)
### END META
