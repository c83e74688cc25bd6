"""Grader for statistics/confidence_interval, against scipy.stats.t.interval."""

import numpy as np
from scipy.stats import norm, sem, t

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
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, hint_when_not_finite, near_float32_max
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

confidence_interval = student_function("confidence_interval")
REFERENCE = "scipy.stats.t.interval(confidence, df=n - 1, loc=mean, scale=scipy.stats.sem(sample))"
PARTS = ("low", "high")


def _ties(values, rng):
    """Repeated values (a sample with few distinct values)."""
    values["sample"] = np.round(values["sample"])
    return values


DOMAIN = Domain(
    seed=8303,
    args=(Reals("sample", scale=3, loc=5, uint8=True, offset=True, tiny=True),),
    params=(
        Param(
            "confidence",
            0.95,
            values=(0.5, 0.99),
            invalid=(0.0, 1.0, 95, -0.5, 1.5),
            why_invalid="is not strictly between 0 and 1",
        ),
    ),
    sizes={"n": (5, 30, 12, 2)},
    custom={"repeated values": _ties},
)


@cached_reference
def reference(sample, confidence=0.95):
    sample = np.asarray(sample, float)
    low, high = t.interval(confidence, df=len(sample) - 1, loc=sample.mean(), scale=sem(sample))
    return float(low), float(high)


def _interval(
    sample, confidence=0.95, *, quantile="t", tail="two", df_shift=-1, ddof=1, root=True, moments=False
):
    """The interval with one knob per common mistake."""
    x = np.asarray(sample, float)
    n = x.size
    level = (1 + confidence) / 2 if tail == "two" else confidence
    q = t.ppf(level, n + df_shift) if quantile == "t" else norm.ppf(level)
    sd = np.sqrt(max(0.0, (np.sum(x * x) - n * x.mean() ** 2) / (n - ddof))) if moments else x.std(ddof=ddof)
    spread = sd / (np.sqrt(n) if root else n)
    return x.mean() - q * spread, x.mean() + q * spread


def _sd_only(sample, confidence=0.95):
    x = np.asarray(sample, float)
    q = t.ppf((1 + confidence) / 2, x.size - 1)
    return x.mean() - q * x.std(ddof=1), x.mean() + q * x.std(ddof=1)


MISTAKES = (
    Mistake(
        "use Student's t quantile with n - 1 degrees of freedom, not the normal one (1.96 for 95%): "
        "the standard deviation is estimated from the sample",
        lambda sample, confidence=0.95: _interval(sample, confidence, quantile="normal"),
    ),
    Mistake(
        "use the sample standard deviation (ddof=1) in the standard error, not the population one",
        lambda sample, confidence=0.95: _interval(sample, confidence, ddof=0),
    ),
    Mistake(
        "the interval is two-sided: take the quantile at (1 + confidence) / 2, not at confidence",
        lambda sample, confidence=0.95: _interval(sample, confidence, tail="one"),
    ),
    Mistake(
        "the t distribution has n - 1 degrees of freedom, not n",
        lambda sample, confidence=0.95: _interval(sample, confidence, df_shift=0),
    ),
    Mistake(
        "the standard error of the mean is s / sqrt(n): you used s itself",
        _sd_only,
    ),
    Mistake(
        "the standard error of the mean is s / sqrt(n), not s / n",
        lambda sample, confidence=0.95: _interval(sample, confidence, root=False),
    ),
    Mistake(
        "the variance as (sum x^2 - n mean^2) / (n - 1) cancels catastrophically when the mean is "
        "large compared with the spread: sum the squared *centred* values",
        lambda sample, confidence=0.95: _interval(sample, confidence, moments=True),
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
            atol=atol,
            mistakes=PART_MISTAKES[index],
        )


@points(3)
def test_matches_scipy_on_random_inputs(confidence_interval):
    rng = seeded(8301)
    # n = 2 last: there the population sd / sqrt(n) is the sample sd / n
    for n, loc, scale in ((5, 10.0, 3.0), (30, -4.0, 0.5), (1000, 100.0, 20.0), (2, 0.0, 1.0)):
        sample = rng.normal(loc, scale, size=n)
        _check(confidence_interval.call(sample), reference(sample), " with confidence=0.95 (the default)")
        for confidence in (0.5, 0.9, 0.99):
            _check(
                confidence_interval.call(sample, confidence=confidence),
                reference(sample, confidence),
                f" with confidence={confidence}",
            )


@points(1)
def test_small_samples_need_the_t_quantile(confidence_interval):
    for sample in ([2.0, 4.0, 9.0], [1.0, 1.5], [10.0, 12.0, 11.0, 15.0]):
        _check(
            confidence_interval.call(sample),
            reference(sample),
            f"; with n = {len(sample)} the t quantile is much wider than the normal one",
        )


def _judge(function, case):
    """Each bound as the reference's; at 1e9 relative to the interval's width, not its place."""
    if np.size(case.args[0]) < 2:  # property tests draw any size
        expect_raises(call_case(function, case), because="one value says nothing about the spread")
        return
    outcome = case_outcome(function, case)
    expected = reference(*case.widened, **case.widened_kwargs)
    width = expected[1] - expected[0]
    for index, name in enumerate(PARTS):

        def part(*args, index=index, **kwargs):
            return reference(*args, **kwargs)[index]

        rtol, atol = case_tolerances(part, case, expected[index], rtol=1e-7, atol=1e-12)
        mistakes = PART_MISTAKES[index]
        if case.name == "offset":
            rtol, atol = 0.0, atol + 1e-7 * width
            mistakes = _absolutely_close(mistakes, outcome, index, atol)
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + case_suffix(case),
            rtol=rtol,
            atol=atol,
            mistakes=mistakes,
        )


