"""Calling a learner's function in a sandbox worker (``mlkata grade``, ``pytest --sandbox``).

The grader's process keeps everything that decides a score: the grader module, the
references, the judging. Only the calls of the learner's functions go to a worker, one per
topic and student (:class:`SharedWorkers`: a topic's modules share a process, as a topic's
notebook shares a kernel), forked from the zygote of a sandbox of the student's own
(:mod:`mlkata.grading.isolation`, :mod:`mlkata.sandbox.policy`): bubblewrap's namespaces, a
seccomp filter, resource limits, a read-only view of Python and numpy, and an audit hook for
clear messages. The learner's module reaches the worker as source text; nothing is written
into the sandbox's folders and nothing is read from them.

What comes back is data only, read with :mod:`mlkata.sandbox.wire` from a socket the worker
was given, never more than :func:`reply_limit` allows: never pickled, never parsed from its
printed output. A wall-clock limit per call and per exercise is enforced here, with SIGKILL,
so a worker that ignores signals or never answers still ends, and a worker that dies
(``os._exit``, a crash, the memory limit) fails that call only; the next call gets a fresh
worker.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mlkata import limits
from mlkata.grading.failures import GradeFailure, SubmissionError
from mlkata.grading.loader import read_submission
from mlkata.grading.outcome import Outcome, outcome_of
from mlkata.grading.proxy import Handle, StudentFunction, StudentModule
from mlkata.grading.workers import MIN_REPLY_BYTES, SharedWorkers, Worker, clip, reply_limit
from mlkata.sandbox import wire
from mlkata.sandbox.calling import Call

SESSIONS_KEY = pytest.StashKey[dict]()
SHARED_KEY = pytest.StashKey["SharedWorkers"]()


@dataclass(frozen=True)
class Settings:
    call_timeout: float = limits.CALL_TIMEOUT
    exercise_timeout: float = limits.EXERCISE_TIMEOUT
    memory_mb: int = limits.MEMORY_MB
    file_mb: int = limits.FILE_MB
    audit_hook: bool = True
    """False only in the project's tests, which prove the kernel alone keeps the sandbox."""

    @classmethod
    def of(cls, config: pytest.Config) -> Settings:
        return cls(
            call_timeout=config.getoption("call_timeout"),
            exercise_timeout=config.getoption("exercise_timeout"),
            memory_mb=config.getoption("sandbox_memory"),
        )

    def worker_limits(self) -> dict:
        return {
            "cpu_seconds": int(self.exercise_timeout) + 5,
            "memory_bytes": self.memory_mb * 2**20,
            "file_bytes": self.file_mb * 2**20,
        }


_BUDGET_USED: dict[str, float] = {}
_CHECKED: dict[str, str] = {}


def forget_module(path: Path) -> None:
    """Drop what this process remembers of a learner's file: its checked source, its time used."""
    _CHECKED.pop(str(path), None)
    _BUDGET_USED.pop(str(path), None)


# --- the learner's file, checked without running it ---------------------------------------------


def check_source(path: Path, shown_as: str, allowed: tuple[str, ...]) -> str:
    """The learner's source, read and parsed here; :class:`SubmissionError` as the loader says."""
    key = str(path)
    if key in _CHECKED:
        return _CHECKED[key]
    if path.is_symlink():
        raise SubmissionError(f"{shown_as} is a symbolic link: submit the file itself")
    source, _ = read_submission(path, shown_as, allowed)
    _CHECKED[key] = source
    return source


