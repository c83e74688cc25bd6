"""The judge: runs grader tests for a notebook kernel, in a process of its own.

``python -I -m mlkata.classroom.judge --root ROOT`` reads requests on stdin and answers on
stdout, one frame each, in the sandbox's encoding (:mod:`mlkata.sandbox.wire`: JSON, with
arrays as raw bytes beside it, and nothing ever unpickled)::

    kernel -> judge   {"op": "check", "exercise": "losses/hinge_loss", "test": "test_x", "seconds": 8}
    judge  -> kernel  {"op": "call", "function": "hinge_loss", "args": [...], "kwargs": ..., "keep": false}
    kernel -> judge   {"op": "result", "value": ..., "raised": null, "warnings": [], "seconds": 0.001}
    ...
    judge  -> kernel  {"op": "done", "passed": false, "message": "...", "not_implemented": false}

The grader test runs unchanged: its student-function fixtures are
:class:`RemoteFunction` objects, which ask the kernel for every call. The references,
the comparisons and the verdict are all computed here, in an interpreter the notebook
cannot reach. The judge writes nothing but its answers, and stops at end of input.
"""

from __future__ import annotations

import argparse
import inspect
import os
import signal
import sys
import warnings
from pathlib import Path
from typing import Any

from mlkata.grading.failures import GradeFailure, NotImplementedYet, SubmissionError
from mlkata.grading.outcome import Outcome, Raised
from mlkata.grading.plain import NotPlain, to_plain
from mlkata.grading.proxy import Handle, StudentFunction
from mlkata.sandbox import wire


class KernelGone(BaseException):
    """The kernel closed the pipe or broke the protocol (not an Exception: graders must not catch it)."""


class Channel:
    """The judge's end of the pipes: file descriptors to read from and write to."""

    def __init__(self, reader: int, writer: int) -> None:
        self.reader = reader
        self.writer = writer

    def send(self, message: dict, blobs: list | tuple = ()) -> None:
        try:
            wire.write_all(self.writer, wire.frame(message, list(blobs)))
        except (wire.WireError, OSError):
            raise KernelGone from None

    def receive(self) -> tuple[dict, list] | None:
        """The kernel's next message and its arrays; ``None`` when it closed the pipe."""
        try:
            return wire.read_frame(self.reader)
        except wire.Closed:
            return None
        except (wire.WireError, OSError):
            raise KernelGone from None

    def call(self, name: str, args: tuple, kwargs: dict, keep: bool) -> tuple[dict, list]:
        """Ask the kernel to call ``name``; its reply and the arrays that came with it."""
        blobs: list = []
        try:
            message = {
                "op": "call",
                "function": name,
                "args": wire.encode(list(_refs_of(args)), blobs, self),
                "kwargs": wire.encode(_refs_of(kwargs), blobs, self),
                "keep": keep,
            }
        except wire.WireError as error:
            raise GradeFailure(f"the grader cannot send these arguments to the notebook: {error}") from None
        self.send(message, blobs)
        received = self.receive()
        if received is None or received[0].get("op") != "result":
            raise KernelGone
        return received


def _refs_of(value: Any) -> Any:
    """``value`` with every :class:`Handle` replaced by the kernel reference it holds."""
    if isinstance(value, Handle):
        if not isinstance(value.value, wire.RemoteRef):
            raise wire.WireError("a handle that does not point into the kernel")
        return value.value
    if type(value) is list:
        return [_refs_of(item) for item in value]
    if type(value) is tuple:
        return tuple(_refs_of(item) for item in value)
    if type(value) is dict:
        return {key: _refs_of(item) for key, item in value.items()}
    return value


