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
    # YOUR CODE HERE
    raise NotImplementedError()
