"""Grader for trees/gini_impurity, against the root impurity of sklearn's DecisionTreeClassifier.

Besides the domain's bad inputs, ``y`` given as one label (a bare string such as ``"abc"``, a
number, a 0-d array) must be refused, as for every tree exercise
(:func:`mlkata.grading.trees.single_label_inputs`).
"""

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain
from mlkata.grading.extremes import LABEL_RANGE, expect_not_refused, huge_labels
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.trees import LABEL_CORNERS, LABELS, every_label_once, root_impurity, single_label_inputs

gini_impurity = student_function("gini_impurity")
REFERENCE = 'sklearn DecisionTreeClassifier(criterion="gini").fit(X, y).tree_.impurity[0]'


DOMAIN = Domain(seed=2101, args=(LABELS,), sizes={"n": (1, 5, 40, 300)}, custom=LABEL_CORNERS)


@cached_reference
def reference(y):
    return root_impurity(y, "gini")


def _counts(y):
    return np.unique(np.asarray(y), return_counts=True)[1].astype(float)


def _p(y):
    return _counts(y) / np.size(y)


MISTAKES = (
    Mistake("square the class proportions: 1 - sum(p) is always 0", lambda y: 1 - np.sum(_p(y))),
    Mistake(
        "that is sum(p**2), the chance that two random labels agree: the impurity is 1 minus it",
        lambda y: np.sum(_p(y) ** 2),
    ),
    Mistake(
        "use the class proportions p_k = count_k / n, not the raw counts",
        lambda y: 1 - np.sum(_counts(y) ** 2),
    ),
    Mistake(
        "count_k // n truncates every proportion to 0 (integer division): divide in floats",
        lambda y: 1.0 - float(np.sum((_counts(y).astype(int) // np.size(y)) ** 2)),
    ),
    Mistake(
        "that is the entropy (-sum p log2 p), not the Gini impurity (1 - sum p**2)",
        lambda y: -np.sum(_p(y) * np.log2(_p(y))),
    ),
    Mistake(
        "p_k is the class's share of the n labels: divide its count by n, not by the number of classes",
        lambda y: 1 - np.sum((_counts(y) / _counts(y).size) ** 2),
    ),
)


@points(3)
def test_matches_sklearn_on_random_labels(gini_impurity):
    rng = seeded(2102)
    for n, labels in ((7, [3, 7, 9]), (2, [0, 1]), (50, ["spam", "eggs", "ham", "toast"]), (400, range(12))):
        y = every_label_once(rng, n, labels)
        expect_close(gini_impurity.call(y), reference(y), reference=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_worked_cases(gini_impurity):
    for y, why in (
        (["a", "b", "b", "a", "b"], "; the docstring's example: 1 - (0.4**2 + 0.6**2) = 0.48"),
        ([0, 1], "; two equal classes: 1 - 2 * 0.25 = 0.5"),
        ([4, 4, 4, 4], "; one class: a pure set has impurity 0"),
        (list(range(10)), "; ten equal classes: 1 - 1/10 = 0.9"),
        ([True, False, False, False], "; bool labels: 1 - (0.25**2 + 0.75**2) = 0.375"),
    ):
        expect_close(gini_impurity.call(y), reference(y), reference=REFERENCE + why, mistakes=MISTAKES)


@points(2)
def test_every_corner_of_the_domain(gini_impurity):
    expect_cases(gini_impurity, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(gini_impurity):
    expect_rejected(
        gini_impurity,
        [
            BadInput("y is empty: the impurity of no labels is undefined", ([],)),
            BadInput("y must be 1-D: a 2-D array is not a list of labels", ([[0, 1], [1, 1]],)),
            *single_label_inputs(lambda y: (y,), reference),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_huge_labels_near_ties_and_a_lone_sample(gini_impurity):
    """int64 labels near +-1e17, float labels 1 ulp apart (distinct), one label among 10^6."""
    rng = seeded(2103)
    lone = np.zeros(1_000_000, dtype=np.int64)
    lone[123_456] = 1
    for y, why in (
        (huge_labels(rng, 50), "; int64 labels -1e17, 0 and 1e17"),
        ((1.0 + np.spacing(1.0) * np.arange(3))[rng.integers(0, 3, size=30)], "; labels 1 ulp apart"),
        (lone, "; one label 1 among a million 0s: 2e-6 - 2e-12"),
    ):
        outcome = gini_impurity.call(y)
        expect_not_refused(outcome, LABEL_RANGE)
        expect_close(outcome, reference(y), reference=REFERENCE + why, mistakes=MISTAKES)


FAST = Fast(
    inputs=lambda n, rng: {"y": rng.integers(0, 10, size=n)},
    within=5.0,
    why="n labels of 10 classes",
)


PROPERTIES = (Differential("gini_impurity", DOMAIN, reference, REFERENCE),)
