"""The confinement a sandbox worker puts itself under before it runs a learner's code.

Each step is a separate function so the worker can apply them in order, as root, right
after the fork: a session of its own, a private mount namespace hiding the project's
folders, resource limits, an unprivileged user, a seccomp filter against starting
processes, opening sockets and escaping the namespace. Every step that the machine does
not allow (no root, another architecture) is skipped and said so in the returned notes;
the audit hook of :mod:`mlkata.sandbox.guard` is installed in every case.
"""

from __future__ import annotations

import ctypes
import os
import platform
import resource
import signal

CLONE_NEWNS = 0x00020000
CLONE_THREAD = 0x00010000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 1, 38, 22, 2

_ERRNO, _ALLOW, _KILL = 0x00050000, 0x7FFF0000, 0x80000000
_EPERM, _ENOSYS = 1, 38

# (audit arch, syscalls refused with EPERM, clone, clone3, x32 bit?)
_SYSCALLS = {
    "x86_64": (
        0xC000003E,
        # fork vfork execve execveat socket socketpair ptrace process_vm_readv/writev unshare setns
        # mount umount2 pivot_root chroot io_uring_setup bpf perf_event_open userfaultfd keyctl
        # add_key request_key
        (
            57,
            58,
            59,
            322,
            41,
            53,
            101,
            310,
            311,
            272,
            308,
            165,
            166,
            155,
            161,
            425,
            321,
            298,
            323,
            250,
            248,
            249,
        ),
        56,
        435,
        True,
    ),
    "aarch64": (
        0xC00000B7,
        (221, 281, 198, 199, 117, 270, 271, 97, 268, 40, 39, 41, 51, 425, 280, 241, 282, 219, 217, 218),
        220,
        435,
        False,
    ),
}


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def close_other_fds(keep: tuple[int, ...]) -> None:
    """Close every file descriptor above 2 but those in ``keep``."""
    low = 3
    for fd in sorted(set(keep)):
        if fd >= low:
            os.closerange(low, fd)
            low = fd + 1
    os.closerange(low, 65536)


def new_session() -> None:
    os.setsid()


def _closed_ancestor(path: str) -> str | None:
    """The highest folder above ``path`` that others may not enter (``/root``, say)."""
    parts = os.path.abspath(path).split("/")[1:]
    for depth in range(1, len(parts)):
        folder = "/" + "/".join(parts[:depth])
        try:
            if not os.stat(folder).st_mode & 0o001:
                return folder
        except OSError:
            return None
    return None


def _expose(paths: list[str], libc) -> str | None:
    """Let an unprivileged worker read ``paths`` (the standard library, numpy) that sit
    below a closed folder: cover that folder with an empty tmpfs, then bind-mount each
    path, read-only, back at its place. Everything else in the closed folder stays hidden.
    """
    closed: dict[str, list[str]] = {}
    for path in paths:
        ancestor = _closed_ancestor(path)
        if ancestor is not None and os.path.isdir(path):
            closed.setdefault(ancestor, []).append(path)
    for ancestor, inside in closed.items():
        handles = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in inside}
        try:
            flags = MS_NOSUID | MS_NODEV
            if libc.mount(b"tmpfs", os.fsencode(ancestor), b"tmpfs", flags, b"size=64k,mode=0711") != 0:
                return f"could not open {ancestor} to the worker (errno {ctypes.get_errno()})"
            for path, handle in handles.items():
                os.makedirs(path, mode=0o711, exist_ok=True)
                source = f"/proc/self/fd/{handle}".encode()
                target = os.fsencode(path)
                if libc.mount(source, target, None, MS_BIND | MS_REC, None) != 0:
                    return f"could not show {path} to the worker (errno {ctypes.get_errno()})"
                libc.mount(None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID, None)
        finally:
            for handle in handles.values():
                os.close(handle)
    return None


