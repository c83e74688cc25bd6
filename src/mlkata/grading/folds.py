"""Checking cross-validation folds: a list of ``(train_idx, test_idx)`` pairs of index arrays.

The graders of ``data/k_fold_indices`` and ``data/stratified_k_fold_indices`` share this:
:func:`expect_folds` checks the shape of the answer (how many folds, each a pair of 1-D integer
arrays of indices in range) with messages that say what is wrong, and :func:`sizes_outcome`
narrows the answer to its test fold sizes, to be compared like any array.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from mlkata.grading.failures import GradeFailure
from mlkata.grading.judge import Mistake, returned, with_hints
from mlkata.grading.outcome import Outcome

PAIR = "(train_idx, test_idx)"


def expect_folds(outcome: Outcome, n_splits: int, n_samples: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The learner's folds once their structure is right, else a :class:`GradeFailure`.

    Right means: a list (or tuple) of ``n_splits`` pairs, each of two 1-D integer numpy arrays
    whose entries are indices ``0 .. n_samples - 1``.
    """
    if outcome.unplain is not None and "generator" in outcome.unplain:
        raise GradeFailure(
            with_hints(
                f"{outcome.call} returned a generator",
                f"return a list of the {PAIR} pairs (list(...) of your generator): a list can be read "
                "twice, and its length is known",
            )
        )
    value = returned(outcome)
    if not isinstance(value, list | tuple):
        raise GradeFailure(f"{outcome.call} returned {type(value).__name__}; expected a list of {PAIR} pairs")
    if len(value) != n_splits:
        raise GradeFailure(f"{outcome.call} returned {len(value)} folds; expected n_splits={n_splits}")
    folds = []
    for number, fold in enumerate(value):
        if not isinstance(fold, list | tuple) or len(fold) != 2:
            raise GradeFailure(f"{outcome.call}: fold {number} is not a pair {PAIR}")
        for name, part in zip(("train_idx", "test_idx"), fold, strict=True):
            where = f"{outcome.call}: fold {number}'s {name}"
            if not isinstance(part, np.ndarray) or part.ndim != 1:
                raise GradeFailure(f"{where} is not a 1-D numpy array ({type(part).__name__})")
            if part.dtype.kind not in "iu":
                raise GradeFailure(
                    with_hints(
                        f"{where} has dtype {part.dtype}",
                        "indices are integers: np.arange gives int64 (a boolean mask or float array is "
                        "not an index array)",
                    )
                )
            if part.size and (part.min() < 0 or part.max() >= n_samples):
                shown = part.min() if part.min() < 0 else part.max()
                one_based = part.min() >= 1 and part.max() == n_samples
                hints = ["indices start at 0: np.arange(n) is 0 .. n - 1"] if one_based else []
                raise GradeFailure(
                    with_hints(f"{where} holds {shown}, not an index 0 .. {n_samples - 1}", *hints)
                )
        folds.append((fold[0], fold[1]))
    return folds


def fold_sizes(folds) -> np.ndarray | None:
    """The sizes of the test folds of ``folds`` (None when it is not a list of pairs)."""
    try:
        return np.array([len(test) for _, test in folds])
    except (TypeError, ValueError):
        return None


def sizes_outcome(outcome: Outcome) -> Outcome:
    """``outcome`` narrowed to the sizes of its test folds (after :func:`expect_folds`)."""
    return replace(outcome, value=fold_sizes(outcome.value), label=f"{outcome.label} -> the test fold sizes")


def sizes_mistakes(mistakes) -> tuple[Mistake, ...]:
    """``mistakes`` (each computing whole folds) as mistakes in the test fold sizes."""
    return tuple(
        Mistake(m.hint, lambda *a, compute=m.compute, **k: fold_sizes(compute(*a, **k))) for m in mistakes
    )
