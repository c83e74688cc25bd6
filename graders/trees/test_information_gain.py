"""Grader for trees/information_gain, against a depth-1 sklearn DecisionTreeClassifier on the mask.

A tree of depth 1 fitted on the mask as its only feature makes exactly the learner's split; its
gain is ``tree_.impurity[0]`` minus its children's impurities weighted by their sample counts.
Besides the domain's bad inputs, ``y`` given as one label (a bare string such as ``"abc"``, a
number) and a criterion in another case ("Gini") must be refused, as for every tree exercise
(:mod:`mlkata.grading.trees`).
"""

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels, Param
from mlkata.grading.extremes import LABEL_RANGE, expect_not_refused, huge_labels
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.trees import (
    LABEL_CORNERS,
    LABELS,
    every_label_once,
    keyword_case_variants,
    root_gain,
    single_label_inputs,
)

information_gain = student_function("information_gain")
REFERENCE = (
    "sklearn DecisionTreeClassifier(max_depth=1, criterion) fitted on the mask alone: "
    "impurity[0] - size-weighted child impurities"
)


def _mask_as(dtype):
    def corner(values, rng):
        values["left_mask"] = np.asarray(values["left_mask"]).astype(dtype)
        return values

    return corner


def _one_on_the_left(values, rng):
    mask = np.zeros(np.shape(values["left_mask"]), dtype=bool)
    mask[int(rng.integers(mask.size))] = True
    values["left_mask"] = mask
    return values


