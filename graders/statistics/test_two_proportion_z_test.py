"""Grader for statistics/two_proportion_z_test: the pooled z from exact fractions, scipy's normal tail."""

import math
from dataclasses import replace
from fractions import Fraction
from statistics import NormalDist

import numpy as np
from scipy.stats import norm

from mlkata.grading import Mistake, expect_close, part_mistakes, points, student_function
from mlkata.grading.checks import BadInput, Differential, case_outcome, case_suffix, expect_rejected
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.extremes import hint_when_not_finite
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

two_proportion_z_test = student_function("two_proportion_z_test")
REFERENCE = "the pooled two-sided z-test: z from exact fractions, p = 2 * scipy.stats.norm.sf(|z|)"
PARTS = ("z", "p_value")
NAMES = ("successes_a", "n_a", "successes_b", "n_b")


def _set(*counts):
    def corner(values, rng):
        return dict(values, **dict(zip(NAMES, counts, strict=True)))

    return corner


DOMAIN = Domain(
    seed=8703,
    args=tuple(
        Reals(name, shape=(), low=low, high=high, uint8=True)
        for name, low, high in zip(NAMES, (0, 300, 0, 300), (60, 500, 60, 500), strict=True)
    ),
    sizes={"draw": (1, 2, 3, 4, 5)},
    corners=("integers", "uint8", "float32", "readonly", "lists"),
    empty=None,
    custom={
        "an A/B test with a million visitors each": _set(10_250, 1_000_000, 10_000, 1_000_000),
        "unequal group sizes": _set(30, 200, 300, 4000),
        "int32 counts whose product overflows int32": _set(
            *np.array([40_000, 50_000, 39_000, 50_000], np.int32)
        ),
        "uint8 counts whose sum overflows uint8": _set(*np.array([200, 250, 150, 250], np.uint8)),
        "whole-valued floats": _set(12.0, 80.0, 30.0, 90.0),
        "B converts better: z < 0": _set(45, 1000, 80, 1000),
        "nobody converted": _set(0, 40, 0, 70),
        "everybody converted": _set(15, 15, 8, 8),
        "a huge z": _set(900, 1000, 100, 1000),
    },
)
"""Drawn values are made valid counts by :func:`_as_counts` (the random ones become ints)."""


def _as_counts(case):
    """``case`` with each pair (successes, trials) made valid, keeping each value's type."""

    def keep_type(original, number):
        if case.name.startswith("random"):
            return number
        if isinstance(original, np.generic):
            return original.dtype.type(number)
        if isinstance(original, np.ndarray):
            return np.asarray(number, dtype=original.dtype)
        return float(number) if isinstance(original, float) else number

    counts = []
    for successes, trials in (case.args[:2], case.args[2:]):
        n = max(round(float(trials)), 1)
        counts += [keep_type(successes, round(float(successes)) % (n + 1)), keep_type(trials, n)]
    return replace(case, args=tuple(counts))


@cached_reference
def reference(successes_a, n_a, successes_b, n_b):
    x_a, n_a, x_b, n_b = (int(v) for v in (successes_a, n_a, successes_b, n_b))
    total, n = x_a + x_b, n_a + n_b
    if total in (0, n):
        return 0.0, 1.0
    difference = x_a * n_b - x_b * n_a  # (p_a - p_b) n_a n_b, exactly
    z = math.copysign(math.sqrt(Fraction(difference**2 * n, total * (n - total) * n_a * n_b)), difference)
    return z, float(2 * norm.sf(abs(z)))


