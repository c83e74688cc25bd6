"""Judging one outcome against the reference, with messages that teach.

Every function here takes an :class:`~mlkata.grading.outcome.Outcome` (plain data
only) and either returns quietly or raises :class:`GradeFailure` whose message shows
the call, the expected and the actual value, and, when the actual value is what a
known mistake would give, a hint naming that mistake.
"""

from __future__ import annotations

import copy
import math
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from mlkata.grading.capture import note_failure
from mlkata.grading.describe import describe_value
from mlkata.grading.failures import GradeFailure, NotImplementedYet
from mlkata.grading.outcome import Outcome


@dataclass(frozen=True)
class Mistake:
    """A common wrong answer: a hint, and how to compute what that mistake returns.

    ``compute`` takes the same arguments as the exercise's function. When a learner's
    result matches it, the hint is added to the failure message. For a function that returns
    several values, ``path`` picks the part a check is about (see :func:`part_mistakes`).
    """

    hint: str
    compute: Callable[..., Any]
    path: tuple[int, ...] = ()
    """Indices into what ``compute`` returns: the part this mistake is matched on (all of it
    when empty)."""
    whole_must_agree: bool = False
    """For a part: match only when the learner's whole result agrees with the mistake's."""


def part_mistakes(
    mistakes: Iterable[Mistake], *path: int, whole_must_agree: bool = False
) -> tuple[Mistake, ...]:
    """``mistakes`` narrowed to part ``path`` of the result, for a check of ``outcome.part(...)``.

    With ``whole_must_agree``, a narrowed mistake matches only when the learner's whole result
    agrees with the mistake's on every part, so that a right statistic with a wrong p-value is
    not blamed on a mistake that gets the statistic wrong too. Use it where each mistake
    computes the whole result as a learner making that mistake would; leave it off where a
    mistake models one part only (a slip in the gradient, not in the loss).

    >>> halved = Mistake("halved", lambda x: (x / 2, x + 1))
    >>> [(m.path, m.whole_must_agree) for m in part_mistakes([halved], 1, whole_must_agree=True)]
    [((1,), True)]
    """
    return tuple(Mistake(m.hint, m.compute, (*m.path, *path), whole_must_agree) for m in mistakes)


def _pick(value: Any, path: tuple[int, ...]) -> Any:
    for index in path:
        if not isinstance(value, tuple | list) or not -len(value) <= index < len(value):
            return None
        value = value[index]
    return value


def _agree(got: Any, wrong: Any) -> bool:
    """Whether two whole results agree part by part (tuples and lists of numbers or arrays)."""
    if isinstance(got, tuple | list) or isinstance(wrong, tuple | list):
        return (
            isinstance(got, tuple | list)
            and isinstance(wrong, tuple | list)
            and len(got) == len(wrong)
            and all(_agree(g, w) for g, w in zip(got, wrong, strict=True))
        )
    got_array, wrong_array = _as_array(got), _as_array(wrong)
    return (
        got_array is not None
        and wrong_array is not None
        and _close(got_array, wrong_array, HINT_RTOL, HINT_ATOL)
    )


def returned(outcome: Outcome) -> Any:
    """The value the call returned; a :class:`GradeFailure` if it raised or returned junk."""
    if outcome.raised is not None:
        if outcome.raised.type_name == "NotImplementedError":
            raise NotImplementedYet(
                f"{outcome.function} is not implemented yet: replace "
                "`raise NotImplementedError()` with your code"
            )
        text = f"{outcome.call} raised {outcome.raised.summary()}"
        if outcome.raised.traceback:
            text += "\n" + outcome.raised.traceback.rstrip()
        raise GradeFailure(text)
    if outcome.unplain is not None:
        raise GradeFailure(
            f"{outcome.call} returned {outcome.unplain}; return a Python float or a numpy "
            "array (the grader only compares plain numbers)"
        )
    return outcome.value


def _as_array(value: Any) -> np.ndarray | None:
    if isinstance(value, str | bytes | dict) or value is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return array


