"""Wrong versions of statistics/chi_squared_independence."""

import numpy as np
from scipy.stats import chi2

from mlkata.mutants import mutant


def _checked(table):
    table = np.asarray(table, float)
    if table.ndim != 2 or min(table.shape) < 2 or np.any(table < 0):
        raise ValueError("bad table")
    if np.any(table.sum(axis=0) == 0) or np.any(table.sum(axis=1) == 0):
        raise ValueError("zero row or column")
    return table, np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()


@mutant("chi_squared_independence", hint="Yates")
def yates_on_two_by_two(table):
    table, expected = _checked(table)
    gaps = np.abs(table - expected)
    if table.shape == (2, 2):
        gaps = np.maximum(gaps - 0.5, 0)
    statistic = float(np.sum(gaps**2 / expected))
    dof = (table.shape[0] - 1) * (table.shape[1] - 1)
    return statistic, float(chi2.sf(statistic, dof)), dof, expected


@mutant("chi_squared_independence", hint="not r * c - 1")
def one_dof_per_cell(table):
    table, expected = _checked(table)
    statistic = float(np.sum((table - expected) ** 2 / expected))
    dof = table.size - 1
    return statistic, float(chi2.sf(statistic, dof)), dof, expected


@mutant("chi_squared_independence", hint="grand total N")
def forgot_the_grand_total(table):
    table, _ = _checked(table)
    expected = np.outer(table.sum(axis=1), table.sum(axis=0))
    statistic = float(np.sum((table - expected) ** 2 / expected))
    dof = (table.shape[0] - 1) * (table.shape[1] - 1)
    return statistic, float(chi2.sf(statistic, dof)), dof, expected


@mutant("chi_squared_independence", hint="1 - chi2.cdf")
def one_minus_cdf(table):
    table, expected = _checked(table)
    statistic = float(np.sum((table - expected) ** 2 / expected))
    dof = (table.shape[0] - 1) * (table.shape[1] - 1)
    return statistic, float(1 - chi2.cdf(statistic, dof)), dof, expected


@mutant("chi_squared_independence")
def zero_totals_not_checked(table):
    table = np.asarray(table, float)
    if table.ndim != 2 or np.any(table < 0):
        raise ValueError("bad table")
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
    with np.errstate(all="ignore"):
        statistic = float(np.sum((table - expected) ** 2 / expected))
    dof = (table.shape[0] - 1) * (table.shape[1] - 1)
    return statistic, float(chi2.sf(statistic, dof)), dof, expected


@mutant("chi_squared_independence", hint="cancels catastrophically")
def shortcut_formula(table):
    # from the red team: sum(O^2 / E) - N
    T = np.asarray(table, float)
    if T.ndim != 2 or min(T.shape) < 2 or np.any(T < 0):
        raise ValueError("bad table")
    rows, columns = T.sum(axis=1), T.sum(axis=0)
    if np.any(rows == 0) or np.any(columns == 0):
        raise ValueError("a row or column of 0")
    E = np.outer(rows, columns) / T.sum()
    statistic = float(max(0.0, np.sum(T * T / E) - T.sum()))
    dof = (T.shape[0] - 1) * (T.shape[1] - 1)
    return statistic, float(chi2.sf(statistic, dof)), dof, E


@mutant("chi_squared_independence", hint="integer division")
def integer_expected_counts(table):
    T = np.asarray(table)
    if T.ndim != 2 or min(T.shape) < 2 or np.any(T < 0):
        raise ValueError("bad table")
    rows, columns = T.sum(axis=1), T.sum(axis=0)
    if np.any(rows == 0) or np.any(columns == 0):
        raise ValueError("a row or column of 0")
    E = np.outer(rows, columns) // T.sum()
    statistic = float(np.sum((T - E) ** 2 / E))
    dof = (T.shape[0] - 1) * (T.shape[1] - 1)
    return statistic, float(chi2.sf(statistic, dof)), dof, E


@mutant("chi_squared_independence", hint="Yates")
def yates_for_small_cells(table):
    # from the red team: Yates' correction on a 2 x 2 table with a cell below 5
    T = np.asarray(table, float)
    if T.ndim != 2 or min(T.shape) < 2 or np.any(T < 0):
        raise ValueError("bad table")
    rows, columns = T.sum(axis=1), T.sum(axis=0)
    if np.any(rows == 0) or np.any(columns == 0):
        raise ValueError("a row or column of 0")
    E = np.outer(rows, columns) / T.sum()
    d = np.abs(T - E)
    if T.shape == (2, 2) and T.min() < 5:
        d = np.maximum(d - 0.5, 0)
    statistic = float(np.sum(d**2 / E))
    dof = (T.shape[0] - 1) * (T.shape[1] - 1)
    return statistic, float(chi2.sf(statistic, dof)), dof, E


@mutant("chi_squared_independence", hint="'for safety'")
def epsilon_for_safety(table):
    T = np.asarray(table, float)
    if T.ndim != 2 or min(T.shape) < 2 or np.any(T < 0):
        raise ValueError("bad table")
    rows, columns = T.sum(axis=1), T.sum(axis=0)
    if np.any(rows == 0) or np.any(columns == 0):
        raise ValueError("a row or column of 0")
    E = np.outer(rows, columns) / T.sum()
    statistic = float(np.sum((T - E) ** 2 / (E + 1e-10)))
    dof = (T.shape[0] - 1) * (T.shape[1] - 1)
    return statistic, float(chi2.sf(statistic, dof)), dof, E


@mutant("chi_squared_independence", hint="int64 wraps around", level=2)
def keeps_integer_counts(table):
    # integer counts kept exact as integers (uint8 sums widen to uint64): only billions wrap
    table = np.asarray(table)
    table = table.astype(float) if table.dtype.kind == "f" else table
    _checked(table)
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
    statistic = float(np.sum((table - expected) ** 2 / expected))
    dof = (table.shape[0] - 1) * (table.shape[1] - 1)
    return statistic, float(chi2.sf(statistic, dof)), dof, expected
