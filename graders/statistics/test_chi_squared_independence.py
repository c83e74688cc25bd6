"""Grader for statistics/chi_squared_independence, against scipy.stats.chi2_contingency.

scipy applies Yates' continuity correction to 2 x 2 tables unless ``correction=False``;
the exercise never does, so the reference is called with ``correction=False``.
"""

import numpy as np
from scipy.stats import chi2, chi2_contingency

from mlkata.grading import Mistake, expect_close, part_mistakes, points, seeded, student_function
from mlkata.grading.checks import BadInput, as_float32, as_lists, expect_rejected
from mlkata.grading.memo import cached_reference

chi_squared_independence = student_function("chi_squared_independence")
REFERENCE = "scipy.stats.chi2_contingency(table, correction=False)"
PARTS = ("statistic", "p_value", "dof", "expected")


@cached_reference
def reference(table, correction=False):
    result = chi2_contingency(np.asarray(table, float), correction=correction)
    return float(result.statistic), float(result.pvalue), int(result.dof), result.expected_freq


def _test(table, *, expected="outer", dof="product", tail="sf"):
    """The test with one knob per common mistake."""
    table = np.asarray(table, float)
    rows, columns, total = table.sum(axis=1), table.sum(axis=0), table.sum()
    E = {
        "outer": lambda: np.outer(rows, columns) / total,
        "no total": lambda: np.outer(rows, columns),
        "transposed": lambda: np.outer(columns, rows) / total,
        "mean": lambda: np.full_like(table, table.mean()),
    }[expected]()
    r, c = table.shape
    k = {"product": (r - 1) * (c - 1), "cells": r * c - 1, "sum": (r - 1) + (c - 1)}[dof]
    statistic = np.sum((table - E) ** 2 / E) if E.shape == table.shape else np.nan
    p = chi2.sf(statistic, k) if tail == "sf" else 1 - chi2.cdf(statistic, k)
    return statistic, p, k, E


MISTAKES = (
    Mistake(
        "no continuity correction here: scipy's chi2_contingency applies Yates' correction to 2 x 2 "
        "tables by default, this exercise does not",
        lambda table: reference(table, correction=True) if np.shape(table) == (2, 2) else None,
    ),
    Mistake(
        "the degrees of freedom are (r - 1)(c - 1), not r * c - 1", lambda table: _test(table, dof="cells")
    ),
    Mistake(
        "the degrees of freedom are (r - 1)(c - 1), not (r - 1) + (c - 1)",
        lambda table: _test(table, dof="sum"),
    ),
    Mistake(
        "divide row total * column total by the grand total N to get an expected count",
        lambda table: _test(table, expected="no total"),
    ),
    Mistake(
        "expected[i, j] is row i's total times column j's total / N: yours is transposed",
        lambda table: _test(table, expected="transposed"),
    ),
    Mistake(
        "the expected counts come from the row and column totals, not from the overall mean count",
        lambda table: _test(table, expected="mean"),
    ),
    Mistake(
        "use chi2.sf(statistic, dof) for the p-value: 1 - chi2.cdf(...) rounds a tiny p-value to 0",
        lambda table: _test(table, tail="1-cdf"),
    ),
)


PART_MISTAKES = tuple(part_mistakes(MISTAKES, index, whole_must_agree=True) for index in range(len(PARTS)))


def _check(outcome, expected, what="", rtol=1e-7, atol=1e-12):
    for index, name in enumerate(PARTS):
        exact = name == "dof"
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + what,
            rtol=0 if exact else rtol,
            atol=0 if exact or (name == "p_value" and atol < 1e-9) else atol,  # tiny p-values count
            mistakes=PART_MISTAKES[index],
        )


def _table(rng, r, c, scale):
    """Counts near independence (moderate p-values), none of the rows or columns all zero."""
    cells = np.outer(rng.dirichlet(np.full(r, 4.0)), rng.dirichlet(np.full(c, 4.0))) * r * c
    return rng.poisson(scale * cells * rng.uniform(0.7, 1.3, size=(r, c))) + 1


@points(3)
def test_matches_scipy_on_random_inputs(chi_squared_independence):
    rng = seeded(8201)
    for r, c, scale in ((2, 3, 10), (3, 2, 30), (3, 3, 5), (4, 6, 40), (5, 2, 100)):
        table = _table(rng, r, c, scale)
        _check(chi_squared_independence.call(table), reference(table))


@points(1)
def test_two_by_two_tables_get_no_yates_correction(chi_squared_independence):
    yates = "; a 2 x 2 table, where scipy's default would apply Yates' correction"
    for table in ([[12, 5], [7, 15]], [[30, 10], [10, 30]]):
        _check(chi_squared_independence.call(table), reference(table), yates)
    strong = [[150, 5], [5, 150]]
    _check(
        chi_squared_independence.call(strong),
        reference(strong),
        "; a strong dependence: the p-value is tiny, but not 0",
    )


@points(1)
def test_accepts_lists_and_float32(chi_squared_independence):
    table = _table(seeded(8202), 3, 4, 20).astype(float)
    _check(
        chi_squared_independence.call(*as_lists((table,))), reference(table), ", table given as Python lists"
    )
    (single,) = as_float32((table,))
    _check(
        chi_squared_independence.call(single),
        reference(single.astype(float)),
        ", table given as a float32 array",
        rtol=2e-5,
        atol=1e-6,
    )


@points(1)
def test_rejects_bad_input(chi_squared_independence):
    expect_rejected(
        chi_squared_independence,
        [
            BadInput("a count cannot be negative", ([[10, -2], [5, 8]],)),
            BadInput("row 1 adds up to 0, so its expected counts are 0", ([[10, 4, 6], [0, 0, 0]],)),
            BadInput("column 2 adds up to 0, so its expected counts are 0", ([[10, 0], [5, 0], [7, 0]],)),
            BadInput("a contingency table is 2-D: rows and columns", ([10, 20, 30],)),
        ],
    )