class Session:
    """One learner module as one test sees it: a worker, started on first use.

    The worker is one of ``shared`` (the student's :class:`SharedWorkers`), kept for the
    topic's next module when this one is done; without ``shared``, the session has a sandbox
    of its own, ended with it.
    """

    def __init__(
        self,
        module: StudentModule,
        settings: Settings,
        shared: SharedWorkers | None = None,
    ) -> None:
        self.module = module
        self.owns_shared = shared is None
        self.shared = shared if shared is not None else SharedWorkers()
        self.settings = settings
        self.worker: Worker | None = None

    # budget ------------------------------------------------------------------------------------

    def _deadline(self, name: str) -> tuple[float, str]:
        used = _BUDGET_USED.get(str(self.module.path), 0.0)
        left = self.settings.exercise_timeout - used
        if left <= 0:
            raise GradeFailure(
                f"{name} was not called: this exercise used up its {self.settings.exercise_timeout:g} s "
                "of grading time on earlier checks (look for a loop that never ends, or a very slow one)"
            )
        if left < self.settings.call_timeout:
            return (
                time.monotonic() + left,
                f"when the exercise's {self.settings.exercise_timeout:g} s ran out",
            )
        return time.monotonic() + self.settings.call_timeout, ""

    def _spend(self, seconds: float) -> None:
        key = str(self.module.path)
        _BUDGET_USED[key] = _BUDGET_USED.get(key, 0.0) + seconds

    # worker ------------------------------------------------------------------------------------

    def _ensure_worker(self, name: str, call: str, deadline: float, why: str) -> Worker:
        if self.worker is not None and self.worker.fd is not None:
            return self.worker
        source = check_source(self.module.path, self.module.shown_as, self.module.allowed_imports)
        worker = self.shared.get(self)
        if worker is None:
            worker = Worker(self.shared.sandbox(), self.module.allowed_imports)
            try:
                worker.start(self.settings)
            except OSError as error:
                self.shared.close()
                raise GradeFailure(f"not graded: the sandbox could not start a worker ({error})") from None
            self.shared.add(self, worker)
        self.worker = worker
        topic = self.module.path.parent.name
        message = {
            "op": "load",
            "source": source,
            "path": f"/submission/{topic}/{self.module.path.name}",
            "shown_as": self.module.shown_as,
        }
        reply, _, violations = self._exchange(worker, message, [], deadline, name, f"importing {call}", why)
        if violations:
            self._fail_violation(f"importing {self.module.shown_as}", violations)
        status = reply.get("status")
        if status == "load_error":
            self.close()
            raise SubmissionError(clip(str(reply.get("message", "")), 3000))
        if status == "memory":
            self.close()
            raise GradeFailure(
                f"importing {self.module.shown_as} ran out of memory: the grader allows "
                f"{self.settings.memory_mb} MB"
            )
        if status != "loaded" or type(reply.get("module", 0)) is not int:
            self.close()
            raise GradeFailure(f"importing {self.module.shown_as} gave a malformed answer")
        worker.modules[str(self.module.path)] = reply.get("module", 0)
        return worker

    def _exchange(self, worker, message, blobs, deadline, name, call, why, max_bytes=MIN_REPLY_BYTES):
        start = time.monotonic()
        try:
            return worker.exchange(message, blobs, deadline, max_bytes)
        except wire.Timeout:
            note = self._printed_note(worker)
            self.close()
            limit = f"{self.settings.call_timeout:g} s"
            raise GradeFailure(
                f"{call} ran for more than {limit} and was stopped{' ' + why if why else ''}: "
                "look for a loop that never ends (or a very slow one)" + note
            ) from None
        except wire.Closed:
            status = worker.wait_status()
            note = self._printed_note(worker)
            self.close()
            raise GradeFailure(f"{call} {self._death(status)}{note}") from None
        except wire.WireError as error:
            self.close()
            raise GradeFailure(f"{call} sent the grader a malformed answer: {error}") from None
        finally:
            self._spend(time.monotonic() - start)
            worker.busy += time.monotonic() - start

    def _death(self, status: dict) -> str:
        code, number = status.get("exit"), status.get("signal")
        if code is not None:
            return (
                f"ended its process (exit status {code}) instead of returning: graded code must return "
                "its result, not call sys.exit() or os._exit()"
            )
        if number == signal.SIGXCPU or (number == signal.SIGKILL and not status.get("killed")):
            return "was killed for using more CPU time (or memory) than the grader allows"
        if number == signal.SIGXFSZ:
            return f"was killed for writing a file bigger than {self.settings.file_mb} MB"
        if number == signal.SIGSEGV:
            return "crashed its process (segmentation fault)"
        if number is not None:
            name = signal.Signals(number).name if number in signal.Signals._value2member_map_ else number
            return f"ended its process with signal {name}"
        return "ended its process before answering"

    @staticmethod
    def _printed_note(worker: Worker) -> str:
        text = worker.printed()
        return f"\n  it printed (shown as is, not read by the grader): {text[-300:]!r}" if text else ""

    def _fail_violation(self, call: str, violations: list[str]) -> None:
        self.close()
        more = f" (and {len(violations) - 1} more refusals)" if len(violations) > 1 else ""
        raise GradeFailure(
            f"{call} was stopped by the grading sandbox: your code {violations[0]}{more}. "
            "Checks where graded code does this score 0."
        )

    def call(self, name: str, args: tuple, kwargs: dict, *, keep: bool) -> tuple[Outcome, Any]:
        from mlkata.grading.describe import describe_call

        shown = _LazyText(lambda: describe_call(name, args, kwargs))  # rendered only for a message
        deadline, why = self._deadline(name)
        start = time.monotonic()
        worker = self._ensure_worker(name, self.module.shown_as, deadline, why)
        blobs: list[bytes] = []
        message = {
            "op": "call",
            "module": worker.modules[str(self.module.path)],
            "function": name,
            "args": wire.encode(tuple(_unwrap(a) for a in args), blobs, worker),
            "kwargs": wire.encode({k: _unwrap(v) for k, v in kwargs.items()}, blobs, worker),
            "keep": keep,
        }
        limit = reply_limit(blobs, message["args"])
        reply, reply_blobs, violations = self._exchange(
            worker, message, blobs, deadline, name, shown, why, limit
        )
        seconds = time.monotonic() - start
        if violations:
            self._fail_violation(shown, violations)
        status = reply.get("status")
        call = Call.from_reply(reply, seconds)  # the worker's record, read as hostile data
        warnings_seen = call.warnings
        if status == "missing":
            raise SubmissionError(f"{self.module.shown_as} defines no function {name}()")
        if status == "memory":
            self.close()
            raise GradeFailure(f"{shown} ran out of memory: the grader allows {self.settings.memory_mb} MB")
        if status == "kept" and keep and type(reply.get("ref")) is int:
            return Outcome(name, args, kwargs, None, None, None, warnings_seen, seconds), wire.RemoteRef(
                reply["ref"], worker
            )
        if status == "raised":
            return outcome_of(call, name, args, kwargs), None
        if status == "unplain":
            unplain = clip(str(reply.get("unplain", "a value the grader cannot read")), 300)
            return Outcome(name, args, kwargs, None, None, unplain, warnings_seen, seconds), None
        if status == "ok" and not keep:
            try:
                value = wire.decode(reply.get("value"), reply_blobs)
            except wire.WireError as error:
                self.close()
                raise GradeFailure(f"{shown} sent the grader a malformed answer: {error}") from None
            return Outcome(name, args, kwargs, value, None, None, warnings_seen, seconds), None
        self.close()
        raise GradeFailure(f"{shown} sent the grader a malformed answer")

    def release(self) -> None:
        """This module is done: its worker stays for the topic's next module (or ends with its sandbox)."""
        self.worker = None
        if self.owns_shared:
            self.shared.close()

    def close(self) -> None:
        """End the worker (after a failure)."""
        if self.worker is not None:
            self.shared.discard(self.worker)
            self.worker.stop()
            self.worker = None


