"""Grader for statistics/welch_t_test, against scipy.stats.ttest_ind(equal_var=False)."""

import warnings

import numpy as np
from scipy.stats import norm, t, ttest_ind

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
from mlkata.grading.extremes import FLOAT32_OVERFLOW, hint_when_not_finite, near_float32_max
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

welch_t_test = student_function("welch_t_test")
REFERENCE = "scipy.stats.ttest_ind(a, b, equal_var=False)"
PARTS = ("statistic", "p_value")


def _unequal(values, rng):
    """3 noisy values against 400 precise ones: Welch's dof is near n_a - 1 = 2, not 401."""
    values["a"] = rng.normal(1.0, 10.0, size=3)
    values["b"] = rng.normal(-2.0, 0.1, size=400)
    return values


def _one_constant(values, rng):
    """a is constant (variance 0): fine, as long as b varies; the dof are n_b - 1."""
    values["a"] = np.full(values["a"].shape, 2.5)
    return values


def _tiny_p_value(values, rng):
    """Means some 13 standard errors apart: the p-value is tiny (1e-18), but not 0."""
    values["a"] = rng.normal(0.0, 1.0, size=25)
    values["b"] = rng.normal(3.5, 1.0, size=30)
    return values


def _same_values(values, rng):
    """b holds a's values in another order: t = 0 and p = 1."""
    values["b"] = values["a"][::-1].copy()
    return values


DOMAIN = Domain(
    seed=8403,
    args=(
        Reals("a", shape=("n",), scale=2, loc=1, uint8=True, offset=True, tiny=True, nan_rejected=True),
        Reals("b", shape=("m",), scale=5, loc=3, uint8=True, offset=True, tiny=True, nan_rejected=True),
    ),
    sizes={"n": (2, 5, 30, 300), "m": (3, 40, 2, 1000)},
    custom={
        "very unequal sizes and variances": _unequal,
        "one sample constant": _one_constant,
        "a tiny p-value": _tiny_p_value,
        "equal means": _same_values,
    },
)


