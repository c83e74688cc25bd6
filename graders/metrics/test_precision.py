"""Grader for metrics/precision, against sklearn.metrics.precision_score.

The domain, the per-class reference and the averaging and counting mistakes are shared with
recall and f1 (:mod:`mlkata.grading.classification`).
"""

from sklearn.metrics import precision_score

from mlkata.grading import Mistake, points, seeded, student_function
from mlkata.grading.checks import Differential, expect_cases
from mlkata.grading.classification import PRECISION, ClassificationScore, classification_domain
from mlkata.grading.extremes import classification_extremes
from mlkata.grading.levels import Fast, robust

precision = student_function("precision")
REFERENCE = "sklearn.metrics.precision_score"
DOMAIN = classification_domain(1303)
SCORE = ClassificationScore(precision_score, PRECISION)
reference = SCORE.reference

MISTAKES = (
    SCORE.swapped_mistake(
        "precision divides the true positives by the number PREDICTED as the class (TP + FP); "
        "you divided by the number truly in the class (TP + FN), which is the recall"
    ),
    *SCORE.averaging_mistakes(),
    Mistake(
        "a class never predicted has precision zero_division and still counts in the mean: you left it out",
        SCORE.skipping(lambda support, predicted: predicted > 0),
    ),
    *SCORE.counting_mistakes(),
)


@points(3)
def test_matches_sklearn_for_every_average(precision):
    # binary sizes where TP != TN: label 0's score is not the swapped metric
    SCORE.expect_every_average(precision, seeded(1301), (11, 400, 40), REFERENCE, MISTAKES)


@points(2)
def test_zero_division(precision):
    cases = (
        ([0, 0, 0], [0, 0, 0], "binary"),  # label 1 absent everywhere: TP = 0 and both denominators 0
        ([1, 0, 1, 0], [0, 0, 0, 0], "binary"),  # label 1 never predicted
        ([0, 1, 2, 2, 1], [0, 0, 1, 1, 1], "macro"),  # label 2 never predicted
        ([0, 1, 2, 2, 1, 2], [0, 0, 1, 1, 1, 0], "weighted"),
    )
    SCORE.expect_zero_division(precision, cases, REFERENCE, MISTAKES)


@points(2)
def test_every_corner_of_the_domain(precision):
    expect_cases(precision, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(precision):
    SCORE.expect_rejected(precision, DOMAIN)


@robust()
@points(1)
def test_extreme_inputs(precision):
    expect_cases(
        precision,
        classification_extremes(seeded(1305)),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
    )


FAST = Fast(
    within=2.5,
    why="the reference sorts the labels (np.union1d) to find the classes, most of its time: a "
    "vectorised count stays within 1.5 times it, a loop over the samples takes about 4 times",
)


PROPERTIES = (Differential("precision", DOMAIN, reference, REFERENCE),)
