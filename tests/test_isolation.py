"""The sandbox holds with every Python-level check switched off: the kernel enforces it.

Each test runs real attacks in a real bubblewrap sandbox whose worker has *no* audit hook
(``Settings(audit_hook=False)``), as the grader process's user: root, and an ordinary user
(a uid of no one, for whom the folders Python needs are opened as :func:`isolation.become`
does for the sandbox). What the kernel refuses comes back as the attack's own ``errno``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from mlkata.grading import isolation
from tests.helpers import ORDINARY_UID, ROOT, as_ordinary_user

IS_ROOT = os.geteuid() == 0

ATTACKS = r"""
import errno
import os
import resource
import signal
import sys


def _errno(action):
    try:
        action()
    except OSError as error:
        return errno.errorcode.get(error.errno, error.errno)
    except BaseException as error:
        return type(error).__name__
    return "done"


def _fill(path, megabytes):
    def write():
        with open(path, "wb") as handle:
            for _ in range(megabytes):
                handle.write(bytes(2**20))
    return write


def _thread():
    import threading

    thread = threading.Thread(target=lambda: None)
    thread.start()
    thread.join()


def _socket():
    import socket

    socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def _import(name, extra_path=None):
    def run():
        if extra_path:
            sys.path.append(extra_path)
        __import__(name)
    return run


def _status(field):
    with open("/proc/self/status") as status:
        return next(line.split()[1] for line in status if line.startswith(field + ":"))


def _others():
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as handle:
                    found.append(handle.read().replace(b"\0", b" ").decode(errors="replace"))
            except OSError:
                pass
    return found


def attack(root, site_packages, host_dev_shm_name):
    solution = os.path.join(root, "solutions", "losses", "hinge_loss.py")
    return {
        "uid": os.getuid(),
        "capabilities": _status("CapEff"),
        "solution_visible": os.path.exists(solution),
        "checkout_visible": os.path.exists(root),
        "write_graders": _errno(lambda: open(os.path.join(root, "graders", "conftest.py"), "w")),
        "write_root": _errno(lambda: open("/evil.pth", "w")),
        "write_site_packages": _errno(lambda: open(os.path.join(site_packages, "evil.pth"), "w")),
        "fill_scratch": _errno(_fill("big.bin", 200)),
        "fill_tmp": _errno(_fill("/tmp/big.bin", 64)),
        "dev_shm": _errno(_fill(f"/dev/shm/{host_dev_shm_name}", 1)),
        "mkfifo": _errno(lambda: os.mkfifo("pipe")),
        "mknod": _errno(lambda: os.mknod("node", 0o600 | 0o010000)),
        "symlink": _errno(lambda: os.symlink("/etc/passwd", "link")),
        "hard_link": _errno(lambda: os.link(os.__file__, "hard")),
        "fork": _errno(os.fork),
        "thread": _errno(_thread),
        "socket": _errno(_socket),
        "ctypes": _errno(_import("ctypes")),
        "sklearn": _errno(_import("sklearn", site_packages)),
        "scipy": _errno(_import("scipy", site_packages)),
        "processes_seen": _others(),
        "raise_nproc": _errno(lambda: resource.setrlimit(resource.RLIMIT_NPROC, (100, 100))),
        "kill_init": _errno(lambda: os.kill(1, signal.SIGKILL)),
        "nproc": resource.getrlimit(resource.RLIMIT_NPROC)[0],
    }
"""

RUNNER = r"""
import json, sys
from pathlib import Path
from mlkata.grading.proxy import StudentModule
from mlkata.grading.sandbox import Session, Settings

path, root, site, shm = sys.argv[1:5]
module = StudentModule(Path(path), "attack.py", ())
session = Session(module, Settings(call_timeout=30, exercise_timeout=60, memory_mb=1024, audit_hook=False))
try:
    outcome, _ = session.call("attack", (root, site, shm), {}, keep=False)
    print(json.dumps(outcome.value if outcome.raised is None else {"raised": str(outcome.raised)}))
finally:
    session.release()
