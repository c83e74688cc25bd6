"""Grader for statistics/chi_squared_test, against scipy.stats.chisquare."""

import numpy as np
from scipy.stats import chi2, chisquare

from mlkata.grading import Mistake, expect_close, part_mistakes, points, seeded, student_function
from mlkata.grading.checks import BadInput, as_float32, as_lists, expect_rejected
from mlkata.grading.memo import cached_reference

chi_squared_test = student_function("chi_squared_test")
REFERENCE = "scipy.stats.chisquare(observed, expected, ddof=ddof)"
PARTS = ("statistic", "p_value")


@cached_reference
def reference(observed, expected=None, ddof=0):
    expected = None if expected is None else np.asarray(expected, float)
    result = chisquare(np.asarray(observed, float), expected, ddof=ddof)
    return float(result.statistic), float(result.pvalue)


def _counts(observed, expected):
    observed = np.asarray(observed, float)
    if expected is None:
        return observed, np.full_like(observed, observed.mean())
    return observed, np.asarray(expected, float)


def _test(observed, expected=None, ddof=0, *, dof_shift=-1, tail="sf", divide_by="expected", square=True):
    """The test with one knob per common mistake."""
    o, e = _counts(observed, expected)
    gaps = (o - e) ** 2 if square else o - e
    statistic = np.sum(gaps / (e if divide_by == "expected" else o))
    dof = o.size + dof_shift - ddof
    p = {"sf": chi2.sf, "cdf": chi2.cdf, "1-cdf": lambda x, k: 1 - chi2.cdf(x, k)}[tail](statistic, dof)
    return statistic, p


MISTAKES = (
    Mistake(
        "use chi2.sf(statistic, dof) for the p-value: 1 - chi2.cdf(...) rounds a tiny p-value to 0",
        lambda observed, expected=None, ddof=0: _test(observed, expected, ddof, tail="1-cdf"),
    ),
    Mistake(
        "the p-value is the upper tail, chi2.sf, not the lower tail chi2.cdf",
        lambda observed, expected=None, ddof=0: _test(observed, expected, ddof, tail="cdf"),
    ),
    Mistake(
        "the degrees of freedom are k - 1 - ddof: you used k - ddof (the counts' total is fixed, "
        "which costs one)",
        lambda observed, expected=None, ddof=0: _test(observed, expected, ddof, dof_shift=0),
    ),
    Mistake(
        "the degrees of freedom are k - 1 - ddof: you left out ddof",
        lambda observed, expected=None, ddof=0: _test(observed, expected, 0) if ddof else None,
    ),
    Mistake(
        "subtract ddof from the degrees of freedom, don't add it: k - 1 - ddof",
        lambda observed, expected=None, ddof=0: _test(observed, expected, -ddof) if ddof else None,
    ),
    Mistake(
        "divide each squared difference by the expected count E, not the observed count O",
        lambda observed, expected=None, ddof=0: _test(observed, expected, ddof, divide_by="observed"),
    ),
    Mistake(
        "square the differences O - E: unsquared, the deviations above and below cancel",
        lambda observed, expected=None, ddof=0: _test(observed, expected, ddof, square=False),
    ),
    Mistake(
        "by default each expected count is the mean count (total / k), not the probability 1 / k",
        lambda observed, expected=None, ddof=0: (
            _test(observed, np.full(np.shape(observed), 1 / np.size(observed)), ddof)
            if expected is None
            else None
        ),
    ),
)


PART_MISTAKES = tuple(part_mistakes(MISTAKES, index, whole_must_agree=True) for index in range(len(PARTS)))


def _check(outcome, expected, what="", rtol=1e-7, atol=1e-12):
    for index, name in enumerate(PARTS):
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + what,
            rtol=rtol,
            atol=0 if name == "p_value" and atol < 1e-9 else atol,  # tiny p-values count
            mistakes=PART_MISTAKES[index],
        )


def _case(rng, k, total):
    probabilities = rng.dirichlet(np.full(k, 3.0))
    observed = rng.multinomial(total, probabilities)
    return observed, probabilities * total


@points(3)
def test_matches_scipy_on_random_inputs(chi_squared_test):
    rng = seeded(8101)
    for k, total in ((2, 30), (5, 200), (12, 5000)):
        observed, expected = _case(rng, k, total)
        _check(
            chi_squared_test.call(observed),
            reference(observed),
            " with uniform expected counts (the default)",
        )
        _check(chi_squared_test.call(observed, expected), reference(observed, expected))
        for ddof in (2, 1) if k > 3 else ():  # ddof=2 first: with ddof=1, k - ddof = k - 1 - 0
            _check(
                chi_squared_test.call(observed, expected, ddof=ddof),
                reference(observed, expected, ddof),
                f" with ddof={ddof}",
            )


@points(1)
def test_tiny_p_values_stay_accurate(chi_squared_test):
    for observed in ([60, 20, 10, 10], [120, 40, 20, 20], [60, 150, 80, 10, 200]):
        _check(chi_squared_test.call(observed), reference(observed), "; the p-value is tiny, but not 0")


@points(1)
def test_accepts_lists_and_float32(chi_squared_test):
    observed, expected = _case(seeded(8102), 6, 300)
    # Quarter counts survive float32 exactly, so the two totals still agree exactly.
    observed, expected = observed.astype(float), np.round(expected * 4) / 4
    expected[-1] += observed.sum() - expected.sum()
    _check(
        chi_squared_test.call(*as_lists((observed, expected))),
        reference(observed, expected),
        ", inputs given as Python lists",
    )
    single = as_float32((observed, expected))
    _check(
        chi_squared_test.call(*single),
        reference(*(a.astype(float) for a in single)),
        ", inputs given as float32 arrays",
        rtol=2e-5,
        atol=1e-6,
    )


@points(1)
def test_rejects_bad_input(chi_squared_test):
    probabilities = Mistake(
        "expected must hold counts with the same total as observed, not probabilities: raise ValueError "
        "when the totals differ",
        lambda observed, expected=None, ddof=0: _test(observed, expected, ddof),
    )
    expect_rejected(
        chi_squared_test,
        [
            BadInput(
                "the observed counts add up to 100 but the expected ones to 1",
                ([20, 30, 50], [0.25, 0.25, 0.5]),
                mistakes=(probabilities,),
            ),
            BadInput("the totals differ: 100 observed, 110 expected", ([20, 30, 50], [30, 30, 50])),
            BadInput("an expected count of 0 would divide by 0", ([20, 30, 50], [0, 50, 50])),
            BadInput("a count cannot be negative", ([20, -5, 35], [20, 10, 20])),
            BadInput("observed has 3 categories and expected 2", ([20, 30, 50], [50, 50])),
            BadInput("observed is empty", ([],)),
            BadInput("observed must be 1-D", ([[20, 30], [10, 40]],)),
            BadInput(
                "k - 1 - ddof = 3 - 1 - 5 is negative: no degrees of freedom", ([20, 30, 50],), {"ddof": 5}
            ),
        ],
    )
