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
    ### BEGIN SOLUTION
    counts = []
    for name, value in (
        ("successes_a", successes_a),
        ("n_a", n_a),
        ("successes_b", successes_b),
        ("n_b", n_b),
    ):
        number = np.asarray(value)
        if number.ndim != 0 or number.dtype.kind not in "biuf":
            raise ValueError(f"{name} must be a single count, got {value!r}")
        if not float(number).is_integer():  # also False for nan and inf
            raise ValueError(f"{name} must be a whole number, got {value!r}")
        counts.append(int(number))  # a Python int: sums and products cannot wrap around
    x_a, n_a, x_b, n_b = counts
    for group, x, n in (("A", x_a, n_a), ("B", x_b, n_b)):
        if n < 1:
            raise ValueError(f"group {group} has {n} trials: it needs at least 1")
        if not 0 <= x <= n:
            raise ValueError(f"group {group} has {x} successes out of {n} trials")
    pooled = (x_a + x_b) / (n_a + n_b)
    if pooled in (0.0, 1.0):
        return 0.0, 1.0  # all failures or all successes: equal rates, no spread
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b))
    z = (x_a / n_a - x_b / n_b) / se
    return z, 2.0 * NormalDist().cdf(-abs(z))  # both tails beyond |z|
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "If A and B really had the same conversion rate, what would your best estimate of that "
    "one rate be? And is a difference in either direction evidence against it?",
    "Pool the groups: p = (x_a + x_b) / (n_a + n_b). The standard error is sqrt(p (1 - p) "
    "(1/n_a + 1/n_b)); z = (x_a/n_a - x_b/n_b) / se; two-sided p = 2 * NormalDist().cdf(-abs(z)).",
    "pooled = (x_a + x_b) / (n_a + n_b); se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / "
    "n_b)); z = (x_a / n_a - x_b / n_b) / se; return z, 2 * NormalDist().cdf(-abs(z)), after the "
    "ValueError checks and the pooled-0-or-1 case.",
)
TALKING_POINTS = {
    "use": "The A/B test of two conversion rates (clicks, sign-ups) with enough trials in each group.",
    "assumes": (
        "Independent Bernoulli trials; under the null one shared rate (hence the pooled estimate); enough "
        "successes and failures per group for the normal approximation."
    ),
    "pitfalls": (
        (
            "Pooled or not: the test pools the rates for its standard error; a confidence interval for the "
            "difference uses each group's own rate."
        ),
        (
            "Peeking: stopping once p < 0.05 inflates false positives; fix the sample size in advance or use "
            "a sequential test."
        ),
        "Small counts: the normal approximation fails; use Fisher's exact test.",
    ),
    "cost": "O(1).",
    "follow_ups": (
        (
            "How many users per group?",
            (
                "n = (z_{1-a/2} + z_{1-b})^2 (p_a (1 - p_a) + p_b (1 - p_b)) / (p_a - p_b)^2: halving the "
                "difference to detect roughly quadruples n."
            ),
        ),
        (
            "One-sided or two-sided?",
            "Two-sided, unless only one direction matters and was chosen before seeing the data.",
        ),
        (
            "Relation to chi-squared?",
            "z^2 is the chi-squared statistic of the 2 x 2 table without Yates' correction.",
        ),
    ),
}
QUIZ = (
    {
        "question": "z for 60 of 100 conversions in A against 40 of 100 in B?",
        "answer": 2.8284,
        "tolerance": 0.001,
        "check": "two_proportion_z_test(60, 100, 40, 100)[0]",
        "why": "Pooled 0.5: se = sqrt(0.25 * 0.02) = 0.0707, and 0.2 / 0.0707.",
    },
    {
        "question": "Under the null, the standard error uses:",
        "choices": (
            "each group's own rate",
            "the pooled rate of both groups",
            "the rate 0.5",
            "the larger of the two rates",
        ),
        "answer": 1,
        "why": "The null says both groups share one rate; pooling estimates it.",
    },
)
### END META
