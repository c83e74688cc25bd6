"""Grader for data/stratified_k_fold_indices, on the properties of stratified folds.

Which indices go to which fold is the learner's choice, so the folds are judged on what the
docstring promises: the test folds are disjoint and cover every index, each train set is the
rest, every array is sorted; the test fold sizes are those of
``sklearn.model_selection.StratifiedKFold(n_splits, shuffle=False)`` (run on the labels as
class numbers); each class has floor or ceil of ``n_c / k`` samples in every test fold. When
to raise ``ValueError`` follows sklearn too: ``n_splits`` above ``n`` or above every class's
size.
"""

import warnings

import numpy as np
from sklearn.model_selection import StratifiedKFold

from mlkata.grading import (
    GradeFailure,
    Mistake,
    expect_close,
    expect_raises,
    points,
    seeded,
    student_function,
)
from mlkata.grading.checks import BadInput, Differential, call_case, case_suffix, expect_rejected
from mlkata.grading.domains import Case, Domain, Labels, Param
from mlkata.grading.folds import expect_folds, sizes_mistakes, sizes_outcome
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

stratified_k_fold_indices = student_function("stratified_k_fold_indices")
REFERENCE = "sklearn.model_selection.StratifiedKFold(n_splits, shuffle=False)"


def _codes(y):
    return np.unique(np.asarray(y), return_inverse=True)[1].reshape(-1)


@cached_reference
def reference_sizes(y, n_splits=5):
    """sklearn's test fold sizes, or None where sklearn raises ValueError."""
    codes = _codes(y)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # sklearn warns of a class smaller than n_splits
            return np.array(
                [len(test) for _, test in StratifiedKFold(n_splits).split(np.zeros((codes.size, 1)), codes)]
            )
    except ValueError:
        return None


def _pairs(tests, n):
    everything = np.arange(n)
    return [(np.setdiff1d(everything, test), np.sort(test)) for test in tests]


def _plain_k_fold(y, n_splits=5):
    return _pairs(np.array_split(np.arange(len(y)), n_splits), len(y))


def _class_by_class(y, n_splits=5):
    """Each class's samples split on their own (np.array_split), the pieces joined per fold."""
    codes = _codes(y)
    pieces = [np.array_split(np.flatnonzero(codes == c), n_splits) for c in range(codes.max() + 1)]
    return _pairs([np.concatenate([p[j] for p in pieces]) for j in range(n_splits)], len(y))


MISTAKES = (
    Mistake(
        "stratify: consecutive blocks (plain k-fold) ignore the classes; line the samples up by "
        "class and deal them to the folds like cards, so each fold gets about n_c / k of each class",
        _plain_k_fold,
    ),
    Mistake(
        "splitting each class on its own gives the first folds the extra sample of every class, "
        "so fold sizes drift apart: deal the class-sorted samples round robin across all folds "
        "(position p to fold p % k)",
        _class_by_class,
    ),
)
SIZE_MISTAKES = sizes_mistakes(MISTAKES)


def _hints(folds, y, n_splits):
    """The hints of the mistakes that give exactly these folds' test sets."""
    found = []
    for mistake in MISTAKES:
        wrong = mistake.compute(np.asarray(y), n_splits)
        if len(wrong) == len(folds) and all(
            np.array_equal(np.sort(t), w) for (_, t), (_, w) in zip(folds, wrong, strict=True)
        ):
            found.append(f"\n  hint: {mistake.hint}")
    return "".join(found)


def _shown(label):
    return repr(label.item() if isinstance(label, np.generic) else label)