def hide_paths(paths: list[str], expose: list[str] = ()) -> str | None:
    """In a private mount namespace, cover each path with an empty read-only mount.

    ``expose`` are folders the worker must read although a folder above them is closed
    to other users (a Python installed under ``/root``): see :func:`_expose`. Returns a
    note when namespaces are not available (not root); the worker then relies on file
    permissions and the audit hook alone.
    """
    if os.geteuid() != 0:
        return "no mount namespace (not root)"
    libc = _libc()
    if libc.unshare(CLONE_NEWNS) != 0:
        return f"no mount namespace (unshare: errno {ctypes.get_errno()})"
    if libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None) != 0:
        return f"no private mounts (errno {ctypes.get_errno()})"
    note = _expose(list(expose), libc)
    if note:
        return note
    for path in paths:
        target = os.fsencode(path)
        if os.path.isdir(path):
            flags = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC
            ok = libc.mount(b"tmpfs", target, b"tmpfs", flags, b"size=16k,mode=0555") == 0
        elif os.path.exists(path):
            ok = libc.mount(b"/dev/null", target, None, MS_BIND, None) == 0
        else:
            continue
        if not ok:
            return f"could not hide {path} (errno {ctypes.get_errno()})"
    return None


def set_limits(*, cpu_seconds: int, memory_bytes: int, file_bytes: int, processes: int, files: int) -> None:
    """Resource limits: CPU time (SIGXCPU, then SIGKILL), memory, file size, processes, fds."""
    limits = [
        (resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 2)),
        (resource.RLIMIT_AS, (memory_bytes, memory_bytes)),
        (resource.RLIMIT_FSIZE, (file_bytes, file_bytes)),
        (resource.RLIMIT_NOFILE, (files, files)),
        (resource.RLIMIT_CORE, (0, 0)),
    ]
    if processes > 0:
        limits.append((resource.RLIMIT_NPROC, (processes, processes)))
    for kind, (soft, hard) in limits:
        _, current_hard = resource.getrlimit(kind)
        if current_hard != resource.RLIM_INFINITY:
            soft, hard = min(soft, current_hard), min(hard, current_hard)
        resource.setrlimit(kind, (soft, hard))


def drop_privileges(uid: int, gid: int) -> str | None:
    """Become ``uid``/``gid`` with no supplementary groups (only when root)."""
    if os.geteuid() != 0:
        return "runs as the grading user (not root)"
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    return None


def die_with_parent(parent: int | None = None) -> None:
    """Be killed when the process that forked this one dies (``parent``: its pid, if known)."""
    _libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(70)  # it died before the line above


class _Filter(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_ushort),
        ("jt", ctypes.c_ubyte),
        ("jf", ctypes.c_ubyte),
        ("k", ctypes.c_uint32),
    ]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter))]


def _program(machine: str) -> list[tuple[int, int, int, int]]:
    arch, refused, clone, clone3, x32 = _SYSCALLS[machine]
    ld, jeq, jge, jset, ret = 0x20, 0x15, 0x35, 0x45, 0x06
    code = [(ld, 0, 0, 4), (jeq, 1, 0, arch), (ret, 0, 0, _KILL), (ld, 0, 0, 0)]
    if x32:
        code += [(jge, 0, 1, 0x40000000), (ret, 0, 0, _ERRNO | _EPERM)]
    for number in refused:
        code += [(jeq, 0, 1, number), (ret, 0, 0, _ERRNO | _EPERM)]
    code += [(jeq, 0, 1, clone3), (ret, 0, 0, _ERRNO | _ENOSYS)]  # libc falls back to clone
    code += [
        (jeq, 0, 4, clone),
        (ld, 0, 0, 16),  # low 32 bits of the flags
        (jset, 0, 1, CLONE_THREAD),
        (ret, 0, 0, _ALLOW),  # a thread
        (ret, 0, 0, _ERRNO | _EPERM),  # a new process
    ]
    code.append((ret, 0, 0, _ALLOW))
    return code


def forbid_processes() -> str | None:
    """A seccomp filter: no new process, no exec, no socket, no namespace or mount change."""
    machine = platform.machine()
    if machine not in _SYSCALLS:
        return f"no seccomp filter on {machine}"
    libc = _libc()
    code = _program(machine)
    array = (_Filter * len(code))(*[_Filter(*c) for c in code])
    program = _Program(len(code), ctypes.cast(array, ctypes.POINTER(_Filter)))
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return f"no seccomp filter (no_new_privs: errno {ctypes.get_errno()})"
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) != 0:
        return f"no seccomp filter (errno {ctypes.get_errno()})"
    return None
