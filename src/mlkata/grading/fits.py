"""What the graders of the iterative linear fits share (logistic, softmax regression, SVM).

Each exercise is ``*_fit(X, y, <penalty>, lr, n_iter)`` returning ``(w, b)`` (``(W, b)`` for
softmax), judged two ways: the optimum its documented defaults converge to (against
scikit-learn, each grader its own way), and, case by case across the domain, the documented
algorithm itself step for step (the grader's ``descent``). This module holds the pieces those
judgements are made of:

- :func:`linear_fit_parts`: ``(w, b)`` read from the learner's result (a vector and a number,
  finite), or a failure that says what is wrong with it;
- :func:`fit_hints`: the hints of the known mistakes whose optimum the learner's fit is;
- :func:`expect_parts`: each part of the result against the expected one, with the
  trajectory mistakes narrowed to that part;
- :class:`Trajectory`: a domain case judged against ``descent`` at the case's tolerances.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from mlkata.grading.checks import call_case, case_outcome, case_suffix, case_tolerances
from mlkata.grading.describe import describe_value
from mlkata.grading.domains import Case, Domain
from mlkata.grading.failures import GradeFailure
from mlkata.grading.judge import Mistake, expect_close, expect_raises, part_mistakes, returned
from mlkata.grading.outcome import Outcome
from mlkata.grading.proxy import StudentFunction

FitMistake = tuple[str, Callable[..., tuple[Any, Any]]]
"""``(hint, wrong)``: ``wrong(*args, **kwargs)`` is the ``(w, b)`` a fit making that mistake
converges to, for the learner's arguments."""


def linear_fit_parts(outcome: Outcome, d: int, diverged: str) -> tuple[np.ndarray, float]:
    """``(w, b)`` of a binary linear fit: ``w`` of shape ``(d,)``, ``b`` one number, all finite.

    Parameters
    ----------
    outcome : Outcome
        The learner's call of the fit.
    d : int
        The number of features.
    diverged : str
        What to check when the values are not finite (the descent diverged), for the message.

    Returns
    -------
    w : numpy.ndarray
        The weights, float64.
    b : float
        The intercept.

    Raises
    ------
    GradeFailure
        When the result is not two parts of those shapes, or not finite.
    """
    value = returned(outcome)
    w_outcome, b_outcome = outcome.part(0, "w"), outcome.part(1, "b")
    try:
        w = np.asarray(value[0], dtype=np.float64)
        b = np.asarray(value[1], dtype=np.float64)
    except (TypeError, ValueError):
        w = b = np.array(np.nan)
    if w.shape != (d,):
        raise GradeFailure(
            f"{w_outcome.call}: expected an array of shape ({d},), got {describe_value(value[0])}"
        )
    if b.ndim != 0:
        raise GradeFailure(f"{b_outcome.call}: expected a single number, got {describe_value(value[1])}")
    if not (np.all(np.isfinite(w)) and np.isfinite(b)):
        raise GradeFailure(
            f"{outcome.call} returned non-finite values: w = {describe_value(w)}, b = {float(b)}\n"
            f"  {diverged}"
        )
    return w, float(b)


def fit_hints(w: Any, b: Any, args: tuple, kwargs: dict, mistakes: Iterable[FitMistake]) -> list[str]:
    """The hints of the ``mistakes`` whose optimum the learner's ``(w, b)`` is.

    Parameters
    ----------
    w, b : array_like
        The learner's fit (``b`` a number, or one per class).
    args, kwargs
        The arguments of the learner's call: each mistake's ``wrong`` is called with them.
    mistakes : iterable of (str, callable)
        ``(hint, wrong)`` pairs (:data:`FitMistake`).

    Returns
    -------
    list of str
        The hints, once each, of the mistakes whose ``(w, b)`` is within 1e-3 (relative and
        absolute) of the learner's; a ``wrong`` that raises on these arguments gives none.
    """
    hints: list[str] = []
    for hint, wrong in mistakes:
        if hint in hints:
            continue
        try:
            wrong_w, wrong_b = wrong(*args, **kwargs)
        except Exception:
            continue
        if np.allclose(w, wrong_w, rtol=1e-3, atol=1e-3) and np.allclose(b, wrong_b, rtol=1e-3, atol=1e-3):
            hints.append(hint)
    return hints


def _expect_part(outcome, index, name, expected, reference, mistakes, rtol, atol):
    expect_close(
        outcome.part(index, name),
        expected,
        reference=reference,
        rtol=rtol,
        atol=atol,
        mistakes=part_mistakes(mistakes, index),
    )


def expect_parts(
    outcome: Outcome,
    expected: Sequence[Any],
    names: Sequence[str],
    *,
    reference: str,
    mistakes: Iterable[Mistake],
    rtol: float,
    atol: float,
) -> None:
    """Part ``i`` (named ``names[i]``) of the learner's result against ``expected[i]``.

    ``mistakes`` compute the whole result and are narrowed to each part
    (:func:`~mlkata.grading.judge.part_mistakes`).
    """
    mistakes = tuple(mistakes)
    for index, name in enumerate(names):
        _expect_part(outcome, index, name, expected[index], reference, mistakes, rtol, atol)


def _part(descent: Callable[..., Sequence[Any]], index: int) -> Callable[..., np.ndarray]:
    return lambda *args, **kwargs: np.asarray(descent(*args, **kwargs)[index], float)


def _never_refused(case: Case) -> str | None:
    return None


@dataclass(frozen=True)
class Trajectory:
    """The documented algorithm of a fit, as every case of the grader's domain is judged.

    Parameters
    ----------
    descent : callable
        ``descent(X, y, **keywords)``: the docstring's algorithm itself, step for step.
    names : sequence of str
        The names of the parts of the result, ``("w", "b")``.
    reference_name : str
        What ``descent`` computes, named in messages (the case's suffix follows).
    mistakes : sequence of Mistake
        Wrong trajectories; each computes the whole result and is narrowed to each part.
    parts : callable
        ``parts(outcome, case)``: checks the shapes of the learner's result (a
        :class:`~mlkata.grading.failures.GradeFailure` when they are wrong).
    refuses : callable
        ``refuses(case)``: why the fit must raise ``ValueError`` on the case, or None.
    rtol, atol : float
        The tolerances, widened for offset and float32 cases as
        :func:`~mlkata.grading.checks.case_tolerances` does.
    """

    descent: Callable[..., Sequence[Any]]
    names: Sequence[str]
    reference_name: str
    mistakes: Sequence[Mistake]
    parts: Callable[[Outcome, Case], Any]
    refuses: Callable[[Case], str | None] = _never_refused
    rtol: float = 1e-8
    atol: float = 1e-10

    def judge(self, function: StudentFunction, case: Case) -> None:
        """Judge the learner's fit on one domain case (``Differential(..., judge=...)``)."""
        why = self.refuses(case)
        if why is not None:
            expect_raises(call_case(function, case), because=why)
            return
        outcome = case_outcome(function, case)
        self.parts(outcome, case)
        expected = self.descent(*case.widened, **case.widened_kwargs)
        what = self.reference_name + case_suffix(case)
        for index, name in enumerate(self.names):
            rtol, atol = case_tolerances(
                _part(self.descent, index), case, expected[index], rtol=self.rtol, atol=self.atol
            )
            _expect_part(outcome, index, name, expected[index], what, self.mistakes, rtol, atol)

    def expect_corners(self, function: StudentFunction, domain: Domain) -> None:
        """:meth:`judge` on every corner of ``domain``, in order (the first failure is the message)."""
        for case in domain.corner_cases():
            self.judge(function, case)
