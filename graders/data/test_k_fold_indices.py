"""Grader for data/k_fold_indices, against sklearn.model_selection.KFold(shuffle=False).

The reference is ``list(KFold(n_splits).split(np.zeros((n_samples, 1))))``; every fold's
``test_idx`` and ``train_idx`` must equal sklearn's exactly (as integer arrays), after the
test fold sizes, which is where most mistakes show.
"""

import numpy as np
from sklearn.model_selection import KFold

from mlkata.grading import Mistake, expect_close, part_mistakes, points, student_function
from mlkata.grading.checks import BadInput, Differential, call_case, case_suffix, expect_rejected
from mlkata.grading.domains import Case, Domain, Param
from mlkata.grading.folds import expect_folds, sizes_mistakes, sizes_outcome
from mlkata.grading.functions import Given
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

k_fold_indices = student_function("k_fold_indices")
REFERENCE = "sklearn.model_selection.KFold(n_splits, shuffle=False)"


@cached_reference
def reference(n_samples, n_splits=5):
    return [(train, test) for train, test in KFold(n_splits).split(np.zeros((n_samples, 1)))]


def _from_sizes(sizes, one_based=False, train_everything=False):
    n = int(np.sum(sizes))
    stops = np.cumsum(sizes)
    folds = []
    for start, stop in zip(stops - sizes, stops, strict=True):
        test = np.arange(start, stop)
        train = np.arange(n) if train_everything else np.concatenate((np.arange(start), np.arange(stop, n)))
        folds.append((train + one_based, test + one_based))
    return folds


