"""What the call a check failed on was: its arguments, what it gave, what was expected.

Three places feed it, each at no cost beyond keeping a reference: the proxy notes every call
of a learner's function (:meth:`~mlkata.grading.proxy.StudentFunction.call`), the judges note
the outcome they fail and the value they expected (:func:`~mlkata.grading.judge.expect_close`,
:func:`~mlkata.grading.checks.expect_case`), and the engine (:func:`mlkata.engine.checks.run_check`)
turns them into a :class:`FailedCall` when a check fails, kept only while someone is
:func:`recording` (``mlkata repro``, :mod:`mlkata.learner.repro`). Passing runs build nothing.

Examples
--------
>>> from mlkata.engine.checks import run_check
>>> from mlkata.engine.specs import CheckSpec
>>> from mlkata.grading.judge import expect_close
>>> from mlkata.grading.proxy import StudentFunction
>>> def test_double(double):
...     expect_close(double.call(2.0), 4.0, reference="2 * 2")
>>> wrong = StudentFunction.of(lambda x: x + 1, "double")
>>> with recording() as failed:
...     _ = run_check(CheckSpec.of("test_double", test_double), {"double": wrong})
>>> call = failed["test_double"]
>>> call.args, call.outcome.value, call.expected, call.reference
((2.0,), 3.0, 4.0, '2 * 2')
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

NOT_KNOWN: Any = type("NotKnown", (), {"__repr__": lambda self: "NOT_KNOWN"})()
"""The expected value when the judge that failed does not know it."""


@dataclass
class FailedCall:
    """The call of a learner's function a check failed on.

    ``args`` and ``kwargs`` are what the grader handed the proxy: the learner's code got deep
    copies of them (a read-only array stays read-only). ``outcome`` is what the call gave (``None``
    when it was stopped for running too long); ``expected`` is the reference's value when the
    judge knows it (:data:`NOT_KNOWN` otherwise), or a sentence in ``expected_text`` (it should
    raise ValueError). ``case`` and ``rejudge`` are set for a case of a domain judged by
    :func:`~mlkata.grading.checks.expect_case`: ``rejudge(case)`` judges another case the same way.
    """

    check: str
    message: str
    function: Any
    """The :class:`~mlkata.grading.proxy.StudentFunction` called (``.name``, ``.path``)."""
    args: tuple
    kwargs: dict
    outcome: Any = None
    expected: Any = NOT_KNOWN
    expected_text: str = ""
    reference: str = ""
    part: str = ""
    """Which part of a returned tuple the check judged (`` -> gradient``), if one."""
    case: Any = None
    rejudge: Callable[[Any], None] | None = None
    error: BaseException | None = None

    @property
    def raised(self) -> str:
        """The exception's class name when the call raised, else ``""``."""
        raised = getattr(self.outcome, "raised", None)
        return raised.type_name if raised is not None else ""


@dataclass
class _Judged:
    error: BaseException
    outcome: Any
    expected: Any = NOT_KNOWN
    expected_text: str = ""
    reference: str = ""
    case: Any = None
    rejudge: Callable[[Any], None] | None = None


class _State(threading.local):
    call: tuple | None = None
    outcome: Any = None
    case: tuple | None = None
    judged: _Judged | None = None
    recorder: dict[str, FailedCall] | None = None


_state = _State()


def note_call(function: Any, args: tuple, kwargs: dict) -> None:
    """The proxy is about to call ``function`` with these (the grader's) arguments."""
    _state.call = (function, args, kwargs)
    _state.outcome = None


def note_outcome(outcome: Any) -> None:
    """What the call just noted gave."""
    _state.outcome = outcome


def note_case(function: Any, case: Any, args: tuple) -> None:
    """The call about to be made, on ``args``, is of domain ``case`` (from ``call_case``)."""
    _state.case = (function, case, args)


def note_failure(
    error: BaseException,
    outcome: Any,
    *,
    expected: Any = NOT_KNOWN,
    expected_text: str = "",
    reference: str = "",
) -> None:
    """A judge failed ``outcome`` with ``error``; ``expected`` is what it wanted, when known."""
    _state.judged = _Judged(error, outcome, expected, expected_text, reference)


def note_case_failure(error: BaseException, case: Any, rejudge: Callable[[Any], None], expected: Any) -> None:
    """:func:`~mlkata.grading.checks.expect_case` failed ``case``; ``rejudge`` judges another alike.

    ``expected`` is used when the judge under it knew none (the call raised before the reference
    was computed); it may be a function of no arguments computing it.
    """
    judged = _state.judged
    if judged is None or not _caused(error, judged.error):
        judged = _state.judged = _Judged(error, None)
    judged.case, judged.rejudge = case, rejudge
    if judged.expected is NOT_KNOWN and not judged.expected_text:
        judged.expected = expected


def _caused(error: BaseException, cause: BaseException) -> bool:
    """Whether ``error`` is ``cause`` or was raised while handling it (a message re-worded)."""
    seen: BaseException | None = error
    for _ in range(10):
        if seen is None:
            return False
        if seen is cause:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def check_started() -> None:
    """Forget the previous check's calls."""
    _state.call = _state.outcome = _state.case = _state.judged = None


@contextmanager
def recording() -> Iterator[dict[str, FailedCall]]:
    """Within it, each failed check's :class:`FailedCall` is kept, by check name."""
    previous = _state.recorder
    _state.recorder = found = {}
    try:
        yield found
    finally:
        _state.recorder = previous


def check_failed(name: str, error: BaseException, functions: Mapping[str, Any]) -> None:
    """Check ``name`` failed with ``error``: keep its failed call when :func:`recording`."""
    if _state.recorder is None:
        return
    failed = failed_call(name, error, functions)
    if failed is not None:
        _state.recorder[name] = failed


def failed_call(name: str, error: BaseException, functions: Mapping[str, Any]) -> FailedCall | None:
    """The call check ``name`` failed on (with ``error``), from what was noted; ``None``: no call.

    The judge's outcome when a judge failed it, else the last call made.
    """
    from mlkata.grading.failures import SubmissionError

    if isinstance(error, SubmissionError):  # the file could not be loaded: no call to show
        return None
    judged = _state.judged if _state.judged and _caused(error, _state.judged.error) else None
    last = _state.call
    outcome = judged.outcome if judged is not None and judged.outcome is not None else None
    if outcome is not None:
        if last is not None and last[1] is outcome.args:
            function = last[0]
        else:
            function = next(
                (f for f in functions.values() if getattr(f, "name", None) == outcome.function), None
            )
        if function is None:
            return None
        args, kwargs = outcome.args, outcome.kwargs
    elif last is not None:
        function, args, kwargs = last
        outcome = _state.outcome
    else:
        return None
    failed = FailedCall(name, str(error), function, args, kwargs, outcome, error=error)
    if judged is not None:
        failed.expected, failed.expected_text = _computed(judged.expected), judged.expected_text
        failed.reference, failed.rejudge = judged.reference, judged.rejudge
        failed.case = judged.case
    noted_case = _state.case
    if failed.case is None and noted_case is not None and noted_case[0] is function:
        if len(noted_case[2]) == len(args) and all(a is b for a, b in zip(noted_case[2], args, strict=True)):
            failed.case = noted_case[1]
    if outcome is not None and getattr(outcome, "label", ""):
        failed.part = outcome.label
    return failed


def _computed(expected: Any) -> Any:
    """``expected``, computed when it was noted as a function of no arguments (only when recording)."""
    if not callable(expected):
        return expected
    try:
        return expected()
    except Exception:
        return NOT_KNOWN
