"""The sandbox's processes: a zygote that forks one confined worker per graded test.

``python -I -B -m mlkata.sandbox.worker CONTROL_FD [MODULE ...]`` starts a zygote: it
imports numpy, the standard library modules learners use and the named extra modules
(``scipy.stats`` when an exercise allows it) once, then waits on its control socket for
``spawn`` requests from the grader. For each it forks a worker that confines itself
(:mod:`mlkata.sandbox.confine`, :mod:`mlkata.sandbox.guard`), loads the learner's module
from its scratch folder and answers ``call`` requests over a socket of its own, in the
frames of :mod:`mlkata.sandbox.wire`. The zygote runs no learner code itself.
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
                    serve(request["spec"], theirs.detach(), plain)
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


def serve(spec: dict, fd: int, plain) -> None:
    """Confine this process as ``spec`` says, load the learner's module, answer calls."""
    confine.close_other_fds((fd,))
    null = os.open("/dev/null", os.O_RDWR)
    out = os.open(spec["capture"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)
    for target in (0, 1, 2):
        os.dup2(null if target == 0 else out, target)
    os.close(null)
    os.close(out)
    confine.new_session()
    notes = [confine.hide_paths(spec["hide"], [*spec["stdlib_roots"], *spec["read_roots"]])]
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


def _load(spec: dict):
    path = spec["module_file"]
    module = types.ModuleType(f"mlkata_submission_{Path(path).stem}")
    module.__file__ = path
    sys.modules[module.__name__] = module
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    exec(compile(source, path, "exec"), module.__dict__)
    return module


def _answer(fd: int, spec: dict, plain, notes: list[str]) -> None:
    path = spec["module_file"]
    try:
        module = _load(spec)
    except MemoryError:
        _send(fd, {"status": "memory", "notes": notes})
        return
    except BaseException as error:
        where = _student_traceback(error, path)
        text = f"importing {spec['shown_as']} raised {type(error).__name__}: {_text(error)}"
        _send(fd, {"status": "load_error", "message": text + (f"\n{where}" if where else ""), "notes": notes})
        return
    _send(fd, {"status": "loaded", "notes": notes})
    kept: dict[int, object] = {}
    while True:
        try:
            request, blobs = wire.read_frame(fd)
        except wire.WireError:
            return
        if request.get("op") != "call":
            return
        refs = kept
        args = wire.decode(request["args"], blobs, refs)
        kwargs = wire.decode(request["kwargs"], blobs, refs)
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
