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
    # YOUR CODE HERE
    raise NotImplementedError()
