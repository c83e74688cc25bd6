"""Calling a learner's function in a confined worker process (``pytest --sandbox``).

The grader's process keeps everything that decides a score: the grader module, the
references, the judging. Only the calls of the learner's functions go to a worker,
one per test and learner module (in the batch's grader processes, :mod:`mlkata.batch.server`,
one per topic and student: :class:`SharedWorkers`), forked from a zygote
(:mod:`mlkata.sandbox.worker`) that never ran learner code. The worker runs as an
unprivileged user of its own (when grading as root) in a private mount namespace where the
project's folders are empty,
under CPU, memory, file-size and process limits, a seccomp filter and an audit hook.

What comes back is data only, read with :mod:`mlkata.sandbox.wire` from a socket the
worker was given: never pickled, never parsed from its printed output. A wall-clock
limit per call and per exercise is enforced here, with SIGKILL, so a worker that ignores
signals or never answers still ends, and a worker that dies (``os._exit``, a crash, the
memory limit) fails that call only; the next test gets a fresh worker.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from mlkata import limits
from mlkata.grading.failures import GradeFailure, SubmissionError
from mlkata.grading.loader import BANNED_PACKAGES, read_submission
from mlkata.grading.outcome import Outcome, Raised
from mlkata.grading.proxy import Handle, StudentFunction, StudentModule
from mlkata.sandbox import guard, wire
from mlkata.sandbox.worker import ZYGOTE_HIDE_ENV

SANDBOX_UID_BASE = 2_100_000_000
"""Workers of the grader process with pid P run as uid and gid ``SANDBOX_UID_BASE + P``."""
HIDE_ENV = "MLKATA_SANDBOX_HIDE"
"""More folders (``os.pathsep``-separated) a worker must not see, such as the batch's output."""
BATCH_ENV = "MLKATA_BATCH"
"""Set by ``mlkata grade`` for the grader processes it starts."""
REFERENCE_LIBRARIES = ("sklearn", "scikit_learn", "scipy", "shapely", "torch", "statsmodels")
SESSIONS_KEY = pytest.StashKey[dict]()
SHARED_KEY = pytest.StashKey["SharedWorkers"]()
_REFERENCE_IN_MAPS = re.compile(("/(" + "|".join(map(re.escape, REFERENCE_LIBRARIES)) + ")").encode())


@dataclass(frozen=True)
class Settings:
    call_timeout: float = limits.CALL_TIMEOUT
    exercise_timeout: float = limits.EXERCISE_TIMEOUT
    memory_mb: int = limits.MEMORY_MB
    file_mb: int = limits.FILE_MB

    @classmethod
    def of(cls, config: pytest.Config) -> Settings:
        return cls(
            call_timeout=config.getoption("call_timeout"),
            exercise_timeout=config.getoption("exercise_timeout"),
            memory_mb=config.getoption("sandbox_memory"),
        )


def is_root() -> bool:
    return os.geteuid() == 0


def sandbox_ids() -> tuple[int, int]:
    """The uid and gid workers of this process run as."""
    if is_root():
        number = SANDBOX_UID_BASE + os.getpid()
        return number, number
    return os.getuid(), os.getgid()


# --- the zygote ---------------------------------------------------------------------------------


class Zygote:
    """The process that forks workers; started once per grader process, preload set and
    set of hidden folders.

    It covers ``hide`` in a mount namespace of its own before it forks anything, so its
    workers start with those folders already empty: a namespace per worker would cost
    each of them more than a millisecond of kernel time, for the same view.
    """

    def __init__(self, preload: tuple[str, ...], hide: tuple[str, ...] = ()) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "MLKATA_GRADER_PID": str(os.getpid()),
            ZYGOTE_HIDE_ENV: json.dumps({"hide": list(hide), "expose": _exposed_roots(preload)}),
        }
        command = [sys.executable, "-I", "-B", "-m", "mlkata.sandbox.worker", str(theirs.fileno()), *preload]
        self.process = subprocess.Popen(
            command, pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL, cwd="/"
        )
        theirs.close()
        self.control = ours
        self.control.settimeout(120)
        if json.loads(self.control.recv(1 << 16) or b"{}").get("ready") is not True:
            raise RuntimeError("the sandbox zygote did not start")
        self.control.settimeout(30)

    def spawn(self, spec: dict) -> tuple[int, int]:
        self.control.sendall(json.dumps({"op": "spawn", "spec": spec}).encode())
        data, fds, _, _ = socket.recv_fds(self.control, 1 << 16, 1)
        if not fds:
            raise RuntimeError("the sandbox zygote sent no channel")
        return json.loads(data)["pid"], fds[0]

    def reap(self, pid: int, grace: float) -> dict:
        self.control.sendall(json.dumps({"op": "reap", "pid": pid, "grace": grace}).encode())
        return json.loads(self.control.recv(1 << 16))

    def close(self) -> None:
        self.control.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