def check(outcome, y, n_splits=5, suffix=""):
    y = np.asarray(y)
    sizes = reference_sizes(y, n_splits)
    if sizes is None:
        expect_raises(
            outcome, because=f"n_splits={n_splits} is more than n or than every class's size (as sklearn)"
        )
        return
    counts = np.bincount(_codes(y))
    if outcome.raised is not None and outcome.raised.is_value_error and counts.min() < n_splits:
        raise GradeFailure(
            f"{outcome.call} raised ValueError: {outcome.raised.message}\n  hint: a class with fewer than "
            f"n_splits samples is allowed (it is missing from some test folds); only when NO class has "
            "n_splits samples is it an error, as in sklearn"
        )
    folds = expect_folds(outcome, n_splits, y.size)
    expect_close(
        sizes_outcome(outcome),
        sizes,
        reference=f"the test fold sizes of {REFERENCE}{suffix}",
        rtol=0,
        atol=0,
        mistakes=SIZE_MISTAKES,
    )
    seen = np.zeros(y.size, dtype=int)
    for number, (train, test) in enumerate(folds):
        for name, part in (("test_idx", test), ("train_idx", train)):
            if np.any(np.diff(part) <= 0):
                raise GradeFailure(
                    f"{outcome.call}: fold {number}'s {name} is not sorted ascending (or repeats an "
                    f"index): {part[:12].tolist()}\n  hint: return each index array sorted (np.sort, "
                    "np.flatnonzero), as sklearn does"
                )
        np.add.at(seen, test, 1)
        rest = np.setdiff1d(np.arange(y.size), test)
        if not np.array_equal(train, rest):
            raise GradeFailure(
                f"{outcome.call}: fold {number}'s train_idx has {train.size} indices; expected the "
                f"{rest.size} not in its test_idx\n  hint: train_idx is every index not in test_idx"
            )
    if np.any(seen != 1):
        index = int(np.flatnonzero(seen != 1)[0])
        raise GradeFailure(
            f"{outcome.call}: sample {index} is in {seen[index]} test folds; every sample must be in "
            "exactly one"
        )
    classes, codes = np.unique(y, return_inverse=True)
    for number, (_, test) in enumerate(folds):
        have = np.bincount(codes.reshape(-1)[test], minlength=classes.size)
        low, high = counts // n_splits, -(-counts // n_splits)
        bad = np.flatnonzero((have < low) | (have > high))
        if bad.size:
            c = int(bad[0])
            allowed = f"{low[c]}" if low[c] == high[c] else f"{low[c]} or {high[c]}"
            raise GradeFailure(
                f"{outcome.call}{suffix}: fold {number}'s test set holds {have[c]} samples of class "
                f"{_shown(classes[c])}; with {counts[c]} of that class in {n_splits} folds each fold "
                f"must hold {allowed} (floor or ceil of n_c / k){_hints(folds, y, n_splits)}"
            )


def _judge(function, case: Case):
    check(call_case(function, case), *case.args, **case.kwargs, suffix=case_suffix(case))


@points(3)
def test_folds_are_stratified(stratified_k_fold_indices):
    rng = seeded(2701)
    for n, classes, n_splits in (
        (12, (0, 1), 3),
        (40, (0, 1, 2), 5),
        (101, (0, 1, 2, 3), 4),
        (30, (0, 1), 2),
    ):
        y = rng.choice(classes, size=n)
        check(stratified_k_fold_indices.call(y, n_splits=n_splits), y, n_splits)
    y = np.repeat([0, 1], [12, 12])  # sorted labels: plain k-fold blocks would hold one class each
    check(stratified_k_fold_indices.call(y, 4), y, 4, ", labels sorted by class")


@points(2)
def test_imbalanced_classes(stratified_k_fold_indices):
    rng = seeded(2702)
    for counts, n_splits in (((95, 5), 5), ((50, 7, 3), 3), ((20, 2), 5), ((9, 1, 1), 3)):
        y = rng.permutation(np.repeat(np.arange(len(counts)), counts))
        check(stratified_k_fold_indices.call(y, n_splits), y, n_splits, f", class sizes {counts}")


@points(1)
def test_string_and_signed_labels(stratified_k_fold_indices):
    rng = seeded(2703)
    for labels, n_splits in (
        (np.array(["cat", "dog", "emu"]), 4),
        (np.array([-1, 1]), 5),
        (np.array([2.5, -0.5]), 3),
    ):
        y = rng.choice(
            labels, size=37, p=np.linspace(1, 2, labels.size) / np.linspace(1, 2, labels.size).sum()
        )
        check(stratified_k_fold_indices.call(y, n_splits), y, n_splits, f", labels {labels.tolist()}")
    y = ["b", "a", "b", "b", "a", "b"]  # a list of strings
    check(stratified_k_fold_indices.call(y, 2), y, 2)


