"""Calling a learner's function from a grader, in the grader's own process.

A :class:`StudentFunction` is what a grader test receives: calling it runs the
learner's function on deep copies of the arguments, under a wall-clock limit, with
warnings recorded, and gives back an :class:`~mlkata.grading.outcome.Outcome` made
of plain data only. Results that are not plain (a fitted model, say) can be kept as a
:class:`Handle` and passed to the module's other functions.
"""

from __future__ import annotations

import copy
import signal
import threading
import types
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mlkata.grading.capture import note_call, note_outcome
from mlkata.grading.failures import GradeFailure, SubmissionError
from mlkata.grading.judge import returned
from mlkata.grading.loader import load_module
from mlkata.grading.outcome import Outcome, outcome_of
from mlkata.grading.plain import NotPlain, to_plain
from mlkata.limits import CALL_TIMEOUT as DEFAULT_CALL_TIMEOUT
from mlkata.sandbox.calling import call_and_record


class Handle:
    """An opaque result kept by the grader and passed back to the learner's functions."""

    def __init__(self, value: object, made_by: str) -> None:
        self.value = value
        self.made_by = made_by

    def __repr__(self) -> str:
        return f"<result of {self.made_by}>"

    def __deepcopy__(self, memo: dict) -> Handle:
        return self


class _CallTimedOut(BaseException):
    """Raised inside the learner's code when its time is up (not an Exception on purpose)."""


@contextmanager
def _time_limit(seconds: float):
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise _CallTimedOut

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class StudentModule:
    """The learner's module, loaded on first use (so a load failure fails a test, not setup)."""

    def __init__(
        self,
        path: Path,
        shown_as: str,
        allowed_imports: tuple[str, ...] = (),
        timeout: float = DEFAULT_CALL_TIMEOUT,
    ) -> None:
        self.path = path
        self.shown_as = shown_as
        self.allowed_imports = allowed_imports
        self.timeout = timeout
        self._module: types.ModuleType | None = None

    def load(self) -> types.ModuleType:
        if self._module is None:
            try:
                with _time_limit(self.timeout):
                    self._module = load_module(self.path, self.shown_as, self.allowed_imports)
            except _CallTimedOut:
                raise SubmissionError(
                    f"importing {self.shown_as} ran for more than {self.timeout:g} s and was "
                    "stopped: is there a loop at the top level of the file?"
                ) from None
        return self._module

    def function(self, name: str) -> Callable[..., Any]:
        function = getattr(self.load(), name, None)
        if not callable(function):
            raise SubmissionError(f"{self.shown_as} defines no function {name}()")
        return function


class StudentFunction:
    """A learner's function as graders call it."""

    def __init__(
        self,
        resolve: Callable[[], Callable[..., Any]],
        name: str,
        *,
        path: Path | None = None,
        timeout: float = DEFAULT_CALL_TIMEOUT,
    ) -> None:
        self._resolve = resolve
        self.name = name
        self.path = path
        self.timeout = timeout

    @classmethod
    def of(cls, function: Callable[..., Any], name: str | None = None) -> StudentFunction:
        """Wrap a plain function (a mutant, a solution) the way graders see learners' code."""
        return cls(lambda: function, name or function.__name__)

    def call(self, *args: Any, **kwargs: Any) -> Outcome:
        """Run the function once and record what happened, as plain data."""
        note_call(self, args, kwargs)  # a reference only: what a failing check's repro rebuilds
        outcome = self._run(args, kwargs, keep=False)[0]
        note_outcome(outcome)
        return outcome

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run the function and return its plain result; a :class:`GradeFailure` if it failed."""
        return returned(self.call(*args, **kwargs))

    def keep(self, *args: Any, **kwargs: Any) -> Handle:
        """Run the function and keep its result, whatever it is, for later calls."""
        note_call(self, args, kwargs)
        outcome, value = self._run(args, kwargs, keep=True)
        note_outcome(outcome)
        returned(outcome)
        return Handle(value, outcome.call)

    def _run(self, args: tuple, kwargs: dict, *, keep: bool) -> tuple[Outcome, Any]:
        function = self._resolve()
        given_args = tuple(_unwrap(copy.deepcopy(a)) for a in args)
        given_kwargs = {k: _unwrap(copy.deepcopy(v)) for k, v in kwargs.items()}
        try:
            with _time_limit(self.timeout):
                call = call_and_record(
                    function,
                    given_args,
                    given_kwargs,
                    str(self.path) if self.path else "",
                    passing=(_CallTimedOut, SubmissionError, KeyboardInterrupt),
                )
        except _CallTimedOut:
            raise GradeFailure(
                f"{self.name} ran for more than {self.timeout:g} s and was stopped: "
                "look for a loop that never ends (or a very slow one)"
            ) from None
        plain, unplain = None, None
        if call.status == "ok" and not keep:
            try:
                plain = to_plain(call.value)
            except NotPlain as error:
                unplain = str(error)
        outcome = outcome_of(call, self.name, args, kwargs, plain, unplain)
        return outcome, call.value


def _unwrap(value: Any) -> Any:
    return value.value if isinstance(value, Handle) else value
