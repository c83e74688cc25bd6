"""Grader for trees/best_split, against sklearn DecisionTreeClassifier(max_depth=1)'s root split.

The gain must equal scikit-learn's best. scikit-learn casts X to float32 and treats values
within 1e-7 as equal, so it is fitted on each feature's ranks, which keep every split and every
gain (and it breaks ties at random, so only its gain is used). The split itself is checked
against the grader's own list of every candidate (:func:`mlkata.grading.trees.candidates`, loops
over the features and their distinct values): the threshold must be the midpoint of two adjacent
distinct values, the split must reach the best gain, and a tie must go to the lowest feature,
then to the lowest threshold. The domain reaches the float64 maximum, where ``(low + high) / 2``
overflows; the bad inputs include a ``y`` that is one label (a bare string, a number) and a
criterion in another case ("Gini"), as :mod:`mlkata.grading.trees` declares for every tree
exercise.
"""

from dataclasses import replace

import numpy as np

from mlkata.grading import Mistake, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_rejected
from mlkata.grading.domains import Case, Domain, Param, Reals
from mlkata.grading.extremes import huge_labels
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.trees import (
    LABEL_CORNERS,
    LABELS,
    SplitJudge,
    candidates,
    every_label_once,
    keyword_case_variants,
    root_gain,
    search,
    single_label_inputs,
)

best_split = student_function("best_split")
REFERENCE = (
    "sklearn DecisionTreeClassifier(max_depth=1, criterion) root split; the grader's loop over every split"
)


@cached_reference
def reference_gain(X, y, criterion="gini"):
    X = np.asarray(X, dtype=np.float64)
    ranks = np.column_stack([np.unique(column, return_inverse=True)[1].reshape(-1) for column in X.T])
    return root_gain(ranks.astype(np.float64), y, criterion)


def _m(hint, **how):
    return Mistake(hint, lambda X, y, criterion="gini": search(X, y, criterion, **how))


OTHER = {"gini": "entropy", "entropy": "gini"}
OVERFLOW = (
    "(low + high) / 2 overflows to inf when both values are beyond half the float64 maximum "
    "(about 9e307), and X <= inf sends every sample left: compute the midpoint as low / 2 + high / 2"
)
GAIN_MISTAKES = (
    Mistake(
        "use the criterion you are given: yours computes the other impurity",
        lambda X, y, criterion="gini": search(X, y, OTHER.get(criterion, "gini")),
    ),
    _m(
        "weight each child by its share of the samples, n_L / n and n_R / n, not one half each",
        weights="halves",
    ),
    _m(
        "a threshold can only fall between two DISTINCT values: samples with equal values of the "
        "feature always go to the same side, so only positions where the sorted values change are splits",
        between="positions",
    ),
    _m('the entropy criterion is in bits: use log2 (as sklearn\'s criterion="entropy"), not ln', log="nats"),
    _m(
        "return the gain, the parent's impurity minus the weighted children's, not the children's "
        "impurity itself",
        report="children",
    ),
    _m(OVERFLOW, between="overflowing midpoints", threshold="sum"),
)
THRESHOLD_MISTAKES = (
    _m(
        "the threshold is the midpoint of the two adjacent values, (low + high) / 2, not the lower one",
        threshold="low",
    ),
    _m(
        "the threshold is the midpoint of the two adjacent values, (low + high) / 2, not the upper one",
        threshold="high",
    ),
    _m(
        "compute the midpoint with /, not //: (3 + 4) // 2 is 3 (floor division), the midpoint is 3.5",
        threshold="floor",
    ),
    _m(
        "your midpoint low + high wrapped around in the input's integer type (uint8 holds 0..255): "
        "convert X to float first (np.asarray(X, dtype=float))",
        threshold="dtype",
    ),
    _m(OVERFLOW, threshold="sum"),
)
TIE_MISTAKES = (
    _m(
        "ties go to the lowest feature, then the lowest threshold: update the best split only on a "
        "strictly larger gain (>, not >=)",
        ties="last",
    ),
)
JUDGE = SplitJudge(REFERENCE, reference_gain, GAIN_MISTAKES, THRESHOLD_MISTAKES, TIE_MISTAKES)


# --- the domain --------------------------------------------------------------------------------


