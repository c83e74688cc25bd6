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
    ### BEGIN SOLUTION
    moments = []
    for name, x in (("a", a), ("b", b)):
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 1:
            raise ValueError(f"{name} must be 1-D, got shape {x.shape}")
        if x.size < 2:
            raise ValueError(f"{name} has {x.size} values: a sample variance needs at least 2")
        # Shifted by its first value: a constant sample's variance is then exactly 0, and
        # values far from 0 (1e9 + a small spread) keep their digits.
        shifted = x - x[0]
        mean = shifted.mean()
        if not np.isfinite(mean):  # nan and inf propagate into the mean
            raise ValueError(f"{name} must hold finite numbers")
        shifted -= mean
        variance = np.dot(shifted, shifted) / (x.size - 1)
        moments.append((x[0] + mean, variance / x.size, x.size))
    (mean_a, se2_a, n_a), (mean_b, se2_b, n_b) = moments
    se2 = se2_a + se2_b
    if se2 == 0:
        raise ValueError("both samples are constant: the standard error is 0")
    statistic = (mean_a - mean_b) / np.sqrt(se2)
    share = se2_a / se2  # the Welch-Satterthwaite dof, written in shares of se2: no overflow
    dof = 1.0 / (share**2 / (n_a - 1) + (1.0 - share) ** 2 / (n_b - 1))
    return float(statistic), float(2.0 * t.sf(abs(statistic), dof))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
ALLOWED_IMPORTS = ("scipy.stats.t",)
HINTS = (
    "How uncertain is each sample mean on its own? And why can't the two samples share one "
    "variance estimate when one group is far noisier than the other?",
    "Standard error: sqrt(var_a / n_a + var_b / n_b) with ddof=1 variances. Degrees of freedom: "
    "(va/na + vb/nb)**2 / ((va/na)**2 / (na - 1) + (vb/nb)**2 / (nb - 1)). Two-sided p-value: "
    "2 * t.sf(abs(statistic), dof).",
    "va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b); statistic = (a.mean() - b.mean()) "
    "/ np.sqrt(va + vb); dof = (va + vb)**2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1)); "
    "return statistic, 2 * t.sf(abs(statistic), dof).",
)
TALKING_POINTS = {
    "use": (
        "Compare the means of two independent groups (revenue per user in A and B) without assuming equal "
        "variances: a safe default over Student's t."
    ),
    "assumes": (
        "Independent observations; each group's mean roughly normal (normal data, or large n by the CLT); "
        "the variances may differ."
    ),
    "pitfalls": (
        "scipy's default: ttest_ind pools the variances unless equal_var=False.",
        "ddof: each group's variance is the sample variance (ddof=1).",
        "Paired data (before and after, same users) need the paired test, ttest_rel.",
    ),
    "cost": "O(n_a + n_b) time, O(n_a + n_b) memory for the centred copies.",
    "follow_ups": (
        (
            "Why fractional degrees of freedom?",
            (
                "Welch-Satterthwaite matches the statistic to a t with nu dof, between min(n_a, n_b) - 1 and "
                "n_a + n_b - 2."
            ),
        ),
        (
            "When does Student's pooled test go wrong?",
            "Unequal variances with unequal group sizes: its false-positive rate drifts far from alpha.",
        ),
        (
            "Small, non-normal samples?",
            "A rank test (Mann-Whitney U, scipy.stats.mannwhitneyu) or a permutation test.",
        ),
    ),
}
QUIZ = (
    {
        "question": "The statistic of welch_t_test([1, 2, 3], [4, 5, 6])?",
        "answer": -3.6742,
        "tolerance": 0.001,
        "check": "welch_t_test([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])[0]",
        "why": "(2 - 5) / sqrt(1/3 + 1/3), each sample variance 1.",
    },
    {
        "question": "scipy.stats.ttest_ind(a, b) with its defaults runs:",
        "choices": (
            "Welch's test",
            "Student's test, pooled variance",
            "a paired test",
            "Mann-Whitney U",
        ),
        "answer": 1,
        "why": "equal_var=True is the default.",
    },
)
### END META
