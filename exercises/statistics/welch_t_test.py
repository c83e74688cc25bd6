"""Welch's two-sample t-test: are two means equal, without assuming equal variances?"""

import numpy as np
from scipy.stats import t


def welch_t_test(a, b):
    r"""Two-sided Welch t-test of ``mean(a) == mean(b)``.

    .. math::

        t = \frac{\bar a - \bar b}{\sqrt{s_a^2 / n_a + s_b^2 / n_b}}, \qquad
        \nu = \frac{\left(s_a^2 / n_a + s_b^2 / n_b\right)^2}
                   {\frac{(s_a^2 / n_a)^2}{n_a - 1} + \frac{(s_b^2 / n_b)^2}{n_b - 1}}, \qquad
        p = 2\, P(T_\nu \ge |t|)

    ``s_a^2`` and ``s_b^2`` are the *sample* variances (``ddof=1``). Each group keeps its
    own variance (no pooling, unlike Student's test), and the degrees of freedom ``nu``
    come from the Welch-Satterthwaite formula: a real number between ``min(n_a, n_b) - 1``
    and ``n_a + n_b - 2``. The p-value is two-sided: the chance, under equal means, of a
    statistic at least as far from 0 in either direction. ``t > 0`` when ``a``'s mean is
    the larger.

    Parameters
    ----------
    a : array_like of shape (n_a,)
        The first sample.
    b : array_like of shape (n_b,)
        The second sample; its size may differ from ``a``'s.

    Returns
    -------
    statistic : float
        The t statistic (``a`` minus ``b``).
    p_value : float
        The two-sided p-value.

    Raises
    ------
    ValueError
        If a sample is not 1-D, has fewer than 2 values (no variance to estimate), or
        holds NaN or inf; or if both samples are constant (the standard error is 0 and
        the statistic undefined; one constant sample is fine).

    See Also
    --------
    scipy.stats.ttest_ind : the reference, with ``equal_var=False``.

    Notes
    -----
    You may use ``from scipy.stats import t`` for the p-value (``t.sf``), and only for that.

    Examples
    --------
    >>> statistic, p_value = welch_t_test([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 8.0, 10.0])
    >>> round(statistic, 6)  # (2.5 - 6) / sqrt((5/3) / 4 + 10 / 5)
    -2.251436
    >>> round(p_value, 6)  # nu = (29/12)**2 / ((5/12)**2 / 3 + 2**2 / 4) = 5.520788
    0.069134
    """
    # YOUR CODE HERE
    raise NotImplementedError()