_ZYGOTES: dict[tuple[tuple[str, ...], tuple[str, ...]], Zygote] = {}
_BUDGET_USED: dict[str, float] = {}
_CHECKED: dict[str, str] = {}


def _zygote(preload: tuple[str, ...], hide: tuple[str, ...]) -> Zygote:
    if not _ZYGOTES and os.environ.get(BATCH_ENV):
        from mlkata.sandbox.confine import die_with_parent

        die_with_parent()  # a batch's grader process ends with the batch, and its zygotes with it
    key = (preload, hide)
    if key not in _ZYGOTES or _ZYGOTES[key].process.poll() is not None:
        _ZYGOTES[key] = Zygote(preload, hide)
    return _ZYGOTES[key]


@atexit.register
def _close_zygotes() -> None:
    for zygote in _ZYGOTES.values():
        zygote.close()
    _ZYGOTES.clear()
    if is_root():
        kill_uid(sandbox_ids()[0])


def forget_module(path: Path) -> None:
    """Drop what this process remembers of a learner's file: its checked source, its time used."""
    _CHECKED.pop(str(path), None)
    _BUDGET_USED.pop(str(path), None)


def kill_uid(uid: int) -> int:
    """SIGKILL every process whose real uid is ``uid`` (a sandbox uid); how many there were."""
    killed = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="utf-8") as status:
                line = next(x for x in status if x.startswith("Uid:"))
            if int(line.split()[1]) == uid:
                os.kill(int(entry.name), signal.SIGKILL)
                killed += 1
        except (OSError, StopIteration, ValueError):
            continue
    return killed


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


# --- one worker: a learner module for one test ---------------------------------------------------


@cache
def _package_dirs(name: str) -> tuple[str, ...]:
    try:
        module = __import__(name)
    except ImportError:
        return ()
    folder = Path(module.__file__).resolve().parent
    return tuple(str(p) for p in (folder, folder.parent / f"{folder.name}.libs") if p.exists())


@cache
def _stdlib_dirs() -> tuple[str, ...]:
    dirs = {sysconfig.get_path("stdlib"), sysconfig.get_path("platstdlib"), os.path.dirname(os.__file__)}
    return tuple(sorted(str(Path(d).resolve()) for d in dirs if d))


def _read_roots(preload: tuple[str, ...]) -> tuple[str, ...]:
    """The package folders a worker may read: numpy's and those of its preloaded modules."""
    return tuple(d for name in ("numpy", *preload) for d in _package_dirs(name))


def _exposed_roots(preload: tuple[str, ...]) -> list[str]:
    """What a worker must read even below a folder closed to other users."""
    return [*_stdlib_dirs(), *_read_roots(preload)]


def _hidden(module: StudentModule, grader_root: Path) -> list[str]:
    return list(_hidden_folders(module.path.parent.parent, grader_root, os.environ.get(HIDE_ENV, "")))


def _hidden_folders(target: Path, grader_root: Path, more: str) -> tuple[str, ...]:
    """The folders a worker must see empty: the checkout's, the graded folder, ``more``."""
    base = _base_hidden(grader_root, more)
    return base + tuple(p for p in _visible_folders((target,)) if p not in base)


