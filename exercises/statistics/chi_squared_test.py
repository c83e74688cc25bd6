"""Pearson's chi-squared goodness-of-fit test."""

import numpy as np
from scipy.stats import chi2


def chi_squared_test(observed, expected=None, ddof=0):
    r"""Test whether observed counts could come from the expected frequencies.

    .. math::

        \chi^2 = \sum_{i=1}^{k} \frac{(O_i - E_i)^2}{E_i}, \qquad
        p = P\left(\chi^2_{k - 1 - \text{ddof}} \ge \chi^2\right)

    Under the null hypothesis the statistic follows (approximately) a chi-squared
    distribution with ``k - 1 - ddof`` degrees of freedom: one is lost because the
    counts must add up to the same total, and ``ddof`` more for parameters estimated
    from the data. The p-value is its upper tail (survival function) at the statistic.

    Parameters
    ----------
    observed : array_like of shape (k,)
        Observed counts in each of ``k`` categories, each ``>= 0``.
    expected : array_like of shape (k,), optional
        Expected counts, each ``> 0``, with the same total as ``observed`` (to a relative
        tolerance of ``sqrt(machine epsilon)``, as scipy). By default every category is
        equally likely: each expected count is ``observed.mean()``.
    ddof : int, default=0
        Extra degrees of freedom to remove.

    Returns
    -------
    statistic : float
        The chi-squared statistic.
    p_value : float
        The p-value.

    Raises
    ------
    ValueError
        If ``observed`` is not 1-D or is empty, if a count is negative, if ``expected``
        differs from it in shape or in total, if an expected count is not positive, or if
        ``k - 1 - ddof < 1`` leaves no degree of freedom.

    See Also
    --------
    scipy.stats.chisquare : the reference.

    Notes
    -----
    You may use ``from scipy.stats import chi2`` for the p-value (``chi2.sf``), and only
    for that.

    Examples
    --------
    >>> statistic, p_value = chi_squared_test([18, 22, 20, 40])
    >>> statistic
    12.32
    >>> round(p_value, 6)
    0.006364
    """
    # YOUR CODE HERE
    raise NotImplementedError()
