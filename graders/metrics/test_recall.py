"""Grader for metrics/recall, against sklearn.metrics.recall_score.

The domain, the per-class reference and the averaging and counting mistakes are shared with
precision and f1 (:mod:`mlkata.grading.classification`).
"""

from sklearn.metrics import recall_score

from mlkata.grading import points, seeded, student_function
from mlkata.grading.checks import Differential, expect_cases
from mlkata.grading.classification import RECALL, ClassificationScore, classification_domain
from mlkata.grading.extremes import classification_extremes
from mlkata.grading.levels import Fast, robust

recall = student_function("recall")
REFERENCE = "sklearn.metrics.recall_score"
DOMAIN = classification_domain(1403)
SCORE = ClassificationScore(recall_score, RECALL)
reference = SCORE.reference

MISTAKES = (
    SCORE.swapped_mistake(
        "recall divides the true positives by the number TRULY in the class (TP + FN); you "
        "divided by the number predicted as the class (TP + FP), which is the precision"
    ),
    *SCORE.averaging_mistakes(),
    *SCORE.counting_mistakes(),
)


@points(3)
def test_matches_sklearn_for_every_average(recall):
    # binary sizes where TP != TN: label 0's score is not the swapped metric. In the multiclass
    # draws the last label is predicted (once at least) but never true: its recall is 0/0. With
    # equal supports the macro recall of the true classes is the weighted one: 13 is odd.
    SCORE.expect_every_average(
        recall, seeded(1401), (11, 40, 400), REFERENCE, MISTAKES, multiclass_sizes=(13, 60, 500)
    )


@points(2)
def test_zero_division(recall):
    cases = (
        ([0, 0, 0], [0, 0, 0], "binary"),  # label 1 absent everywhere: TP = 0 and both denominators 0
        ([0, 0, 0, 0], [1, 0, 1, 0], "binary"),  # label 1 never true
        ([0, 0, 1, 1, 1], [0, 1, 2, 2, 1], "macro"),  # label 2 never true
        ([0, 0, 1, 1, 1, 0], [0, 1, 2, 2, 1, 2], "weighted"),
    )
    SCORE.expect_zero_division(recall, cases, REFERENCE, MISTAKES)


@points(2)
def test_every_corner_of_the_domain(recall):
    expect_cases(recall, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(recall):
    SCORE.expect_rejected(recall, DOMAIN)


@robust()
@points(1)
def test_extreme_inputs(recall):
    expect_cases(
        recall, classification_extremes(seeded(1405)), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


FAST = Fast(
    within=2.5,
    why="the reference sorts the labels (np.union1d) to find the classes, most of its time: a "
    "vectorised count stays within 1.5 times it, a loop over the samples takes about 4 times",
)


PROPERTIES = (Differential("recall", DOMAIN, reference, REFERENCE),)