@cache
def _base_hidden(grader_root: Path, more: str) -> tuple[str, ...]:
    """The hidden folders that do not depend on what is graded: a zygote hides them once."""
    paths = [grader_root / name for name in ("solutions", "graders", "tests", "exercises", ".git")]
    paths += [Path(p) for p in more.split(os.pathsep) if p]
    return _visible_folders(tuple(paths))


@cache
def _visible_folders(paths: tuple[Path, ...]) -> tuple[str, ...]:
    """Those of ``paths`` that exist and can be hidden without hiding what a worker needs."""
    needed = [Path(_scratch_base()).resolve(), Path(sys.prefix).resolve(), Path(os.__file__).resolve().parent]
    needed += [Path(d) for d in _package_dirs("numpy")]

    def in_the_way(path: Path) -> bool:  # hiding it would hide what the worker needs
        return any(path == n or path in n.parents for n in needed)

    found = (str(p.resolve()) for p in paths if p.exists() and not in_the_way(p.resolve()))
    return tuple(dict.fromkeys(found))


class Worker:
    """A running worker process, its channel and its scratch folder."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.pid: int | None = None
        self.fd: int | None = None
        self.scratch = Path(tempfile.mkdtemp(prefix="mlkata-sandbox-", dir=_scratch_base()))
        self.private = Path(tempfile.mkdtemp(prefix="mlkata-capture-"))
        self.capture = self.private / "printed.txt"
        self.status: dict | None = None
        self.mapped_size: int | None = None
        """The address-space size at the last reading of the memory map that found nothing."""
        self.filtered = False
        """Whether the worker said its seccomp filter is in place (no process can be started)."""
        self.stat_fd: int | None = None
        self.modules: dict[str, int] = {}
        """The learner modules loaded in it, by path: their numbers there (the first is 0)."""
        self.busy = 0.0
        """Seconds spent waiting for it, which its CPU-time limit bounds."""

    def module_file(self, module: StudentModule, source: str) -> Path:
        """Write ``source`` into the worker's folder, readable by the worker only."""
        path = self.scratch / module.path.name
        path.write_text(source, encoding="utf-8")
        if is_root():
            uid, gid = sandbox_ids()
            os.chown(path, uid, gid)
        return path

    def start(self, source: str) -> None:
        session = self.session
        uid, gid = sandbox_ids()
        module_file = self.module_file(session.module, source)
        if is_root():
            os.chown(self.scratch, uid, gid)
        self.scratch.chmod(0o700)
        self.modules[str(session.module.path)] = 0
        settings = session.settings
        allowed = session.module.allowed_imports
        spec = {
            "module_file": str(module_file),
            "shown_as": session.module.shown_as,
            "scratch": str(self.scratch),
            "capture": str(self.capture),
            "hide": session.hide,
            "uid": uid,
            "gid": gid,
            "allowed": list(allowed),
            "read_roots": list(_read_roots(session.preload)),
            "stdlib_roots": _stdlib_dirs(),
            "reference_roots": sorted(BANNED_PACKAGES),
            "importable_roots": sorted((set(sys.stdlib_module_names) - guard.DANGEROUS_MODULES) | {"numpy"}),
            "limits": {
                "cpu_seconds": int(settings.exercise_timeout) + 5,
                "memory_bytes": settings.memory_mb * 2**20,
                "file_bytes": settings.file_mb * 2**20,
                "processes": 16 if is_root() else 0,
                "files": 64,
            },
        }
        self.pid, self.fd = self._zygote().spawn(spec)
        os.set_blocking(self.fd, False)

    def _zygote(self) -> Zygote:
        """The zygote that forks (and reaps) workers like this one."""
        return _zygote(self.session.preload, self.session.zygote_hide)

    def exchange(self, message: dict | None, blobs: list[bytes], deadline: float) -> tuple[dict, list, list]:
        """Send a request (or none) and read frames up to the reply; violations seen on the way."""
        assert self.fd is not None
        if message is not None:
            wire.write_all(self.fd, wire.frame(message, blobs), deadline)
        violations: list[str] = []
        while True:
            reply, reply_blobs = wire.read_frame(self.fd, deadline)
            if reply.get("kind") == "violation":
                if len(violations) < 20:
                    violations.append(_clip(str(reply.get("text", "")), 600))
                continue
            violations += self._loaded_references()
            return reply, reply_blobs, violations

    def _loaded_references(self) -> list[str]:
        """Reference libraries seen in the worker's memory map (checked from outside).

        The map is read again only when the worker's address space changed size since the
        last reading (a library cannot be mapped without growing it): most calls allocate
        nothing that outlives them, and reading the map costs more than the call itself.
        """
        size = self._address_space()
        if size is not None and size == self.mapped_size:
            return []
        allowed = {p.split(".", 1)[0] for p in self.session.preload}
        try:
            with open(f"/proc/{self.pid}/maps", "rb") as maps:
                text = maps.read()
        except OSError:
            return []
        found = sorted({m.group(1).decode() for m in _REFERENCE_IN_MAPS.finditer(text)} - allowed)
        if not found:
            self.mapped_size = size
        return [f"loaded {lib} (seen in its memory map)" for lib in found]

    def _address_space(self) -> int | None:
        """The worker's virtual memory size in bytes (``/proc/<pid>/stat``), if readable.

        The file stays open for the worker's life: read again from its start, it tells the
        current figure, and once the process has ended it tells nothing (never another's).
        """
        try:
            if self.stat_fd is None:
                self.stat_fd = os.open(f"/proc/{self.pid}/stat", os.O_RDONLY | os.O_CLOEXEC)
            fields = os.pread(self.stat_fd, 4096, 0).rpartition(b")")[2].split()
            return int(fields[20])  # vsize, the 23rd field; the first two precede the ")"
        except (OSError, IndexError, ValueError):
            return None

    def printed(self) -> str:
        try:
            with open(self.capture, "rb") as handle:
                handle.seek(0, os.SEEK_END)
                size = handle.tell()
                handle.seek(max(0, size - 600))
                return handle.read().decode("utf-8", "replace").strip()
        except OSError:
            return ""

    def stop(self, *, sweep: bool = False) -> None:
        """End the worker with SIGKILL (the zygote reaps it) and clean its folders.

        ``sweep`` (after a timeout, a death or a refusal, or when the worker has no seccomp
        filter) also kills every other process of the sandbox uid.
        """
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.stat_fd is not None:
            os.close(self.stat_fd)
            self.stat_fd = None
        if self.status is None and self.pid is not None:
            for kill in (os.killpg, os.kill):
                try:
                    kill(self.pid, signal.SIGKILL)
                except OSError:
                    pass
            self.status = {}
        if is_root() and (sweep or not self.filtered):
            kill_uid(sandbox_ids()[0])
        shutil.rmtree(self.scratch, ignore_errors=True)
        shutil.rmtree(self.private, ignore_errors=True)

    def wait_status(self, grace: float = 1.0) -> dict:
        """How the worker ended, after it closed its channel (killed if it lingers)."""
        if self.status is None and self.pid is not None:
            if self.fd is not None:
                os.close(self.fd)
                self.fd = None
            self.status = self._zygote().reap(self.pid, grace)
        return self.status or {}


