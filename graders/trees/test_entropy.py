"""Grader for trees/entropy, against scipy.stats.entropy of the class counts.

Besides the domain's bad inputs, ``y`` given as one label (a bare string such as ``"abc"``, a
number, a 0-d array) must be refused, as for every tree exercise
(:func:`mlkata.grading.trees.single_label_inputs`).
"""

import math

import numpy as np
from scipy.stats import entropy as scipy_entropy

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Param
from mlkata.grading.extremes import LABEL_RANGE, expect_not_refused, huge_labels
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.trees import LABEL_CORNERS, LABELS, every_label_once, single_label_inputs

entropy = student_function("entropy")
REFERENCE = "scipy.stats.entropy(np.unique(y, return_counts=True)[1], base=base)"


def _gappy(values, rng):
    """Labels 1, 4 and 9: counting with np.bincount(y) leaves classes of count 0 between them."""
    values["y"] = np.array([1, 4, 9])[np.asarray(values["y"])]
    return values


DOMAIN = Domain(
    seed=2201,
    args=(LABELS,),
    params=(
        Param(
            "base",
            2,
            values=(math.e, 10, 3),
            invalid=(0, -2.0, 1, 1.0),
            why_invalid="is not a positive number other than 1",
        ),
    ),
    sizes={"n": (1, 5, 40, 300)},
    custom={**LABEL_CORNERS, "labels 1, 4, 9 (gaps between them)": _gappy},
)


@cached_reference
def reference(y, base=2):
    return float(scipy_entropy(np.unique(np.asarray(y), return_counts=True)[1], base=base))


def _counts(y):
    return np.unique(np.asarray(y), return_counts=True)[1].astype(float)


def _p(y):
    return _counts(y) / np.size(y)


def _nats(y, base=2):
    return -np.sum(_p(y) * np.log(_p(y)))


def _bincounted(y, base=2):
    p = np.bincount(np.asarray(y)) / np.size(y)
    return -np.sum(p * np.log(p)) / np.log(base)


MISTAKES = (
    Mistake(
        "use the base you are given: log_b(p) = ln(p) / ln(base); yours is in nats (natural log)",
        lambda y, base=2: _nats(y),
    ),
    Mistake(
        "use the base you are given: log_b(p) = ln(p) / ln(base); yours is always in bits (log2)",
        lambda y, base=2: -np.sum(_p(y) * np.log2(_p(y))),
    ),
    Mistake(
        "to change the base, DIVIDE by ln(base): log_b(p) = ln(p) / ln(base)",
        lambda y, base=2: _nats(y) * np.log(base),
    ),
    Mistake(
        "the entropy is MINUS sum p log p (each log p is <= 0): your sign is flipped",
        lambda y, base=2: -_nats(y) / np.log(base),
    ),
    Mistake(
        "use the class proportions p_k = count_k / n, not the raw counts",
        lambda y, base=2: -np.sum(_counts(y) * np.log(_counts(y))) / np.log(base),
    ),
    Mistake(
        "sum over the classes, -sum_k p_k log p_k; summed over the samples, divide by n",
        lambda y, base=2: np.size(y) * _nats(y) / np.log(base),
    ),
    Mistake(
        "a class with count 0 adds nothing (0 log 0 = 0), but 0 * log(0) is nan in numpy: use only "
        "the classes present (np.unique(y, return_counts=True)), not np.bincount(y)",
        _bincounted,
    ),
)


@points(3)
def test_matches_scipy_on_random_labels(entropy):
    rng = seeded(2202)
    for n, labels in ((7, [3, 7, 9]), (2, [0, 1]), (50, ["spam", "eggs", "ham", "toast"]), (400, range(12))):
        y = every_label_once(rng, n, labels)
        expect_close(entropy.call(y), reference(y), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_every_base(entropy):
    rng = seeded(2203)
    y = every_label_once(rng, 30, ["a", "b", "c", "d"])
    for base in (math.e, 10, 2.0, 3, 0.5):
        expect_close(
            entropy.call(y, base=base),
            reference(y, base),
            reference=f"{REFERENCE} with base={base}",
            mistakes=MISTAKES,
        )


@points(1)
def test_worked_cases(entropy):
    for y, base, why in (
        (["x", "y", "y", "y"], 2, "; the docstring's example, -(1/4 log2 1/4 + 3/4 log2 3/4)"),
        ([0, 1, 2, 3], 4, "; four equal classes in base 4: 1"),
        ([5, 5], 2, "; one class: a pure set has entropy 0"),
        ([1, 2], 2, "; two equal classes: exactly 1 bit"),
        ([True, False, True, True], math.e, "; bool labels, in nats"),
    ):
        expect_close(
            entropy.call(y, base=base), reference(y, base), reference=REFERENCE + why, mistakes=MISTAKES
        )


@points(2)
def test_every_corner_of_the_domain(entropy):
    expect_cases(entropy, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(entropy):
    expect_rejected(
        entropy,
        [
            BadInput("y is empty: the entropy of no labels is undefined", ([],)),
            BadInput("y must be 1-D: a 2-D array is not a list of labels", ([[0, 1], [1, 1]],)),
            *single_label_inputs(lambda y: (y,), reference),
            BadInput("base=1: log(1) = 0, there is no logarithm in base 1", ([0, 1, 1],), {"base": 1}),
            BadInput("base=0 is not positive", ([0, 1, 1],), {"base": 0}),
            BadInput("base=-2 is not positive", ([0, 1, 1],), {"base": -2}),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_huge_labels_near_ties_and_a_lone_sample(entropy):
    """int64 labels near +-1e17, float labels 1 ulp apart (distinct), one label among 10^6."""
    rng = seeded(2203)
    lone = np.zeros(1_000_000, dtype=np.int64)
    lone[123_456] = 1
    for y, base, why in (
        (huge_labels(rng, 50), 2, "; int64 labels -1e17, 0 and 1e17"),
        ((1.0 + np.spacing(1.0) * np.arange(3))[rng.integers(0, 3, size=30)], 2, "; labels 1 ulp apart"),
        (lone, 2, "; one label 1 among a million 0s"),
        (rng.integers(0, 3, size=40), 1 + 1e-9, "; base 1 + 1e-9"),
    ):
        outcome = entropy.call(y, base=base)
        expect_not_refused(outcome, LABEL_RANGE)
        expect_close(outcome, reference(y, base), reference=REFERENCE + why, mistakes=MISTAKES)


FAST = Fast(
    inputs=lambda n, rng: {"y": rng.integers(0, 10, size=n)},
    within=5.0,
    why="n labels of 10 classes",
)


PROPERTIES = (Differential("entropy", DOMAIN, reference, REFERENCE),)