def _uninformative(values, rng):
    """Both sides hold the parent's class proportions: the gain is exactly 0."""
    half = np.asarray(values["y"])[: max(np.size(values["y"]) // 2, 1)]
    values["y"] = np.concatenate([half, half])
    values["left_mask"] = np.arange(2 * half.size) < half.size
    return values


def _perfect(values, rng):
    """The left side is exactly one class: the gain is the parent's impurity minus the right's share."""
    y = np.asarray(values["y"])
    values["left_mask"] = y == y[0]
    if values["left_mask"].all():
        values["left_mask"][-1] = False
    return values


DOMAIN = Domain(
    seed=2301,
    args=(
        LABELS,
        Labels("left_mask", classes=(False, True), alternatives=((0, 1),), bad_label=None),
    ),
    params=(
        Param(
            "criterion",
            "entropy",
            values=("gini",),
            invalid=("misclassification", "mse"),
            why_invalid='is neither "entropy" nor "gini"',
        ),
    ),
    sizes={"n": (2, 5, 40, 300)},
    custom={
        **LABEL_CORNERS,
        "a 0/1 int mask": _mask_as(np.int64),
        "a 0/1 uint8 mask": _mask_as(np.uint8),
        "one sample on the left": _one_on_the_left,
        "an uninformative split (gain 0)": _uninformative,
        "a pure left side": _perfect,
    },
)


@cached_reference
def reference(y, left_mask, criterion="entropy"):
    goes_right = (np.asarray(left_mask) == 0).astype(np.float64)  # left: x <= 0.5, the mask's rows
    return root_gain(goes_right[:, None], y, criterion)


def _sides(y, left_mask):
    y, mask = np.asarray(y), np.asarray(left_mask) != 0
    return y, y[mask], y[~mask]


def _impurity(y, criterion="entropy", log=np.log2):
    p = np.unique(y, return_counts=True)[1] / np.size(y)
    return 1 - np.sum(p**2) if criterion == "gini" else -np.sum(p * log(p))


def _gain(y, left_mask, criterion="entropy", *, weights="sizes", parent=True, log=np.log2):
    y, left, right = _sides(y, left_mask)
    il, ir = _impurity(left, criterion, log), _impurity(right, criterion, log)
    wl, wr = left.size / y.size, right.size / y.size
    children = {
        "sizes": wl * il + wr * ir,
        "halves": (il + ir) / 2,
        "swapped": wr * il + wl * ir,
        "counts": left.size * il + right.size * ir,
    }[weights]
    return (_impurity(y, criterion, log) if parent else 0.0) - children


def _as_index(y, left_mask, criterion="entropy"):
    """``y[mask]`` and ``y[~mask]`` with a 0/1 integer mask: indices, not a selection."""
    y, mask = np.asarray(y), np.asarray(left_mask)
    if mask.dtype == bool:
        return None
    left, right = y[mask], y[~mask]
    il, ir = _impurity(left, criterion), _impurity(right, criterion)
    return _impurity(y, criterion) - (left.size * il + right.size * ir) / (left.size + right.size)


OTHER = {"entropy": "gini", "gini": "entropy"}

MISTAKES = (
    Mistake(
        "weight each child by its share of the samples, n_L / n and n_R / n: you averaged the two "
        "sides as if they were the same size",
        lambda y, m, criterion="entropy": _gain(y, m, criterion, weights="halves"),
    ),
    Mistake(
        "each side's impurity is weighted by its OWN share: n_L / n for the left side, n_R / n for "
        "the right; yours are swapped",
        lambda y, m, criterion="entropy": _gain(y, m, criterion, weights="swapped"),
    ),
    Mistake(
        "the weights are the sides' shares n_L / n and n_R / n: divide the sample counts by n",
        lambda y, m, criterion="entropy": _gain(y, m, criterion, weights="counts"),
    ),
    Mistake(
        "the gain is the parent's impurity MINUS the weighted children's: you left out the parent",
        lambda y, m, criterion="entropy": _gain(y, m, criterion, parent=False),
    ),
    Mistake(
        "the gain is the parent's impurity minus the children's, not the children's minus the parent's",
        lambda y, m, criterion="entropy": -_gain(y, m, criterion),
    ),
    Mistake(
        "use the criterion you are given: yours computes the other impurity",
        lambda y, m, criterion="entropy": _gain(y, m, OTHER.get(criterion, "gini")),
    ),
    Mistake(
        'the entropy criterion is in bits: use log2 (as sklearn\'s criterion="entropy"), not the natural log',
        lambda y, m, criterion="entropy": (
            _gain(y, m, criterion, log=np.log) if criterion == "entropy" else None
        ),
    ),
    Mistake(
        "a 0/1 integer mask used as an index picks elements by position (y[0], y[1]), it does not "
        "select: convert it first, np.asarray(left_mask) != 0 (or dtype=bool)",
        _as_index,
    ),
)


def _case(rng, n, labels):
    y = every_label_once(rng, n, labels)
    mask = every_label_once(rng, n, [False, True])
    return y, mask


@points(3)
def test_matches_sklearn_on_random_splits(information_gain):
    rng = seeded(2302)
    for n, labels in ((7, [3, 7, 9]), (40, ["spam", "eggs", "ham"]), (2, [0, 1]), (300, range(8))):
        y, mask = _case(rng, n, labels)
        for criterion in ("entropy", "gini"):
            expect_close(
                information_gain.call(y, mask, criterion=criterion),
                reference(y, mask, criterion),
                reference=REFERENCE,
                mistakes=MISTAKES,
            )


@points(1)
def test_worked_cases(information_gain):
    for y, mask, criterion, why in (
        ([0, 0, 1, 1], [True, True, True, False], "entropy", "; the docstring's example, 1 - 3/4 * 0.918"),
        (["a", "a", "b", "b"], [1, 1, 0, 0], "gini", "; a perfect split with a 0/1 mask: gain = 0.5"),
        ([0, 1, 0, 1], [True, True, False, False], "entropy", "; both sides 50/50: gain 0"),
        ([2, 2, 2], [True, False, False], "gini", "; a pure parent: gain 0"),
        ([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 0, 1], "entropy", "; a 0/1 mask, not y[0] and y[1]"),
    ):
        expect_close(
            information_gain.call(y, mask, criterion=criterion),
            reference(y, mask, criterion),
            reference=REFERENCE + why,
            mistakes=MISTAKES,
        )


@points(2)
def test_every_corner_of_the_domain(information_gain):
    expect_cases(
        information_gain, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_rejects_bad_input(information_gain):
    y = [0, 1, 1, 0, 2]
    expect_rejected(
        information_gain,
        [
            BadInput("every sample goes left: the right side is empty", (y, [True] * 5)),
            BadInput("no sample goes left: the left side is empty", (y, [False] * 5)),
            BadInput("no sample goes left (a 0/1 mask of zeros)", (y, [0] * 5), {"criterion": "gini"}),
            BadInput("left_mask holds 2, not True/False/0/1", (y, [1, 0, 2, 0, 1])),
            BadInput("left_mask holds strings, not booleans", (y, ["yes", "no", "no", "yes", "no"])),
            BadInput(
                'criterion="log2" is neither "entropy" nor "gini"',
                (y, [1, 0, 1, 0, 1]),
                {"criterion": "log2"},
            ),
            BadInput("y and left_mask are empty", ([], [])),
            *single_label_inputs(lambda y: (y, [True, False, True]), reference),
            *keyword_case_variants("criterion", ("entropy", "gini"), (y, [1, 0, 1, 0, 1]), reference),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_huge_labels_near_ties_and_a_lone_sample(information_gain):
    """int64 labels near +-1e17, float labels 1 ulp apart, one sample left of a million."""
    rng = seeded(2303)
    lone = np.zeros(1_000_000, dtype=bool)
    lone[123_456] = True
    near = (1.0 + np.spacing(1.0) * np.arange(3))[rng.integers(0, 3, size=30)]
    halves = [np.arange(n) % 2 == 0 for n in (50, 30)]  # both sides hold samples
    for y, mask, why in (
        (huge_labels(rng, 50), halves[0], "; int64 labels -1e17, 0 and 1e17"),
        (near, halves[1], "; labels 1, 1 + 1 ulp and 1 + 2 ulp: three classes"),
        (rng.integers(0, 2, size=1_000_000), lone, "; one sample of a million on the left"),
    ):
        for criterion in ("entropy", "gini"):
            outcome = information_gain.call(y, mask, criterion=criterion)
            expect_not_refused(outcome, LABEL_RANGE)
            expect_close(outcome, reference(y, mask, criterion), reference=REFERENCE + why, mistakes=MISTAKES)


FAST = Fast(
    inputs=lambda n, rng: {"y": rng.integers(0, 10, size=n), "left_mask": rng.random(n) < 0.4},
    within=5.0,
    why="n labels of 10 classes",
)


PROPERTIES = (Differential("information_gain", DOMAIN, reference, REFERENCE),)
