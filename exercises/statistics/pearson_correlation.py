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
    # YOUR CODE HERE
    raise NotImplementedError()
