"""The kernel side of a hidden test: call the learner's functions for the judge.

A hidden test cell runs ``check("losses/hinge_loss", "test_margin_cases", {"hinge_loss":
hinge_loss})``. The check is decided by the judge (see :mod:`mlkata.classroom.judge`), a
separate Python process started on first use and reused by later cells: it runs the
grader test and, for every call of a learner's function, sends the arguments here. This
side calls the function (under a time limit, with warnings recorded), copies the result
into plain data and sends it back; results a grader keeps (a fitted model) stay here and
the judge holds only their numbers. A failed check raises ``AssertionError`` with the
grader's learner-facing message, which is all a feedback page shows.

Everything that decides a grade (the references, the comparison, the hints) lives in the
judge, so monkeypatching numpy or scikit-learn in an answer cell changes only the
learner's own results. What nbgrader cannot stop, mlkata cannot either: the answer cells
run in this kernel, and code written to tamper with this very module can.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mlkata.classroom.screen import banned_reference
from mlkata.grading.loader import refusal
from mlkata.grading.plain import NotPlain, to_plain
from mlkata.grading.proxy import _CallTimedOut, _time_limit
from mlkata.sandbox import wire

BUDGET_ENV = "MLKATA_CHECK_SECONDS"
DEFAULT_BUDGET = 8.0
"""Seconds one hidden check may take in all; below nbgrader's per-cell ``Execute.timeout``."""
GRACE = 0.5
"""Seconds the judge has, after the budget, to report a learner's call that ran out of time."""
LOG_ENV = "MLKATA_JUDGE_LOG"
"""A file the judge's stderr goes to, for debugging (by default it is discarded)."""


class CheckFailed(AssertionError):
    """A hidden check failed; the message is the grader's explanation."""


class _JudgeGone(Exception):
    """The judge stopped or said something unexpected."""


class _OutOfTime(Exception):
    """The check's time budget ran out while the judge was working."""


class _Judge:
    """One judge process and the pipes to it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        log = os.environ.get(LOG_ENV)
        stderr: Any = open(log, "ab") if log else subprocess.DEVNULL
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-m", "mlkata.classroom.judge", "--root", str(root)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                cwd=root,
                env={**os.environ, "MLKATA_ROOT": str(root)},
                start_new_session=True,
            )
        finally:
            if log:
                stderr.close()
        assert self.process.stdin is not None and self.process.stdout is not None
        self.writer = self.process.stdin.fileno()
        self.reader = self.process.stdout.fileno()
        self.ready = False

    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, message: dict, blobs: list | tuple = ()) -> None:
        try:
            wire.write_all(self.writer, wire.frame(message, list(blobs)))
        except (wire.WireError, OSError) as error:
            raise _JudgeGone(f"cannot write to the judge: {error}") from None

    def receive(self, deadline: float) -> tuple[dict, list]:
        try:
            return wire.read_frame(self.reader, deadline)
        except wire.Timeout:
            raise _OutOfTime from None
        except wire.Closed:
            raise _JudgeGone(f"the judge stopped (exit status {self.process.poll()})") from None
        except (wire.WireError, OSError) as error:
            raise _JudgeGone(str(error)) from None

    def wait_ready(self, deadline: float) -> None:
        if not self.ready:
            if self.receive(deadline)[0].get("op") != "ready":
                raise _JudgeGone("the judge did not start")
            self.ready = True

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass


_judge: _Judge | None = None


def _close_judge() -> None:
    global _judge
    if _judge is not None:
        _judge.close()
        _judge = None


atexit.register(_close_judge)


def _the_judge(root: Path) -> _Judge:
    global _judge
    if _judge is not None and (not _judge.alive() or _judge.root != root):
        _close_judge()
    if _judge is None:
        _judge = _Judge(root)
    return _judge


def project_root() -> Path:
    """The mlkata checkout whose graders judge: ``MLKATA_ROOT``, else the installed checkout.

    Unlike :func:`mlkata.paths.project_root`, the current folder is never searched: in a
    kernel it is the learner's submission folder, which the learner controls.
    """
    env = os.environ.get("MLKATA_ROOT")
    candidates = [Path(env).expanduser()] if env else [Path(__file__).resolve().parents[3]]
    for folder in candidates:
        if (folder / "solutions").is_dir() and (folder / "graders").is_dir():
            return folder.resolve()
    raise CheckFailed(
        "the grader cannot find the mlkata project: set MLKATA_ROOT to the mlkata checkout "
        "(the course's nbgrader_config.py sets it)"
    )


def _budget() -> float:
    try:
        value = float(os.environ.get(BUDGET_ENV, DEFAULT_BUDGET))
    except ValueError:
        return DEFAULT_BUDGET
    return value if value > 0 else DEFAULT_BUDGET


def _minimal_tracebacks() -> None:
    """Make IPython show failures as ``AssertionError: message``, without source lines."""
    if "IPython" not in sys.modules:
        return
    from IPython import get_ipython

    shell = get_ipython()
    formatter = getattr(shell, "InteractiveTB", None)
    if formatter is not None:
        try:
            formatter.set_mode("Minimal")
        except (ValueError, AttributeError):
            pass


def _allowed_imports(root: Path, exercise: str) -> tuple[str, ...]:
    from mlkata.catalog import all_exercises

    for known in all_exercises(root):
        if known.key == exercise:
            return known.allowed_imports
    raise CheckFailed(f"this notebook asks for an exercise mlkata does not know: {exercise}")


WARM_UP_SECONDS = 60.0


def warm_up() -> None:
    """Start the judge now and wait until it is ready; never raise, never print.

    The course's ``nbgrader_config.py`` runs this when a grading kernel starts (IPython's
    ``exec_lines``), so the judge's start-up, imports of scikit-learn and SciPy included,
    happens before any cell runs instead of inside the first hidden check's time budget.
    """
    try:
        judge = _the_judge(project_root())
        judge.wait_ready(time.monotonic() + WARM_UP_SECONDS)
    except Exception:
        _close_judge()


def check(exercise: str, test: str, functions: dict[str, Callable[..., Any]]) -> None:
    """Run the grader test ``test`` of ``exercise`` on the learner's ``functions``.

    Parameters
    ----------
    exercise : str
        ``<topic>/<module>``, as in ``losses/hinge_loss``.
    test : str
        The name of a test function of ``graders/<topic>/test_<module>.py``.
    functions : dict
        The learner's functions the test takes, by name.

    Raises
    ------
    AssertionError
        (:class:`CheckFailed`) when the check fails, with the grader's message.
    """
    _minimal_tracebacks()
    budget = _budget()
    deadline = time.monotonic() + budget
    root = project_root()
    allowed = _allowed_imports(root, exercise)
    for name, function in functions.items():
        if not callable(function):
            raise CheckFailed(f"{name} is not a function: define it with def {name}(...) in the answer cell")
        banned = banned_reference(function, allowed)
        if banned:
            raise CheckFailed(f"{name} uses {banned}: {refusal(banned, allowed)}")
    judge = _the_judge(root)
    try:
        verdict = _converse(judge, exercise, test, functions, deadline, budget)
    except _OutOfTime:
        _close_judge()
        raise CheckFailed(f"the check {test} took more than {budget:g} s and was stopped") from None
    except _JudgeGone as error:
        _close_judge()
        raise CheckFailed(f"the grader failed to run this check (internal error: {error})") from None
    except BaseException:
        _close_judge()  # interrupted mid-conversation: the next check starts a fresh judge
        raise
    if not verdict.get("passed"):
        raise CheckFailed(str(verdict.get("message") or f"the check {test} failed"))


def _converse(
    judge: _Judge,
    exercise: str,
    test: str,
    functions: dict[str, Callable[..., Any]],
    deadline: float,
    budget: float,
) -> dict:
    judge.wait_ready(deadline)
    judge.send({"op": "check", "exercise": exercise, "test": test, "seconds": budget})
    kept: dict[int, Any] = {}
    while True:
        message, blobs = judge.receive(deadline + GRACE)
        op = message.get("op")
        if op == "done":
            return message
        if op != "call":
            raise _JudgeGone(f"unexpected message {op!r}")
        judge.send(*_call(functions, message, blobs, kept, deadline))


def _text(thing: object, fallback: str) -> str:
    try:
        return str(thing)
    except Exception:
        return fallback


def _warning_text(caught: warnings.WarningMessage) -> str:
    try:
        return f"{caught.category.__name__}: {caught.message}"
    except Exception:
        return "a warning whose message cannot be shown"


def _where(error: BaseException, function: Callable[..., Any]) -> str:
    """The frames of the traceback in the learner's own cells, one line each."""
    import traceback

    code = getattr(function, "__code__", None)
    if code is None:
        return ""
    folder = os.path.dirname(code.co_filename)
    lines = []
    for entry in traceback.extract_tb(error.__traceback__):
        if entry.filename == code.co_filename or (folder and os.path.dirname(entry.filename) == folder):
            lines.append(
                f"    answer cell, line {entry.lineno}, in {entry.name}: {(entry.line or '').strip()}"
            )
    return "\n".join(lines)


