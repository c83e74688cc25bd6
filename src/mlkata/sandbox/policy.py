"""The whole sandbox policy in one place: what a worker sees, may call, and may use.

Graded code is hostile. The kernel enforces this policy; Python only explains it:

- **Namespaces** (bubblewrap): a new user, PID, network, IPC, UTS and mount namespace per
  sandbox; the worker sees only :func:`read_only_view` (the interpreter, its standard library
  without ``site-packages``, numpy, the worker's own code and the system's shared libraries),
  read-only, and :data:`SCRATCH` (a size-limited tmpfs that vanishes with the sandbox).
  The checkout, the submissions, the output folder and every other student are simply not
  there.
- **Seccomp**: :data:`REFUSED_SYSCALLS` fail with ``EPERM`` (no socket, no ``ptrace``, no
  FIFO or device nodes, no links, no mounts or namespaces, no keyrings, no BPF...),
  ``clone3`` with ``ENOSYS`` (libc then uses ``clone``), and ``clone`` with a namespace flag
  with ``EPERM``; any other architecture's system calls kill the process. ``execve`` stays
  allowed, as bubblewrap needs it to start the zygote after loading the filter: a worker
  may replace itself with a program of the view, and keeps every namespace, filter and limit.
- **Resource limits** (:func:`worker_limits`): CPU time, address space, file size, open files,
  no core dump, and ``RLIMIT_NPROC`` of 1, so a worker can start neither a process nor a
  thread.
- **Imports** (:data:`REFERENCE_PACKAGES`, :data:`DANGEROUS_MODULES`): the reference
  libraries are not in the view at all; the audit hook of :mod:`.guard` refuses them and the
  dangerous standard modules with a clear message. Names an exercise allows
  (``scipy.stats.t``) reach the worker as proxies that send plain numbers to the trusted side
  (:data:`PROXY_METHODS`).

This module imports only the standard library: the worker reads it too.

>>> "ptrace" in REFUSED_SYSCALLS and "mknodat" in REFUSED_SYSCALLS
True
>>> len(seccomp_program("x86_64")) % 8
0
"""

from __future__ import annotations

import os
import platform
import struct
import sys
import sysconfig
from pathlib import Path

# --- what graded code may import ----------------------------------------------------------------

REFERENCE_PACKAGES = (
    "sklearn",
    "scipy",
    "statsmodels",
    "nltk",
    "shapely",
    "mlxtend",
    "torch",
    "pandas",
    "mlkata",
    "mlkata_sandbox",
    "mlkata_plain",
    "solutions",
    "graders",
)
"""Top-level packages a learner may not import: the references, and mlkata's own code."""

DANGEROUS_MODULES = frozenset(
    {
        "subprocess",
        "_posixsubprocess",
        "multiprocessing",
        "_multiprocessing",
        "ctypes",
        "_ctypes",
        "socket",
        "_socket",
        "ssl",
        "_ssl",
        "pty",
        "_xxsubinterpreters",
        "_xxinterpchannels",
        "_testcapi",
        "_testinternalcapi",
        "_testmultiphase",
        "_testbuffer",
        "_testimportmultiple",
        "_testclinic",
    }
)
"""Standard library modules that start processes, open sockets or reach raw memory."""

HIDDEN_EXTENSIONS = ("_ctypes", "_testcapi", "_testinternalcapi", "_multiprocessing")
"""Extension modules left out of the worker's view of the standard library altogether."""

PROXY_METHODS = frozenset("cdf sf ppf isf pdf logpdf logcdf logsf mean median var std interval".split())
"""The methods of an allowed distribution (``scipy.stats.t``) a worker may ask the trusted side for."""
MAX_PROXY_CALLS = 10_000
"""Proxy calls one call of a learner's function may make."""

# --- limits ------------------------------------------------------------------------------------

SCRATCH = "/scratch"
"""The worker's only writable folder (its working directory is a folder inside it)."""
SCRATCH_MB = 64
TMP_MB = 8
"""Sizes of the sandbox's writable tmpfs mounts: ``/scratch``, and ``/tmp``, ``/dev/shm``."""
FILES = 64
"""Open file descriptors a worker may hold."""
GRADER_MEMORY_MB = 8192
"""Address space of a trusted grader process (the references included)."""
INTAKE_STUDENT_MB = 16
"""The most one student's submission may unpack to, all files together."""


