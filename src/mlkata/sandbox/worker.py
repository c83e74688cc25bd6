"""The sandbox's processes: a zygote that forks confined workers for graded code.

``python -I -B -m mlkata.sandbox.worker CONTROL_FD [MODULE ...]`` starts a zygote: it
imports numpy, the standard library modules learners use and the named extra modules
(``scipy.stats`` when an exercise allows it) once, then waits on its control socket for
``spawn`` requests from the grader. For each it forks a worker that confines itself
(:mod:`mlkata.sandbox.confine`, :mod:`mlkata.sandbox.guard`), loads the learner's module
from its scratch folder and answers ``call`` requests over a socket of its own, in the
frames of :mod:`mlkata.sandbox.wire` (and ``load`` requests, for the batch's workers that
serve all the modules of one topic). The zygote runs no learner code itself.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import json
import os
import socket
import sys
import time
import traceback
import types
import warnings
from pathlib import Path

from mlkata.sandbox import confine, guard, wire

STDLIB_PRELOAD = (
    "abc array bisect cmath collections collections.abc contextlib copy dataclasses datetime decimal "
    "enum fractions functools heapq itertools math numbers operator random re statistics string struct "
    "textwrap typing warnings linecache traceback tokenize inspect json"
).split()
NUMPY_PRELOAD = (
    "numpy numpy.linalg numpy.fft numpy.random numpy.polynomial numpy.ma numpy.testing "
    "numpy.lib.stride_tricks numpy.exceptions numpy.dtypes numpy.char numpy.rec numpy.emath numpy.typing"
).split()
MAX_TEXT = 4000
ZYGOTE_HIDE_ENV = "MLKATA_ZYGOTE_HIDE"
"""How the zygote learns what to hide for all its workers (JSON: ``hide`` and ``expose``)."""
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


def _load_plain():
    path = Path(__file__).resolve().parent.parent / "grading" / "plain.py"
    spec = importlib.util.spec_from_file_location("mlkata_sandbox_plain", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the zygote ---------------------------------------------------------------------------------


def zygote(control_fd: int, preload: list[str]) -> None:
    _import_all(STDLIB_PRELOAD)
    _import_all(NUMPY_PRELOAD)
    for name in preload:
        importlib.import_module(name)
    plain = _load_plain()
    view = _hide_for_all(json.loads(os.environ.get(ZYGOTE_HIDE_ENV, "{}")))
    Baseline.record_namespaces()
    # Everything imported so far lives on in every worker: out of the collector's sight, a
    # worker's garbage collections do not write to (and so copy) the pages it shares with us.
    gc.collect()
    gc.freeze()
    confine.die_with_parent(int(os.environ["MLKATA_GRADER_PID"]))
    control = socket.socket(fileno=control_fd)
    control.sendall(json.dumps({"ready": True}).encode())
    ended: dict[int, dict] = {}
    children: set[int] = set()
    while True:
        try:
            data = control.recv(1 << 20)
        except OSError:
            data = b""
        if not data:
            _end_all(children)
            os._exit(0)
        _collect(ended)
        children.difference_update(ended)
        request = json.loads(data)
        if request["op"] == "spawn":
            ours, theirs = socket.socketpair()
            zygote_pid = os.getpid()
            pid = os.fork()
            if pid == 0:
                request["spec"]["zygote"] = zygote_pid
                try:
                    control.close()
                    ours.close()
                    serve(request["spec"], theirs.detach(), plain, view)
                finally:
                    os._exit(71)
            children.add(pid)
            ended.pop(pid, None)  # an earlier worker's pid, now reused
            theirs.close()
            socket.send_fds(control, [json.dumps({"pid": pid}).encode()], [ours.fileno()])
            ours.close()
        elif request["op"] == "reap":
            status = ended.pop(request["pid"], None) or reap(request["pid"], request["grace"])
            children.discard(request["pid"])
            control.sendall(json.dumps(status).encode())


def _hide_for_all(config: dict) -> tuple[tuple[str, ...], str | None]:
    """Cover ``config["hide"]`` in a mount namespace of the zygote's own, inherited by every
    worker it forks; the folders hidden (none if that failed) and a note if it did."""
    hide = [str(p) for p in config.get("hide", ())]
    if not hide:
        return (), None
    note = confine.hide_paths(hide, [str(p) for p in config.get("expose", ())])
    return (() if note else tuple(hide)), note


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


def _restrict_modules(allowed: list[str]) -> None:
    """Leave in ``sys.modules`` only the allowed names of the packages preloaded for them.

    ``scipy.stats.chi2`` allowed: ``sys.modules["scipy.stats"]`` becomes a module holding
    ``chi2`` only, and no other ``scipy`` module stays importable.
    """
    if not allowed:
        return
    roots = {name.split(".", 1)[0] for name in allowed}
    views: dict[str, types.ModuleType] = {}
    for name in allowed:
        module_name, _, attribute = name.rpartition(".")
        real = sys.modules.get(module_name)
        if real is None or not hasattr(real, attribute):
            continue
        parts = module_name.split(".")
        for depth in range(1, len(parts) + 1):
            dotted = ".".join(parts[:depth])
            views.setdefault(dotted, types.ModuleType(dotted))
            if depth > 1:
                setattr(views[".".join(parts[: depth - 1])], parts[depth - 1], views[dotted])
        setattr(views[module_name], attribute, getattr(real, attribute))
    for key in [k for k in sys.modules if k.split(".", 1)[0] in roots]:
        del sys.modules[key]
    sys.modules.update(views)


def _text(value: object) -> str:
    try:
        text = str(value)
    except BaseException:
        text = "<unprintable>"
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 4] + " ..."


def _student_traceback(error: BaseException, path: str) -> str:
    try:
        summary = traceback.StackSummary.extract(traceback.walk_tb(error.__traceback__), lookup_lines=False)
        frames = [f for f in summary if f.filename == path]  # only their lines are read
        name = os.path.basename(path)
        return _text(
            "\n".join(f"    {name}, line {f.lineno}, in {f.name}: {(f.line or '').strip()}" for f in frames)
        )
    except BaseException:
        return ""


def _hide_the_rest(spec: dict, view: tuple[tuple[str, ...], str | None]) -> str | None:
    """Hide what ``spec`` says the zygote's namespace (``view``) left visible."""
    covered, _ = view
    expose = [*spec["stdlib_roots"], *spec["read_roots"]]
    if not covered:
        return confine.hide_paths(spec["hide"], expose)
    rest = [p for p in spec["hide"] if not any(p == c or p.startswith(c.rstrip("/") + "/") for c in covered)]
    return confine.hide_paths(rest) if rest else None  # a namespace of its own, on top of the zygote's


