"""Pearson's chi-squared test of independence on a contingency table."""

import numpy as np
from scipy.stats import chi2


def chi_squared_independence(table):
    r"""Test whether the row and column variables of a contingency table are independent.

    .. math::

        E_{ij} = \frac{R_i \, C_j}{N}, \qquad
        \chi^2 = \sum_{i, j} \frac{(O_{ij} - E_{ij})^2}{E_{ij}}, \qquad
        \text{dof} = (r - 1)(c - 1)

    where :math:`R_i` and :math:`C_j` are the row and column totals and :math:`N` the grand
    total: if the variables are independent, cell ``(i, j)`` expects its row's share of
    its column's total. The p-value is the upper tail of the chi-squared distribution with
    ``dof`` degrees of freedom. No continuity (Yates) correction is applied, even to 2 x 2
    tables.

    Parameters
    ----------
    table : array_like of shape (r, c)
        Observed counts, each ``>= 0``, with ``r >= 2`` rows and ``c >= 2`` columns.

    Returns
    -------
    statistic : float
        The chi-squared statistic.
    p_value : float
        The p-value.
    dof : int
        The degrees of freedom, ``(r - 1)(c - 1)``.
    expected : ndarray of shape (r, c)
        The expected counts under independence.

    Raises
    ------
    ValueError
        If the table is not 2-D with at least 2 rows and 2 columns, if a count is
        negative, or if a row or column adds up to 0 (its expected counts would be 0).

    See Also
    --------
    scipy.stats.chi2_contingency : the reference, with ``correction=False`` (scipy applies
        Yates' correction to 2 x 2 tables by default).

    Notes
    -----
    You may use ``from scipy.stats import chi2`` for the p-value (``chi2.sf``), and only
    for that.

    Examples
    --------
    >>> statistic, p_value, dof, expected = chi_squared_independence([[10, 20], [30, 40]])
    >>> round(statistic, 6), round(p_value, 6), dof
    (0.793651, 0.372998, 1)
    >>> expected
    array([[12., 18.],
           [28., 42.]])
    """
    ### BEGIN SOLUTION
    table = np.asarray(table, dtype=np.float64)
    if table.ndim != 2 or table.shape[0] < 2 or table.shape[1] < 2:
        raise ValueError(f"table must be 2-D with at least 2 rows and 2 columns, got shape {table.shape}")
    if np.any(table < 0):
        raise ValueError("counts cannot be negative")
    rows, columns = table.sum(axis=1), table.sum(axis=0)
    if np.any(rows == 0) or np.any(columns == 0):
        raise ValueError("a row or column of zeros makes some expected counts 0")
    expected = np.outer(rows, columns) / table.sum()
    statistic = float(np.sum((table - expected) ** 2 / expected))
    dof = (table.shape[0] - 1) * (table.shape[1] - 1)
    return statistic, float(chi2.sf(statistic, dof)), dof, expected
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
ALLOWED_IMPORTS = ("scipy.stats.chi2",)
HINTS = (
    "If the row variable tells you nothing about the column variable, what fraction of row i's "
    "total should land in column j?",
    "Expected counts are row total * column total / grand total (np.outer of the two sums), "
    "then the same sum((O - E)**2 / E) as the goodness-of-fit test, with (r - 1)(c - 1) degrees "
    "of freedom and no Yates correction.",
    "expected = np.outer(table.sum(1), table.sum(0)) / table.sum(); statistic = np.sum((table - "
    "expected) ** 2 / expected); dof = (r - 1) * (c - 1); p = chi2.sf(statistic, dof).",
)
TALKING_POINTS = {
    "use": (
        "Test whether two categorical variables are associated, from their contingency table: does the "
        "conversion rate depend on the page variant, churn on the plan?"
    ),
    "assumes": (
        "Independent observations, each counted in exactly one cell; expected counts large enough for the "
        "chi-squared approximation (a common rule: at least 5 per cell)."
    ),
    "pitfalls": (
        (
            "Yates: scipy's chi2_contingency corrects for continuity when dof = 1 unless correction=False, "
            "so its 2 x 2 statistic differs from the plain formula."
        ),
        (
            "Small expected counts: the approximation fails; use Fisher's exact test "
            "(scipy.stats.fisher_exact) for a 2 x 2 table."
        ),
        "Counts only: percentages or proportions give a wrong statistic, which scales with N.",
    ),
    "cost": "O(r c) time and memory.",
    "follow_ups": (
        (
            "Why (r - 1)(c - 1) degrees of freedom?",
            "Given the row and column totals, only (r - 1)(c - 1) cells are free; the rest follow.",
        ),
        (
            "Significant: how strong is the association?",
            "p shrinks with N, so report an effect size: Cramer's V = sqrt(chi2 / (N (min(r, c) - 1))).",
        ),
        (
            "Relation to the two-proportion z-test?",
            "For a 2 x 2 table without correction, chi2 = z^2 of the pooled z-test: the same p-value.",
        ),
    ),
}
QUIZ = (
    {
        "question": "The degrees of freedom of a 3 x 4 table?",
        "answer": 6,
        "tolerance": 0,
        "check": "chi_squared_independence([[1, 2, 3, 4], [2, 3, 4, 5], [3, 4, 5, 7]])[2]",
        "why": "(3 - 1)(4 - 1).",
    },
    {
        "question": "The statistic of [[10, 20], [20, 10]] (no correction)?",
        "answer": 6.6667,
        "tolerance": 0.001,
        "check": "chi_squared_independence([[10, 20], [20, 10]])[0]",
        "why": "Every expected count is 15: 4 cells x 5^2 / 15.",
    },
    {
        "question": "scipy.stats.chi2_contingency(table) on a 2 x 2 table, by default:",
        "choices": (
            "applies Yates' continuity correction",
            "runs Fisher's exact test",
            "returns the G statistic",
            "divides the counts by N",
        ),
        "answer": 0,
        "why": "correction=True acts whenever dof = 1.",
    },
)
### END META