class RemoteFunction(StudentFunction):
    """A learner's function that lives in the notebook kernel, as graders call it."""

    def __init__(self, channel: Channel, name: str, timeout: float) -> None:
        super().__init__(lambda: None, name, path=None, timeout=timeout)
        self._channel = channel

    def _run(self, args: tuple, kwargs: dict, *, keep: bool) -> tuple[Outcome, Any]:
        reply, blobs = self._channel.call(self.name, args, kwargs, keep)
        if reply.get("timed_out"):
            raise GradeFailure(
                f"{self.name} did not return within the {self.timeout:g} s this check may take, and "
                "was stopped: look for a loop that never ends (or a very slow one)"
            )
        if reply.get("missing"):
            raise SubmissionError(
                f"the notebook defines no function {self.name}(): define it in its answer cell"
            )
        raised = _raised(reply.get("raised"))
        value, unplain, kept = None, None, None
        if raised is None and keep:
            number = reply.get("ref")
            if type(number) is not int:
                raise KernelGone
            kept = wire.RemoteRef(number, self._channel)
        elif raised is None:
            try:
                value = to_plain(wire.decode(reply.get("value"), blobs))
            except (wire.WireError, NotPlain) as error:
                unplain = str(error)
            if reply.get("unplain") is not None:
                unplain = str(reply["unplain"])
        warned = reply.get("warnings") or []
        seconds = reply.get("seconds")
        outcome = Outcome(
            self.name,
            args,
            kwargs,
            value,
            raised,
            unplain,
            tuple(str(w) for w in warned) if isinstance(warned, list) else (),
            float(seconds) if isinstance(seconds, int | float) else 0.0,
        )
        return outcome, kept


def _raised(data: Any) -> Raised | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise KernelGone
    return Raised(
        str(data.get("type_name", "Exception")),
        str(data.get("message", "")),
        str(data.get("traceback", "")),
        data.get("is_value_error") is True,
    )


def run_check(root: Path, exercise: Any, test: Any, seconds: float, channel: Channel) -> dict:
    """Run one grader test against the kernel's functions; the verdict as a message body."""
    from mlkata.catalog import all_exercises
    from mlkata.grading.direct import grader_tests

    known = {e.key: e for e in all_exercises(root)}
    if exercise not in known:
        return _verdict(False, f"mlkata has no exercise {exercise!r}: rebuild the course")
    tests = {name: function for name, function, _ in grader_tests(known[exercise].grader_path(root))}
    if test not in tests:
        return _verdict(False, f"the grader of {exercise} has no check {test!r}: rebuild the course")
    function = tests[test]
    kwargs = {p: RemoteFunction(channel, p, seconds) for p in inspect.signature(function).parameters}
    try:
        function(**kwargs)
    except GradeFailure as failure:
        return _verdict(False, str(failure), isinstance(failure, NotImplementedYet))
    except Exception as error:
        return _verdict(False, f"the check {test} could not finish: {type(error).__name__}: {error}")
    return _verdict(True, "")


def _verdict(passed: bool, message: str, not_implemented: bool = False) -> dict:
    return {"op": "done", "passed": passed, "message": message, "not_implemented": not_implemented}


PRELOADED = ("sklearn.metrics", "scipy.special", "scipy.stats")
"""The references most graders use, imported before the judge says it is ready."""


def _preload() -> None:
    import importlib

    for name in PRELOADED:
        try:
            importlib.import_module(name)
        except Exception:
            pass


def _private_stdout() -> int:
    """The pipe to the kernel (a file descriptor), with fd 1 and ``sys.stdout`` sent to the null device.

    Nothing a grader or a library prints can then corrupt the conversation.
    """
    writer = os.dup(1)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    sys.stdout = open(os.devnull, "w")
    return writer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mlkata.classroom.judge")
    parser.add_argument("--root", required=True, help="the mlkata checkout whose graders judge")
    options = parser.parse_args(argv)
    root = Path(options.root).resolve()
    os.environ["MLKATA_ROOT"] = str(root)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warnings.simplefilter("ignore")
    channel = Channel(sys.stdin.fileno(), _private_stdout())
    _preload()
    try:
        channel.send({"op": "ready"})
        while True:
            received = channel.receive()
            if received is None:
                return 0
            request = received[0]
            if request.get("op") != "check":
                return 2
            seconds = request.get("seconds")
            seconds = float(seconds) if isinstance(seconds, int | float) else 8.0
            channel.send(run_check(root, request.get("exercise"), request.get("test"), seconds, channel))
    except KernelGone:
        return 0


if __name__ == "__main__":
    sys.exit(main())