@cached_reference
def reference(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = ttest_ind(np.asarray(a, float), np.asarray(b, float), equal_var=False)
    return float(result.statistic), float(result.pvalue)


def _test(
    a,
    b,
    *,
    ddof=1,
    pooled=False,
    dof="welch",
    tail="two",
    spread="se",
    moments=None,
    flip=False,
    eps=0.0,
):
    """The test with one knob per common mistake."""
    raw_a, raw_b = np.asarray(a), np.asarray(b)
    a, b = np.asarray(a, float), np.asarray(b, float)
    if flip:
        a, b = b, a
    n_a, n_b = a.size, b.size
    if moments == "sums":  # sum x^2 - n mean^2: cancels catastrophically far from 0
        v_a = (np.sum(a * a) - n_a * a.mean() ** 2) / (n_a - ddof)
        v_b = (np.sum(b * b) - n_b * b.mean() ** 2) / (n_b - ddof)
    elif moments == "raw":  # the same, with the squares in the input dtype (uint8 wraps around)
        v_a = (np.sum(raw_a * raw_a) - n_a * a.mean() ** 2) / (n_a - ddof)
        v_b = (np.sum(raw_b * raw_b) - n_b * b.mean() ** 2) / (n_b - ddof)
    elif moments == "means":  # E[x^2] - E[x]^2, the same
        v_a = (np.mean(a * a) - a.mean() ** 2) * n_a / (n_a - ddof)
        v_b = (np.mean(b * b) - b.mean() ** 2) * n_b / (n_b - ddof)
    else:
        v_a, v_b = a.var(ddof=ddof), b.var(ddof=ddof)
    if pooled:
        pool = ((n_a - 1) * v_a + (n_b - 1) * v_b) / (n_a + n_b - 2)
        se2_a, se2_b = pool / n_a, pool / n_b
    elif spread == "variances":
        se2_a, se2_b = v_a, v_b
    else:
        se2_a, se2_b = v_a / n_a, v_b / n_b
    statistic = (a.mean() - b.mean()) / (np.sqrt(se2_a + se2_b) + eps)
    nu = {
        "welch": (se2_a + se2_b) ** 2 / (se2_a**2 / (n_a - 1) + se2_b**2 / (n_b - 1)),
        "student": n_a + n_b - 2,
        "smaller": min(n_a, n_b) - 1,
    }[dof]
    p = {
        "two": lambda: 2 * t.sf(abs(statistic), nu),
        "one": lambda: t.sf(abs(statistic), nu),
        "signed": lambda: 2 * t.sf(statistic, nu),
        "1-cdf": lambda: 2 * (1 - t.cdf(abs(statistic), nu)),
        "normal": lambda: 2 * norm.sf(abs(statistic)),
    }[tail]()
    return float(statistic), float(p)


MISTAKES = (
    Mistake(
        "that is Student's t-test, with one pooled variance for both groups: Welch's test keeps each "
        "group's own variance, sqrt(var_a / n_a + var_b / n_b)",
        lambda a, b: _test(a, b, pooled=True, dof="student"),
    ),
    Mistake(
        "use the sample variances (ddof=1), not the population ones (np.var's default ddof=0)",
        lambda a, b: _test(a, b, ddof=0),
    ),
    Mistake(
        "Welch's degrees of freedom come from the Welch-Satterthwaite formula, not n_a + n_b - 2",
        lambda a, b: _test(a, b, dof="student"),
    ),
    Mistake(
        "min(n_a, n_b) - 1 is a conservative bound on the degrees of freedom: use the "
        "Welch-Satterthwaite formula",
        lambda a, b: _test(a, b, dof="smaller"),
    ),
    Mistake(
        "the p-value is two-sided: double the tail, 2 * t.sf(|t|, dof)",
        lambda a, b: _test(a, b, tail="one"),
    ),
    Mistake(
        "take the tail beyond |t|: 2 * t.sf(t, dof) is above 1 when t < 0",
        lambda a, b: _test(a, b, tail="signed"),
    ),
    Mistake(
        "use t.sf(|t|, dof) for the tail: 1 - t.cdf(...) rounds a tiny p-value to 0",
        lambda a, b: _test(a, b, tail="1-cdf"),
    ),
    Mistake(
        "the statistic follows Student's t distribution with the Welch dof, not the normal one",
        lambda a, b: _test(a, b, tail="normal"),
    ),
    Mistake(
        "the statistic is mean(a) minus mean(b): your sign is flipped (b minus a)",
        lambda a, b: _test(a, b, flip=True),
    ),
    Mistake(
        "divide each variance by its sample size: the standard error is sqrt(var_a / n_a + var_b / n_b)",
        lambda a, b: _test(a, b, spread="variances"),
    ),
    *(
        Mistake(
            "the variance as mean(x**2) - mean(x)**2 cancels catastrophically when the values are far "
            "from 0 (1e9 + a small spread): sum the squared *centred* values",
            lambda a, b, form=form: _test(a, b, moments=form),
        )
        for form in ("sums", "means")
    ),
    Mistake(
        "your squares wrapped around: x * x stays in 0..255 for uint8 input; convert the samples "
        "to float first (np.asarray(a, dtype=float))",
        lambda a, b: (
            _test(a, b, moments="raw") if "u" in np.asarray(a).dtype.kind + np.asarray(b).dtype.kind else None
        ),
    ),
    *(
        Mistake(
            "an epsilon added to the standard error 'for safety' changes the statistic, and on "
            "small-scale data it dominates: both samples constant is refused, nothing divides by 0",
            lambda a, b, eps=eps: _test(a, b, eps=eps),
        )
        for eps in (1e-12, 1e-10, 1e-8)
    ),
)
PART_MISTAKES = tuple(part_mistakes(MISTAKES, index, whole_must_agree=True) for index in range(len(PARTS)))


def _check(outcome, expected, what="", rtol=(1e-7, 1e-7), atol=(1e-12, 0.0)):
    """Each part against the reference's; a tiny p-value is compared relatively (atol 0)."""
    for index, name in enumerate(PARTS):
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + what,
            rtol=rtol[index],
            atol=atol[index],
            mistakes=PART_MISTAKES[index],
        )


@points(3)
def test_matches_scipy_on_random_inputs(welch_t_test):
    rng = seeded(8401)
    for n_a, n_b, scale_b, shift in (
        (2, 3, 1.0, 0.5),
        (8, 5, 4.0, -3.0),
        (40, 25, 0.3, 0.2),
        (500, 60, 9.0, 1.0),
    ):
        a = rng.normal(0.0, 1.0, size=n_a)
        b = rng.normal(shift, scale_b, size=n_b)
        _check(welch_t_test.call(a, b), reference(a, b))