def _close(got: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> bool:
    if got.shape != expected.shape:
        return False
    with np.errstate(invalid="ignore"):
        return bool(np.allclose(got, expected, rtol=rtol, atol=atol, equal_nan=True))


FLOAT32_RTOL = 2e-5
"""A result this close (relatively) to the reference, but not within the check's tolerance,
is what float32 arithmetic gives: the failure says so."""
HINT_RTOL = 1e-6
"""How close the learner's result must be to a mistake's for its hint (relative)."""
HINT_ATOL = 1e-12
"""... and in absolute terms, at most: a check that compares tiny values relatively only (an
absolute tolerance below this) matches its hints relatively only too."""


def matching_hints(
    outcome: Outcome,
    mistakes: Iterable[Mistake],
    rtol: float = HINT_RTOL,
    atol: float = HINT_ATOL,
    *,
    expected: np.ndarray | None = None,
    expected_rtol: float = 0.0,
    expected_atol: float = 0.0,
) -> list[str]:
    """The hints of the mistakes whose result equals what the learner returned.

    With ``expected`` (and the check's tolerances), a mistake whose result would pass the check
    is skipped: on this input it gives the right answer, so it explains no failure. A mistake
    narrowed to a part with ``whole_must_agree`` (:func:`part_mistakes`) must also agree with
    the whole of what the learner returned. A result with no finite value (nan, or inf) gets a
    hint only when one mistake alone gives it: on a degenerate input (a 0/0) many mistakes give
    nan alike, and then matching tells nothing apart.
    """
    got = _as_array(outcome.value)
    if got is None:
        return []
    hints = []
    for mistake in mistakes:
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                whole = mistake.compute(*copy.deepcopy(outcome.args), **copy.deepcopy(outcome.kwargs))
                wrong_array = _as_array(_pick(whole, mistake.path))
                if wrong_array is None or not _close(got, wrong_array, rtol, atol):
                    continue
                if expected is not None and _close(wrong_array, expected, expected_rtol, expected_atol):
                    continue
                whole_disagrees = outcome.whole is not None and not _agree(outcome.whole, whole)
                if mistake.whole_must_agree and whole_disagrees:
                    continue
        except Exception:
            continue
        hints.append(mistake.hint)
    if len(hints) > 1 and got.size and not np.isfinite(got).any():
        return []
    return hints


def hints_for_check(
    outcome: Outcome, mistakes: Iterable[Mistake], expected: Any, *, rtol: float, atol: float
) -> list[str]:
    """The hints for a failed check of ``outcome`` against ``expected`` with these tolerances.

    Hints are matched as relatively as the check compares (an absolute tolerance of at most
    :data:`HINT_ATOL`), and a mistake that would pass the check is no explanation.
    """
    return matching_hints(
        outcome,
        mistakes,
        atol=min(atol, HINT_ATOL),
        expected=np.asarray(expected, dtype=np.float64),
        expected_rtol=rtol,
        expected_atol=atol,
    )


def with_hints(message: str, *hints: str) -> str:
    """``message`` with one ``hint:`` line for each of ``hints``: the one way a hint is shown.

    Every failure message puts its hints last, one a line, in this form; tools read them back
    with :func:`hint_lines`.

    >>> print(with_hints("expected 1.0, got 2.0", "divide by n", "square first"))
    expected 1.0, got 2.0
      hint: divide by n
      hint: square first
    >>> with_hints("expected 1.0, got 2.0")
    'expected 1.0, got 2.0'
    """
    return message + "".join(f"\n  hint: {hint}" for hint in hints)


def hint_lines(message: str) -> list[str]:
    """The hints of a failure message (its ``hint:`` lines, as :func:`with_hints` writes them).

    >>> hint_lines("expected 1, got 2\\n  hint: divide by n")
    ['divide by n']
    """
    return re.findall(r"^\s*hint: (.*)$", message, flags=re.MULTILINE)


def _difference(got: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> str:
    if got.ndim == 0 or got.shape != expected.shape:
        return ""
    with np.errstate(invalid="ignore"):
        bad = ~np.isclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
    if not bad.any():
        return ""
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    where = first[0] if len(first) == 1 else first
    return (
        f"\n  {int(bad.sum())} of {bad.size} entries differ; first at index {where}: "
        f"expected {expected[first].item()!r}, got {got[first].item()!r}"
    )


def expect_close(
    outcome: Outcome,
    expected: Any,
    *,
    reference: str,
    rtol: float = 1e-7,
    atol: float = 1e-12,
    mistakes: Iterable[Mistake] = (),
) -> None:
    """Check the call returned ``expected`` (a number or an array) within tolerance.

    Parameters
    ----------
    outcome : Outcome
        The learner's call.
    expected : float or array_like
        The reference's answer on the same input.
    reference : str
        Who computed ``expected``, named in the message ("sklearn.metrics.hinge_loss").
    rtol, atol : float
        Tolerances as in ``numpy.allclose``.
    mistakes : iterable of Mistake
        Known wrong answers to recognise.

    Raises
    ------
    GradeFailure
        With the call, expected and actual values, and any matching hint.
    """
    try:
        _judge_close(outcome, expected, reference, rtol, atol, mistakes)
    except GradeFailure as failure:  # noted for `mlkata repro`: the call, and what it should give
        note_failure(failure, outcome, expected=expected, reference=reference)
        raise


def _judge_close(
    outcome: Outcome, expected: Any, reference: str, rtol: float, atol: float, mistakes: Iterable[Mistake]
) -> None:
    value = returned(outcome)
    want = np.asarray(expected, dtype=np.float64)
    got = _as_array(value)

    def header() -> str:  # made only for a failure: rendering arrays is most of a passing check's cost
        return f"{outcome.call}\n  expected {describe_value(_unwrap(want))}  ({reference})"

    if value is None:
        raise GradeFailure(f"{header()}\n  got      None: does your function end with `return ...`?")
    if got is None:
        raise GradeFailure(f"{header()}\n  got      {describe_value(value)}, which is not numeric")
    if want.ndim == 0 and got.ndim != 0:
        raise GradeFailure(
            with_hints(
                f"{header()}\n  got      an array of shape {got.shape}",
                "return a single number (a Python float), not an array",
            )
        )

    def hints() -> list[str]:
        return hints_for_check(outcome, mistakes, want, rtol=rtol, atol=atol)

    if want.ndim != 0 and got.shape != want.shape:
        raise GradeFailure(
            with_hints(
                f"{header()}\n  got      shape {got.shape}, expected shape {want.shape}: "
                f"{describe_value(value)}",
                *hints(),
            )
        )
    if _close(got, want, rtol, atol):
        return
    text = f"{header()}\n  got      {_shown_with_dtype(value, got)}"
    if not np.all(np.isfinite(got)) and np.all(np.isfinite(want)):
        text += "\n  your result is not finite (nan or inf): look for overflow, log(0) or 0/0"
    text += _difference(got, want, rtol, atol)
    found = hints()
    if not found and rtol < FLOAT32_RTOL and _float32_close(value, got, want, atol):
        found = [
            "your result agrees with the reference to about 6 significant digits only: that is "
            "float32 precision (compute in float64, e.g. np.asarray(x, dtype=float)), or a formula "
            "that loses digits to rounding"
        ]
    raise GradeFailure(with_hints(text, *found))


def _float32_close(value: Any, got: np.ndarray, want: np.ndarray, atol: float) -> bool:
    """Whether ``got`` is ``want`` to float32 precision.

    Entry by entry (relatively, with the check's ``atol``); or, for a result returned as
    float32, on the whole answer relative to its magnitude: a standardised column's entries
    near 0 have no relative precision of their own, and the hint must still fire there.
    """
    if got.shape != want.shape or not (np.all(np.isfinite(got)) and np.all(np.isfinite(want))):
        return False
    if _close(got, want, FLOAT32_RTOL, atol):
        return True
    if not got.size or not (isinstance(value, np.ndarray) and value.dtype == np.float32):
        return False
    scale = float(np.max(np.abs(want)))
    return bool(np.max(np.abs(got - want)) <= FLOAT32_RTOL * max(scale, np.finfo(np.float64).tiny))


def _shown_with_dtype(value: Any, got: np.ndarray) -> str:
    """The returned value as the learner made it: an array keeps its own dtype in the message."""
    if not isinstance(value, np.ndarray):
        return describe_value(_unwrap(got))
    shown = describe_value(value if value.ndim else value[()])
    if value.dtype != np.float64 and "dtype" not in shown:
        shown += f" (dtype {value.dtype})"
    return shown


def _unwrap(array: np.ndarray) -> Any:
    return float(array) if array.ndim == 0 else array


def expect_raises(outcome: Outcome, *, because: str, mistakes: Iterable[Mistake] = ()) -> None:
    """Check the call raised ``ValueError`` (or a subclass); ``because`` says why it should."""
    try:
        _judge_raises(outcome, because, mistakes)
    except GradeFailure as failure:
        note_failure(failure, outcome, expected_text=f"raises ValueError, because {because}")
        raise


def _judge_raises(outcome: Outcome, because: str, mistakes: Iterable[Mistake]) -> None:
    if outcome.raised is not None:
        if outcome.raised.type_name == "NotImplementedError":
            returned(outcome)
        if outcome.raised.is_value_error:
            return
        raise GradeFailure(
            f"{outcome.call} should raise ValueError because {because}; "
            f"it raised {outcome.raised.summary()} instead"
        )
    shown = outcome.unplain or describe_value(outcome.value)
    raise GradeFailure(
        with_hints(
            f"{outcome.call} should raise ValueError because {because}; it returned {shown}",
            *matching_hints(outcome, mistakes),
        )
    )


def expect_finite_scalar(outcome: Outcome) -> float:
    """Check the call returned one finite number and return it as a float."""
    value = returned(outcome)
    got = _as_array(value)
    if got is None or got.ndim != 0:
        raise GradeFailure(f"{outcome.call} returned {describe_value(value)}; expected one number")
    number = float(got)
    if not math.isfinite(number):
        raise GradeFailure(
            f"{outcome.call} returned {number}: the result must stay finite here "
            "(look for overflow in exp, or log of 0)"
        )
    return number


def expect_no_warnings(outcome: Outcome, *, because: str) -> None:
    """Check the call emitted no warning (an overflow in ``np.exp``, say)."""
    returned(outcome)
    if outcome.warnings:
        raise GradeFailure(with_hints(f"{outcome.call} emitted a warning: {outcome.warnings[0]}", because))