def worker_limits(*, cpu_seconds: int, memory_bytes: int, file_bytes: int) -> dict[int, tuple[int, int]]:
    """The resource limits of one worker, as ``{resource.RLIMIT_*: (soft, hard)}``.

    >>> import resource
    >>> limits = worker_limits(cpu_seconds=5, memory_bytes=2**30, file_bytes=2**20)
    >>> limits[resource.RLIMIT_NPROC]
    (1, 1)
    """
    import resource

    return {
        resource.RLIMIT_CPU: (cpu_seconds, cpu_seconds + 2),
        resource.RLIMIT_AS: (memory_bytes, memory_bytes),
        resource.RLIMIT_FSIZE: (file_bytes, file_bytes),
        resource.RLIMIT_NOFILE: (FILES, FILES),
        resource.RLIMIT_CORE: (0, 0),
        resource.RLIMIT_NPROC: (1, 1),
    }


# --- system calls ------------------------------------------------------------------------------

REFUSED_SYSCALLS = (
    "fork vfork execveat "
    "socket socketpair "
    "ptrace process_vm_readv process_vm_writev kcmp pidfd_getfd process_madvise "
    "mknod mknodat link linkat symlink symlinkat "
    "unshare setns mount umount2 pivot_root chroot open_tree move_mount fsopen fsconfig fsmount fspick "
    "mount_setattr open_by_handle_at name_to_handle_at "
    "keyctl add_key request_key bpf perf_event_open userfaultfd "
    "io_uring_setup io_uring_enter io_uring_register "
    "kexec_load kexec_file_load init_module finit_module delete_module "
    "swapon swapoff reboot acct quotactl syslog personality"
).split()
"""System calls that fail with ``EPERM`` in every sandbox process (where the architecture has them)."""

CLONE_NAMESPACE_FLAGS = 0x7E020000
"""``CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET``: refused in ``clone``."""

_X86_64 = {
    "fork": 57, "vfork": 58, "execve": 59, "execveat": 322, "socket": 41, "socketpair": 53,
    "ptrace": 101, "process_vm_readv": 310, "process_vm_writev": 311, "kcmp": 312, "pidfd_getfd": 438,
    "process_madvise": 440, "mknod": 133, "mknodat": 259, "link": 86, "linkat": 265, "symlink": 88,
    "symlinkat": 266, "unshare": 272, "setns": 308, "mount": 165, "umount2": 166, "pivot_root": 155,
    "chroot": 161, "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432,
    "fspick": 433, "mount_setattr": 442, "open_by_handle_at": 304, "name_to_handle_at": 303,
    "keyctl": 250, "add_key": 248, "request_key": 249, "bpf": 321, "perf_event_open": 298,
    "userfaultfd": 323, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
    "kexec_load": 246, "kexec_file_load": 320, "init_module": 175, "finit_module": 313,
    "delete_module": 176, "swapon": 167, "swapoff": 168, "reboot": 169, "acct": 163, "quotactl": 179,
    "syslog": 103, "personality": 135, "clone": 56, "clone3": 435,
}  # fmt: skip
_AARCH64 = {
    "execve": 221, "execveat": 281, "socket": 198, "socketpair": 199, "ptrace": 117,
    "process_vm_readv": 270, "process_vm_writev": 271, "kcmp": 272, "pidfd_getfd": 438,
    "process_madvise": 440, "mknodat": 33, "linkat": 37, "symlinkat": 36, "unshare": 97, "setns": 268,
    "mount": 40, "umount2": 39, "pivot_root": 41, "chroot": 51, "open_tree": 428, "move_mount": 429,
    "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433, "mount_setattr": 442,
    "open_by_handle_at": 265, "name_to_handle_at": 264, "keyctl": 219, "add_key": 217,
    "request_key": 218, "bpf": 280, "perf_event_open": 241, "userfaultfd": 282, "io_uring_setup": 425,
    "io_uring_enter": 426, "io_uring_register": 427, "kexec_load": 104, "kexec_file_load": 294,
    "init_module": 105, "finit_module": 273, "delete_module": 106, "swapon": 224, "swapoff": 225,
    "reboot": 142, "acct": 89, "quotactl": 60, "syslog": 116, "personality": 92, "clone": 220,
    "clone3": 435,
}  # fmt: skip
SYSCALL_NUMBERS = {"x86_64": (0xC000003E, _X86_64), "aarch64": (0xC00000B7, _AARCH64)}
"""Per machine: the seccomp audit architecture and the number of each system call named here."""

_ERRNO, _ALLOW, _KILL = 0x00050000, 0x7FFF0000, 0x80000000
_EPERM, _ENOSYS = 1, 38
_LD, _JEQ, _JGE, _JSET, _RET = 0x20, 0x15, 0x35, 0x45, 0x06