@points(2)
def test_unequal_variances_and_sizes(welch_t_test):
    rng = seeded(8402)
    for a, b, why in (
        ([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 8.0, 10.0], "; the docstring's example, dof 5.52"),
        (
            rng.normal(0, 12, size=4),
            rng.normal(3, 0.5, size=300),
            "; 4 noisy values against 300 precise ones",
        ),
        (
            rng.normal(1.3, 1, size=200),
            rng.normal(0, 1, size=150),
            "; 12 standard errors apart: a tiny p-value",
        ),
        ([3.0, 3.0, 3.0], [1.0, 2.5, 4.0, 2.0], "; a is constant, b is not: the dof are n_b - 1"),
        ([9.0, 7.0, 8.0], [1.0, 3.0, 2.0, 4.0], "; mean(a) > mean(b): t > 0"),
    ):
        _check(welch_t_test.call(a, b), reference(a, b), why)


def _judge(function, case):
    a, b = (np.asarray(x, float) for x in case.widened)
    if np.ptp(a) == 0 and np.ptp(b) == 0:  # small integer draws can both be constant
        expect_raises(call_case(function, case), because="both samples are constant: the standard error is 0")
        return
    outcome = case_outcome(function, case)
    expected = reference(*case.widened)
    tolerances = [
        case_tolerances(
            lambda *x, i=i: reference(*x)[i], case, expected[i], rtol=1e-7, atol=1e-12 if i == 0 else 0.0
        )
        for i in range(len(PARTS))
    ]
    rtol, atol = (tuple(part) for part in zip(*tolerances, strict=True))
    if case.name == "offset":
        atol = _offset_tolerance(a, b, expected, atol)
    _check(outcome, expected, case_suffix(case), rtol, atol)


def _offset_tolerance(a, b, expected, atol):
    """Near 1e9 a mean is known to about eps * 1e9 (its sum's rounding), so t to that over the
    standard error, and the p-value to the tail's slope times that (a plain two-pass mean and
    variance, as scipy's, stays within it; a mean-square formula is off by far more)."""
    shift = a[0]  # exact: the values share their exponent
    se2_a, se2_b = np.var(a - shift, ddof=1) / a.size, np.var(b - shift, ddof=1) / b.size
    se = np.sqrt(se2_a + se2_b)
    scale = max(np.abs(a).max(), np.abs(b).max())
    dof = (se2_a + se2_b) ** 2 / (se2_a**2 / (a.size - 1) + se2_b**2 / (b.size - 1))
    slack = 64 * np.finfo(float).eps * scale / se
    return max(atol[0], slack), max(atol[1], 2 * t.pdf(expected[0], dof) * slack)


@points(2)
def test_every_corner_of_the_domain(welch_t_test):
    for case in DOMAIN.corner_cases():
        _judge(welch_t_test, case)


@points(1)
def test_rejects_bad_input(welch_t_test):
    nan = Mistake(
        "both samples constant: the standard error is 0 and t is a division by 0; raise ValueError "
        "instead of returning inf or nan",
        lambda a, b: _test(a, b),
    )
    expect_rejected(
        welch_t_test,
        [
            BadInput("a has 1 value: no sample variance", ([4.0], [1.0, 2.0, 3.0])),
            BadInput("b has 1 value: no sample variance", ([1.0, 2.0, 3.0], [4.0])),
            BadInput(
                "both samples are constant: the standard error is 0",
                ([3.0, 3.0, 3.0], [5.0, 5.0]),
                mistakes=(nan,),
            ),
            BadInput("a is empty", ([], [1.0, 2.0])),
            BadInput("a must be 1-D", ([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0, 3.0])),
            BadInput("b holds inf", ([1.0, 2.0, 3.0], [1.0, np.inf, 2.0])),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_float32_values_near_float32_max(welch_t_test):
    """float32 values near 3e38: t and p are ordinary numbers, but the sums and squares overflow float32."""
    rng = seeded(8404)
    a, b = near_float32_max(rng, 12), near_float32_max(rng, 9, low=0.1, high=0.5)
    with hint_when_not_finite(FLOAT32_OVERFLOW):
        _check(welch_t_test.call(a, b), reference(a, b), "; float32 values near float32's largest, 3.4e38")


def _fast_inputs(n, rng):
    return {"a": rng.normal(0.0, 1.0, size=n // 2), "b": rng.normal(0.1, 2.0, size=n - n // 2)}


FAST = Fast(inputs=_fast_inputs, within=5.0)


PROPERTIES = (Differential("welch_t_test", DOMAIN, judge=_judge),)