def _absolutely_close(mistakes, outcome, index, atol):
    """The mistakes whose bound is the learner's within ``atol``: near 1e9, hints match relatively
    to 1e-6, which every mistake of the width meets."""
    try:
        got = float(outcome.value[index])
    except (TypeError, ValueError, IndexError):
        return mistakes
    close = []
    for mistake in mistakes:
        try:
            with np.errstate(all="ignore"):
                wrong = float(mistake.compute(*outcome.args, **outcome.kwargs)[index])
        except Exception:
            continue
        if abs(wrong - got) <= atol:
            close.append(mistake)
    return tuple(close)


@points(2)
def test_every_corner_of_the_domain(confidence_interval):
    for case in DOMAIN.corner_cases():
        _judge(confidence_interval, case)


@points(1)
def test_rejects_bad_input(confidence_interval):
    sample = [4.0, 6.0, 5.0, 7.0]
    percent = Mistake(
        "confidence is a probability such as 0.95, not a percentage such as 95",
        lambda sample, confidence=0.95: _interval(sample, confidence),
    )
    expect_rejected(
        confidence_interval,
        [
            BadInput("one value says nothing about the spread (n - 1 = 0)", ([4.0],)),
            BadInput("the sample is empty", ([],)),
            BadInput(
                "confidence=95 is a percentage: it must lie strictly between 0 and 1",
                (sample,),
                {"confidence": 95},
                mistakes=(percent,),
            ),
            BadInput("confidence=1 would need an infinitely wide interval", (sample,), {"confidence": 1.0}),
            BadInput("confidence=0 is not a confidence level", (sample,), {"confidence": 0.0}),
            BadInput("confidence=-0.5 is not a probability", (sample,), {"confidence": -0.5}),
            BadInput("the sample must be 1-D", ([[4.0, 6.0], [5.0, 7.0]],)),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_float32_near_its_largest_and_extreme_levels(confidence_interval):
    """float32 values near 3e38 (their sum and squares overflow float32), then levels 1e-6 and 0.999999."""
    rng = seeded(8304)
    sample = near_float32_max(rng, 30)
    with hint_when_not_finite(FLOAT32_OVERFLOW):
        _check(confidence_interval.call(sample), reference(sample), "; float32 values near 3.4e38")
    small = rng.normal(5.0, 2.0, size=3)
    for level in (1e-6, 0.999999):
        _check(
            confidence_interval.call(small, confidence=level),
            reference(small, level),
            f"; 3 values, confidence={level}",
        )


FAST = Fast(inputs=lambda n, rng: {"sample": rng.normal(5.0, 2.0, size=n)}, within=5.0)


PROPERTIES = (Differential("confidence_interval", DOMAIN, judge=_judge),)