def _scratch_base() -> str:
    base = tempfile.gettempdir()
    if is_root() and not _world_traversable(Path(base)):
        base = "/tmp"
    return base


def _world_traversable(path: Path) -> bool:
    return all(os.stat(p).st_mode & 0o001 for p in (path.resolve(), *path.resolve().parents))


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 4] + " ..."


class SharedWorkers:
    """The workers one student's modules share in a batch: one per topic and set of allowed imports.

    A topic's modules then run in one process, as a topic's notebook runs in one kernel:
    starting a worker costs more than most of an exercise's checks. A worker is still
    replaced after any call that times out, crashes or is refused (every module that used
    it is loaded again in the next), and before its CPU-time limit could end it in the
    middle of another exercise's call. :meth:`close` ends them all.
    """

    def __init__(self) -> None:
        self.workers: dict[tuple, Worker] = {}

    @staticmethod
    def key(session: Session) -> tuple:
        return (str(session.module.path.parent), session.module.allowed_imports, tuple(session.hide))

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
            worker.stop()
        self.workers.clear()


class Session:
    """One learner module as one test sees it: a worker, started on first use.

    With ``shared`` (the batch's grader processes), the worker is one of the student's
    :class:`SharedWorkers`, kept for the topic's next module when this one is done.
    """

    def __init__(
        self,
        module: StudentModule,
        settings: Settings,
        grader_root: Path,
        shared: SharedWorkers | None = None,
    ) -> None:
        self.module = module
        self.shared = shared
        self.settings = settings
        self.hide = _hidden(module, grader_root)
        self.zygote_hide = _base_hidden(grader_root, os.environ.get(HIDE_ENV, ""))
        """What the zygote hides for all its workers; each worker hides the rest of ``hide``."""
        self.preload = tuple(sorted({name.rpartition(".")[0] for name in module.allowed_imports}))
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
        worker = self.shared.get(self) if self.shared is not None else None
        if worker is not None:
            self.worker = worker
            message = {
                "op": "load",
                "module_file": str(worker.module_file(self.module, source)),
                "shown_as": self.module.shown_as,
            }
            reply, _, violations = self._exchange(
                worker, message, [], deadline, name, f"importing {call}", why
            )
        else:
            worker = Worker(self)
            self.worker = worker
            worker.start(source)
            if self.shared is not None:
                self.shared.add(self, worker)
            reply, _, violations = self._exchange(worker, None, [], deadline, name, f"importing {call}", why)
            notes = reply.get("notes")
            worker.filtered = isinstance(notes, list) and not any("seccomp" in str(n) for n in notes)
        if violations:
            self._fail_violation(f"importing {self.module.shown_as}", violations)
        status = reply.get("status")
        if status == "load_error":
            self.close()
            raise SubmissionError(_clip(str(reply.get("message", "")), 3000))
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

    def _exchange(self, worker, message, blobs, deadline, name, call, why):
        start = time.monotonic()
        try:
            return worker.exchange(message, blobs, deadline)
        except wire.Timeout:
            note = self._printed_note(worker)
            self.close(sweep=True)
            limit = f"{self.settings.call_timeout:g} s"
            raise GradeFailure(
                f"{call} ran for more than {limit} and was stopped{' ' + why if why else ''}: "
                "look for a loop that never ends (or a very slow one)" + note
            ) from None
        except wire.Closed:
            status = worker.wait_status()
            note = self._printed_note(worker)
            self.close(sweep=True)
            raise GradeFailure(f"{call} {self._death(status)}{note}") from None
        except wire.WireError as error:
            self.close(sweep=True)
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
        self.close(sweep=True)
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
        reply, reply_blobs, violations = self._exchange(worker, message, blobs, deadline, name, shown, why)
        seconds = time.monotonic() - start
        if violations:
            self._fail_violation(shown, violations)
        status = reply.get("status")
        warnings_seen = tuple(str(w) for w in reply.get("warnings", ()) if isinstance(w, str))[:20]
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
            raised = Raised(
                _clip(str(reply.get("type_name", "Exception")), 200),
                _clip(str(reply.get("message", "")), 2000),
                _clip(str(reply.get("traceback", "")), 3000),
                reply.get("is_value_error") is True,
            )
            return Outcome(name, args, kwargs, None, raised, None, warnings_seen, seconds), None
        if status == "unplain":
            unplain = _clip(str(reply.get("unplain", "a value the grader cannot read")), 300)
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
        """This module is done: a shared worker stays for the next, any other one ends."""
        if self.shared is not None and self.worker is not None and self.worker.fd is not None:
            self.worker = None
        else:
            self.close()

    def close(self, *, sweep: bool = False) -> None:
        """End the worker (after a failure, or at the end of a test)."""
        if self.worker is not None:
            if self.shared is not None:
                self.shared.discard(self.worker)
            self.worker.stop(sweep=sweep)
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
        grader_root = Path(request.module.__file__).resolve().parents[2]
        sessions[key] = Session(module, Settings.of(config), grader_root, config.stash[SHARED_KEY])
        request.node.addfinalizer(sessions[key].release)
    return SandboxFunction(sessions[key], name, config.getoption("call_timeout"))
