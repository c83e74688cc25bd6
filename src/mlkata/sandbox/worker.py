"""The sandbox's processes: a zygote that forks workers for graded code.

A sandbox (:mod:`.policy`: bubblewrap's namespaces, a seccomp filter and a read-only view of
the interpreter, its standard library and numpy) starts this module's :func:`zygote`, which
imports numpy and the standard library modules learners use once, then waits on its control
socket for ``spawn`` requests from the grader. For each it forks a worker that lowers its
resource limits (no process, no thread), installs the audit hook of :mod:`.guard` (a second
line, for clear messages) and answers over a socket of its own, in the frames of :mod:`.wire`:
``load`` requests carry a learner module's source (the grader never writes a file the sandbox
can see), ``call`` requests run one of its functions. The zygote runs no learner code itself,
and nothing of the reference libraries, of ``ctypes`` or of the rest of mlkata is in it.
"""

from __future__ import annotations

import gc
import importlib
import json
import linecache
import os
import resource
import socket
import stat
import sys
import time
import types
import warnings

from . import calling, guard, policy, wire
from .calling import MAX_TEXT
from .calling import learner_traceback as _student_traceback
from .calling import text_of as _text

STDLIB_PRELOAD = (
    "abc array bisect cmath collections collections.abc contextlib copy dataclasses datetime decimal "
    "enum fractions functools heapq itertools math numbers operator random re statistics string struct "
    "textwrap typing warnings linecache traceback tokenize inspect json"
).split()
NUMPY_PRELOAD = (
    "numpy numpy.linalg numpy.fft numpy.random numpy.polynomial numpy.ma numpy.testing "
    "numpy.lib.stride_tricks numpy.exceptions numpy.dtypes numpy.char numpy.rec numpy.emath numpy.typing"
).split()
RESTORED_STDLIB = (
    "builtins math cmath random statistics functools itertools operator collections heapq bisect "
    "fractions decimal json re time copy string warnings"
).split()
"""Standard library modules whose attributes are put back between two learner modules."""


def _import_all(names) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


# --- the zygote ---------------------------------------------------------------------------------


def zygote(control_fd: int) -> None:
    """Preload, then fork a worker for each ``spawn`` request on ``control_fd`` (a SEQPACKET socket).

    The zygote runs inside the sandbox (:mod:`.policy`), as its first process, and never runs
    learner code: each worker is a fork that loads its modules from the source the grader sends.
    """
    _import_all(STDLIB_PRELOAD)
    _import_all(NUMPY_PRELOAD)
    import mlkata_plain as plain  # the sandbox's own copy of mlkata.grading.plain

    Baseline.record_namespaces()
    # Everything imported so far lives on in every worker: out of the collector's sight, a
    # worker's garbage collections do not write to (and so copy) the pages it shares with us.
    gc.collect()
    gc.freeze()
    control = socket.socket(fileno=control_fd)
    control.sendall(json.dumps({"ready": True, "pid": os.getpid()}).encode())
    ended: dict[int, dict] = {}
    children: set[int] = set()
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(control, 1 << 16, 1)
        except OSError:
            data, fds = b"", []
        if not data:
            _end_all(children)
            os._exit(0)
        _collect(ended)
        children.difference_update(ended)
        request = json.loads(data)
        op = request.get("op")
        if op == "spawn" and len(fds) == 1:
            pid = os.fork()
            if pid == 0:
                try:
                    control.close()
                    guard_on = request.get("audit_hook") is not False
                    serve(fds[0], request["limits"], request.get("allowed", []), plain, guard_on)
                finally:
                    os._exit(71)
            children.add(pid)
            ended.pop(pid, None)  # an earlier worker's pid, now reused
            os.close(fds[0])
            control.sendall(json.dumps({"pid": pid}).encode())
            continue
        for fd in fds:
            os.close(fd)
        if op == "reap":
            status = ended.pop(request["pid"], None) or reap(request["pid"], request["grace"])
            children.discard(request["pid"])
            control.sendall(json.dumps(status).encode())
        elif op == "printed":
            control.sendall(json.dumps({"text": _printed(int(request["pid"]))}).encode())


