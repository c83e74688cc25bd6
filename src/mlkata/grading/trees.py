"""What the decision-tree graders share: label domains, and scikit-learn's tree as the reference.

The four tree exercises (``gini_impurity``, ``entropy``, ``information_gain``, ``best_split``)
take class labels that may be integers, strings, floats or booleans. :data:`LABELS` is their
labels argument ``y`` (three classes, relabelled by the ``labels`` corner to strings, unsorted
integers, floats and strings of different lengths) and :data:`LABEL_CORNERS` the custom corners
all four draw: two classes ``{-1, 1}``, booleans, a single class, many classes, labels far
apart, uint8 labels, one lone label. What all four must refuse besides their domain's bad
inputs: :func:`single_label_inputs`, a ``y`` that is one label (a bare string such as ``"abc"``,
a number, a 0-d array), and :func:`keyword_case_variants`, a string keyword's valid value in
another case (``criterion="Gini"``).

:func:`root_gain` and :func:`root_impurity` read the reference numbers off a fitted
``sklearn.tree.DecisionTreeClassifier``: it is fitted on the labels' codes (scikit-learn
refuses float labels) with its warnings silenced (it warns when the classes outnumber half the
samples).

Examples
--------
>>> round(root_impurity(["a", "b", "b", "a", "b"]), 12)
0.48
>>> root_gain(np.array([[0.0], [1.0], [2.0], [3.0]]), [0, 0, 1, 1])
0.5
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from mlkata.grading.bad_inputs import BadInput
from mlkata.grading.checks import call_case, case_outcome, case_suffix
from mlkata.grading.domains import Case, Labels
from mlkata.grading.failures import GradeFailure
from mlkata.grading.judge import (
    Mistake,
    expect_close,
    expect_raises,
    matching_hints,
    part_mistakes,
    returned,
    with_hints,
)
from mlkata.grading.memo import cached_reference
from mlkata.grading.proxy import StudentFunction

LABELS = Labels(
    "y",
    classes=(0, 1, 2),
    alternatives=(("cat", "dog", "emu"), (7, -2, 5), (0.5, 2.5, -1.5), ("a", "bb", "ccc")),
    bad_label=None,  # any sortable labels
)
"""The labels argument ``y`` of the tree exercises: any labels ``numpy.unique`` can sort."""


def _two_classes(first: Any, second: Any):
    def corner(values, rng):
        y = np.asarray(values["y"])
        values["y"] = np.where(y == y[0], first, second)
        return values

    return corner


def _bool_labels(values, rng):
    y = np.asarray(values["y"])
    values["y"] = y == y[-1]
    return values


def _one_class(values, rng):
    """Every label the same: a pure set, impurity 0."""
    y = np.asarray(values["y"])
    values["y"] = np.full(y.shape, y[0])
    return values


def _many_classes(values, rng):
    """60 classes drawn for a few dozen labels: many of them once, some never."""
    values["y"] = rng.integers(0, 60, size=np.shape(values["y"]))
    return values


def _far_apart(values, rng):
    """Labels -10**6, 3 and 10**6: label values are names, not positions to count at."""
    values["y"] = np.array([-(10**6), 3, 10**6])[np.asarray(values["y"])]
    return values


def _uint8(values, rng):
    values["y"] = np.asarray(values["y"]).astype(np.uint8)
    return values


def _one_lone_label(values, rng):
    """One label of one class, all the others of another."""
    y = np.zeros(np.shape(values["y"]), dtype=int)
    y[int(rng.integers(y.size))] = 1
    values["y"] = y
    return values


LABEL_CORNERS = {
    "two classes labelled {-1, 1}": _two_classes(-1, 1),
    "bool labels": _bool_labels,
    "a single class (a pure set)": _one_class,
    "many classes": _many_classes,
    "labels -10**6, 3, 10**6": _far_apart,
    "uint8 labels": _uint8,
    "one label of its class among many of another": _one_lone_label,
}
"""Custom corners (:class:`~mlkata.grading.domains.Domain` ``custom=``) for a domain whose labels
argument is ``y``, drawn from :data:`LABELS` (codes 0, 1, 2)."""


CHARACTERS_HINT = (
    'a bare string is one label, not a sequence of labels: np.asarray("abc") is 0-d; check '
    "y.ndim == 1 after np.asarray (a loop, or collections.Counter, over a string counts its characters)"
)


def single_label_inputs(
    place: Callable[[Any], tuple], compute: Callable[..., Any] | None = None, name: str = "y"
) -> list[BadInput]:
    """``name`` given as one label instead of an array of labels: each must be refused (0-d input).

    A bare string (``"abc"``, which a loop or ``Counter`` reads as three labels), a number and a
    0-d array: ``np.asarray`` makes each 0-d, and the docstrings refuse a ``y`` that is not 1-D.
    ``place(y)`` makes the call's positional arguments around ``y`` (three samples, for
    ``"abc"``); ``compute``, the exercise's reference, recognises the string read as characters.

    >>> [bad.args for bad in single_label_inputs(lambda y: (y,))][:2]
    [('abc',), (3,)]
    """

    def characters(*args: Any, **kwargs: Any) -> Any:
        assert compute is not None
        return compute(*(list(a) if isinstance(a, str) else a for a in args), **kwargs)

    mistakes = () if compute is None else (Mistake(CHARACTERS_HINT, characters),)
    return [
        BadInput(
            f'{name} is the bare string "abc": one label (np.asarray("abc") is 0-d), not an array of '
            "three labels",
            place("abc"),
            mistakes=mistakes,
        ),
        BadInput(f"{name} is the single number 3 (0-d), not an array of labels", place(3)),
        BadInput(f'{name} is the 0-d array np.array("a"), not an array of labels', place(np.array("a"))),
    ]


def keyword_case_variants(
    name: str, valid: tuple[str, ...], args: tuple, compute: Callable[..., Any] | None = None
) -> list[BadInput]:
    """The valid values of a string keyword in other cases (``"Gini"``, ``"GINI"``): each refused.

    The docstrings list the exact strings, as scikit-learn does (``DecisionTreeClassifier(
    criterion="Gini")`` raises); code that lowers the string first accepts these. ``compute``,
    the exercise's reference, recognises that mistake (the result for the lowered value).

    >>> [bad.kwargs for bad in keyword_case_variants("criterion", ("gini",), ([0, 1], [1, 0]))]
    [{'criterion': 'Gini'}, {'criterion': 'GINI'}]
    """
    shown = " or ".join(repr(v) for v in valid)
    hint = (
        f"{name} is one of the exact strings {shown}: compare it as given (lowering it first, with "
        ".lower(), accepts other spellings the docstring refuses)"
    )

    def lowered(*call_args: Any, **kwargs: Any) -> Any:
        assert compute is not None
        return compute(*call_args, **{**kwargs, name: str(kwargs[name]).lower()})

    mistakes = () if compute is None else (Mistake(hint, lowered),)
    return [
        BadInput(
            f"{name}={variant!r} is not {value!r}: the valid values are exact, lower-case strings",
            args,
            {name: variant},
            mistakes,
        )
        for value in valid
        for variant in (value.capitalize(), value.upper())
    ]


def every_label_once(rng: np.random.Generator, n: int, labels) -> np.ndarray:
    """``n`` labels (``n >= len(labels)``) in random order, each of ``labels`` at least once."""
    labels = np.asarray(list(labels))
    return rng.permutation(np.concatenate([labels, rng.choice(labels, size=n - labels.size)]))


def fitted_tree(X, y, criterion: str = "gini", max_depth: int | None = None):
    """``DecisionTreeClassifier(criterion, max_depth, random_state=0)`` fitted on ``y``'s codes."""
    from sklearn.tree import DecisionTreeClassifier

    codes = np.unique(np.asarray(y), return_inverse=True)[1].reshape(-1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = DecisionTreeClassifier(criterion=criterion, max_depth=max_depth, random_state=0)
        return model.fit(np.asarray(X, dtype=np.float64), codes).tree_


def root_impurity(y, criterion: str = "gini") -> float:
    """``tree_.impurity[0]``: the impurity of ``y`` as scikit-learn computes it (entropy in bits)."""
    return float(fitted_tree(np.zeros((np.size(y), 1)), y, criterion).impurity[0])


def root_gain(X, y, criterion: str = "gini") -> float:
    """The impurity decrease of scikit-learn's root split (``max_depth=1``), 0 if it does not split.

    ``tree_.impurity[0]`` minus the children's impurities weighted by their sample counts.
    """
    tree = fitted_tree(X, y, criterion, max_depth=1)
    if tree.node_count == 1:  # a pure node, or no feature takes two values: no split
        return 0.0
    w = tree.weighted_n_node_samples
    return float(tree.impurity[0] - (w[1] * tree.impurity[1] + w[2] * tree.impurity[2]) / w[0])


# --- best_split: every candidate split, and the judge ------------------------------------------------

TIE = 1e-12
"""Gains this close count as tied (the docstring's rule: rounding must not decide a tie)."""


def _impurity(counts: np.ndarray, criterion: str, log: str) -> float:
    counts = counts[counts > 0]
    p = counts / counts.sum()
    if criterion == "gini":
        return float(1.0 - np.sum(p * p))
    return float(-np.sum(p * np.log(p)) / (np.log(2.0) if log == "bits" else 1.0))


def _split_gain(total, left, criterion, weights, log) -> float:
    right = total - left
    n, n_left, n_right = total.sum(), left.sum(), right.sum()
    i_left, i_right = _impurity(left, criterion, log), _impurity(right, criterion, log)
    if weights == "sizes":
        children = n_left / n * i_left + n_right / n * i_right
    else:  # "halves": the mistake of averaging the two sides
        children = (i_left + i_right) / 2
    return _impurity(total, criterion, log) - children


@cached_reference
def candidates(
    X, y, criterion: str = "gini", between: str = "distinct", weights: str = "sizes", log: str = "bits"
):
    """Every split of ``X`` as arrays ``(feature, low, high, gain)``, feature by feature, thresholds
    ascending: ``X[:, feature] <= low`` goes left, ``high`` is the next distinct value.

    A loop over each feature's distinct values (``between="distinct"``); ``"positions"`` splits
    between every two sorted samples, equal values too (a mistake), ``"overflowing midpoints"``
    at ``X <= (low + high) / 2``, which sends every sample left where the sum overflows (a
    mistake). ``weights="halves"`` and ``log="nats"`` are mistakes too.
    """
    X = np.asarray(X, dtype=np.float64)
    codes = np.unique(np.asarray(y), return_inverse=True)[1].reshape(-1)
    k = int(codes.max()) + 1 if codes.size else 1
    total = np.bincount(codes, minlength=k)
    n = codes.size
    rows = []
    for j in range(X.shape[1]):
        column = X[:, j]
        if between == "distinct":
            values = np.unique(column)
            lefts = [(low, high, column <= low) for low, high in itertools.pairwise(values)]
        elif between == "overflowing midpoints":  # X <= (low + high) / 2, inf past 9e307: all left
            values = np.unique(column)
            with np.errstate(over="ignore"):
                lefts = [(low, high, column <= (low + high) / 2) for low, high in itertools.pairwise(values)]
        else:
            order = np.argsort(column, kind="stable")
            lefts = []
            for i in range(1, n):
                left = np.zeros(n, dtype=bool)
                left[order[:i]] = True
                lefts.append((column[order[i - 1]], column[order[i]], left))
        for low, high, left in lefts:
            gain = _split_gain(total, np.bincount(codes[left], minlength=k), criterion, weights, log)
            rows.append((j, low, high, gain))
    table = np.array(rows, dtype=np.float64).reshape(-1, 4)
    return table[:, 0].astype(int), table[:, 1], table[:, 2], table[:, 3]


def search(
    X,
    y,
    criterion: str = "gini",
    *,
    between: str = "distinct",
    weights: str = "sizes",
    log: str = "bits",
    ties: str = "first",
    threshold: str = "mid",
    report: str = "gain",
):
    """``(feature, threshold, gain)`` of the best split, by :func:`candidates`, or a mistake's.

    ``ties="last"``, ``threshold`` in ``"low"``, ``"high"``, ``"floor"`` (``(low + high) // 2``),
    ``"dtype"`` (``low + high`` in X's integer type), ``"sum"`` (``(low + high) / 2``, which
    overflows to inf near the float64 maximum), ``report="children"`` (the children's impurity
    instead of the gain) are the mistakes; ``None`` where one does not apply.
    """
    features, lows, highs, gains = candidates(X, y, criterion, between, weights, log)
    if not features.size:
        return None
    tied = np.flatnonzero(gains >= gains.max() - TIE)
    i = tied[0] if ties == "first" else tied[-1]
    low, high = lows[i], highs[i]
    kind = np.asarray(X).dtype
    integer = kind.kind in "iu"
    with np.errstate(all="ignore"):
        place = {
            "mid": low / 2 + high / 2,
            "low": low,
            "high": high,
            "floor": (low + high) // 2,
            "sum": (low + high) / 2,
            "dtype": float(np.asarray([low, high]).astype(kind).sum(dtype=kind)) / 2 if integer else None,
        }[threshold]
    if place is None:
        return None
    gain = gains[i]
    if report == "children":
        codes = np.unique(np.asarray(y), return_inverse=True)[1].reshape(-1)
        gain = _impurity(np.bincount(codes), criterion, log) - gain
    return int(features[i]), float(place), float(gain)


def _pair_mistakes(mistakes) -> list[Mistake]:
    """``mistakes`` (whole ``(feature, threshold, gain)`` results) narrowed to ``(feature, threshold)``."""

    def pair(mistake):
        def compute(*args, **kwargs):
            whole = mistake.compute(*args, **kwargs)
            return None if whole is None else (whole[0], whole[1])

        return Mistake(mistake.hint, compute)

    return [pair(m) for m in mistakes]


@dataclass(frozen=True)
class SplitJudge:
    """How ``best_split`` is judged on one case: the gain, the split's validity, the tie rule.

    ``reference_gain(X, y, criterion)`` is scikit-learn's best gain; the mistakes are Mistakes
    whose ``compute(X, y, criterion)`` gives a whole wrong ``(feature, threshold, gain)``: gain
    mistakes are matched on the gain, threshold and tie mistakes on ``(feature, threshold)``.
    """

    reference_name: str
    reference_gain: Callable[..., float]
    gain_mistakes: tuple[Mistake, ...]
    threshold_mistakes: tuple[Mistake, ...]
    tie_mistakes: tuple[Mistake, ...]

    def _fail(self, outcome, text: str, mistakes, feature, threshold) -> None:
        pair = replace(outcome, value=(feature, threshold), label="")
        hints = matching_hints(pair, _pair_mistakes(mistakes))
        raise GradeFailure(with_hints(text, *hints))

    def check(self, function: StudentFunction, case: Case) -> None:
        """Judge ``function`` on ``case`` (a :class:`GradeFailure` when it is wrong)."""
        X, y = case.widened
        criterion = case.widened_kwargs.get("criterion", "gini")
        features, lows, highs, gains = candidates(X, y, criterion)
        suffix = case_suffix(case)
        what = self.reference_name + suffix
        if not features.size:
            because = "no feature of X takes two distinct values: there is no split" + suffix
            expect_raises(call_case(function, case), because=because)
            return
        outcome = call_case(function, case)
        raised = outcome.raised
        if raised is not None and raised.is_value_error and "read-only" not in raised.message:
            f0 = int(features[0])
            text = (
                f"{outcome.call} raised {raised.summary()}\n  but X has {features.size} possible splits "
                f"(feature {f0} alone takes {int(np.sum(features == f0)) + 1} distinct values){suffix}"
            )
            if gains.max() <= TIE:
                text = with_hints(
                    text,
                    "no split lowers the impurity here (every gain is 0): the docstring asks "
                    "for the lowest feature's lowest threshold with gain 0.0, not an error",
                )
            raise GradeFailure(text)
        outcome = case_outcome(function, case) if raised is not None else outcome
        returned(outcome)
        best = float(gains.max())
        expect_close(
            outcome.part(2, "gain"),
            self.reference_gain(X, y, criterion),
            reference=what,
            rtol=1e-9,
            atol=1e-12,
            mistakes=part_mistakes(self.gain_mistakes, 2),
        )
        feature, threshold = outcome.value[0], outcome.value[1]
        d = np.shape(X)[1]
        if isinstance(feature, bool) or not isinstance(feature, int) or not 0 <= feature < d:
            raise GradeFailure(
                f"{outcome.call} -> feature\n  returned {feature!r}: the feature is a column index of X, "
                f"an int in 0..{d - 1}"
            )
        if (
            isinstance(threshold, bool)
            or not isinstance(threshold, int | float)
            or not np.isfinite(threshold)
        ):
            text = f"{outcome.call} -> threshold\n  returned {threshold!r}: expected a finite float"
            self._fail(outcome, text, self.threshold_mistakes, feature, threshold)
        threshold = float(threshold)
        tied = np.flatnonzero(gains >= best - TIE)
        first = int(tied[0])
        shown = f"X[:, {int(features[first])}] <= {float(lows[first] / 2 + highs[first] / 2)!r}"
        column = np.asarray(X, dtype=np.float64)[:, feature]
        values = np.unique(column)
        below, above = values[values <= threshold], values[values > threshold]
        mistakes = (*self.threshold_mistakes, *self.tie_mistakes, *self.gain_mistakes)
        if not below.size or not above.size:
            spread = (
                f"feature {feature} is constant ({float(values[0])!r})"
                if values.size == 1
                else f"feature {feature}'s values run from {float(values[0])!r} to {float(values[-1])!r}"
            )
            text = (
                f"{outcome.call} -> threshold\n  got {threshold!r}, which leaves the "
                f"{'right' if not above.size else 'left'} side empty: {spread}; a split needs samples "
                f"on both sides (the best split is {shown})"
            )
            self._fail(outcome, text, mistakes, feature, threshold)
        low, high = float(below.max()), float(above.min())
        middle = low / 2 + high / 2
        size = max(abs(low), abs(high))
        tolerance = 4 * np.spacing(size) + 2e-9 * (high / 2 - low / 2)  # halves: no overflow
        if case.float32:  # a midpoint of float32 values computed in float32
            tolerance = max(tolerance, 4 * float(np.finfo(np.float32).eps) * size)
        if abs(threshold - middle) > tolerance:
            text = (
                f"{outcome.call} -> threshold\n  expected {middle!r}, the midpoint of feature {feature}'s "
                f"adjacent values {low!r} and {high!r}  ({what})\n  got      {threshold!r}"
                f"\n  (the best split is {shown})"
            )
            if threshold == low:
                text += (
                    f"\n  {threshold!r} is itself a value of feature {feature}: a threshold lies midway "
                    "between two adjacent distinct values"
                )
            if abs(threshold - middle) <= 2e-5 * size and not case.float32:
                text = with_hints(
                    text,
                    "your threshold agrees with the midpoint to about 6 digits only: that is "
                    "float32 precision; compute in float64 (np.asarray(X, dtype=float))",
                )
            self._fail(outcome, text, self.threshold_mistakes, feature, threshold)
        index = int(np.flatnonzero((features == feature) & (lows == low))[0])
        if gains[index] < best - TIE:
            text = (
                f"{outcome.call}\n  your split X[:, {feature}] <= {threshold!r} has gain "
                f"{float(gains[index])!r}; the best, {shown}, has gain {best!r}  ({what})"
            )
            self._fail(outcome, text, mistakes, feature, threshold)
        if index != first:
            text = (
                f"{outcome.call}\n  expected the split {shown}  ({what})\n  got      X[:, {feature}] <= "
                f"{threshold!r}: both reach gain {best!r}, one of {tied.size} tied splits"
            )
            self._fail(outcome, text, self.tie_mistakes, feature, threshold)
