"""The audit hook of a sandbox worker: what a learner's code may not do, said clearly.

:func:`install` adds a hook (``sys.addaudithook``: it cannot be removed) that refuses

- importing the reference libraries, mlkata, the solutions or graders, anything outside
  numpy and the standard library, and the modules that start processes or open sockets;
- opening, listing or changing files outside the worker's scratch folder, numpy and the
  standard library (writing: outside the scratch folder), and making links;
- starting processes, signalling other processes, sockets, ctypes, walking the garbage
  collector's objects, tracing frames and raising resource limits.

Each refusal raises ``PermissionError`` in the learner's code and, before that, is reported
on the worker's channel as a ``violation`` frame, so the grader knows even when the learner
catches the error. The hook only uses objects captured when it is installed (built-in
functions, strings and tuples), so monkeypatching ``os``, ``builtins`` or anything else
afterwards does not change what it decides.

It is a second line only: the kernel enforces the sandbox (:mod:`.policy`), so code that
switches the hook off gains nothing the namespaces, the seccomp filter and the limits allow.
"""

from __future__ import annotations

import json
import os
import stat
import struct
import sys
import types

from .policy import DANGEROUS_MODULES
from .wire import MAGIC

PROCESS_EVENTS = (
    "os.fork",
    "os.forkpty",
    "os.exec",
    "os.spawn",
    "os.posix_spawn",
    "os.system",
    "os.startfile",
    "subprocess.Popen",
    "pty.spawn",
    "cpython.PyInterpreterState_New",
)
PATH_READ_EVENTS = ("os.listdir", "os.scandir")
PATH_WRITE_EVENTS = (
    "os.remove",
    "os.rmdir",
    "os.mkdir",
    "os.rename",
    "os.chmod",
    "os.chown",
    "os.truncate",
    "os.utime",
    "os.setxattr",
    "os.removexattr",
    "os.chflags",
    "os.lchflags",
    "os.lchmod",
    "shutil.copyfile",
    "shutil.copymode",
    "shutil.copystat",
    "shutil.copytree",
    "shutil.rmtree",
    "shutil.move",
    "shutil.chown",
    "shutil.make_archive",
    "shutil.unpack_archive",
)
REFUSED_EVENTS = {
    "os.link": "makes a hard link",
    "os.symlink": "makes a symbolic link",
    "gc.get_objects": "walks the interpreter's objects (gc.get_objects)",
    "gc.get_referrers": "walks the interpreter's objects (gc.get_referrers)",
    "gc.get_referents": "walks the interpreter's objects (gc.get_referents)",
    "sys.settrace": "installs a trace function",
    "sys.setprofile": "installs a profile function",
    "resource.setrlimit": "changes its resource limits",
    "resource.prlimit": "changes resource limits",
    "setopencodehook": "replaces the hook that opens code",
    "urllib.Request": "opens a network connection",
    "http.client.connect": "opens a network connection",
    "ftplib.connect": "opens a network connection",
    "smtplib.connect": "opens a network connection",
    "webbrowser.open": "opens a web browser",
}
REFUSED_PREFIXES = {"socket.": "opens a socket", "ctypes.": "uses ctypes"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def install(
    *,
    scratch: str,
    read_roots: tuple[str, ...],
    stdlib_roots: tuple[str, ...],
    report_fd: int,
    reference_roots: frozenset[str],
    importable_roots: frozenset[str],
) -> None:
    """Install the hook. ``read_roots`` are folders whose files may be read (not written);
    so are ``stdlib_roots`` but for the ``site-packages`` folders below them.

    ``reference_roots`` are top-level packages refused with the "reference library"
    message; ``importable_roots`` are the only top-level modules that may be imported
    (numpy and the standard library, less :data:`DANGEROUS_MODULES`).
    """
    # Everything the hook uses is captured here, as a closure variable.
    _str, _bytes, _int, _tuple, _type, _len = str, bytes, int, tuple, type, len
    _isinstance, _mapping = isinstance, types.MappingProxyType
    _startswith, _split, _join, _rsplit = str.startswith, str.split, str.join, str.rsplit
    _encode, _decode = str.encode, bytes.decode
    _lstat, _readlink, _getcwd, _getpid, _getpgid, _write = (
        os.lstat,
        os.readlink,
        os.getcwd,
        os.getpid,
        os.getpgid,
        os.write,
    )
    _s_islnk, _dumps, _pack = stat.S_ISLNK, json.dumps, struct.Struct("!4sII").pack
    _permission_error, _oserror, _exception = PermissionError, OSError, Exception
    _magic, _fd, _write_flags = MAGIC, report_fd, _WRITE_FLAGS
    scratch_root = scratch.rstrip("/")
    readable = _tuple(r.rstrip("/") for r in read_roots)
    stdlib = _tuple(r.rstrip("/") for r in stdlib_roots)
    devices = ("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random")
    process_events = frozenset(PROCESS_EVENTS)
    read_events, write_events = frozenset(PATH_READ_EVENTS), frozenset(PATH_WRITE_EVENTS)
    refused_events = _mapping(dict(REFUSED_EVENTS))
    refused_prefixes = _tuple(REFUSED_PREFIXES.items())
    dangerous, references, importable = DANGEROUS_MODULES, reference_roots, importable_roots
    own_pid, own_pgid = os.getpid(), os.getpgid(0)

    def report(text):
        body = _encode(_dumps({"kind": "violation", "text": text}), "utf-8")
        data = _pack(_magic, _len(body), 0) + body
        try:
            while data:
                data = data[_write(_fd, data) :]
        except _oserror:
            pass
        return _permission_error(f"the grading sandbox refused this: your code {text}")

    def plain_path(path):
        kind = _type(path)
        if kind is _int:
            return None
        if kind is not _str:
            if _isinstance(path, _str):
                path = _str.__str__(path)
            elif _isinstance(path, _bytes):
                path = _decode(path, "utf-8", "surrogateescape")
            else:
                return ""
        return path

    def resolve(path):
        """The absolute path with every symbolic link followed, using only captured calls."""
        if not _startswith(path, "/"):
            if ".." in _split(path, "/"):
                return ""
            path = _getcwd() + "/" + path
        pending = [p for p in _split(path, "/") if p and p != "."]
        pending.reverse()
        done = []
        hops = 0
        while pending:
            part = pending.pop()
            if part == "..":
                if done:
                    done.pop()
                continue
            candidate = "/" + _join("/", [*done, part])
            try:
                info = _lstat(candidate)
            except _oserror:
                done.append(part)
                continue
            if _s_islnk(info.st_mode):
                hops += 1
                if hops > 40:
                    return ""
                target = _readlink(candidate)
                extra = [p for p in _split(target, "/") if p and p != "."]
                extra.reverse()
                pending += extra
                if _startswith(target, "/"):
                    done = []
                continue
            done.append(part)
        return "/" + _join("/", done)

    def inside(path, roots):
        for root in roots:
            if path == root or _startswith(path, root + "/"):
                return True
        return False

    def check_path(path, write):
        path = plain_path(path)
        if path is None:
            return None
        if path == "":
            return "opens a file with a path that is not a plain string"
        full = resolve(path)
        if full in devices:
            return None
        if write:
            if full and inside(full, (scratch_root,)):
                return None
            return f"writes {path!r}, outside its own folder"
        if full and (inside(full, (scratch_root,)) or inside(full, readable)):
            return None
        if full and inside(full, stdlib) and "/site-packages" not in full and "/dist-packages" not in full:
            return None
        for marker in ("/site-packages/", "/dist-packages/"):
            if marker in full:  # importlib.import_module raises no "import" event: name the package
                package = _split(_split(full, marker, 1)[1], "/", 1)[0]
                package = _split(_split(package, ".", 1)[0], "-", 1)[0]
                verdict = module_verdict(package)
                if verdict is not None:
                    return f"{verdict} (it read {path!r})"
        return f"reads {path!r}: graded code may read only its own folder, numpy and the standard library"

    def module_verdict(name):
        if _type(name) is not _str:
            name = _str.__str__(name) if _isinstance(name, _str) else ""
        root = _split(name, ".", 1)[0] if name else ""
        if root in references:
            return (
                f"imports {name}: the graders compare your code with that library, so write it with "
                "numpy and the Python standard library only"
            )
        if root in dangerous or name in dangerous:
            return f"imports {name}, which starts processes or opens connections"
        if root not in importable:
            return f"imports {name}: graded code may use numpy and the Python standard library only"
        return None

    def hook(event, args):
        try:
            verdict = None
            if event == "import":
                verdict = module_verdict(args[0])
            elif event == "open":
                path, mode, flags = args[0], args[1], args[2]
                write = False
                if _type(mode) is _str:
                    for letter in "wax+":
                        if letter in mode:
                            write = True
                if _type(flags) is _int and flags & _write_flags:
                    write = True
                verdict = check_path(path, write)
            elif event in process_events:
                verdict = "starts a process (" + event + ")"
            elif event in read_events:
                verdict = check_path(args[0] if args and args[0] is not None else ".", False)
            elif event in write_events:
                for arg in args:
                    if _isinstance(arg, _str) or _isinstance(arg, _bytes):
                        verdict = verdict or check_path(arg, True)
            elif event == "os.kill":
                if _type(args[0]) is not _int or args[0] not in (own_pid, 0, -own_pgid):
                    verdict = f"signals another process (pid {args[0]})"
            elif event == "os.killpg":
                if _type(args[0]) is not _int or args[0] not in (own_pgid, 0):
                    verdict = f"signals another process group ({args[0]})"
            elif event in refused_events:
                verdict = refused_events[event]
            else:
                for prefix, text in refused_prefixes:
                    if _startswith(event, prefix):
                        verdict = text
        except _exception:
            verdict = "triggers an event the sandbox cannot check (" + _str(event) + ")"
        if verdict is not None:
            raise report(verdict)

    sys.addaudithook(hook)