def _printed_path(pid: int) -> str:
    return f"{policy.SCRATCH}/{pid}.printed"


def _printed(pid: int) -> str:
    """The end of what worker ``pid`` printed (its own file, never followed if it is a link)."""
    try:
        fd = os.open(_printed_path(pid), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return ""
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return ""
        return os.pread(fd, 600, max(0, info.st_size - 600)).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    finally:
        os.close(fd)


def _end_all(children: set[int]) -> None:
    """Kill and reap every worker still around, so none is left to init as a zombie."""
    for pid in children:
        try:
            os.kill(pid, 9)
        except OSError:
            pass
    for pid in children:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _collect(ended: dict[int, dict]) -> None:
    """Reap the workers that have ended (killed ones, mostly), keeping how they ended."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if not pid:
            return
        ended[pid] = _how(status, False)
        if len(ended) > 1000:
            ended.pop(next(iter(ended)))


def _how(status: int, killed: bool) -> dict:
    if os.WIFSIGNALED(status):
        return {"exit": None, "signal": os.WTERMSIG(status), "killed": killed}
    return {"exit": os.WEXITSTATUS(status), "signal": None, "killed": killed}


def reap(pid: int, grace: float) -> dict:
    """Wait up to ``grace`` seconds for worker ``pid`` to end, then kill it; how it ended."""
    end = time.monotonic() + grace
    killed = False
    while True:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return {"exit": None, "signal": None, "killed": killed}
        if done:
            break
        if time.monotonic() >= end and not killed:
            for target in (lambda: os.killpg(pid, 9), lambda: os.kill(pid, 9)):
                try:
                    target()
                except OSError:
                    pass
            killed = True
        time.sleep(0.002)
    return _how(status, killed)


# --- a worker -------------------------------------------------------------------------------------


class Baseline:
    """What a learner module may change in the process and the next module must not inherit.

    A batch's worker serves every module of one topic in turn (as a notebook's kernel runs
    every cell of it). Before it loads the next module, :meth:`restore` puts back numpy's and
    common standard library modules' attributes (``np.asarray = ...`` at import time),
    ``sys.modules`` entries, numpy's error and print settings, the warnings filters and the
    global random states. The namespaces are recorded once, in the zygote, before any fork;
    the rest when the worker has confined itself. Threads the module started are not
    stopped: they can only spoil the same student's later results.
    """

    _namespaces: tuple = ()

    @classmethod
    def record_namespaces(cls) -> None:
        names = [n for n in sys.modules if n == "numpy" or n.startswith("numpy.") or n in RESTORED_STDLIB]
        modules = [sys.modules[n] for n in names if isinstance(sys.modules[n], types.ModuleType)]
        cls._namespaces = tuple((m.__dict__, dict(m.__dict__)) for m in modules)

    def __init__(self) -> None:
        import random

        import numpy as np

        self.np, self.random_module, self.filters_mutated = np, random, warnings._filters_mutated
        self.modules = dict(sys.modules)
        self.errors = np.geterr()
        self.printing = np.get_printoptions()
        self.filters = list(warnings.filters)
        self.numpy_random = np.random.get_state()
        self.random = random.getstate()

    def restore(self) -> None:
        for current, saved in self._namespaces:
            if len(current) != len(saved) or any(current.get(k, current) is not v for k, v in saved.items()):
                current.clear()
                current.update(saved)
        for name, module in self.modules.items():  # new entries stay: a second copy could break numpy
            if sys.modules.get(name) is not module:
                sys.modules[name] = module
        np = self.np
        np.seterr(**self.errors)
        np.set_printoptions(**self.printing)
        warnings.filters[:] = self.filters
        self.filters_mutated()
        np.random.set_state(self.numpy_random)
        self.random_module.setstate(self.random)


class _Remote:
    """A name an exercise allows (``scipy.stats.t``): its methods are computed on the trusted side.

    Only plain values cross: the arguments go to the grader, which calls the real library and
    sends back numbers. ``t(df).ppf(q)`` works too (a frozen distribution keeps its arguments).
    """

    __slots__ = ("_fd", "_frozen", "_name")

    def __init__(self, fd: int, name: str, frozen: tuple = ((), {})) -> None:
        self._fd, self._name, self._frozen = fd, name, frozen

    def __call__(self, *args, **kwargs) -> _Remote:
        return _Remote(self._fd, self._name, (args, kwargs))

    def __getattr__(self, method: str):
        if method not in policy.PROXY_METHODS:
            raise AttributeError(f"{self._name}.{method} is not available to graded code")

        def forward(*args, **kwargs):
            return _ask_reference(self._fd, self._name, self._frozen, method, args, kwargs)

        return forward

    def __repr__(self) -> str:
        return f"<{self._name}, computed by the grader>"


_PROXY_CALLS = [0]


def _ask_reference(fd: int, name: str, frozen: tuple, method: str, args: tuple, kwargs: dict):
    """Send one reference request and wait for its answer (a plain value or a ValueError)."""
    import mlkata_plain as plain

    _PROXY_CALLS[0] += 1
    if _PROXY_CALLS[0] > policy.MAX_PROXY_CALLS:
        raise RuntimeError(f"more than {policy.MAX_PROXY_CALLS} calls of {name} in one call")
    blobs: list = []
    try:
        node = wire.encode(plain.to_plain((frozen[0], frozen[1], args, kwargs)), blobs)
    except (plain.NotPlain, wire.WireError) as error:
        raise TypeError(f"{name}.{method} takes numbers and arrays only ({error})") from None
    message = {"kind": "reference", "name": name, "method": method, "args": node}
    wire.write_all(fd, wire.frame(message, blobs))
    reply, reply_blobs = wire.read_frame(fd)
    if reply.get("status") != "ok":
        raise ValueError(str(reply.get("message", f"{name}.{method} failed"))[:MAX_TEXT])
    return wire.decode(reply.get("value"), reply_blobs)


def _install_allowed(fd: int, allowed: list[str]) -> None:
    """Put each allowed dotted name in ``sys.modules`` as a :class:`_Remote`, in stand-in modules."""
    for name in allowed:
        module_name, _, attribute = str(name).rpartition(".")
        if not module_name or not attribute.isidentifier():
            continue
        parts = module_name.split(".")
        for depth in range(1, len(parts) + 1):
            dotted = ".".join(parts[:depth])
            module = sys.modules.get(dotted)
            if not isinstance(module, types.ModuleType) or not getattr(module, "__mlkata_stand_in__", False):
                module = types.ModuleType(dotted)
                module.__mlkata_stand_in__ = True
                sys.modules[dotted] = module
            if depth > 1:
                setattr(sys.modules[".".join(parts[: depth - 1])], parts[depth - 1], module)
        setattr(sys.modules[module_name], attribute, _Remote(fd, name))


def _confine(limits: dict) -> None:
    """Lower this worker's resource limits (:func:`.policy.worker_limits`); they cannot be raised."""
    wanted = policy.worker_limits(
        cpu_seconds=int(limits["cpu_seconds"]),
        memory_bytes=int(limits["memory_bytes"]),
        file_bytes=int(limits["file_bytes"]),
    )
    for kind, (soft, hard) in wanted.items():
        _, current = resource.getrlimit(kind)
        if current != resource.RLIM_INFINITY:
            soft, hard = min(soft, current), min(hard, current)
        resource.setrlimit(kind, (soft, hard))


