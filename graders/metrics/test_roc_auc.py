"""Grader for metrics/roc_auc, against sklearn.metrics.roc_auc_score."""

import numpy as np
from sklearn.metrics import roc_auc_score

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

roc_auc = student_function("roc_auc")
REFERENCE = "sklearn.metrics.roc_auc_score"


@cached_reference
def reference(y_true, y_score):
    return float(roc_auc_score(np.asarray(y_true), np.asarray(y_score, float)))


def _pairs(y_true, y_score):
    """Score differences of every (positive, negative) pair."""
    y, s = np.asarray(y_true), np.asarray(y_score, float)
    return s[y == 1][:, None] - s[y == 0][None, :]


def _ordinal_ranks(y_true, y_score):
    y, s = np.asarray(y_true), np.asarray(y_score, float)
    ranks = np.empty(s.size)
    ranks[np.argsort(s, kind="stable")] = np.arange(1, s.size + 1)
    n_pos = np.sum(y == 1)
    return (ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * (s.size - n_pos))


MISTAKES = (
    Mistake(
        "a tie between a positive and a negative counts one half: you counted it as 0",
        lambda y_true, y_score: np.mean(_pairs(y_true, y_score) > 0),
    ),
    Mistake(
        "a tie between a positive and a negative counts one half: you counted it as 1",
        lambda y_true, y_score: np.mean(_pairs(y_true, y_score) >= 0),
    ),
    Mistake(
        "tied scores must share the average of their ranks: ranking them 1, 2, 3 in input order "
        "counts the ties by position instead of one half",
        _ordinal_ranks,
    ),
    Mistake(
        "a higher score means more likely positive: you computed the AUC of the reversed ranking (1 - AUC)",
        lambda y_true, y_score: 1 - reference(y_true, y_score),
    ),
    Mistake(
        "subtract n_pos (n_pos + 1) / 2 from the positives' rank sum before dividing by n_pos * n_neg",
        lambda y_true, y_score: (
            reference(y_true, y_score)
            + (np.sum(np.asarray(y_true) == 1) + 1) / (2 * np.sum(np.asarray(y_true) == 0))
        ),
    ),
)


@points(3)
def test_matches_sklearn_on_random_scores(roc_auc):
    rng = seeded(1701)
    # n = 2 not first: with one positive, one negative and AUC 0, the reversed ranking and the
    # rank sum without n_pos (n_pos + 1) / 2 subtracted both give 1
    for n, rate in ((9, 0.3), (2, 0.5), (300, 0.5), (200, 0.1)):
        y = (rng.random(n) < rate).astype(int)
        y[:2] = [0, 1]
        score = y * 0.8 + rng.normal(size=n)
        expect_close(roc_auc.call(y, score), reference(y, score), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_ties_count_one_half(roc_auc):
    expect_close(
        roc_auc.call([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3]),
        0.5,
        reference="every score tied: each pair counts 1/2",
        mistakes=MISTAKES,
    )
    expect_close(
        roc_auc.call([1, 0, 1, 0, 0], [0.5, 0.5, 0.9, 0.1, 0.5]),
        reference([1, 0, 1, 0, 0], [0.5, 0.5, 0.9, 0.1, 0.5]),
        reference=REFERENCE,
        mistakes=MISTAKES,
    )
    rng = seeded(1702)
    for n in (12, 150):
        y = rng.integers(0, 2, size=n)
        y[:2] = [1, 0]
        score = np.round(y * 0.5 + rng.normal(scale=0.6, size=n))  # a handful of tied values
        expect_close(
            roc_auc.call(y, score),
            reference(y, score),
            reference=REFERENCE + " with tied scores",
            mistakes=MISTAKES,
        )


@points(1)
def test_accepts_lists_and_float32(roc_auc):
    rng = seeded(1703)
    y = rng.integers(0, 2, size=30)
    y[:2] = [0, 1]
    args = (y, y + rng.normal(size=30))
    expect_input_types_accepted(roc_auc, args, reference, reference_name=REFERENCE)


@points(1)
def test_rejects_bad_input(roc_auc):
    expect_rejected(
        roc_auc,
        [
            BadInput(
                "only one class is present: with no negatives the AUC is undefined "
                "(scikit-learn warns and returns nan)",
                ([1, 1, 1], [0.2, 0.5, 0.9]),
            ),
            BadInput("only one class is present (no positives)", ([0, 0], [0.2, 0.5])),
            BadInput("labels must be 0 or 1, and -1 is neither", ([-1, 1, -1, 1], [0.1, 0.8, 0.4, 0.3])),
            BadInput("the label 2 is not 0 or 1", ([0, 2, 1], [0.1, 0.5, 0.9])),
            BadInput("y_true has 3 values and y_score 2", ([0, 1, 1], [0.5, 0.5])),
            BadInput("both inputs are empty", ([], [])),
        ],
    )