"""


def _site_packages() -> str:
    import numpy

    return str(Path(numpy.__file__).resolve().parents[1])


def _run_attacks(as_user: str) -> dict:
    work = Path(tempfile.mkdtemp(prefix="mlkata-isolation-"))
    try:
        (work / "attack.py").write_text(ATTACKS)
        shm_name = f"mlkata-isolation-{os.getpid()}"
        env = {"PATH": "/usr/bin:/bin", "HOME": str(work), "LANG": "C.UTF-8"}
        preexec = None
        if as_user == "ordinary":
            os.chown(work, ORDINARY_UID, ORDINARY_UID)
            os.chown(work / "attack.py", ORDINARY_UID, ORDINARY_UID)
            preexec = as_ordinary_user()
        command = [
            sys.executable,
            "-c",
            RUNNER,
            str(work / "attack.py"),
            str(ROOT),
            _site_packages(),
            shm_name,
        ]
        done = subprocess.run(
            command, env=env, cwd=work, capture_output=True, text=True, timeout=300, preexec_fn=preexec
        )
        assert done.returncode == 0, done.stdout + done.stderr
        facts = json.loads(done.stdout.strip().splitlines()[-1])
        facts["host_dev_shm_written"] = Path("/dev/shm", shm_name).exists()
        facts["host_tmp_written"] = Path("/tmp/big.bin").exists() and Path("/tmp/big.bin").stat().st_size > 0
        return facts
    finally:
        subprocess.run(["rm", "-rf", str(work)], check=False)


USERS = ["root", "ordinary"] if IS_ROOT else ["ordinary-only-as-root"]


@pytest.fixture(scope="module", params=USERS)
def facts(request) -> tuple[str, dict]:
    if request.param == "ordinary-only-as-root":
        pytest.skip("an ordinary user's run is made by the root test run (it needs to become that user)")
    return request.param, _run_attacks(request.param)


def test_the_worker_is_nobody_with_no_capabilities(facts):
    user, found = facts
    assert "raised" not in found, found
    assert found["uid"] != 0
    if user == "root":
        assert found["uid"] > isolation.SANDBOX_UID_BASE  # a uid of its own, not root's
    else:
        assert found["uid"] == ORDINARY_UID
    assert int(found["capabilities"], 16) == 0


def test_the_checkout_and_the_reference_libraries_are_not_there(facts):
    _, found = facts
    assert found["solution_visible"] is False and found["checkout_visible"] is False
    assert found["sklearn"] == "ModuleNotFoundError" and found["scipy"] == "ModuleNotFoundError"
    assert found["ctypes"] in ("ImportError", "ModuleNotFoundError")


def test_nothing_outside_the_scratch_can_be_written(facts):
    _, found = facts
    for key in ("write_graders", "write_root", "write_site_packages"):
        assert found[key] in ("EROFS", "ENOENT", "EACCES"), (key, found[key])
    assert found["fill_scratch"] in ("ENOSPC", "EFBIG", "OSError")  # a 64 MB tmpfs, 16 MB files
    assert found["fill_tmp"] == "ENOSPC"
    assert not found["host_dev_shm_written"] and not found["host_tmp_written"]


def test_no_fifo_device_or_link_can_be_made(facts):
    _, found = facts
    for key in ("mkfifo", "mknod", "symlink", "hard_link"):
        assert found[key] == "EPERM", (key, found[key])


def test_no_process_thread_or_socket_can_be_started(facts):
    _, found = facts
    assert found["fork"] == "EAGAIN" and found["thread"] == "RuntimeError"
    assert found["socket"] == "EPERM"
    assert found["nproc"] == 1 and found["raise_nproc"] in ("EPERM", "ValueError")


def test_only_the_sandbox_processes_are_visible(facts):
    _, found = facts
    assert len(found["processes_seen"]) <= 4, found["processes_seen"]
    assert not any("pytest" in c or "mlkata.batch" in c for c in found["processes_seen"])
    assert found["kill_init"] in ("EPERM", "done")  # bubblewrap's init in the sandbox's own PID namespace


def test_the_policy_names_its_system_calls():
    from mlkata.sandbox import policy

    for machine, (_, numbers) in policy.SYSCALL_NUMBERS.items():
        missing = {"clone", "clone3"} - set(numbers)
        assert not missing, machine
        program = policy.seccomp_program(machine)
        assert len(program) % 8 == 0 and len(program) // 8 < 4096
    assert {"mknodat", "ptrace", "socket", "bpf", "userfaultfd", "keyctl"} <= set(policy.REFUSED_SYSCALLS)


ALLOWED_ESCAPES = r"""
import sys


def chi(x):
    from scipy.stats import chi2

    return float(chi2.sf(x, 1)), float(chi2(3).ppf(0.5))


def escapes():
    from scipy.stats import chi2

    found = []
    for attempt in (
        lambda: chi2.sf.__globals__["__builtins__"],
        lambda: type(chi2).__module__,
        lambda: sys.modules["scipy.stats"].chisquare,
        lambda: sys.modules["scipy"].special,
        lambda: chi2.rvs(2),
        lambda: chi2.__dict__,
        lambda: __import__("sci" + "py.special"),
        lambda: __import__("sci" + "py.stats._continuous_distns"),
    ):
        try:
            value = attempt()
        except BaseException as error:
            found.append(type(error).__name__)
        else:
            found.append(repr(value)[:60])
    return found
"""


def test_an_allowed_name_is_a_proxy_with_no_library_behind_it(tmp_path):
    from mlkata.grading.proxy import StudentModule
    from mlkata.grading.sandbox import Session, Settings

    (tmp_path / "probe.py").write_text(ALLOWED_ESCAPES)
    module = StudentModule(tmp_path / "probe.py", "probe.py", ("scipy.stats.chi2",))
    from mlkata.grading.failures import GradeFailure

    for audit_hook in (True, False):
        session = Session(module, Settings(call_timeout=20, exercise_timeout=60, audit_hook=audit_hook))
        try:
            outcome, _ = session.call("chi", (3.841458820694124,), {}, keep=False)
            assert outcome.value == pytest.approx((0.05, 2.365973884375338))
            if audit_hook:  # the second line names what it refused
                with pytest.raises(GradeFailure, match="imports scipy"):
                    session.call("escapes", (), {}, keep=False)
                continue
            attempts, _ = session.call("escapes", (), {}, keep=False)
        finally:
            session.release()
        globals_, module_name, chisquare, special, rvs, attributes, imported, private = attempts.value
        assert "scipy" not in globals_ or "AttributeError" in globals_  # a plain function of the worker's
        assert "scipy.stats" not in module_name
        assert (chisquare, special, rvs) == ("AttributeError", "AttributeError", "AttributeError")
        assert "AttributeError" in attributes or "_name" not in attributes
        assert imported == private == "ModuleNotFoundError"