@points(1)
def test_default_n_splits(stratified_k_fold_indices):
    y = np.tile([0, 0, 1], 9)  # 18 of class 0, 9 of class 1, in 5 folds
    check(stratified_k_fold_indices.call(y), y, 5, " (n_splits=5 by default)")


def _imbalanced(values, rng):
    y = values["y"].copy()
    y[rng.random(y.size) < 0.9] = 0
    values["y"] = y
    return values


def _one_class(values, rng):
    values["y"] = np.zeros_like(values["y"])
    return values


def _small_class(values, rng):
    y = np.where(values["y"] == 2, 1, values["y"])
    y[rng.choice(y.size, 2, replace=False)] = 2  # two samples of class 2, fewer than n_splits
    values["y"] = y
    return values


DOMAIN = Domain(
    seed=2711,
    args=(
        Labels(
            "y",
            classes=(0, 1, 2),
            alternatives=(("a", "b", "c"), (-1, 1, 7), (2.5, 0.5, -1.0)),
            bad_label=None,
        ),
    ),
    params=(
        Param("n_splits", 5, values=(2, 3, 10), invalid=(1, 0, True, 2.5, 13), why_invalid="is not 2 .. n"),
    ),
    sizes={"n": (12, 30, 100, 403)},
    custom={
        "imbalanced, 90% class 0": _imbalanced,
        "one class only": _one_class,
        "a class of 2, fewer than n_splits": _small_class,
        "labels sorted by class": lambda values, rng: {**values, "y": np.sort(values["y"])},
    },
)


@points(2)
def test_every_corner_of_the_domain(stratified_k_fold_indices):
    for case in DOMAIN.corner_cases():
        _judge(stratified_k_fold_indices, case)


@points(1)
def test_rejects_bad_input(stratified_k_fold_indices):
    expect_rejected(
        stratified_k_fold_indices,
        [
            BadInput("n_splits=1 would test on the training data", ([0, 1, 0, 1],), {"n_splits": 1}),
            BadInput("n_splits=5 > 4 samples", ([0, 1, 0, 1],), {"n_splits": 5}),
            BadInput("no class has 3 samples (sklearn's rule)", ([0, 0, 1, 1, 2, 2],), {"n_splits": 3}),
            BadInput("n_splits is a count, not 2.0", ([0, 1, 0, 1],), {"n_splits": 2.0}),
            BadInput("y is empty", ([],)),
            BadInput("y must be 1-D", ([[0, 1], [1, 0]],)),
            BadInput(
                'y is the bare string "aabb": one label (np.asarray("aabb") is 0-d), not four',
                ("aabb",),
                {"n_splits": 2},
            ),
            BadInput("y is the single label 3 (0-d), not an array of labels", (3,), {"n_splits": 2}),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_near_tied_labels_huge_labels_and_many_classes(stratified_k_fold_indices):
    """Float labels 1 ulp apart (three classes), int64 labels near 2**62, 500 classes of 3 samples."""
    rng = seeded(2704)
    near = (1.0 + np.spacing(1.0) * np.arange(3))[rng.integers(0, 3, size=60)]
    huge = np.array([-(2**62), 2**62, 2**62 - 1], dtype=np.int64)[rng.integers(0, 3, size=60)]
    many = rng.permutation(np.repeat(np.arange(500), 3))
    rare = rng.permutation(np.repeat([0, 1], [19_900, 100]))
    for y, n_splits, why in (
        (near, 4, ", labels 1, 1 + 1 ulp and 1 + 2 ulp: three classes"),
        (huge, 4, ", int64 labels near +-2**62"),
        (many, 3, ", 500 classes of 3 samples in 3 folds"),
        (rare, 10, ", 100 of 20000 samples in the rare class"),
    ):
        check(stratified_k_fold_indices.call(y, n_splits), y, n_splits, why)


FAST = Fast(
    inputs=lambda n, rng: {"y": rng.integers(0, 10, size=n), "n_splits": 5},
    within=5.0,
    why="n labels of 10 classes in 5 folds",
)


PROPERTIES = (Differential("stratified_k_fold_indices", DOMAIN, judge=_judge),)
