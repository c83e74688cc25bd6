"""`mlkata grade --cluster`: a class graded on a real Dask scheduler and two `dask worker` processes.

Each test starts its own scheduler and workers on 127.0.0.1 (in their own sessions, killed at
the end) and grades a sample class (``mlkata.batch.sample``) on the ``losses`` topic: with a
worker killed mid-run the results are still those of the local run, byte for byte apart from
timings; Ctrl-C cancels the tasks and ends the workers' grader processes; a scheduler that
vanishes stops the batch with what finished kept, and a local rerun grades the rest.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from mlkata.batch.sample import make_class
from tests.helpers import ROOT

needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="dask is not installed (pip install '.[cluster]')"
)
TOPICS = "losses"
TIMEOUTS = ("--call-timeout", "5", "--exercise-timeout", "20")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update(MLKATA_ROOT=str(ROOT), DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="3s", **extra)
    return env


class DaskProcesses:
    """A `dask scheduler` and `dask worker` processes on 127.0.0.1, each in a session of its own.

    Every process started here (the workers' grader processes and sandboxes too) carries
    ``MLKATA_TEST_CLUSTER`` in its environment, so that the test can tell its own from the
    processes of other test runs on the machine.
    """

    def __init__(self, folder: Path, workers: int, root: Path = ROOT) -> None:
        self.folder, self.tag, self.root = folder, uuid.uuid4().hex, root
        self.logs: list = []
        self.file = folder / "scheduler.json"
        self.scheduler = self._start("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard")
        deadline = time.monotonic() + 60
        while not self.file.is_file() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.address = json.loads(self.file.read_text())["address"]
        self.workers = [
            self._start(
                "worker", "--nthreads", "1", "--name", f"w{n}", "--host", "127.0.0.1", "--no-dashboard"
            )
            for n in range(workers)
        ]
        self.wait_for_workers(workers)

    def _start(self, kind: str, *arguments: str) -> subprocess.Popen:
        log = open(self.folder / f"{kind}-{time.monotonic_ns()}.log", "wb")
        self.logs.append(log)
        command = [sys.executable, "-m", "dask", kind, "--scheduler-file", str(self.file), *arguments]
        if kind == "worker":
            command += ["--local-directory", str(self.folder / "dask-worker-space")]
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env={**_env(MLKATA_TEST_CLUSTER=self.tag), "MLKATA_ROOT": str(self.root)},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def client(self):
        from distributed import Client

        return Client(self.address, timeout=10)

    def wait_for_workers(self, count: int) -> None:
        with self.client() as client:
            client.wait_for_workers(count, timeout=90)

    def wait_until_busy(self, name: str) -> list[str]:
        """The tasks the scheduler has given the worker ``name``, once it has some."""
        with self.client() as client:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                addresses = {i["name"]: a for a, i in client.scheduler_info(n_workers=-1)["workers"].items()}
                tasks = client.processing(workers=[addresses[name]]).get(addresses[name], ())
                if tasks:
                    return list(tasks)
                time.sleep(0.05)
        raise AssertionError(f"the worker {name} was given no task")

    @staticmethod
    def kill(process: subprocess.Popen) -> None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            pass
        process.wait(timeout=30)

    def graders(self) -> list[int]:
        """The grader processes (``mlkata.batch.server``) this cluster's workers started, still alive."""
        found = []
        for entry in Path("/proc").glob("[0-9]*"):
            try:
                environ = (entry / "environ").read_bytes()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if self.tag.encode() in environ and b"mlkata.batch.server" in command:
                state = (entry / "stat").read_text().rpartition(")")[2].split()[0]
                if state != "Z":
                    found.append(int(entry.name))
        return found

    def stop(self) -> None:
        for process in [*self.workers, self.scheduler]:
            self.kill(process)
        for log in self.logs:
            log.close()


@pytest.fixture
def dask_cluster(tmp_path):
    started: list[DaskProcesses] = []

    def start(workers: int = 2, root: Path = ROOT) -> DaskProcesses:
        started.append(DaskProcesses(tmp_path, workers, root))
        return started[-1]

    yield start
    for cluster in started:
        cluster.stop()


@pytest.fixture(scope="module")
def sample_class(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cluster") / "class"
    make_class(folder, 16, wrong=0.4, seed=3, root=ROOT)
    return folder


def _command(submissions: Path, out: Path, *extra: str) -> list[str]:
    command = [sys.executable, "-m", "mlkata.cli", "grade", str(submissions), "--out", str(out)]
    return [*command, "--topics", TOPICS, *TIMEOUTS, *extra]


def _grade(submissions: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    command = _command(submissions, out, *extra)
    return subprocess.run(command, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=600)


def _start_grading(submissions: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        _command(submissions, out, *extra),
        cwd=ROOT,
        env=_env(),
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for_results(out: Path, process: subprocess.Popen, count: int = 1) -> None:
    deadline = time.monotonic() + 300
    while len(list(out.glob("*/results.json"))) < count and process.poll() is None:
        assert time.monotonic() < deadline, "no student was graded"
        time.sleep(0.02)


def _finished(out: Path) -> set[str]:
    return {p.parent.name for p in out.glob("*/results.json")}


def _grades(out: Path) -> dict[str, dict[str, str]]:
    with open(out / "grades.csv", newline="", encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def _without_timings(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("execution_time")
    return data


@needs_dask
def test_a_worker_killed_mid_run_loses_no_student_and_the_results_are_the_local_runs(
    dask_cluster, sample_class, tmp_path
):
    local = _grade(sample_class, tmp_path / "local", "--jobs", "2")
    assert local.returncode == 0, local.stderr[-3000:]
    cluster = dask_cluster(2)
    out = tmp_path / "cluster"
    process = _start_grading(sample_class, out, "--cluster", cluster.address)
    _wait_for_results(out, process, 2)
    assert cluster.wait_until_busy("w0")
    cluster.kill(cluster.workers[0])  # the machine gone: its nanny, its worker, mid-student
    stdout, stderr = (stream.decode() for stream in process.communicate(timeout=300))
    assert process.returncode == 0, stdout + stderr[-3000:]
    students = sorted(p.name for p in sample_class.iterdir())
    assert f"graded {len(students)} student(s), 0 already up to date" in stdout.replace("\n", " ")
    assert f"grading on the Dask cluster at {cluster.address}: 2 worker(s)" in " ".join(stderr.split())
    assert _finished(out) == set(students)
    assert (out / "grades.csv").read_bytes() == (tmp_path / "local" / "grades.csv").read_bytes()
    for student in students:
        mine, theirs = out / student, tmp_path / "local" / student
        assert _without_timings(mine / "results.json") == _without_timings(theirs / "results.json"), student
        assert (mine / "feedback.md").read_bytes() == (theirs / "feedback.md").read_bytes(), student
    assert any(row["total"] != row["max_score"] for row in _grades(out).values())  # mistakes were graded
    assert not list(out.rglob("*.tmp"))
    rerun = _grade(sample_class, out, "--cluster", cluster.address)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert f"graded 0 student(s), {len(students)} already up to date" in rerun.stdout.replace("\n", " ")


@needs_dask
def test_ctrl_c_cancels_the_tasks_and_ends_the_workers_grader_processes(dask_cluster, sample_class, tmp_path):
    cluster = dask_cluster(2)
    out = tmp_path / "out"
    process = _start_grading(sample_class, out, "--cluster", cluster.address)
    _wait_for_results(out, process)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C sends
    stdout, stderr = (stream.decode() for stream in process.communicate(timeout=120))
    assert process.returncode == 130, stdout + stderr[-3000:]
    assert "interrupted:" in stdout and "run the same command again" in stdout
    finished = _finished(out)
    assert 0 < len(finished) < len(list(sample_class.iterdir()))
    assert set(_grades(out)) - {"(max)"} == finished
    deadline = time.monotonic() + 30
    with cluster.client() as client:
        while True:
            tasks = client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.tasks))
            plugins = client.run(lambda dask_worker: [n for n in dask_worker.plugins if "mlkata" in n])
            if (
                not tasks and not any(plugins.values()) and not cluster.graders()
            ) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
    assert not tasks, tasks
    assert not any(plugins.values()), plugins
    assert not cluster.graders(), "grader processes outlived the batch"


@needs_dask
def test_the_scheduler_vanishing_stops_the_batch_and_keeps_what_finished(
    dask_cluster, sample_class, tmp_path
):
    cluster = dask_cluster(1)
    out = tmp_path / "out"
    process = _start_grading(sample_class, out, "--cluster", cluster.address)
    _wait_for_results(out, process)
    cluster.kill(cluster.scheduler)
    stdout, stderr = (stream.decode() for stream in process.communicate(timeout=120))
    assert process.returncode == 1, stdout + stderr[-3000:]
    summary = stdout.replace("\n", " ")
    assert f"stopped: lost the Dask scheduler at {cluster.address}" in summary
    assert "run the same command again" in summary
    finished = _finished(out)
    assert finished and set(_grades(out)) - {"(max)"} == finished
    rest = len(list(sample_class.iterdir())) - len(finished)
    rerun = _grade(sample_class, out, "--jobs", "2")  # the same cache, on this machine
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert f"graded {rest} student(s), {len(finished)} already up to date" in rerun.stdout.replace("\n", " ")


@needs_dask
def test_a_worker_with_other_graders_stops_the_batch_before_anything_is_written(
    dask_cluster, sample_class, tmp_path
):
    pack = tmp_path / "their-checkout"
    for folder in ("graders", "solutions"):
        shutil.copytree(ROOT / folder / TOPICS, pack / folder / TOPICS)
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy(ROOT / name, pack / name)
    grader = pack / "graders" / TOPICS / "test_hinge_loss.py"
    grader.write_text(grader.read_text() + "\n# a grader edited on that worker only\n")
    cluster = dask_cluster(1, root=pack)
    done = _grade(sample_class, tmp_path / "out", "--cluster", cluster.address)
    assert done.returncode == 1, done.stdout + done.stderr[-3000:]
    summary = done.stdout.replace("\n", " ")
    assert "grades with other graders or another mlkata than this machine" in summary
    assert f"its checkout {pack}" in summary
    assert not list((tmp_path / "out").glob("*/results.json"))


@needs_dask
def test_a_worker_that_cannot_grade_says_which_and_why(dask_cluster, sample_class, tmp_path):
    nowhere = tmp_path / "no-checkout"
    nowhere.mkdir()
    cluster = dask_cluster(1, root=nowhere)
    done = _grade(sample_class, tmp_path / "out", "--cluster", cluster.address)
    assert done.returncode == 1, done.stdout + done.stderr[-3000:]
    summary = done.stdout.replace("\n", " ")
    assert re.search(
        rf"stopped: tcp://127\.0\.0\.1:\d+ cannot grade: MLKATA_ROOT={nowhere} holds no", summary
    )
    assert not list((tmp_path / "out").glob("*/results.json"))
    with cluster.client() as client:  # the batch's plugin is gone from the scheduler too
        plugins = client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.worker_plugins))
    assert not [name for name in plugins if "mlkata" in name], plugins


@needs_dask
def test_what_cannot_be_a_cluster_is_said_at_once(tmp_path):
    (tmp_path / "class").mkdir()
    for address, said in [
        ("local:0", "needs a number of workers N >= 1"),
        ("tcp://127.0.0.1:1", "cannot reach the Dask scheduler at tcp://127.0.0.1:1"),
    ]:
        done = _grade(tmp_path / "class", tmp_path / "out", "--cluster", address)
        assert done.returncode == 2 and said in " ".join(done.stderr.split()), done.stderr[-2000:]
    done = _grade(tmp_path / "class", tmp_path / "out", "--cluster", "local:1", "--jobs", "2")
    assert done.returncode == 2 and "--jobs is for grading on this machine" in " ".join(done.stderr.split())


def test_grading_on_this_machine_never_imports_dask(tmp_path):
    submissions = tmp_path / "class"
    make_class(submissions, 1, root=ROOT)
    script = (
        "import sys\n"
        "from mlkata.cli import main\n"
        f"sys.argv = {_command(submissions, tmp_path / 'out', '--jobs', '1')[2:]!r}\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "student01" / "results.json").is_file()


def test_without_dask_the_cluster_option_says_how_to_install_it(tmp_path):
    (tmp_path / "class").mkdir()
    script = (
        "import sys, importlib.abc\n"
        "class NoDask(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] in ('dask', 'distributed'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}')\n"
        "sys.meta_path.insert(0, NoDask())\n"
        "from mlkata.cli import main\n"
        f"sys.argv = {_command(tmp_path / 'class', tmp_path / 'out', '--cluster', 'local:1')[2:]!r}\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2, done.stderr[-3000:]
    said = " ".join(done.stderr.split())  # the console wraps long lines
    assert "--cluster needs Dask" in said and "pip install 'mlkata[cluster]'" in said