def serve(fd: int, limits: dict, allowed: list[str], plain, audit_hook: bool = True) -> None:
    """In a freshly forked worker: confine this process, then load modules and answer calls.

    ``audit_hook`` False (the project's tests only) leaves the second line out, to prove the
    kernel alone holds.
    """
    os.closerange(3, fd)
    os.closerange(fd + 1, 65536)
    os.setsid()
    pid = os.getpid()
    folder = f"{policy.SCRATCH}/{pid}"
    os.makedirs(folder, mode=0o700, exist_ok=True)
    os.chdir(folder)
    null = os.open("/dev/null", os.O_RDWR)
    out = os.open(_printed_path(pid), os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)
    for target in (0, 1, 2):
        os.dup2(null if target == 0 else out, target)
    os.close(null)
    os.close(out)
    _confine(limits)
    _install_allowed(fd, allowed)
    sys.dont_write_bytecode = True
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(line_buffering=True, write_through=True)
    if audit_hook:
        _install_guard(fd, allowed)
    _answer(fd, plain)


def _install_guard(fd: int, allowed: list[str]) -> None:
    guard.install(
        scratch=policy.SCRATCH,
        read_roots=(policy.SANDBOX_LIB + "/numpy", policy.SANDBOX_LIB + "/numpy.libs"),
        stdlib_roots=tuple(sorted({os.path.dirname(os.__file__), sys.base_prefix})),
        report_fd=fd,
        reference_roots=frozenset(policy.REFERENCE_PACKAGES),
        importable_roots=frozenset(
            (set(sys.stdlib_module_names) - policy.DANGEROUS_MODULES)
            | {"numpy"}
            | {str(n).split(".", 1)[0] for n in allowed}
        ),
    )


