"""Grader for ranking/average_precision, against sklearn.metrics.average_precision_score."""

import warnings

import numpy as np
from sklearn.metrics import auc, average_precision_score, precision_recall_curve

from mlkata.grading import Mistake, expect_close, expect_raises, points, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    expect_case,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Labels, Reals
from mlkata.grading.extremes import case, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

average_precision = student_function("average_precision")
REFERENCE = "sklearn.metrics.average_precision_score"


def _scores(how):
    """Tied scores, all tied, or closer together than np.isclose (or float32) tells apart."""

    def corner(values, rng):
        y = values["y_true"]
        if how == "ties":
            return {**values, "y_score": np.round(y * 0.7 + rng.normal(scale=0.6, size=y.size))}
        if how == "all tied":
            return {**values, "y_score": np.full(y.size, 0.3)}
        if how == "near ties":
            return {**values, "y_score": 0.5 + 1e-10 * (y + rng.normal(scale=0.5, size=y.size))}
        if how == "one positive":
            return {**values, "y_true": np.eye(y.size, dtype=y.dtype)[y.size // 2]}
        return {**values, "y_true": np.ones_like(y)}  # all positive: AP 1

    return corner


DOMAIN = Domain(
    seed=2704,
    args=(
        Labels("y_true", alternatives=()),
        Reals("y_score", uint8=True, offset=True, tiny=True, nan_rejected=True),
    ),
    sizes={"n": (9, 2, 40, 300)},
    custom={
        "tied scores": _scores("ties"),
        "every score tied": _scores("all tied"),
        "scores 1e-10 apart": _scores("near ties"),
        "one positive": _scores("one positive"),
        "every label positive": _scores("all positive"),
    },
)


@cached_reference
def reference(y_true, y_score):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(average_precision_score(np.asarray(y_true), np.asarray(y_score, dtype=np.float64)))


def _ap(y_true, y_score, ties="one threshold", interpolate=False, divide_by="positives", descending=True):
    """AP computed with one step done differently (for recognising mistakes)."""
    y = np.asarray(y_true).astype(float)
    s = np.asarray(y_score, dtype=np.float64)
    s = -s if descending else s
    if ties == "reverse input order":
        order = np.lexsort((-np.arange(s.size), s))  # by score, ties higher index first
    else:
        order = np.argsort(s, kind="stable")  # by score, ties in input order
    y, s = y[order], s[order]
    ends = np.arange(y.size) if ties != "one threshold" else np.flatnonzero(np.append(s[1:] != s[:-1], True))
    found = np.cumsum(y)[ends]
    precision = found / (ends + 1)
    if interpolate:
        precision = np.maximum.accumulate(precision[::-1])[::-1]
    gain = np.diff(found, prepend=0)
    return float(gain @ precision / (y.sum() if divide_by == "positives" else y.size))


def _trapezoid(y_true, y_score):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        precision, recall, _ = precision_recall_curve(np.asarray(y_true), np.asarray(y_score, dtype=float))
    return float(auc(recall, precision))


MISTAKES = (
    Mistake(
        "tied scores are one threshold: all the documents of a tie group come in together and share the "
        "precision at the end of the group (you ranked tied documents in input order)",
        lambda y, s: _ap(y, s, ties="input order"),
    ),
    Mistake(
        "tied scores are one threshold: all the documents of a tie group come in together and share the "
        "precision at the end of the group (you ranked tied documents in reverse input order)",
        lambda y, s: _ap(y, s, ties="reverse input order"),
    ),
    Mistake(
        "scores that differ, however little, are not tied: compare them exactly, in float64 "
        "(np.isclose, or scores rounded to float32, make close scores ties)",
        lambda y, s: reference(y, np.asarray(s, dtype=np.float64).astype(np.float32)),
    ),
    Mistake(
        "AP is the step sum of (R_n - R_n-1) * P_n, not the trapezoidal area under the "
        "precision-recall curve",
        _trapezoid,
    ),
    Mistake(
        "use each threshold's own precision: you interpolated it (the running maximum of the precision "
        "at higher recall, as in the PASCAL VOC AP)",
        lambda y, s: _ap(y, s, interpolate=True),
    ),
    Mistake(
        "average the precision over the positives (the recall steps are 1 / n_positives): you divided by n",
        lambda y, s: _ap(y, s, divide_by="n"),
    ),
    Mistake(
        "a higher score means more likely positive: rank by decreasing score",
        lambda y, s: _ap(y, s, descending=False),
    ),
)


def _judge(function, case):
    if not np.any(np.asarray(case.args[0]) == 1):  # property tests draw n = 1 too: no positive
        expect_raises(call_case(function, case), because="no label is 1: the recall is undefined")
        return
    expect_case(function, case, reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(3)
def test_matches_sklearn_on_random_scores(average_precision):
    rng = seeded(2701)
    for n, rate in ((9, 0.3), (2, 0.5), (300, 0.5), (200, 0.1), (50, 0.8)):
        y = (rng.random(n) < rate).astype(int)
        y[:2] = [0, 1]
        score = y * 0.8 + rng.normal(size=n)
        expect_close(
            average_precision.call(y, score), reference(y, score), reference=REFERENCE, mistakes=MISTAKES
        )


@points(2)
def test_tied_scores_are_one_threshold(average_precision):
    expect_close(
        average_precision.call([0, 1, 1, 0], [0.5, 0.5, 0.5, 0.1]),
        2 / 3,
        reference=REFERENCE + ": the first three tie, one threshold with precision 2/3 and all the recall",
        mistakes=MISTAKES,
    )
    rng = seeded(2702)
    for n in (12, 150, 1000):
        y = rng.integers(0, 2, size=n)
        y[:2] = [1, 0]
        score = np.round(y * 0.5 + rng.normal(scale=0.6, size=n))  # a handful of tied values
        expect_close(
            average_precision.call(y, score),
            reference(y, score),
            reference=REFERENCE + " with tied scores",
            mistakes=MISTAKES,
        )


@points(1)
def test_hand_worked_and_bool_labels(average_precision):
    expect_close(
        average_precision.call([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1]),
        (1 + 2 / 3) / 2,
        reference="the docstring's example: precision 1 at the first positive, 2/3 at the second",
        mistakes=MISTAKES,
    )
    y, s = np.array([True, False, True, True, False]), np.array([0.2, 0.9, 0.4, 0.4, 0.1])
    expect_close(average_precision.call(y, s), reference(y, s), reference=REFERENCE + ", bool labels")


@points(2)
def test_every_corner_of_the_domain(average_precision):
    for corner in DOMAIN.corner_cases():
        _judge(average_precision, corner)


@points(1)
def test_rejects_bad_input(average_precision):
    expect_rejected(
        average_precision,
        [
            BadInput(
                "no label is 1: the recall, and so AP, is undefined (scikit-learn warns and returns 0)",
                ([0, 0, 0], [0.2, 0.5, 0.9]),
            ),
            BadInput("labels must be 0 or 1, and -1 is neither", ([-1, 1, -1, 1], [0.1, 0.8, 0.4, 0.3])),
            BadInput("the label 2 is not 0 or 1", ([0, 2, 1], [0.1, 0.5, 0.9])),
            BadInput("y_true has 3 values and y_score 2", ([0, 1, 1], [0.5, 0.5])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("a score is NaN", ([0, 1, 1], [0.2, np.nan, 0.9])),
            BadInput("a score is infinite", ([0, 1, 1], [0.2, 0.4, np.inf])),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_extreme_inputs(average_precision):
    rng = seeded(2705)
    y = rng.integers(0, 2, size=20_000)
    lonely = np.zeros(20_000, int)
    lonely[12_345] = 1
    ulp = np.nextafter(1e300, np.inf) - 1e300
    cases = [
        case("20000 scores rounded to 1 decimal (heavy ties)", y, np.round(rng.normal(size=20_000) + y, 1)),
        case("one positive among 20000", lonely, rng.normal(size=20_000)),
        case("scores near +-1e300", y[:60], near_overflow(rng, 60)),
        case("scores near 1e300, one ulp apart", y[:60], 1e300 + ulp * rng.integers(0, 5, size=60)),
        case("one sample, positive", np.array([1]), np.array([-1e300])),
        case("bool labels, two samples", np.array([False, True]), np.array([0.9, 0.1])),
    ]
    for extreme in cases:
        expect_case(average_precision, extreme, reference, reference_name=REFERENCE, mistakes=MISTAKES)


FAST = Fast(within=5.0)


PROPERTIES = (Differential("average_precision", DOMAIN, judge=_judge),)