def _call(
    functions: dict[str, Callable[..., Any]],
    message: dict,
    blobs: list,
    kept: dict[int, Any],
    deadline: float,
) -> tuple[dict, list]:
    """Make one call the judge asked for; its outcome, and the arrays that go with it."""
    sent: list = []
    function = functions.get(str(message.get("function")))
    if function is None:
        return {"op": "result", "missing": True}, sent
    try:
        args = wire.decode(message.get("args", ["L", []]), blobs, kept)
        kwargs = wire.decode(message.get("kwargs", ["D", []]), blobs, kept)
    except wire.WireError as error:
        raise _JudgeGone(f"unreadable call: {error}") from None
    if not isinstance(args, list | tuple) or not isinstance(kwargs, dict):
        raise _JudgeGone("malformed call")
    left = deadline - time.monotonic()
    if left <= 0:
        return {"op": "result", "timed_out": True}, sent
    raised = None
    value = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        start = time.perf_counter()
        try:
            with _time_limit(left):
                value = function(*args, **kwargs)
        except _CallTimedOut:
            return {"op": "result", "timed_out": True}, sent
        except (Exception, SystemExit) as error:
            raised = {
                "type_name": _text(type(error).__name__, "Exception"),
                "message": _text(error, "(an exception whose message cannot be shown)"),
                "traceback": _where(error, function),
                "is_value_error": isinstance(error, ValueError),
            }
        seconds = time.perf_counter() - start
    shown = [_warning_text(w) for w in caught]
    reply: dict[str, Any] = {
        "op": "result",
        "raised": raised,
        "warnings": shown,
        "seconds": seconds,
        "value": None,
        "unplain": None,
        "ref": None,
    }
    if raised is None:
        if message.get("keep"):
            number = len(kept) + 1
            kept[number] = value
            reply["ref"] = number
        else:
            try:
                reply["value"] = wire.encode(to_plain(value), sent)
            except (NotPlain, wire.WireError) as error:
                reply["unplain"] = _text(error, "a value that cannot be compared")
    return reply, sent
