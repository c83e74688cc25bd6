"""Sandbox workers as the grader sees them: one process, its channel, and the student's set of them.

A :class:`Worker` is one process forked by the zygote of a student's
:class:`~mlkata.grading.isolation.Sandbox`; :class:`SharedWorkers` is that sandbox and the
workers a student's modules share (one per topic and allowed imports). While it waits for an
answer, the grader answers the worker's proxy requests for allowed names
(:func:`answer_reference`) and reads nothing bigger than :func:`reply_limit` allows.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

import numpy as np

from mlkata.grading.failures import GradeFailure
from mlkata.grading.isolation import Sandbox, SandboxUnavailable
from mlkata.grading.plain import NotPlain, to_plain
from mlkata.sandbox import policy, wire

if TYPE_CHECKING:
    from mlkata.grading.sandbox import Session, Settings

MAX_REPLY_BYTES = 256 * 2**20
MIN_REPLY_BYTES = 4 * 2**20


def reply_limit(blobs: list, args_node: Any) -> int:
    """The most bytes an answer to a call may have: a generous multiple of what was sent.

    A hostile worker cannot make the grader read (and then convert) more than this.

    >>> reply_limit([], ["N"]) == MIN_REPLY_BYTES
    True
    """
    sent = sum(memoryview(b).nbytes for b in blobs) + len(str(args_node))
    return max(MIN_REPLY_BYTES, min(MAX_REPLY_BYTES, 64 * sent))


def answer_reference(message: dict, blobs: list, allowed: tuple[str, ...]) -> tuple[dict, list]:
    """Compute what a worker's proxy of an allowed name (``scipy.stats.chi2``) asked for."""
    name, method = message.get("name"), message.get("method")
    if name not in allowed or method not in policy.PROXY_METHODS:
        return {"status": "refused", "message": f"{name}.{method} is not available to graded code"}, []
    try:
        frozen_args, frozen_kwargs, args, kwargs = wire.decode(message.get("args"), blobs)
        module_name, _, attribute = str(name).rpartition(".")
        target = getattr(importlib.import_module(module_name), attribute)
        if frozen_args or frozen_kwargs:
            target = target(*frozen_args, **frozen_kwargs)
        with np.errstate(all="ignore"):
            value = to_plain(getattr(target, method)(*args, **kwargs))
        out: list = []
        return {"status": "ok", "value": wire.encode(value, out)}, out
    except (wire.WireError, NotPlain, TypeError, ValueError, ArithmeticError) as error:
        return {"status": "raised", "message": f"{name}.{method}: {error}"[:2000]}, []


class Worker:
    """A running worker process in a sandbox, and its channel."""

    def __init__(self, sandbox: Sandbox, allowed: tuple[str, ...]) -> None:
        self.sandbox = sandbox
        self.allowed = allowed
        self.pid: int | None = None
        self.fd: int | None = None
        self.status: dict | None = None
        self.modules: dict[str, int] = {}
        """The learner modules loaded in it, by path: their numbers there (the first is 0)."""
        self.busy = 0.0
        """Seconds spent waiting for it, which its CPU-time limit bounds."""

    def start(self, settings: Settings) -> None:
        self.pid, self.fd = self.sandbox.spawn(
            settings.worker_limits(), list(self.allowed), audit_hook=settings.audit_hook
        )
        os.set_blocking(self.fd, False)

    def exchange(
        self, message: dict, blobs: list, deadline: float, max_bytes: int = MIN_REPLY_BYTES
    ) -> tuple[dict, list, list]:
        """Send a request and read frames up to the reply; the refusals reported on the way.

        A worker's proxy requests (:func:`answer_reference`) are answered as they come.
        """
        assert self.fd is not None
        wire.write_all(self.fd, wire.frame(message, blobs), deadline)
        violations: list[str] = []
        proxied = 0
        while True:
            reply, reply_blobs = wire.read_frame(self.fd, deadline, max_bytes)
            kind = reply.get("kind")
            if kind == "violation":
                if len(violations) < 20:
                    violations.append(clip(str(reply.get("text", "")), 600))
                continue
            if kind == "reference":
                proxied += 1
                if proxied > policy.MAX_PROXY_CALLS:
                    raise wire.WireError("too many reference requests")
                answer, out = answer_reference(reply, reply_blobs, self.allowed)
                wire.write_all(self.fd, wire.frame(answer, out), deadline)
                continue
            return reply, reply_blobs, violations

    def printed(self) -> str:
        return self.sandbox.printed(self.pid) if self.pid is not None else ""

    def stop(self) -> None:
        """End the worker with SIGKILL (its zygote reaps it)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.status is None and self.pid is not None:
            self.status = self.sandbox.reap(self.pid, 0.0)

    def wait_status(self, grace: float = 1.0) -> dict:
        """How the worker ended, after it closed its channel (killed if it lingers)."""
        if self.status is None and self.pid is not None:
            if self.fd is not None:
                os.close(self.fd)
                self.fd = None
            self.status = self.sandbox.reap(self.pid, grace)
        return self.status or {}


def clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 4] + " ..."


class SharedWorkers:
    """One student's sandbox and the workers their modules share: one per topic and allowed imports.

    A topic's modules then run in one process, as a topic's notebook runs in one kernel:
    starting a worker costs more than most of an exercise's checks. A worker is still
    replaced after any call that times out, crashes or is refused (every module that used
    it is loaded again in the next), and before its CPU-time limit could end it in the
    middle of another exercise's call. :meth:`close` ends the sandbox, and with it every
    process the student's code left.
    """

    def __init__(self) -> None:
        self.workers: dict[tuple, Worker] = {}
        self._sandbox: Sandbox | None = None

    def sandbox(self) -> Sandbox:
        if self._sandbox is None or not self._sandbox.alive():
            if self._sandbox is not None:
                self._sandbox.kill()
            try:
                self._sandbox = Sandbox()
            except (SandboxUnavailable, OSError) as error:
                raise GradeFailure(f"not graded: {error}") from None
        return self._sandbox

    @staticmethod
    def key(session: Session) -> tuple:
        return (str(session.module.path.parent), session.module.allowed_imports)

    def get(self, session: Session) -> Worker | None:
        worker = self.workers.get(self.key(session))
        if worker is None or worker.fd is None:
            return None
        if worker.busy > session.settings.exercise_timeout / 2:  # its limit is exercise_timeout + 5 s
            self.discard(worker)
            worker.stop()
            return None
        return worker

    def add(self, session: Session, worker: Worker) -> None:
        self.workers[self.key(session)] = worker

    def discard(self, worker: Worker) -> None:
        self.workers = {k: w for k, w in self.workers.items() if w is not worker}

    def close(self) -> None:
        for worker in self.workers.values():
            if worker.fd is not None:
                os.close(worker.fd)
                worker.fd = None
        self.workers.clear()
        if self._sandbox is not None:
            self._sandbox.kill()
            self._sandbox = None
