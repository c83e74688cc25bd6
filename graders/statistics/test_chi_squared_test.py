"""Grader for statistics/chi_squared_test, against scipy.stats.chisquare."""

from dataclasses import replace

import numpy as np
from scipy.stats import chi2, chisquare

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
from mlkata.grading.domains import Domain, Param, Reals, read_only
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

chi_squared_test = student_function("chi_squared_test")
REFERENCE = "scipy.stats.chisquare(observed, expected, ddof=ddof)"
PARTS = ("statistic", "p_value")


def _lopsided(values, rng):
    """One category holds most of the counts: the p-value is tiny, but not 0."""
    observed = np.round(values["observed"])
    observed[0] = 40 * observed.sum()
    values["observed"] = observed
    return values


def _zero_counts(values, rng):
    """Categories observed 0 times (their expected counts stay positive)."""
    observed = np.round(values["observed"])
    observed[::3] = 0.0
    values["observed"] = observed
    return values


DOMAIN = Domain(
    seed=8103,
    args=(Reals("observed", low=1, high=60, uint8=True, offset=True, tiny=True),),
    params=(Param("ddof", 0, values=(1, 2), invalid=(3, 10), why_invalid="leaves no degree of freedom"),),
    sizes={"n": (2, 12, 6, 30)},
    custom={"a tiny p-value": _lopsided, "zero counts": _zero_counts},
)
"""Each case is tried with the default expected counts and with given ones (:func:`_with_expected`)."""


@cached_reference
def reference(observed, expected=None, ddof=0):
    expected = None if expected is None else np.asarray(expected, float)
    result = chisquare(np.asarray(observed, float), expected, ddof=ddof)
    return float(result.statistic), float(result.pvalue)


def _counts(observed, expected, raw=False, floor=False):
    observed = np.asarray(observed) if raw else np.asarray(observed, float)
    if expected is None:
        mean = observed.sum() // observed.size if floor else observed.mean()
        return observed, np.full(observed.shape, mean, dtype=observed.dtype if floor else float)
    return observed, np.asarray(expected) if raw else np.asarray(expected, float)


def _test(
    observed,
    expected=None,
    ddof=0,
    *,
    dof_shift=-1,
    tail="sf",
    divide_by="expected",
    square=True,
    raw=False,
    floor=False,
    eps=0.0,
    shortcut=False,
):
    """The test with one knob per common mistake."""
    o, e = _counts(observed, expected, raw, floor)
    gaps = (o - e) ** 2 if square else o - e
    if shortcut:
        statistic = max(0.0, np.sum(o * o / e) - np.sum(o))
    else:
        statistic = np.sum(gaps / ((e if divide_by == "expected" else o) + eps))
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
    Mistake(
        "your subtraction O - E wrapped around: integer types such as uint8 have no negative "
        "values; convert the counts to float first (np.asarray(observed, dtype=float))",
        lambda observed, expected=None, ddof=0: _test(observed, expected, ddof, raw=True),
    ),
    Mistake(
        "each default expected count is total / k: the integer division total // k truncates it",
        lambda observed, expected=None, ddof=0: (
            _test(observed, expected, ddof, floor=True, raw=True) if expected is None else None
        ),
    ),
    Mistake(
        "the shortcut sum(O^2 / E) - N cancels catastrophically on large counts: sum (O - E)^2 / E",
        lambda observed, expected=None, ddof=0: _test(observed, expected, ddof, shortcut=True),
    ),
    *(
        Mistake(
            "an epsilon added to the expected counts 'for safety' changes the statistic, and on "
            "small counts it dominates: divide by E itself (an expected count of 0 is refused)",
            lambda observed, expected=None, ddof=0, eps=eps: _test(observed, expected, ddof, eps=eps),
        )
        for eps in (1e-12, 1e-10, 1e-8)
    ),
)


PART_MISTAKES = tuple(part_mistakes(MISTAKES, index, whole_must_agree=True) for index in range(len(PARTS)))


def _check(outcome, expected, what="", rtol=1e-7, atol=1e-12):
    """Each part against the reference's; ``rtol`` and ``atol`` may be one per part."""
    for index, name in enumerate(PARTS):
        part_rtol = rtol[index] if isinstance(rtol, tuple) else rtol
        part_atol = atol[index] if isinstance(atol, tuple) else atol
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + what,
            rtol=part_rtol,
            atol=0 if name == "p_value" and part_atol < 1e-9 else part_atol,  # tiny p-values count
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


def _with_expected(case):
    """``case`` with expected counts given: observed's own counts rotated (same total and type)."""
    observed = case.args[0]
    rotated = np.roll(np.asarray(observed), 1)
    if isinstance(observed, list):
        rotated = rotated.tolist()
    elif not observed.flags.writeable:
        rotated = read_only(rotated)
    return replace(case, name=f"{case.name}, expected given", args=(observed, rotated))


def _rescaled_reference(observed, expected=None, ddof=0):
    """The reference with expected rescaled to observed's total: inputs rounded apart still agree."""
    if expected is not None:
        expected = np.asarray(expected, float) * (np.sum(observed) / np.sum(expected))
    return reference(observed, expected, ddof)


def _judge(function, case):
    outcome = case_outcome(function, case)
    expected = reference(*case.widened, **case.widened_kwargs)
    tolerances = [
        case_tolerances(
            lambda *a, i=i, **k: _rescaled_reference(*a, **k)[i], case, expected[i], rtol=1e-7, atol=1e-12
        )
        for i in range(len(PARTS))
    ]
    rtol, atol = (tuple(t) for t in zip(*tolerances, strict=True))
    _check(outcome, expected, case_suffix(case), rtol, atol)


@points(2)
def test_every_corner_of_the_domain(chi_squared_test):
    for case in DOMAIN.corner_cases():
        _judge(chi_squared_test, case)
        if not np.any(np.asarray(case.args[0]) == 0):
            _judge(chi_squared_test, _with_expected(case))


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
            *DOMAIN.bad_inputs(),
        ],
    )


def _judge_both(function, case):
    if np.size(case.args[0]) - 1 - case.kwargs.get("ddof", 0) < 1:  # property tests draw any size
        expect_raises(call_case(function, case), because="k - 1 - ddof < 1 leaves no degree of freedom")
        return
    _judge(function, case)
    if not np.any(np.asarray(case.args[0]) == 0):
        _judge(function, _with_expected(case))


@robust()
@points(1)
def test_counts_in_the_billions(chi_squared_test):
    """int64 counts near 1e10, O - E past 3e9: its square (1e19) passes int64's 9.2e18."""
    rng = seeded(8203)
    observed = rng.integers(1_000_000_000, 30_000_000_000, size=6, dtype=np.int64)
    expected = observed[::-1].copy()  # the same total, counts in another order
    _check(
        chi_squared_test.call(observed, expected),
        reference(observed, expected),
        "; int64 counts, expected given",
    )
    _check(chi_squared_test.call(observed), reference(observed), "; int64 counts in the billions")
    _check(chi_squared_test.call(observed, expected, ddof=2), reference(observed, expected, 2), "; ddof=2")


def _fast_inputs(n, rng):
    observed = rng.poisson(50.0, size=n) + 1.0
    expected = rng.uniform(0.5, 1.5, size=n)
    return {"observed": observed, "expected": expected * (observed.sum() / expected.sum())}


FAST = Fast(inputs=_fast_inputs, within=5.0)


PROPERTIES = (Differential("chi_squared_test", DOMAIN, judge=_judge_both),)