def seccomp_program(machine: str | None = None) -> bytes:
    """The classic BPF program of the policy, as bubblewrap's ``--seccomp`` reads it.

    Raises ``ValueError`` for a machine the policy has no system call table for.

    >>> program = seccomp_program("aarch64")
    >>> struct.unpack("=HBBI", program[:8])  # load the architecture field
    (32, 0, 0, 4)
    """
    machine = machine or platform.machine()
    if machine not in SYSCALL_NUMBERS:
        raise ValueError(f"the sandbox has no system call table for {machine}")
    arch, numbers = SYSCALL_NUMBERS[machine]
    code = [(_LD, 0, 0, 4), (_JEQ, 1, 0, arch), (_RET, 0, 0, _KILL), (_LD, 0, 0, 0)]
    if machine == "x86_64":  # the x32 ABI numbers its calls from 0x40000000
        code += [(_JGE, 0, 1, 0x40000000), (_RET, 0, 0, _ERRNO | _EPERM)]
    for name in REFUSED_SYSCALLS:
        if name in numbers:
            code += [(_JEQ, 0, 1, numbers[name]), (_RET, 0, 0, _ERRNO | _EPERM)]
    code += [(_JEQ, 0, 1, numbers["clone3"]), (_RET, 0, 0, _ERRNO | _ENOSYS)]
    code += [
        (_JEQ, 0, 3, numbers["clone"]),
        (_LD, 0, 0, 16),  # the low 32 bits of the first argument, the flags
        (_JSET, 0, 1, CLONE_NAMESPACE_FLAGS),
        (_RET, 0, 0, _ERRNO | _EPERM),
        (_RET, 0, 0, _ALLOW),
    ]
    return b"".join(struct.pack("=HBBI", *instruction) for instruction in code)


# --- what a worker sees ------------------------------------------------------------------------

SANDBOX_LIB = "/sandbox/lib"
"""Where numpy, the worker's code (``mlkata_sandbox``) and ``mlkata_plain`` appear."""


def _site_dirs() -> tuple[str, ...]:
    return ("/site-packages", "/dist-packages")


def _in_site_packages(path: str) -> bool:
    return any(marker + "/" in path or path.endswith(marker) for marker in _site_dirs())


def _package_dir(name: str) -> list[tuple[str, str]]:
    module = __import__(name)
    folder = Path(module.__file__).resolve().parent
    found = [(str(folder), f"{SANDBOX_LIB}/{folder.name}")]
    libs = folder.parent / f"{folder.name}.libs"
    if libs.is_dir():
        found.append((str(libs), f"{SANDBOX_LIB}/{libs.name}"))
    return found


def _elf_interpreter(executable: str) -> str | None:
    """The program interpreter (``/lib64/ld-linux-x86-64.so.2``) an ELF file names, if any."""
    try:
        with open(executable, "rb") as handle:
            head = handle.read(64)
            if head[:4] != b"\x7fELF" or head[4] != 2:  # 64-bit ELF only
                return None
            order = "<" if head[5] == 1 else ">"
            phoff, phentsize, phnum = (
                struct.unpack(order + "Q", head[32:40])[0],
                *struct.unpack(order + "HH", head[54:58]),
            )
            handle.seek(phoff)
            table = handle.read(phentsize * phnum)
            for index in range(phnum):
                entry = table[index * phentsize : (index + 1) * phentsize]
                kind, _, offset, _, _, size = struct.unpack(order + "IIQQQQ", entry[:40])
                if kind == 3:  # PT_INTERP
                    handle.seek(offset)
                    return handle.read(size).rstrip(b"\0").decode()
    except (OSError, struct.error, UnicodeDecodeError):
        return None
    return None


def _mapped_libraries() -> set[str]:
    """The shared libraries this process has mapped that live outside any ``site-packages``."""
    found = set()
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                path = line.split(maxsplit=5)[-1].strip() if line.count(" ") >= 5 else ""
                if path.startswith("/") and ".so" in os.path.basename(path) and not _in_site_packages(path):
                    found.add(path)
    except OSError:
        pass
    return found


def _with_symlinks(path: str, links: dict[str, str]) -> str:
    """The real path of ``path``; each symbolic link met on the way is recorded in ``links``."""
    parts = [p for p in path.split("/") if p]
    done = ""
    hops = 0
    while parts:
        part = parts.pop(0)
        candidate = f"{done}/{part}"
        if os.path.islink(candidate) and hops < 40:
            hops += 1
            target = os.readlink(candidate)
            links[candidate] = target
            parts = [p for p in target.split("/") if p] + parts
            if target.startswith("/"):
                done = ""
            continue
        done = candidate
    return done or "/"


