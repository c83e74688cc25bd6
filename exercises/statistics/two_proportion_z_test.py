"""The two-proportion z-test: the A/B test of two conversion rates."""

import math
from statistics import NormalDist

import numpy as np


def two_proportion_z_test(successes_a, n_a, successes_b, n_b):
    r"""Pooled two-sided z-test of equal success rates in groups A and B.

    .. math::

        \hat p_a = \frac{x_a}{n_a}, \quad \hat p_b = \frac{x_b}{n_b}, \quad
        \hat p = \frac{x_a + x_b}{n_a + n_b}, \qquad
        z = \frac{\hat p_a - \hat p_b}{\sqrt{\hat p (1 - \hat p) \left(\frac{1}{n_a} + \frac{1}{n_b}\right)}},
        \qquad p = 2\,\Phi(-|z|)

    Under the null hypothesis both groups share one success rate, so its best estimate is
    the *pooled* rate ``p_hat`` of all trials together, and the standard error uses it for
    both groups. ``z`` is A's rate minus B's, in standard errors: positive when A converts
    better. The p-value is two-sided (a difference in either direction counts), from the
    standard normal CDF ``Phi`` (``statistics.NormalDist().cdf``); the normal approximation
    wants a few successes and failures in each group. ``NormalDist().cdf`` is accurate to
    about 1e-16 in absolute terms (a p-value below that comes out as 0.0), and p-values are
    checked to within 1e-15; ``math.erfc(abs(z) / math.sqrt(2))`` is the same p-value with
    full relative precision.

    When every trial succeeded or every trial failed (``p_hat`` is 0 or 1), both rates are
    equal and have no spread: there is no evidence of a difference, and the function returns
    ``z = 0.0`` and ``p = 1.0`` rather than 0 / 0. Each count may be a Python int, any numpy
    integer (uint8 and int32 included) or a float with a whole value (``3.0``).

    Parameters
    ----------
    successes_a : int
        Successes (conversions) in group A, ``0 <= successes_a <= n_a``.
    n_a : int
        Trials in group A, at least 1.
    successes_b : int
        Successes in group B, ``0 <= successes_b <= n_b``.
    n_b : int
        Trials in group B, at least 1.

    Returns
    -------
    z : float
        The z statistic, A minus B.
    p_value : float
        The two-sided p-value.

    Raises
    ------
    ValueError
        If a count is not a single whole number (``2.5``, NaN, an array), if ``n_a`` or
        ``n_b`` is less than 1, or if a number of successes is negative or larger than its
        number of trials.

    See Also
    --------
    statistics.NormalDist : the standard normal distribution, for the p-value.
    scipy.stats.norm : what the grader computes the p-value with.

    Examples
    --------
    120 conversions out of 1000 in A against 100 out of 1000 in B:

    >>> z, p_value = two_proportion_z_test(120, 1000, 100, 1000)
    >>> round(z, 6)  # 0.02 / sqrt(0.11 * 0.89 * (1/1000 + 1/1000))
    1.429301
    >>> round(p_value, 6)  # 2 * Phi(-1.429301)
    0.152918
    >>> two_proportion_z_test(0, 50, 0, 80)  # nobody converted: no evidence of a difference
    (0.0, 1.0)
    """
    # YOUR CODE HERE
    raise NotImplementedError()