def _test(x_a, n_a, x_b, n_b, *, se="pooled", tail="two", flip=False, correction=False, raw=False, zero=None):
    """The test, with one knob per common mistake; ``raw`` keeps numpy's integer types."""
    if not raw:
        x_a, n_a, x_b, n_b = (int(v) for v in (x_a, n_a, x_b, n_b))
    if flip:
        x_a, n_a, x_b, n_b = x_b, n_b, x_a, n_a
    p_a, p_b = x_a / n_a, x_b / n_b
    pooled = (p_a + p_b) / 2 if se == "average" else (x_a + x_b) / (n_a + n_b)
    if pooled in (0, 1) and zero is None:
        return 0.0, 1.0
    spread = {
        "pooled": pooled * (1 - pooled) * (1 / n_a + 1 / n_b),
        "average": pooled * (1 - pooled) * (1 / n_a + 1 / n_b),
        "unpooled": p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b,
        "total": pooled * (1 - pooled) / (n_a + n_b),
        "product": pooled * (1 - pooled) * (n_a + n_b) / (n_a * n_b),
    }[se]
    gap = abs(p_a - p_b) - (0.5 * (1 / n_a + 1 / n_b) if correction else 0.0)
    z = np.float64(math.copysign(max(gap, 0.0), p_a - p_b)) / np.sqrt(spread)  # 0 / 0 is nan here
    if not np.isfinite(z):
        return float(z), float("nan")
    p = NormalDist().cdf(-abs(z)) if tail == "one" else 2 * NormalDist().cdf(-abs(z))
    return float(z), float(p)


def _integers(*counts, bytes_per_count):
    """Whether a count is a numpy integer of that size (uint8 wraps in sums, int32 in products)."""
    return any(
        np.asarray(c).dtype.kind in "iu" and np.asarray(c).dtype.itemsize == bytes_per_count for c in counts
    )


MISTAKES = (
    Mistake(
        "under the null hypothesis both groups share one rate: use the pooled p = (x_a + x_b) / (n_a + "
        "n_b) in the standard error, sqrt(p (1 - p) (1/n_a + 1/n_b)), not each group's own rate",
        lambda *c: _test(*c, se="unpooled"),
    ),
    Mistake(
        "pool the counts, p = (x_a + x_b) / (n_a + n_b): the average of the two rates weighs a small "
        "group as much as a large one",
        lambda *c: _test(*c, se="average"),
    ),
    Mistake(
        "the standard error has one term per group: sqrt(p (1 - p) (1/n_a + 1/n_b)), not "
        "sqrt(p (1 - p) / (n_a + n_b))",
        lambda *c: _test(*c, se="total"),
    ),
    Mistake(
        "the p-value is two-sided: a difference in either direction counts, 2 * Phi(-|z|)",
        lambda *c: _test(*c, tail="one"),
    ),
    Mistake(
        "z is A's rate minus B's (positive when A converts better): your sign is flipped",
        lambda *c: _test(*c, flip=True),
    ),
    Mistake(
        "that is z with a continuity correction (|p_a - p_b| - (1/n_a + 1/n_b) / 2); the test "
        "documented here uses the plain difference p_a - p_b",
        lambda *c: _test(*c, correction=True),
    ),
    Mistake(
        "your counts wrapped around: numpy integers (uint8 up to 255, int32 up to 2**31 - 1) overflow "
        "in x_a + x_b or n_a * n_b; convert each count to a Python int (or float) first",
        lambda *c: _test(*c, raw=True) if _integers(*c, bytes_per_count=1) else None,
    ),
    Mistake(
        "your counts wrapped around: numpy integers (uint8 up to 255, int32 up to 2**31 - 1) overflow "
        "in x_a + x_b or n_a * n_b; convert each count to a Python int (or float) first",
        lambda *c: _test(*c, raw=True, se="product") if _integers(*c, bytes_per_count=4) else None,
    ),
    Mistake(
        "when every trial succeeded or every trial failed (pooled rate 0 or 1) both rates are equal "
        "and the standard error is 0: return z = 0.0, p = 1.0, as documented, not 0 / 0",
        lambda *c: _test(*c, zero="divide"),
    ),
)
PART_MISTAKES = tuple(part_mistakes(MISTAKES, index, whole_must_agree=True) for index in range(len(PARTS)))
TOLERANCES = ((1e-9, 1e-12), (1e-7, 1e-15))
"""(rtol, atol) of z and of the p-value: NormalDist().cdf is accurate to about 1e-16 absolutely."""
FLOAT32_RTOL = 1e-5
"""Counts given as float32: x_a / n_a in float32 is right to float32 precision only."""