def _sizes(how):
    def compute(n_samples, n_splits=5):
        q, r = divmod(n_samples, n_splits)
        if r == 0:
            return None
        if how == "last":
            sizes = [q] * (n_splits - 1) + [q + r]
        elif how == "dropped":
            sizes = [q] * n_splits
        elif how == "ceil":
            sizes = [
                min(-(-n_samples // n_splits), max(0, n_samples - j * -(-n_samples // n_splits)))
                for j in range(n_splits)
            ]
        else:  # the last r folds get the extra sample
            sizes = [q] * (n_splits - r) + [q + 1] * r
        folds = _from_sizes(np.array(sizes))
        if how == "dropped":  # the samples never tested are still trained on
            folds = [(np.setdiff1d(np.arange(n_samples), test), test) for _, test in folds]
        return folds

    return compute


MISTAKES = (
    Mistake(
        "the first n % k folds get one extra sample each (sklearn's KFold, np.array_split): not all "
        "of the remainder in the last fold",
        _sizes("last"),
    ),
    Mistake(
        "every sample is in exactly one test fold: the n % k left over go one each to the first folds",
        _sizes("dropped"),
    ),
    Mistake(
        "folds of ceil(n / k) leave the last ones short: sizes differ by at most 1, the first n % k "
        "folds one larger",
        _sizes("ceil"),
    ),
    Mistake("the FIRST n % k folds get the extra sample, not the last ones", _sizes("end")),
    Mistake(
        "train_idx is every index not in test_idx: a model must never train on its test fold",
        lambda n_samples, n_splits=5: _from_sizes(
            np.array([len(t) for _, t in reference(n_samples, n_splits)]), train_everything=True
        ),
    ),
    Mistake(
        "indices start at 0: np.arange(n), not 1 .. n",
        lambda n_samples, n_splits=5: _from_sizes(
            np.array([len(t) for _, t in reference(n_samples, n_splits)]), one_based=True
        ),
    ),
)
SIZE_MISTAKES = sizes_mistakes(MISTAKES)


def check(outcome, n_samples, n_splits=5, suffix=""):
    expected = reference(n_samples, n_splits)
    expect_folds(outcome, n_splits, n_samples)
    expect_close(
        sizes_outcome(outcome),
        np.array([len(test) for _, test in expected]),
        reference=f"the test fold sizes of {REFERENCE}{suffix}",
        rtol=0,
        atol=0,
        mistakes=SIZE_MISTAKES,
    )
    for number, (train, test) in enumerate(expected):
        fold = outcome.part(number, f"fold {number}")
        for index, name, want in ((1, "test_idx", test), (0, "train_idx", train)):
            expect_close(
                fold.part(index, name),
                want,
                reference=REFERENCE + suffix,
                rtol=0,
                atol=0,
                mistakes=part_mistakes(MISTAKES, number, index),
            )


def _judge(function, case: Case):
    check(call_case(function, case), *case.args, **case.kwargs, suffix=case_suffix(case))


@points(3)
def test_matches_kfold(k_fold_indices):
    for n_samples, n_splits in ((10, 5), (23, 4), (10, 3), (7, 2), (100, 7), (5, 5), (2, 2)):
        check(k_fold_indices.call(n_samples, n_splits=n_splits), n_samples, n_splits)


@points(1)
def test_default_n_splits(k_fold_indices):
    for n_samples in (12, 5, 29):
        check(k_fold_indices.call(n_samples), n_samples, 5, " (n_splits=5 by default)")


@points(1)
def test_every_remainder(k_fold_indices):
    """n % k from 0 to k - 1, for k = 4."""
    for n_samples in range(16, 20):
        check(k_fold_indices.call(n_samples, 4), n_samples, 4, f", n % k = {n_samples % 4}")


def _leave_one_out(values, rng):
    values["n_splits"] = values["n_samples"]
    return values


def _numpy_integers(values, rng):
    values["n_samples"], values["n_splits"] = np.int64(values["n_samples"]), np.int32(3)
    return values


DOMAIN = Domain(
    seed=2611,
    args=(Given("n_samples", lambda rng, dims: int(dims["n"])),),
    params=(
        Param(
            "n_splits",
            5,
            values=(2, 3, 7),
            invalid=(1, 0, -2, 2.5, True, 50),
            why_invalid="is not 2 .. n_samples",
        ),
    ),
    sizes={"n": (7, 10, 23, 101)},
    corners=("params",),
    empty=None,
    custom={"n_splits = n_samples (leave one out)": _leave_one_out, "numpy integers": _numpy_integers},
)


@points(2)
def test_every_corner_of_the_domain(k_fold_indices):
    for case in DOMAIN.corner_cases():
        _judge(k_fold_indices, case)


@points(1)
def test_rejects_bad_input(k_fold_indices):
    expect_rejected(
        k_fold_indices,
        [
            BadInput("n_splits=1 would train on everything and test on it too", (10,), {"n_splits": 1}),
            BadInput("n_splits=6 > n_samples=5: a fold would be empty", (5,), {"n_splits": 6}),
            BadInput("n_samples=0: nothing to split", (0,), {"n_splits": 2}),
            BadInput("n_samples is a count, not 10.5", (10.5,)),
            BadInput("n_splits is a count, not 2.0", (10,), {"n_splits": 2.0}),
            BadInput("n_samples is a number, not a list of samples", ([1, 2, 3, 4, 5, 6],)),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_two_samples_a_million_samples_and_numpy_sizes(k_fold_indices):
    """n = k = 2, a million and three samples in 7 folds, and sizes given as numpy uint8."""
    for n_samples, n_splits, why in (
        (2, 2, ", the smallest split"),
        (1_000_003, 7, ", a million and three samples"),
        (np.uint8(250), np.uint8(7), ", sizes given as numpy uint8 scalars"),
    ):
        check(k_fold_indices.call(n_samples, n_splits), int(n_samples), int(n_splits), why)


FAST = Fast(
    inputs=lambda n, rng: {"n_samples": n, "n_splits": 5},
    within=5.0,
    why="n samples in 5 folds: 5 train and test index arrays, 5 n indices in all",
)


PROPERTIES = (Differential("k_fold_indices", DOMAIN, judge=_judge),)
