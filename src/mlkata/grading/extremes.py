"""Extreme but valid inputs that ★★ (robust) checks of many graders share.

A ★★ check (:func:`mlkata.grading.levels.robust`) judges the learner's function against the
reference on the inputs an interviewer throws at it. Some of them recur across exercises:

- float32 values near the top of float32's range (:data:`FLOAT32_MAX`, about 3.4e38): the
  answer is a finite float64 number, but a function that keeps float32 and squares, sums or
  subtracts them overflows to inf (:func:`near_float32_max`, hint :data:`FLOAT32_OVERFLOW`);
- float64 values near 1e300, whose squares overflow although the answer does not
  (:func:`near_overflow`);
- a few named cases judged like the domain's (:func:`case`);
- a hint for a nan or inf answer whose one likely cause a check knows (:func:`hint_when_not_finite`).

Examples
--------
>>> x = near_float32_max(np.random.default_rng(0), 4)
>>> x.dtype.name, bool(np.all(np.abs(x) > 1e38)), bool(np.all(np.isfinite(x)))
('float32', True, True)
>>> with np.errstate(over="ignore"):
...     bool(np.isinf(np.sum(x * x)))
True
>>> case("n = 1", [1.0], [2.0]).args
([1.0], [2.0])
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import numpy as np

from mlkata.grading.domains import Case

FLOAT32_MAX = float(np.finfo(np.float32).max)
"""The largest float32 value, about 3.4e38."""

FLOAT32_OVERFLOW = (
    "float32 arithmetic overflowed: float32 stops at 3.4e38, so a sum, difference or product past it "
    "(values near 1e38 added up, squares of 1e20) becomes inf; convert the inputs to float64 first "
    "(np.asarray(x, dtype=float))"
)
"""The hint of a result that float32 arithmetic on the inputs themselves gives."""


def near_float32_max(
    rng: np.random.Generator, shape: int | tuple[int, ...], low: float = 0.3, high: float = 0.9
) -> np.ndarray:
    """float32 values of magnitude ``low`` to ``high`` times :data:`FLOAT32_MAX`, random signs.

    Each is finite; any square overflows float32, and so does a sum of four of one sign.
    """
    size = rng.uniform(low, high, size=shape) * FLOAT32_MAX
    return (size * rng.choice([-1.0, 1.0], size=shape)).astype(np.float32)


def near_overflow(rng: np.random.Generator, shape: int | tuple[int, ...], scale: float = 1e300) -> np.ndarray:
    """float64 values of magnitude ``scale`` / 2 to ``scale``, random signs: their squares overflow.

    >>> with np.errstate(over="ignore"):
    ...     bool(np.all(np.isinf(near_overflow(np.random.default_rng(0), 3) ** 2)))
    True
    """
    return rng.uniform(0.5, 1.0, size=shape) * scale * rng.choice([-1.0, 1.0], size=shape)


def case(name: str, *args: Any, **kwargs: Any) -> Case:
    """A named :class:`~mlkata.grading.domains.Case`: what ``expect_cases`` judges, its name shown.

    Its answer is judged at float64 precision (the reference gets float32 arrays widened).
    """
    return Case(name, args, kwargs)


NOT_FINITE = ("your result is not finite", "returned non-finite values")
"""What :func:`mlkata.grading.judge.expect_close` says of a nan or inf answer to a finite one,
and :func:`mlkata.grading.fits.linear_fit_parts` of a fit that diverged."""


@contextlib.contextmanager
def hint_when_not_finite(hint: str) -> Iterator[None]:
    """Add ``hint`` to a failure inside that reports a non-finite result and names no mistake.

    For a ★★ check whose inputs have one likely way to overflow or divide 0 by 0 (a formula
    that squares a squared standard error, a product of likelihoods): the failure says how.

    >>> from mlkata.grading.failures import GradeFailure
    >>> try:
    ...     with hint_when_not_finite("sum logs instead"):
    ...         raise GradeFailure("f(x)\\n  got nan\\n  your result is not finite (nan or inf)")
    ... except GradeFailure as failure:
    ...     print(str(failure).splitlines()[-1])
      hint: sum logs instead
    """
    from mlkata.grading.failures import GradeFailure
    from mlkata.grading.judge import hint_lines, with_hints

    try:
        yield
    except GradeFailure as failure:
        message = str(failure)
        if any(phrase in message for phrase in NOT_FINITE) and not hint_lines(message):
            raise GradeFailure(with_hints(message, hint)) from None
        raise


BIG_IDS = 10**17
"""Integer labels from here on are past 2**53, where float64 no longer tells neighbours apart."""


def classification_extremes(rng: np.random.Generator) -> list[Case]:
    """Extreme inputs of ``f(y_true, y_pred, average="binary", zero_division=0.0)`` (precision,
    recall, F1): one sample, 500 classes, labels near 1e17, every prediction one class.

    >>> [c.name for c in classification_extremes(np.random.default_rng(0))][:2]
    ['one sample, a true positive', 'one sample of label 0, zero_division=1']
    """
    many = rng.integers(0, 500, size=20_000)
    guessed = np.where(rng.random(20_000) < 0.4, many, rng.integers(0, 500, size=20_000))
    ids = BIG_IDS + rng.integers(0, 4, size=60)
    ids_pred = np.where(rng.random(60) < 0.5, ids, BIG_IDS + rng.integers(0, 4, size=60))
    y = rng.integers(0, 2, size=50)
    y[:2] = [0, 1]
    return [
        case("one sample, a true positive", np.array([1]), np.array([1])),
        case("one sample of label 0, zero_division=1", np.array([0]), np.array([0]), zero_division=1.0),
        case("500 classes, macro", many, guessed, average="macro"),
        case("500 classes, weighted", many, guessed, average="weighted"),
        case("integer labels near 1e17, macro", ids, ids_pred, average="macro"),
        case("every prediction the positive class", y, np.ones(50, int)),
        case("every prediction label 0, zero_division=1", y, np.zeros(50, int), zero_division=1.0),
    ]


def as_given(x: Any) -> np.ndarray:
    """``x`` as a function that keeps float32 computes with it: floats kept, the rest float64.

    For a :class:`~mlkata.grading.judge.Mistake` (hint :data:`FLOAT32_OVERFLOW`) that repeats
    a computation in the input's own float dtype.

    >>> as_given(np.ones(2, np.float32)).dtype.name, as_given([1, 2]).dtype.name
    ('float32', 'float64')
    """
    x = np.asarray(x)
    return x if x.dtype.kind == "f" else x.astype(np.float64)


def any_float32(*arrays: Any) -> bool:
    """Whether any of ``arrays`` is a float32 array (where a :func:`as_given` mistake applies).

    >>> any_float32([1.0], np.zeros(1, np.float32)), any_float32([1.0])
    (True, False)
    """
    return any(isinstance(a, np.ndarray) and a.dtype == np.float32 for a in arrays)


def mask_extremes(rng: np.random.Generator) -> list[Case]:
    """Extreme inputs of ``f(mask_a, mask_b)`` (IoU, Dice): one pixel of a million, full and
    empty masks, a single-pixel mask, a 4-D volume, int8 masks.

    >>> [c.args[0].shape for c in mask_extremes(np.random.default_rng(0))][:3]
    [(1000, 1000), (1000, 1000), (1,)]
    """
    lone_a, lone_b = np.zeros((1000, 1000), bool), np.zeros((1000, 1000), bool)
    lone_a[123, 456] = lone_b[123, 456] = True
    apart = lone_b.copy()
    apart[123, 456], apart[999, 0] = False, True
    volume = rng.random((6, 5, 4, 3)) < 0.5
    return [
        case("one pixel of a million set in each, the same", lone_a, lone_b),
        case("one pixel of a million set in each, apart", lone_a, apart),
        case("single-pixel masks, both set", np.array([True]), np.array([True])),
        case(
            "every pixel set in one, none in the other", np.ones((300, 300), bool), np.zeros((300, 300), bool)
        ),
        case(
            "every pixel set in both, a 4-D volume", np.ones((6, 5, 4, 3), bool), np.ones((6, 5, 4, 3), bool)
        ),
        case("a random 4-D volume", volume, rng.random((6, 5, 4, 3)) < 0.5),
        case("int8 masks", (rng.random(500) < 0.3).astype(np.int8), (rng.random(500) < 0.6).astype(np.int8)),
    ]


def ranking_extremes(rng: np.random.Generator, with_k: bool) -> list[Case]:
    """Extreme inputs of ``f(relevance, scores[, k])`` (P@k, R@k, MRR): scores near 1e300 and one
    ulp apart, 5000 queries of 3 documents, one query of 5000 half-tied documents, one document
    per query, a ``k`` of 10**9.

    >>> [c.kwargs for c in ranking_extremes(np.random.default_rng(0), with_k=True)][:2]
    [{'k': 3}, {'k': 1}]
    """
    relevance = (rng.random((40, 10)) < 0.3).astype(int)
    huge = rng.uniform(-1.0, 1.0, size=(40, 10)) * 1e300
    ulp = np.nextafter(1e300, np.inf) - 1e300
    close = 1e300 + ulp * rng.integers(0, 4, size=(40, 10))
    many = (rng.random((5000, 3)) < 0.4).astype(int)
    wide = (rng.random((1, 5000)) < 0.1).astype(int)
    wide_scores = np.where(rng.random((1, 5000)) < 0.5, 0.5, rng.random((1, 5000)))
    cases = [
        ("scores near +-1e300", relevance, huge, 3),
        ("scores near 1e300, one ulp apart", relevance, close, 1),
        ("5000 queries of 3 documents", many, rng.normal(size=(5000, 3)), 2),
        ("one query of 5000 documents, half of them tied", wide, wide_scores, 2500),
        ("one document per query", np.array([[1], [0], [1]]), np.array([[0.3], [2.0], [-1e300]]), 1),
        ("k = 10**9, every document relevant (bool)", np.ones((4, 6), bool), rng.normal(size=(4, 6)), 10**9),
    ]
    return [
        case(name, r, s, **({"k": np.int64(k) if k == 10**9 else k} if with_k else {}))
        for name, r, s, k in cases
    ]


HUGE_LABELS = np.array([-(10**17), 10**17, 0], dtype=np.int64)
"""int64 labels whose range (2e17) no counting array can span: labels are values, not indices.

