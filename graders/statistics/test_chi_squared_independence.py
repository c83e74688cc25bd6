"""Grader for statistics/chi_squared_independence, against scipy.stats.chi2_contingency.

scipy applies Yates' continuity correction to 2 x 2 tables unless ``correction=False``;
the exercise never does, so the reference is called with ``correction=False``.
"""

import numpy as np
from scipy.stats import chi2, chi2_contingency

from mlkata.grading import (
    Mistake,
    expect_close,
    expect_raises,
    part_mistakes,
    points,
    seeded,
    student_function,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

chi_squared_independence = student_function("chi_squared_independence")
REFERENCE = "scipy.stats.chi2_contingency(table, correction=False)"
PARTS = ("statistic", "p_value", "dof", "expected")


def _dependent(values, rng):
    """A strong dependence: counts on the diagonal, the p-value tiny but not 0."""
    table = np.round(values["table"]) + 1
    r, c = table.shape
    table[np.arange(min(r, c)), np.arange(min(r, c))] += 50 * table.sum()
    values["table"] = table
    return values


def _zero_cells(values, rng):
    """Cells of 0 count (no row or column all 0)."""
    table = np.round(values["table"]) + 1
    table[0, 1:] = 0.0
    values["table"] = table
    return values


def _small_two_by_two(values, rng):
    """A 2 x 2 table with cells below 5 (where some apply Yates' correction: not here)."""
    values["table"] = rng.integers(1, 5, size=(2, 2)) + np.array([[0, 6], [5, 0]])
    return values


DOMAIN = Domain(
    seed=8203,
    args=(Reals("table", ("r", "c"), low=1, high=30, uint8=True, offset=True, tiny=True),),
    sizes={"r": (2, 3, 4, 5), "c": (3, 2, 6, 2)},
    empty=None,
    custom={
        "a strong dependence": _dependent,
        "zero cells": _zero_cells,
        "a 2 x 2 table with small cells": _small_two_by_two,
    },
)


@cached_reference
def reference(table, correction=False):
    result = chi2_contingency(np.asarray(table, float), correction=correction)
    return float(result.statistic), float(result.pvalue), int(result.dof), result.expected_freq


def _test(table, *, expected="outer", dof="product", tail="sf", eps=0.0):
    """The test with one knob per common mistake."""
    floor = expected in ("floor", "integer")
    table = np.asarray(table) if floor else np.asarray(table, float)
    rows, columns, total = table.sum(axis=1), table.sum(axis=0), table.sum()
    E = {
        "outer": lambda: np.outer(rows, columns) / total,
        "shortcut": lambda: np.outer(rows, columns) / total,
        "floor": lambda: np.outer(rows, columns) // total,
        "integer": lambda: np.outer(rows, columns) / total,
        "no total": lambda: np.outer(rows, columns),
        "transposed": lambda: np.outer(columns, rows) / total,
        "mean": lambda: np.full_like(table, table.mean()),
    }[expected]()
    r, c = table.shape
    k = {"product": (r - 1) * (c - 1), "cells": r * c - 1, "sum": (r - 1) + (c - 1)}[dof]
    if E.shape != table.shape:
        statistic = np.nan
    elif expected == "shortcut":
        statistic = max(0.0, np.sum(table * table / E) - total)
    else:
        statistic = np.sum((table - E) ** 2 / (E + eps))
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
    Mistake(
        "row total * column total // N is integer division: it truncates the expected counts; "
        "divide with / (or make the table float first)",
        lambda table: _test(table, expected="floor") if np.asarray(table).dtype.kind in "iu" else None,
    ),
    Mistake(
        "row total * column total in int64 wraps around past 9.2e18 (tables of counts in the "
        "billions): make the table float first (np.asarray(table, dtype=float))",
        lambda table: _test(table, expected="integer") if np.asarray(table).dtype.kind in "iu" else None,
    ),
    Mistake(
        "the shortcut sum(O^2 / E) - N cancels catastrophically on large counts: sum (O - E)^2 / E",
        lambda table: _test(table, expected="shortcut"),
    ),
    *(
        Mistake(
            "an epsilon added to the expected counts 'for safety' changes the statistic, and on "
            "small counts it dominates: divide by E itself (a row or column of 0 is refused)",
            lambda table, eps=eps: _test(table, eps=eps),
        )
        for eps in (1e-12, 1e-10, 1e-8)
    ),
)


PART_MISTAKES = tuple(part_mistakes(MISTAKES, index, whole_must_agree=True) for index in range(len(PARTS)))


def _check(outcome, expected, what="", rtol=1e-7, atol=1e-12):
    """Each part against the reference's; ``rtol`` and ``atol`` may be one per part."""
    for index, name in enumerate(PARTS):
        exact = name == "dof"
        part_rtol = rtol[index] if isinstance(rtol, tuple) else rtol
        part_atol = atol[index] if isinstance(atol, tuple) else atol
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + what,
            rtol=0 if exact else part_rtol,
            atol=0 if exact or (name == "p_value" and part_atol < 1e-9) else part_atol,  # tiny p-values count
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


def _part_reference(index):
    return lambda table: reference(table)[index]


def _judge(function, case):
    if min(np.shape(case.args[0])) < 2:  # property tests draw any size
        expect_raises(call_case(function, case), because="a table needs at least 2 rows and 2 columns")
        return
    outcome = case_outcome(function, case)
    expected = reference(*case.widened)
    tolerances = [
        case_tolerances(_part_reference(i), case, expected[i], rtol=1e-7, atol=1e-12)
        for i in range(len(PARTS))
    ]
    rtol, atol = (tuple(t) for t in zip(*tolerances, strict=True))
    _check(outcome, expected, case_suffix(case), rtol, atol)


@points(2)
def test_every_corner_of_the_domain(chi_squared_independence):
    for case in DOMAIN.corner_cases():
        _judge(chi_squared_independence, case)


@points(1)
def test_rejects_bad_input(chi_squared_independence):
    expect_rejected(
        chi_squared_independence,
        [
            BadInput("a count cannot be negative", ([[10, -2], [5, 8]],)),
            BadInput("row 1 adds up to 0, so its expected counts are 0", ([[10, 4, 6], [0, 0, 0]],)),
            BadInput("column 2 adds up to 0, so its expected counts are 0", ([[10, 0], [5, 0], [7, 0]],)),
            BadInput("a contingency table is 2-D: rows and columns", ([10, 20, 30],)),
            BadInput("a table needs at least 2 rows", ([[10, 20, 30]],)),
            BadInput("a table needs at least 2 columns", ([[10], [20]],)),
            BadInput("the table is empty", (np.zeros((0, 3)),)),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_counts_in_the_billions(chi_squared_independence):
    """int64 counts near 1e10: a row total times a column total (1e20) passes int64's 9.2e18."""
    rng = seeded(8202)
    for r, c in ((2, 2), (3, 4)):
        table = rng.integers(5_000_000_000, 20_000_000_000, size=(r, c), dtype=np.int64)
        _check(chi_squared_independence.call(table), reference(table), "; int64 counts in the billions")


def _fast_inputs(n, rng):
    side = max(int(np.sqrt(n)), 2)
    return {"table": rng.poisson(20.0, size=(side, side)) + 1}


FAST = Fast(inputs=_fast_inputs, within=5.0, why="a square table of n cells")


PROPERTIES = (Differential("chi_squared_independence", DOMAIN, judge=_judge),)
