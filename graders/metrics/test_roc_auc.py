"""Grader for metrics/roc_auc, against sklearn.metrics.roc_auc_score."""

import numpy as np
from sklearn.metrics import roc_auc_score

from mlkata.grading import Mistake, expect_close, expect_raises, points, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    expect_case,
    expect_cases,
    expect_rejected,
)
from mlkata.grading.domains import Case, Domain, Labels, Reals
from mlkata.grading.extremes import case, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

roc_auc = student_function("roc_auc")
REFERENCE = "sklearn.metrics.roc_auc_score"


def _scores(how):
    """Scores with ties, or closer together than np.isclose (or float32) tells apart."""

    def corner(values, rng):
        y = values["y_true"]
        n = y.size
        if how == "ties":
            return {**values, "y_score": np.round(y * 0.5 + rng.normal(scale=0.6, size=n))}
        if how == "all tied":
            return {**values, "y_score": np.full(n, 0.3)}
        return {**values, "y_score": 0.5 + 1e-10 * (y + rng.normal(scale=0.5, size=n))}

    return corner


DOMAIN = Domain(
    seed=1704,
    args=(
        Labels("y_true", alternatives=()),
        Reals("y_score", offset=True, tiny=True, nan_rejected=True),
    ),
    sizes={"n": (9, 2, 40, 300)},
    custom={
        "tied scores": _scores("ties"),
        "every score tied": _scores("all tied"),
        "scores 1e-10 apart": _scores("near ties"),
    },
)


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


def _isclose_ties(y_true, y_score):
    diff = _pairs(y_true, y_score)
    s = np.asarray(y_score, float)
    tie = np.isclose(s[np.asarray(y_true) == 1][:, None], s[np.asarray(y_true) == 0][None, :])
    return np.mean(np.where(tie, 0.5, diff > 0))


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
        "scores that differ, however little, are not tied: compare them exactly, in float64 "
        "(np.isclose, or scores rounded to float32, make close scores ties)",
        _isclose_ties,
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


@points(2)
def test_every_corner_of_the_domain(roc_auc):
    expect_cases(roc_auc, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


def _judge(function, case: Case):
    if np.unique(case.args[0]).size < 2:  # property tests draw n = 1 too: one class, no AUC
        expect_raises(call_case(function, case), because="only one class is present")
        return
    expect_case(function, case, reference, reference_name=REFERENCE)


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
            BadInput(
                "a score is NaN, and the docstring promises ValueError", ([0, 1, 1], [0.2, np.nan, 0.9])
            ),
            BadInput("a score is infinite", ([0, 1, 1], [0.2, 0.4, np.inf])),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_extreme_inputs(roc_auc):
    rng = seeded(1605)
    y = rng.integers(0, 2, size=3000)
    lonely = np.zeros(2000, int)
    lonely[1234] = 1
    cases = [
        case("3000 scores rounded to 1 decimal (heavy ties)", y, np.round(rng.normal(size=3000) + y, 1)),
        case("one positive among 2000 negatives", lonely, rng.normal(size=2000)),
        case("scores near +-1e300", y[:50], near_overflow(rng, 50)),
        case("every score the same", y[:20], np.full(20, 0.3)),
        case("two samples, bool labels", np.array([True, False]), np.array([0.2, 0.7])),
    ]
    expect_cases(roc_auc, cases, reference, reference_name=REFERENCE, mistakes=MISTAKES)


FAST = Fast(within=5.0)


PROPERTIES = (Differential("roc_auc", DOMAIN, judge=_judge),)