(Not nearer 2**63: there ``np.bincount(y - y.min())`` overflows inside numpy, which then
corrupts memory instead of raising MemoryError.)"""

LABEL_RANGE = (
    "labels are any values, not small counts: np.bincount(y - y.min()) needs an array as long as "
    "the range of the labels (2e17 here); count them with np.unique(y, return_counts=True)"
)
"""The hint of a function that counts labels by their values and refuses :data:`HUGE_LABELS`."""


def huge_labels(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` int64 labels drawn from :data:`HUGE_LABELS`, each of the three present (``n >= 3``).

    >>> sorted(set(huge_labels(np.random.default_rng(0), 6).tolist())) == sorted(HUGE_LABELS.tolist())
    True
    """
    labels = HUGE_LABELS[rng.integers(0, HUGE_LABELS.size, size=n)]
    labels[: HUGE_LABELS.size] = HUGE_LABELS
    return rng.permutation(labels)


def expect_not_refused(outcome: Any, hint: str, what: str = "") -> None:
    """Fail with ``hint`` when ``outcome`` (valid input) raised ValueError, MemoryError or the like.

    >>> from mlkata.grading.proxy import StudentFunction
    >>> def counts(y):
    ...     return np.bincount(np.asarray(y) - np.min(y))
    >>> try:
    ...     expect_not_refused(StudentFunction.of(counts, "counts").call(HUGE_LABELS), LABEL_RANGE)
    ... except AssertionError as failure:
    ...     print(str(failure).splitlines()[-1][:40])
      hint: labels are any values, not small
    """
    from mlkata.grading.failures import GradeFailure
    from mlkata.grading.judge import with_hints

    if outcome.raised is not None:
        raise GradeFailure(with_hints(f"{outcome.call} raised {outcome.raised.summary()}{what}", hint))
