"""The core the precision, recall and F1 graders share: domain, per-class scores, averaging.

The three exercises are ``f(y_true, y_pred, average="binary", zero_division=0.0)`` with
scikit-learn's averages (``binary``, ``micro``, ``macro``, ``weighted``), judged against the
matching ``sklearn.metrics`` score. A grader declares one :class:`ClassificationScore`: the
scikit-learn score and the :class:`Metric` (:data:`PRECISION`, :data:`RECALL`, :data:`F1`: how
it divides its counts, and the words its hints use); it keeps its own mistakes (recall for
precision, the arithmetic mean for F1) and composes them with the shared ones::

    SCORE = ClassificationScore(precision_score, PRECISION)
    reference = SCORE.reference
    MISTAKES = (SCORE.swapped_mistake(hint), *SCORE.averaging_mistakes(), *SCORE.counting_mistakes())

    @points(3)
    def test_matches_sklearn_for_every_average(precision):
        SCORE.expect_every_average(precision, seeded(1301), (11, 400, 40), REFERENCE, MISTAKES)

:func:`classification_domain` is the three graders' domain: two labels by default, with
corners of three classes (one only predicted, never predicted or never true), string labels,
an absent positive label, every prediction wrong and uint8 labels.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mlkata.grading.bad_inputs import BadInput
from mlkata.grading.checks import expect_rejected
from mlkata.grading.domains import Domain, Labels, Param
from mlkata.grading.judge import Mistake, expect_close
from mlkata.grading.memo import cached_reference
from mlkata.grading.proxy import StudentFunction

AVERAGES = ("binary", "micro", "macro", "weighted")
"""The ``average`` values of the three exercises, ``binary`` (the default) first."""

Counts = Callable[[Any, Any, Any], tuple[Any, Any]]
"""``counts(tp, n_true, n_predicted) -> (numerator, denominator)``: how a metric divides the
counts of its positive class (precision: ``(tp, n_predicted)``)."""

# --- the domain ---------------------------------------------------------------------------------


def _labels_of(values, n, rng, extra):
    """Labels 0, 1, 2 in both inputs; ``extra`` adds label 3 to y_pred only, or takes 2 out of it."""
    n = max(n, 8)
    y_true = rng.integers(0, 3, size=n)
    y_true[:3] = [0, 1, 2]
    y_pred = np.where(rng.random(n) < 0.5, y_true, rng.integers(0, 3, size=n))
    y_pred[:3] = [0, 1, 2]
    if extra == "only predicted":
        y_pred[3] = 3
    elif extra == "never predicted":
        y_pred[y_pred == 2] = 0
    elif extra == "never true":
        y_true[y_true == 2] = 1
    return y_true, y_pred


def _three_classes(average, extra="only predicted", zero_division=0.0, words=False):
    def corner(values, rng):
        y_true, y_pred = _labels_of(values, values["y_true"].size, rng, extra)
        if words:
            names = np.array(["ant", "bee", "cat", "dog"])
            y_true, y_pred = names[y_true], names[y_pred]
        return {
            **values,
            "y_true": y_true,
            "y_pred": y_pred,
            "average": average,
            "zero_division": zero_division,
        }

    return corner


def _binary(how):
    def corner(values, rng):
        y = values["y_true"]
        if how == "label 1 absent":
            y_true, y_pred = np.zeros_like(y), np.zeros_like(y)
        elif how == "all wrong":
            y_true, y_pred = y, 1 - y
        else:  # uint8
            y_true, y_pred = y.astype(np.uint8), values["y_pred"].astype(np.uint8)
        zero_division = 0.0 if how == "uint8" else 1.0
        return {**values, "y_true": y_true, "y_pred": y_pred, "zero_division": zero_division}

    return corner


def classification_domain(seed: int) -> Domain:
    """The domain of ``f(y_true, y_pred, average, zero_division)`` the three graders share.

    Parameters
    ----------
    seed : int
        The domain's seed (each exercise has its own).

    Returns
    -------
    Domain
        Two label arguments of 2 to 300 samples, ``average`` and ``zero_division`` as
        keywords, and the custom corners the module docstring lists.
    """
    return Domain(
        seed=seed,
        args=(Labels("y_true"), Labels("y_pred")),
        sizes={"n": (2, 7, 40, 300)},
        params=(
            Param("average", "binary", values=("micro", "macro", "weighted"), invalid=("mean", "samples")),
            Param("zero_division", 0.0, values=(1.0,), invalid=(2.0, -0.5), why_invalid="is not in [0, 1]"),
        ),
        custom={
            "three classes, one only predicted, average='macro'": _three_classes("macro"),
            "three classes, one only predicted, average='weighted'": _three_classes("weighted"),
            "three classes, one only predicted, average='micro'": _three_classes("micro"),
            "a class never predicted, average='macro', zero_division=1.0": _three_classes(
                "macro", "never predicted", 1.0
            ),
            "a class never true, average='weighted', zero_division=1.0": _three_classes(
                "weighted", "never true", 1.0
            ),
            "string labels, average='macro'": _three_classes("macro", words=True),
            "label 1 absent, zero_division=1.0": _binary("label 1 absent"),
            "every prediction wrong, zero_division=1.0": _binary("all wrong"),
            "uint8 labels": _binary("uint8"),
        },
    )


# --- the metric ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    """How one of the three metrics divides its counts, and the words its shared hints use.

    Parameters
    ----------
    counts : callable
        ``counts(tp, n_true, n_predicted) -> (numerator, denominator)`` for the positive class.
    singular : str
        ``"precision"`` ("you computed the precision of label 0").
    plural : str
        ``"precisions"`` ("the plain mean of the per-class precisions").
    pooled : str
        What micro pools, ``"sum TP / sum predicted"``.
    only_predicted : str
        What holds for a class only ever predicted, up to "in the macro mean":
        ``"has precision 0 and counts"``.
    undefined : str
        The score zero_division stands for: ``"a precision whose denominator is 0 (a class
        never predicted)"``.
    """

    counts: Counts
    singular: str
    plural: str
    pooled: str
    only_predicted: str
    undefined: str


PRECISION = Metric(
    lambda tp, true, predicted: (tp, predicted),
    singular="precision",
    plural="precisions",
    pooled="sum TP / sum predicted",
    only_predicted="has precision 0 and counts",
    undefined="a precision whose denominator is 0 (a class never predicted)",
)
RECALL = Metric(
    lambda tp, true, predicted: (tp, true),
    singular="recall",
    plural="recalls",
    pooled="sum TP / sum support",
    only_predicted="has no true samples, so its recall is zero_division, and it counts",
    undefined="a recall whose denominator is 0 (a class with no true samples)",
)
F1 = Metric(
    lambda tp, true, predicted: (2 * tp, true + predicted),
    singular="F1 score",
    plural="F1 scores",
    pooled="2 sum TP / sum (2 TP + FP + FN)",
    only_predicted="has F1 0 and counts",
    undefined="an F1 score whose denominator 2 TP + FP + FN is 0",
)


def _swapped(average):
    return {"macro": "weighted", "weighted": "macro"}.get(average, average)


def _noisy(rng, values, n, right=0.6):
    y_true = rng.choice(values, size=n)
    y_pred = np.where(rng.random(n) < right, y_true, rng.choice(values, size=n))
    return y_true, y_pred


@dataclass(frozen=True)
class ClassificationScore:
    """One of precision, recall and F1 as its grader declares it; see the module docstring.

    Parameters
    ----------
    score : callable
        The ``sklearn.metrics`` score (``precision_score``).
    metric : Metric
        Its counts and words: :data:`PRECISION`, :data:`RECALL` or :data:`F1`.
    """

    score: Callable[..., Any]
    metric: Metric
    reference: Callable[..., float] = field(init=False, repr=False, compare=False)
    """``reference(y_true, y_pred, average="binary", zero_division=0.0, labels=None)``: the score
    by scikit-learn (its warnings for a 0 denominator silenced), a cached reference."""

    def __post_init__(self) -> None:
        score = self.score

        @cached_reference
        def reference(y_true, y_pred, average="binary", zero_division=0.0, labels=None):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # UndefinedMetricWarning when a denominator is 0
                return float(
                    score(
                        np.asarray(y_true),
                        np.asarray(y_pred),
                        average=average,
                        zero_division=zero_division,
                        labels=labels,
                    )
                )

        object.__setattr__(self, "reference", reference)

    # --- what wrong versions are made of ------------------------------------------------------

    def by_class(self, y_true: Any, y_pred: Any, zero_division: float) -> tuple[np.ndarray, ...]:
        """``(scores, support, predicted)`` per class, over the sorted union of the labels."""
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        classes = np.union1d(y_true, y_pred)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scores = self.score(y_true, y_pred, labels=classes, average=None, zero_division=zero_division)
        return scores, (y_true[:, None] == classes).sum(0), (y_pred[:, None] == classes).sum(0)

    def skipping(self, defined: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> Callable[..., float]:
        """The macro or weighted mean of the classes where ``defined(support, predicted)`` holds
        only (a wrong version that leaves the others out)."""

        def skips_undefined(y_true, y_pred, average="binary", zero_division=0.0):
            if average not in ("macro", "weighted"):
                raise ValueError("only macro and weighted average per-class scores")
            scores, support, predicted = self.by_class(y_true, y_pred, zero_division)
            keep = defined(support, predicted)
            return float(np.average(scores[keep], weights=support[keep] if average == "weighted" else None))

        return skips_undefined

    def _weighted_by_predicted(self, y_true, y_pred, average="binary", zero_division=0.0):
        if average != "weighted":
            raise ValueError("only weighted weighs the classes")
        scores, _support, predicted = self.by_class(y_true, y_pred, zero_division)
        return float(np.average(scores, weights=predicted))

    def _products(self, y_true, y_pred, average="binary", zero_division=0.0):
        """Counts as sums of products, right for labels {0, 1} only."""
        if average != "binary":
            raise ValueError("only binary counts one class")
        t, p = np.asarray(y_true, float), np.asarray(y_pred, float)
        numerator, denominator = self.metric.counts(t @ p, t.sum(), p.sum())
        return float(numerator / denominator) if denominator else zero_division

    def score_of_label_one(self, y_true: Any, y_pred: Any) -> float:
        """The score of label 1 whatever the other labels are (as if ``average='binary'`` held)."""
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        numerator, denominator = self.metric.counts(
            np.sum((y_true == 1) & (y_pred == 1)), np.sum(y_true == 1), np.sum(y_pred == 1)
        )
        return numerator / denominator

    # --- the mistakes all three share ---------------------------------------------------------

    def swapped_mistake(self, hint: str) -> Mistake:
        """The mistake of swapping ``y_true`` and ``y_pred`` (precision for recall, and back)."""
        reference = self.reference
        return Mistake(
            hint,
            lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
                y_pred, y_true, average, zero_division
            ),
        )

    def averaging_mistakes(self) -> tuple[Mistake, Mistake]:
        """macro and weighted mixed up; weighted by the number predicted instead of the support."""
        reference = self.reference
        return (
            Mistake(
                f"macro is the plain mean of the per-class {self.metric.plural}; weighted weights each "
                "class by its support (its number of true samples): you mixed the two up",
                lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
                    y_true, y_pred, _swapped(average), zero_division
                ),
            ),
            Mistake(
                "weighted weights each class by its support, the number of TRUE samples of the class, "
                "not by the number predicted as it",
                self._weighted_by_predicted,
            ),
        )

    def counting_mistakes(self) -> tuple[Mistake, ...]:
        """Products for counts, micro as macro, classes of y_true only, zero_division ignored,
        the score of label 0."""
        reference, wording = self.reference, self.metric
        return (
            Mistake(
                "the counts are right for labels {0, 1} only: with labels such as {-1, 1} or {1, 2}, "
                "sum(y_true * y_pred) is not the number of true positives; count "
                "(y_true == 1) & (y_pred == 1)",
                self._products,
            ),
            Mistake(
                f"micro pools the counts of all classes before dividing ({wording.pooled}); you "
                f"averaged the per-class {wording.plural} as macro does",
                lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
                    y_true, y_pred, "macro" if average == "micro" else average, zero_division
                ),
            ),
            Mistake(
                "the classes are the union of the labels in y_true and y_pred: a class that is only "
                f"ever predicted {wording.only_predicted} in the macro mean",
                lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
                    y_true,
                    y_pred,
                    average,
                    zero_division,
                    labels=np.unique(y_true) if average != "binary" else None,
                ),
            ),
            Mistake(
                f"use zero_division as the value of {wording.undefined}",
                lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
                    y_true, y_pred, average, 0.0
                ),
            ),
            Mistake(
                f"with average='binary' the positive label is 1: you computed the {wording.singular} of "
                "label 0",
                lambda y_true, y_pred, average="binary", zero_division=0.0: reference(
                    1 - np.asarray(y_true), 1 - np.asarray(y_pred), average, zero_division
                ),
            ),
        )

    # --- the checks ---------------------------------------------------------------------------

    def expect_every_average(
        self,
        function: StudentFunction,
        rng: np.random.Generator,
        binary_sizes: Iterable[int],
        reference_name: str,
        mistakes: Iterable[Mistake],
        multiclass_sizes: tuple[int, int, int] = (12, 60, 500),
    ) -> None:
        """Every average on random binary labels, then the multiclass averages on random labels
        of 3, 4 and 6 classes whose last label is predicted (once at least) but never true.

        Parameters
        ----------
        function : StudentFunction
            The learner's function.
        rng : numpy.random.Generator
            Where the labels come from.
        binary_sizes : iterable of int
            The sizes of the binary draws (sizes where TP != TN, so that the score of label 0
            is not the swapped metric).
        reference_name : str
            Who computes the reference, named in messages with the average.
        mistakes : iterable of Mistake
            The grader's known mistakes.
        multiclass_sizes : tuple of int
            The sizes of the 3-, 4- and 6-class draws.
        """
        mistakes = tuple(mistakes)
        for n in binary_sizes:
            y_true, y_pred = _noisy(rng, [0, 1], n)
            y_true[:2], y_pred[:2] = [0, 1], [1, 1]
            for average in AVERAGES:
                self._expect(function, y_true, y_pred, average, reference_name, mistakes)
        for n, values in zip(multiclass_sizes, ([0, 1, 2], [3, 5, 8, 9], list(range(6))), strict=True):
            y_true = rng.choice(values[:-1], size=n)
            y_pred = np.where(rng.random(n) < 0.4, y_true, rng.choice(values, size=n))
            y_pred[0] = values[-1]
            for average in AVERAGES[1:]:
                self._expect(function, y_true, y_pred, average, reference_name, mistakes)

    def _expect(self, function, y_true, y_pred, average, reference_name, mistakes):
        expect_close(
            function.call(y_true, y_pred, average=average),
            self.reference(y_true, y_pred, average),
            reference=f"{reference_name}(average={average!r})",
            mistakes=mistakes,
        )

    def expect_zero_division(
        self,
        function: StudentFunction,
        cases: Iterable[tuple[list, list, str]],
        reference_name: str,
        mistakes: Iterable[Mistake],
    ) -> None:
        """Each ``(y_true, y_pred, average)`` of ``cases`` with zero_division 0.0, then 1.0."""
        mistakes = tuple(mistakes)
        for y_true, y_pred, average in cases:
            for zero_division in (0.0, 1.0):
                expect_close(
                    function.call(y_true, y_pred, average=average, zero_division=zero_division),
                    self.reference(y_true, y_pred, average, zero_division),
                    reference=f"{reference_name}(average={average!r}, zero_division={zero_division})",
                    mistakes=mistakes,
                )

    def expect_rejected(self, function: StudentFunction, domain: Domain) -> None:
        """Every ValueError of the Raises section, then the domain's bad inputs."""
        positive_one = Mistake(
            "average='binary' needs binary labels: with three classes, raise ValueError (as "
            "scikit-learn does) instead of quietly scoring label 1",
            lambda y_true, y_pred, average="binary", zero_division=0.0: self.score_of_label_one(
                y_true, y_pred
            ),
        )
        expect_rejected(
            function,
            [
                BadInput(
                    "average='binary' is for two classes and there are three",
                    ([0, 1, 2, 1], [0, 1, 1, 2]),
                    mistakes=(positive_one,),
                ),
                BadInput("the positive label 1 is not one of the two labels 2 and 3", ([2, 3, 3], [2, 3, 2])),
                BadInput(
                    "'average' must be binary, micro, macro or weighted",
                    ([0, 1], [0, 1]),
                    {"average": "mean"},
                ),
                BadInput("y_true has 3 values and y_pred 2", ([0, 1, 1], [0, 1])),
                BadInput("both inputs are empty", ([], [])),
                *domain.bad_inputs(),
            ],
        )