def _send(fd: int, message: dict, blobs: list[bytes] = ()) -> None:
    message["kind"] = "reply"
    wire.write_all(fd, wire.frame(message, blobs))


def _load(source: str, path: str):
    module = types.ModuleType(f"mlkata_submission_{os.path.basename(path).rpartition('.')[0]}")
    module.__file__ = path
    sys.modules[module.__name__] = module
    linecache.cache[path] = (len(source), None, source.splitlines(True), path)
    exec(compile(source, path, "exec"), module.__dict__)
    return module


def _load_reply(source: str, path: str, shown_as: str) -> tuple[object | None, dict]:
    """Run the learner's module: the module (None if it failed) and the reply."""
    try:
        return _load(source, path), {"status": "loaded"}
    except MemoryError:
        return None, {"status": "memory"}
    except BaseException as error:
        where = _student_traceback(error, path)
        text = f"importing {shown_as} raised {type(error).__name__}: {_text(error)}"
        return None, {"status": "load_error", "message": text + (f"\n{where}" if where else "")}


def _answer(fd: int, plain) -> None:
    """Answer ``load`` (a module's source) and ``call`` requests until the channel closes."""
    baseline = Baseline()
    modules: dict[int, tuple[object, str]] = {}
    kept: dict[int, object] = {}
    while True:
        try:
            request, blobs = wire.read_frame(fd)
        except wire.WireError:
            return
        op = request.get("op")
        if op == "load" and all(type(request.get(k)) is str for k in ("source", "path", "shown_as")):
            if modules:
                try:
                    baseline.restore()
                except BaseException as error:  # the last module broke what restoring needs
                    message = f"the sandbox could not reset: {_text(error)}"
                    _send(fd, {"status": "load_error", "message": message})
                    return
            module, reply = _load_reply(request["source"], request["path"], request["shown_as"])
            if module is not None:
                reply["module"] = len(modules)
                modules[len(modules)] = (module, request["path"])
            _send(fd, reply)
            continue
        if op != "call" or request.get("module", 0) not in modules:
            return
        module, path = modules[request.get("module", 0)]
        args = wire.decode(request["args"], blobs, kept, formulas=True)  # a function as data: a Formula
        kwargs = wire.decode(request["kwargs"], blobs, kept, formulas=True)
        function = getattr(module, request["function"], None)
        if not callable(function):
            _send(fd, {"status": "missing"})
            continue
        _PROXY_CALLS[0] = 0
        _send_outcome(fd, function, args, kwargs, request.get("keep", False), kept, plain, path)


def _send_outcome(fd, function, args, kwargs, keep, kept, plain, path) -> None:
    """Call the learner's function (:func:`.calling.call_and_record`) and send what it did."""
    call = calling.call_and_record(function, args, kwargs, path)
    reply = call.reply()
    blobs: list[bytes] = []
    if call.status == "ok":
        if keep:
            number = len(kept) + 1
            kept[number] = call.value
            reply.update(status="kept", ref=number)
        else:
            try:
                reply.update(value=wire.encode(plain.to_plain(call.value), blobs))
            except (plain.NotPlain, wire.WireError) as error:
                blobs = []
                reply.update(status="unplain", unplain=_text(error))
            except MemoryError:
                blobs = []
                reply.update(status="memory")
    _send(fd, reply, blobs)
