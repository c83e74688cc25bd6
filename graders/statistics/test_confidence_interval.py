"""Grader for statistics/confidence_interval, against scipy.stats.t.interval."""

import numpy as np
from scipy.stats import norm, sem, t

from mlkata.grading import Mistake, expect_close, part_mistakes, points, seeded, student_function
from mlkata.grading.checks import BadInput, as_float32, as_lists, expect_rejected
from mlkata.grading.memo import cached_reference

confidence_interval = student_function("confidence_interval")
REFERENCE = "scipy.stats.t.interval(confidence, df=n - 1, loc=mean, scale=scipy.stats.sem(sample))"
PARTS = ("low", "high")


@cached_reference
def reference(sample, confidence=0.95):
    sample = np.asarray(sample, float)
    low, high = t.interval(confidence, df=len(sample) - 1, loc=sample.mean(), scale=sem(sample))
    return float(low), float(high)


def _interval(sample, confidence=0.95, *, quantile="t", tail="two", df_shift=-1, ddof=1, root=True):
    """The interval with one knob per common mistake."""
    x = np.asarray(sample, float)
    n = x.size
    level = (1 + confidence) / 2 if tail == "two" else confidence
    q = t.ppf(level, n + df_shift) if quantile == "t" else norm.ppf(level)
    spread = x.std(ddof=ddof) / (np.sqrt(n) if root else n)
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


@points(1)
def test_accepts_lists_and_float32(confidence_interval):
    sample = seeded(8302).normal(5.0, 2.0, size=25)
    _check(
        confidence_interval.call(*as_lists((sample,))), reference(sample), ", sample given as a Python list"
    )
    (single,) = as_float32((sample,))
    _check(
        confidence_interval.call(single),
        reference(single.astype(float)),
        ", sample given as a float32 array",
        rtol=2e-5,
        atol=1e-6,
    )


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
        ],
    )