def serve(spec: dict, fd: int, plain, view: tuple[tuple[str, ...], str | None] = ((), None)) -> None:
    """Confine this process as ``spec`` says, load the learner's module, answer calls.

    ``view`` is what the zygote hid for all workers (and a note if it could not).
    """
    confine.close_other_fds((fd,))
    null = os.open("/dev/null", os.O_RDWR)
    out = os.open(spec["capture"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)
    for target in (0, 1, 2):
        os.dup2(null if target == 0 else out, target)
    os.close(null)
    os.close(out)
    confine.new_session()
    notes = [_hide_the_rest(spec, view)]
    os.chdir(spec["scratch"])
    limits = spec["limits"]
    confine.set_limits(
        cpu_seconds=limits["cpu_seconds"],
        memory_bytes=limits["memory_bytes"],
        file_bytes=limits["file_bytes"],
        processes=limits["processes"],
        files=limits["files"],
    )
    notes.append(confine.drop_privileges(spec["uid"], spec["gid"]))
    confine.die_with_parent(spec["zygote"])  # after the uid change, which clears it
    notes.append(confine.forbid_processes())
    _restrict_modules(spec["allowed"])
    sys.dont_write_bytecode = True
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(line_buffering=True, write_through=True)
    guard.install(
        scratch=spec["scratch"],
        read_roots=tuple(spec["read_roots"]),
        stdlib_roots=tuple(spec["stdlib_roots"]),
        report_fd=fd,
        reference_roots=frozenset(spec["reference_roots"]),
        importable_roots=frozenset(spec["importable_roots"]),
    )
    _answer(fd, spec, plain, [n for n in notes if n])


def _send(fd: int, message: dict, blobs: list[bytes] = ()) -> None:
    message["kind"] = "reply"
    wire.write_all(fd, wire.frame(message, blobs))


def _load(path: str):
    module = types.ModuleType(f"mlkata_submission_{Path(path).stem}")
    module.__file__ = path
    sys.modules[module.__name__] = module
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    exec(compile(source, path, "exec"), module.__dict__)
    return module


def _load_reply(path: str, shown_as: str) -> tuple[object | None, dict]:
    """Load the learner's module at ``path``: the module (None if it failed) and the reply."""
    try:
        return _load(path), {"status": "loaded"}
    except MemoryError:
        return None, {"status": "memory"}
    except BaseException as error:
        where = _student_traceback(error, path)
        text = f"importing {shown_as} raised {type(error).__name__}: {_text(error)}"
        return None, {"status": "load_error", "message": text + (f"\n{where}" if where else "")}


def _answer(fd: int, spec: dict, plain, notes: list[str]) -> None:
    """Load the spec's module, then answer ``load`` (another module) and ``call`` requests."""
    baseline = Baseline()
    module, reply = _load_reply(spec["module_file"], spec["shown_as"])
    _send(fd, {**reply, "notes": notes})
    if module is None:
        return
    modules = {0: (module, spec["module_file"])}
    kept: dict[int, object] = {}
    while True:
        try:
            request, blobs = wire.read_frame(fd)
        except wire.WireError:
            return
        op = request.get("op")
        if op == "load" and type(request.get("module_file")) is str:
            path = request["module_file"]
            try:
                baseline.restore()
            except BaseException as error:  # the last module broke what restoring needs
                _send(fd, {"status": "load_error", "message": f"the sandbox could not reset: {_text(error)}"})
                return
            module, reply = _load_reply(path, str(request.get("shown_as", "")))
            if module is not None:
                reply["module"] = len(modules)
                modules[len(modules)] = (module, path)
            _send(fd, reply)
            continue
        if op != "call" or request.get("module", 0) not in modules:
            return
        module, path = modules[request.get("module", 0)]
        args = wire.decode(request["args"], blobs, kept)
        kwargs = wire.decode(request["kwargs"], blobs, kept)
        function = getattr(module, request["function"], None)
        if not callable(function):
            _send(fd, {"status": "missing"})
            continue
        _send_outcome(fd, function, args, kwargs, request.get("keep", False), kept, plain, path)


def _send_outcome(fd, function, args, kwargs, keep, kept, plain, path) -> None:
    reply: dict = {}
    blobs: list[bytes] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = function(*args, **kwargs)
        except MemoryError:
            value, reply = None, {"status": "memory"}
        except BaseException as error:
            value = None
            message = _text(error)
            if isinstance(error, SystemExit):
                message = f"sys.exit({message}) was called: a graded function must return its result"
            reply = {
                "status": "raised",
                "type_name": _text(type(error).__name__),
                "message": message,
                "traceback": _student_traceback(error, path),
                "is_value_error": isinstance(error, ValueError),
            }
    try:
        reply["warnings"] = [_text(f"{w.category.__name__}: {w.message}") for w in caught[:20]]
    except BaseException:
        reply["warnings"] = []
    if not reply.get("status"):
        if keep:
            number = len(kept) + 1
            kept[number] = value
            reply.update(status="kept", ref=number)
        else:
            try:
                reply.update(status="ok", value=wire.encode(plain.to_plain(value), blobs))
            except (plain.NotPlain, wire.WireError) as error:
                blobs = []
                reply.update(status="unplain", unplain=_text(error))
            except MemoryError:
                blobs = []
                reply.update(status="memory")
    _send(fd, reply, blobs)


if __name__ == "__main__":
    zygote(int(sys.argv[1]), sys.argv[2:])