def _unwrap(value: Any) -> Any:
    return value.value if isinstance(value, Handle) else value


class _LazyText:
    """Text made on first use: most calls succeed, and their description is never shown."""

    def __init__(self, make: Callable[[], str]) -> None:
        self._make = make
        self._text: str | None = None

    def __str__(self) -> str:
        if self._text is None:
            self._text = self._make()
        return self._text

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class SandboxFunction(StudentFunction):
    """A learner's function whose calls run in a sandbox worker; same interface as its base."""

    def __init__(self, session: Session, name: str, timeout: float) -> None:
        super().__init__(lambda: None, name, path=session.module.path, timeout=timeout)  # type: ignore[arg-type]
        self.session = session

    def _run(self, args: tuple, kwargs: dict, *, keep: bool) -> tuple[Outcome, Any]:
        return self.session.call(self.name, args, kwargs, keep=keep)


def sandboxed(request: pytest.FixtureRequest, module: StudentModule, name: str) -> SandboxFunction:
    """The fixture value of ``student_function(name)`` under ``--sandbox``.

    All the functions of one learner module that a test uses share one session, so a kept
    result of one can be passed to another. Its worker is one of the run's
    :class:`SharedWorkers`, as in a batch: each test loads the module afresh into it, and the
    workers end with the run.
    """
    config = request.config
    if SHARED_KEY not in config.stash:
        config.stash[SHARED_KEY] = SharedWorkers()
        config.add_cleanup(config.stash[SHARED_KEY].close)
    sessions = request.node.stash.setdefault(SESSIONS_KEY, {})
    key = str(module.path)
    if key not in sessions:
        sessions[key] = Session(module, Settings.of(config), shared=config.stash[SHARED_KEY])
        request.node.addfinalizer(sessions[key].release)
    return SandboxFunction(sessions[key], name, config.getoption("call_timeout"))