def read_only_view() -> list[tuple[str, str]]:
    """``(host path, sandbox path)`` pairs of everything a worker may read, and nothing else.

    >>> view = dict(read_only_view())
    >>> any(p.endswith("/numpy") for p in view.values()) and "/sandbox/lib/mlkata_sandbox" in view.values()
    True
    """
    binds: dict[str, str] = {}
    executable = os.path.realpath(sys.executable)
    binds[executable] = executable
    prefixes = {os.path.realpath(p) for p in (sys.base_prefix, sys.base_exec_prefix)}
    stdlib = {os.path.dirname(os.path.realpath(os.__file__))}
    dynload = sysconfig.get_config_var("DESTSHARED")
    if dynload and os.path.isdir(dynload):
        stdlib.add(os.path.realpath(dynload))
    for folder in stdlib:
        binds[folder] = folder
    for library in _mapped_libraries():
        real = os.path.realpath(library)
        if any(real.startswith(p.rstrip("/") + "/") for p in prefixes):
            if not any(real.startswith(s + "/") for s in stdlib):
                binds[real] = real  # libpython: the file alone, not the prefix's lib folder
        else:
            binds[os.path.dirname(real)] = os.path.dirname(real)
    for source, target in _package_dir("numpy"):
        binds[source] = target
    here = Path(__file__).resolve().parent
    binds[str(here)] = f"{SANDBOX_LIB}/mlkata_sandbox"
    binds[str(here.parent / "grading" / "plain.py")] = f"{SANDBOX_LIB}/mlkata_plain.py"
    if os.path.isfile("/etc/ld.so.cache"):
        binds["/etc/ld.so.cache"] = "/etc/ld.so.cache"
    return sorted(binds.items(), key=lambda item: item[1].count("/"))


def bwrap_arguments(view: list[tuple[str, str]], seccomp_fd: int) -> list[str]:
    """bubblewrap's options for a sandbox showing ``view``, with the seccomp program on ``seccomp_fd``."""
    args = [
        "--unshare-all",
        "--unshare-user",
        "--disable-userns",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        "--setenv", "LANG", "C.UTF-8",
        "--setenv", "OPENBLAS_NUM_THREADS", "1",
        "--setenv", "OMP_NUM_THREADS", "1",
        "--setenv", "MKL_NUM_THREADS", "1",
        "--hostname", "sandbox",
        "--seccomp", str(seccomp_fd),
    ]  # fmt: skip
    links: dict[str, str] = {}
    interpreter = _elf_interpreter(os.path.realpath(sys.executable))
    if interpreter:
        real = _with_symlinks(interpreter, links)
        view = [*view, (os.path.dirname(real), os.path.dirname(real))]
    bound: list[str] = []
    covers: list[str] = []
    for source, target in view:
        inside = any(target == b or target.startswith(b.rstrip("/") + "/") for b in bound)
        if target in bound or (inside and source == target):
            continue  # already seen through a folder bound above it
        bound.append(target)
        args += ["--ro-bind", source, target]
        if target == source and os.path.isdir(source):
            for blank in ("site-packages", "dist-packages"):
                if os.path.isdir(os.path.join(source, blank)):
                    covers += ["--size", "4096", "--tmpfs", os.path.join(source, blank)]
            for entry in _hidden_extensions(source):
                covers += ["--ro-bind", "/dev/null", entry]
    args += covers
    for link, target in links.items():
        args += ["--symlink", target, link]
    args += ["--dev", "/dev", "--proc", "/proc"]
    for folder, size in ((SCRATCH, SCRATCH_MB), ("/tmp", TMP_MB), ("/dev/shm", TMP_MB)):
        args += ["--size", str(size * 2**20), "--tmpfs", folder]
    args += ["--remount-ro", "/dev", "--remount-ro", "/", "--chdir", SCRATCH]
    return args


def _hidden_extensions(folder: str) -> list[str]:
    dynload = os.path.join(folder, "lib-dynload")
    if not os.path.isdir(dynload):
        return []
    return [
        os.path.join(dynload, name)
        for name in sorted(os.listdir(dynload))
        if name.split(".", 1)[0] in HIDDEN_EXTENSIONS
    ]


def worker_command() -> list[str]:
    """The interpreter command a sandbox starts: the zygote, from the view's own copy of its code."""
    code = (
        f"import sys; sys.path.insert(0, {SANDBOX_LIB!r}); "
        "from mlkata_sandbox.worker import zygote; zygote(int(sys.argv[1]))"
    )
    return [os.path.realpath(sys.executable), "-I", "-S", "-B", "-c", code]
