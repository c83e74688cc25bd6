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
    ### BEGIN SOLUTION
    observed = np.asarray(observed, dtype=np.float64)
    if observed.ndim != 1 or observed.size == 0:
        raise ValueError(f"observed must be a non-empty 1-D array of counts, got shape {observed.shape}")
    if np.any(observed < 0):
        raise ValueError("counts cannot be negative")
    if expected is None:
        # Every category equally likely: one expected count, a scalar that broadcasts, and
        # whose total is the observed total by construction.
        expected = observed.mean()
        if expected <= 0:
            raise ValueError("every expected count must be positive")
    else:
        expected = np.asarray(expected, dtype=np.float64)
        if expected.shape != observed.shape:
            raise ValueError(f"shape mismatch: observed {observed.shape}, expected {expected.shape}")
        if np.any(expected <= 0):
            raise ValueError("every expected count must be positive")
        total_observed, total_expected = observed.sum(), expected.sum()
        if abs(total_observed - total_expected) > np.sqrt(np.finfo(float).eps) * min(
            total_observed, total_expected
        ):
            raise ValueError(
                f"observed counts add up to {total_observed}, expected counts to {total_expected}: "
                "expected must be counts with the same total, not probabilities"
            )
    dof = observed.size - 1 - ddof
    if dof < 1:
        raise ValueError(f"k - 1 - ddof = {dof}: no degrees of freedom left")
    deviation = observed - expected
    # sum((O - E)^2 / E) as one dot product: no array of squares to allocate and sum.
    statistic = float(deviation @ (deviation / expected))
    return statistic, float(chi2.sf(statistic, dof))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
ALLOWED_IMPORTS = ("scipy.stats.chi2",)
HINTS = (
    "How far is each observed count from its expected count, relative to the expected count? "
    "And how many of the k counts are free to vary once their total is fixed?",
    "The statistic is sum((O - E)**2 / E) with E = O.mean() by default; the degrees of freedom "
    "are k - 1 - ddof; the p-value is the upper tail chi2.sf(statistic, dof) (1 - chi2.cdf rounds "
    "tiny p-values to 0).",
    "statistic = np.sum((observed - expected) ** 2 / expected); return statistic, "
    "chi2.sf(statistic, observed.size - 1 - ddof), after the ValueError checks.",
)
TALKING_POINTS = {
    "use": (
        "Goodness of fit of category counts to expected frequencies: a fair die, or an A/B test's traffic "
        "split (a sample-ratio-mismatch check)."
    ),
    "assumes": (
        "Independent observations in k exclusive categories; expected counts with the observed total, not "
        "too small (a common rule: each at least 5)."
    ),
    "pitfalls": (
        "Counts, not probabilities: expected must sum to the observed total (scipy checks).",
        (
            "ddof: m parameters estimated from the same data (a Poisson mean, say) leave k - 1 - m degrees "
            "of freedom."
        ),
        "Small expected counts: merge rare categories or use an exact test.",
    ),
    "cost": "O(k) time and memory.",
    "follow_ups": (
        (
            "Why k - 1 degrees of freedom?",
            "The counts must add up to the fixed total, so only k - 1 of them vary freely.",
        ),
        (
            "Huge N, tiny p-value: does the deviation matter?",
            (
                "Not necessarily: any small deviation is significant with enough data; look at the residuals "
                "(O - E) / sqrt(E)."
            ),
        ),
        (
            "Which tail is the p-value?",
            "The upper tail, chi2.sf: only large deviations count against the null.",
        ),
    ),
}
QUIZ = (
    {
        "question": "The statistic of chi_squared_test([10, 20, 30]) (equal frequencies)?",
        "answer": 10.0,
        "tolerance": 1e-09,
        "check": "chi_squared_test([10, 20, 30])[0]",
        "why": "E = 20 each: (100 + 0 + 100) / 20.",
    },
    {
        "question": "Degrees of freedom: 6 categories, one parameter estimated from the data?",
        "choices": (
            "6",
            "5",
            "4",
            "3",
        ),
        "answer": 2,
        "why": "k - 1 - ddof = 6 - 1 - 1.",
    },
    {
        "question": "The p-value of chi_squared_test([10, 20, 30], ddof=1)?",
        "answer": 0.001565,
        "tolerance": 1e-05,
        "check": "chi_squared_test([10, 20, 30], ddof=1)[1]",
        "why": "The upper tail of chi-squared with 1 dof at 10.",
    },
)
### END META