def _check(outcome, counts, what="", float32=False):
    expected = reference(*counts)
    for index, name in enumerate(PARTS):
        rtol, atol = TOLERANCES[index]
        rtol = max(rtol, FLOAT32_RTOL) if float32 else rtol
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + what,
            rtol=rtol,
            atol=atol,
            mistakes=PART_MISTAKES[index],
        )


@points(3)
def test_matches_the_pooled_test_on_ab_tests(two_proportion_z_test):
    for counts in (
        (120, 1000, 100, 1000),
        (30, 200, 300, 4000),
        (5, 20, 9, 25),
        (45, 1000, 80, 1000),
        (1, 3, 2, 3),
        (10_250, 1_000_000, 10_000, 1_000_000),
    ):
        _check(two_proportion_z_test.call(*counts), counts)


@points(1)
def test_pooled_rate_of_0_or_1(two_proportion_z_test):
    for counts, why in (
        ((0, 50, 0, 80), "; nobody converted: (0.0, 1.0), as documented"),
        ((30, 30, 45, 45), "; everybody converted: (0.0, 1.0), as documented"),
        ((0, 1, 1, 1), "; rates 0 and 1 from one trial each: the pooled rate is 1/2"),
    ):
        _check(two_proportion_z_test.call(*counts), counts, why)


def _judge(function, case):
    case = _as_counts(case)
    _check(case_outcome(function, case), case.args, case_suffix(case), case.float32)


@points(2)
def test_every_corner_of_the_domain(two_proportion_z_test):
    for case in DOMAIN.cases():
        _judge(two_proportion_z_test, case)


@points(1)
def test_rejects_bad_input(two_proportion_z_test):
    expect_rejected(
        two_proportion_z_test,
        [
            BadInput("group A has 11 successes out of 10 trials", (11, 10, 5, 10)),
            BadInput("group B has 12 successes out of 10 trials", (5, 10, 12, 10)),
            BadInput("group A has 0 trials", (0, 0, 5, 10)),
            BadInput("group B has 0 trials", (3, 10, 0, 0)),
            BadInput("a count of successes cannot be negative", (-1, 10, 5, 10)),
            BadInput("a number of trials cannot be negative", (3, 10, -2, -5)),
            BadInput("2.5 successes is not a whole number", (2.5, 10, 5, 10)),
            BadInput("100.5 trials is not a whole number", (2, 100.5, 5, 10)),
            BadInput("NaN is not a count", (float("nan"), 10, 5, 10)),
            BadInput("inf is not a count", (3, 10, 5, float("inf"))),
            BadInput("an array is not one count", ([3, 4], [10, 10], 5, 10)),
            *DOMAIN.bad_inputs(),
        ],
    )


PRODUCT_OVERFLOW = (
    "n_a * n_b overflows int64 at 10^15 and 2 * 10^15 trials (2e30 > 9.2e18): keep the counts as "
    "Python ints (int(n_a)) or write the standard error with 1 / n_a + 1 / n_b"
)


@robust()
@points(1)
def test_one_trial_each_and_huge_groups(two_proportion_z_test):
    huge = tuple(np.int64(v) for v in (3, 10**15, 1, 2 * 10**15))
    for counts, why in (
        ((1, 1, 0, 1), "; one trial in each group"),
        ((0, 1, 2, 2), "; 1 and 2 trials"),
        (huge, "; int64 counts, 10^15 and 2 * 10^15 trials: rare events in huge groups"),
    ):
        with hint_when_not_finite(PRODUCT_OVERFLOW):
            _check(two_proportion_z_test.call(*counts), counts, why)


FAST = Fast(
    inputs=lambda n, rng: {"successes_a": 10_250, "n_a": n, "successes_b": 10_000, "n_b": n},
    why="four counts: the work is the same at any n, so this times one call of a few operations",
)


PROPERTIES = (Differential("two_proportion_z_test", DOMAIN, judge=_judge),)