def _structured_labels(values, rng):
    """Labels that feature 0 almost separates (two flipped), so that its splits are the best."""
    X = values["X"]
    y = (X[:, 0] > np.quantile(X[:, 0], 0.4)).astype(int)
    flip = rng.choice(y.size, size=min(2, y.size // 8), replace=False)
    y[flip] = 1 - y[flip]
    return X, y


def _copied_feature(sign):
    """The last feature a rescaled copy of feature 0 (negated: a mirror): the same gains, a tie."""

    def corner(values, rng):
        X, y = _structured_labels(values, rng)
        values["X"] = np.column_stack([X, sign * 3.0 * X[:, 0] - 1.0])
        values["y"] = y
        return values

    return corner


def _tie_within_a_feature(values, rng):
    """Sorted by feature 0, the labels run 0...0 1...1 0...0 (equal end runs): two splits tie."""
    X = values["X"].copy()
    n = X.shape[0]
    a = max(n // 4, 1)
    order = np.argsort(X[:, 0])
    y = np.zeros(n, dtype=int)
    y[order[a : n - a]] = 1
    values["X"], values["y"] = X, y
    return values


def _xor(values, rng):
    """y = a XOR b for binary features a, b (each pair equally often), feature 0 constant: every
    split has gain 0, so the answer is feature 1 at its only threshold, gain 0."""
    m = max(np.shape(values["X"])[0] // 4, 1)
    a = np.repeat([0, 0, 1, 1], m)
    b = np.repeat([0, 1, 0, 1], m)
    order = rng.permutation(a.size)
    values["X"] = np.column_stack([np.full(a.size, 4.0), 2.5 * a - 1.0, b + 0.5])[order]
    values["y"] = (a ^ b)[order]
    return values


def _pure_with_a_constant_first(values, rng):
    X = values["X"].copy()
    if X.shape[1] == 1:
        X = np.column_stack([X, X[:, 0] ** 2])
    X[:, 0] = -2.0
    values["X"], values["y"] = X, np.full(X.shape[0], values["y"][0])
    return values


def _constant_feature(values, rng):
    X = values["X"].copy()
    X[:, 0] = 7.0
    values["X"] = X
    return values


def _all_constant(values, rng):
    """Every feature constant: there is no split (ValueError)."""
    values["X"] = np.full(values["X"].shape, 3.0) + np.arange(values["X"].shape[1])
    return values


def _duplicates(values, rng):
    values["X"] = np.round(values["X"])
    return values


def _offset_quarters(values, rng):
    """1e9 + multiples of 1/4: midpoints 1e9 + k/8, exact in float64, lost in float32."""
    values["X"] = 1e9 + np.round(values["X"] * 4) / 4
    return values


def _scales(values, rng):
    d = values["X"].shape[1]
    values["X"] = values["X"] * np.logspace(-6, 6, d) if d > 1 else values["X"] * 1e-6
    return values


def _near_the_float64_maximum(values, rng):
    """Feature 0 (which almost separates the labels) between 0.55 and 0.95 times the float64
    maximum, the other features between -0.95 and -0.55 times it, in the same order as drawn:
    the sum of two adjacent values overflows, their midpoint does not."""
    X, y = _structured_labels(values, rng)
    ranks = np.argsort(np.argsort(X, axis=0), axis=0) / max(X.shape[0] - 1, 1)
    big = np.finfo(np.float64).max * (0.55 + 0.4 * ranks)
    big[:, 1:] *= -1.0
    values["X"], values["y"] = big, y
    return values


def _two_samples(values, rng):
    values["X"] = values["X"][:2]
    values["y"] = np.array([0, 1])
    return values


DOMAIN = Domain(
    seed=2401,
    args=(Reals("X", ("n", "d"), scale=2.0, uint8=True, offset=True, tiny=True, nan_rejected=True), LABELS),
    params=(
        Param(
            "criterion",
            "gini",
            values=("entropy",),
            invalid=("misclassification", "mse"),
            why_invalid='is neither "gini" nor "entropy"',
        ),
    ),
    sizes={"n": (2, 9, 40, 200), "d": (1, 3, 2, 5)},
    custom={
        **LABEL_CORNERS,
        "tied gains across features (a rescaled copy of feature 0)": _copied_feature(1.0),
        "tied gains across features (a mirrored copy of feature 0)": _copied_feature(-1.0),
        "tied gains within a feature": _tie_within_a_feature,
        "no split improves (XOR), feature 0 constant": _xor,
        "a pure y, feature 0 constant": _pure_with_a_constant_first,
        "a constant feature": _constant_feature,
        "every feature constant (no split)": _all_constant,
        "duplicate values": _duplicates,
        "1e9 + multiples of 1/4": _offset_quarters,
        "features of scales 1e-6 to 1e6": _scales,
        "values near the float64 maximum (+ and -)": _near_the_float64_maximum,
        "two samples": _two_samples,
    },
)


# --- the checks ----------------------------------------------------------------------------------


@points(3)
def test_matches_sklearn_on_random_inputs(best_split):
    rng = seeded(2402)
    for n, d, labels in ((9, 2, [0, 1]), (40, 3, ["spam", "eggs", "ham"]), (200, 5, range(5))):
        X, y = rng.normal(size=(n, d)) * rng.uniform(0.5, 5, size=d), every_label_once(rng, n, labels)
        for criterion in ("gini", "entropy"):
            JUDGE.check(best_split, Case("random", (X, y), {"criterion": criterion}))


@points(1)
def test_worked_cases(best_split):
    docstring = [[1.0, 5.0], [2.0, 7.0], [10.0, 5.0], [11.0, 7.0]]
    for X, y, criterion, why in (
        (docstring, ["no", "no", "yes", "yes"], "gini", "the docstring's example: (0, 6.0, 0.5)"),
        (docstring, ["no", "no", "yes", "yes"], "entropy", "the docstring's example: (0, 6.0, 1.0)"),
        ([[1], [2], [3], [4]], [0, 0, 1, 1], "gini", "integer X: the threshold 2.5 is a float"),
        ([[3.0], [1.0], [2.0], [1.0]], [1, 0, 1, 0], "entropy", "unsorted X with a repeated value"),
    ):
        JUDGE.check(best_split, Case(why, (X, y), {"criterion": criterion}))


@points(2)
def test_ties_go_to_the_lowest_feature_then_the_lowest_threshold(best_split):
    for X, y, why in (
        ([[1, 10], [2, 20], [3, 30], [4, 40]], [0, 0, 1, 1], "features 0 and 1 split alike"),
        ([[1, 40], [2, 30], [3, 20], [4, 10]], [0, 0, 1, 1], "feature 1 mirrors feature 0"),
        ([[1], [2], [3], [4], [5], [6]], [0, 0, 1, 1, 0, 0], "2.5 and 4.5 tie within the feature"),
    ):
        JUDGE.check(best_split, Case(f"a tie: {why}", (np.array(X), np.array(y))))
    for name in ("tied gains across features (a mirrored copy of feature 0)", "tied gains within a feature"):
        for case in DOMAIN.corner_cases(only=(name,)):
            JUDGE.check(best_split, case)


@points(1)
def test_when_no_split_improves(best_split):
    JUDGE.check(
        best_split, Case("XOR: every split has gain 0", ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]))
    )
    JUDGE.check(
        best_split, Case("a pure y: every split has gain 0", ([[5, 1], [5, 2], [5, 3]], ["a", "a", "a"]))
    )
    for case in DOMAIN.corner_cases(only=("no split improves (XOR), feature 0 constant",)):
        JUDGE.check(best_split, case)


@points(2)
def test_every_corner_of_the_domain(best_split):
    for case in DOMAIN.corner_cases():
        JUDGE.check(best_split, case)


@points(1)
def test_rejects_bad_input(best_split):
    X = np.array([[0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    expect_rejected(
        best_split,
        [
            BadInput("every feature is constant: there is no split", (np.ones((4, 2)), [0, 1, 0, 1])),
            BadInput("one sample: there is no split", ([[1.0, 2.0]], [1])),
            BadInput("X holds infinity", (np.array([[0.0], [np.inf], [1.0]]), [0, 1, 0])),
            BadInput("X has 3 rows and y 2 labels", (X, [0, 1])),
            BadInput("X must be 2-D: one feature is a column, X[:, None]", ([0.0, 1.0, 2.0], [0, 1, 1])),
            BadInput(
                'criterion="variance" is neither "gini" nor "entropy"',
                (X, [0, 1, 1]),
                {"criterion": "variance"},
            ),
            *single_label_inputs(lambda y: ([[0.0], [1.0], [2.0]], y), search),
            *keyword_case_variants("criterion", ("gini", "entropy"), (X, [0, 1, 1]), search),
            *DOMAIN.bad_inputs(),
        ],
    )


ADJACENT = (
    "between two adjacent floats the midpoint low / 2 + high / 2 can round up to high itself, and "
    "X <= high then sends both values left: when the midpoint is not below high, use low"
)


def _unclamped(X, y, criterion="gini"):
    """The best split at low / 2 + high / 2, not moved back to low where that rounds up to high."""
    features, lows, highs, gains = candidates(X, y, criterion)
    if not features.size:
        return None
    first = int(np.flatnonzero(gains >= gains.max() - 1e-12)[0])
    middle = float(lows[first] / 2 + highs[first] / 2)
    return (int(features[first]), middle, float(gains[first])) if middle >= highs[first] else None


ADJACENT_MISTAKES = (Mistake(ADJACENT, _unclamped),)


@robust()
@points(1)
def test_adjacent_floats_and_huge_labels(best_split):
    """The best split between 1 + 2**-52 and 1 + 2**-51 (whose midpoint rounds up), labels near 1e17."""
    rng = seeded(2403)
    # every other mistake's threshold rounds up to high here too: only this one is named
    judge = replace(JUDGE, threshold_mistakes=ADJACENT_MISTAKES, tie_mistakes=(), gain_mistakes=())
    ulp = np.spacing(1.0)
    X = np.column_stack([np.repeat([1.0 + ulp, 1.0 + 2 * ulp], 4), rng.normal(size=8)])
    y = np.repeat([0, 1], 4)
    judge.check(best_split, Case("feature 0 takes two adjacent floats", (X, y)))
    judge.check(best_split, Case("the same, entropy", (X, y), {"criterion": "entropy"}))
    X = rng.normal(size=(40, 3))
    judge.check(best_split, Case("int64 labels -1e17, 0 and 1e17", (X, huge_labels(rng, 40))))


def _fast_inputs(n, rng):
    X = rng.normal(size=(n // 5, 5))
    return {"X": X, "y": (X[:, 0] + rng.normal(size=n // 5) > 0).astype(int)}


FAST = Fast(
    inputs=_fast_inputs,
    within=5.0,
    why="n / 5 samples of 5 features, split by the gini criterion: a sort of each feature",
)


PROPERTIES = (Differential("best_split", DOMAIN, judge=JUDGE.check),)
