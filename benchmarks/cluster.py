"""Benchmark 4: `mlkata grade --cluster` on 1 and 2 Dask workers against the local `--jobs 2` run.

One sample class (``mlkata.batch.sample``) is graded three ways on this machine, side by side:
``mlkata grade --jobs 2``; then on a real ``dask scheduler`` with one ``dask worker --nthreads 1``,
then with two, each started on 127.0.0.1 before its run, as a running cluster would be, and
stopped after it. The time is the whole command's (connecting, registering the grader plugin,
starting the workers' grader processes, grading, writing OUT), in students per minute. From the
runs on the cluster comes the cost model: seconds of one worker thread per student, and students
per worker-hour (a worker of one thread, about one core: its grader process and its sandbox take
turns).

    python benchmarks/cluster.py [--quick]

(or ``python benchmarks/run.py --only cluster``, which writes it to ``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STUDENTS, QUICK_STUDENTS = 20, 2
ROUNDS = 2


@dataclass(frozen=True)
class Run:
    label: str
    workers: int
    """Dask workers of one thread each (0: the local run)."""
    students: int
    seconds: float
    grading: float = 0.0
    """The median of the students' ``execution_time`` (results.json): one student's grading, on one
    thread, without the start-up of the command and of the grader processes (which the first
    student of each thread waits for)."""

    @property
    def per_minute(self) -> float:
        return 60.0 * self.students / self.seconds

    @property
    def thread_seconds_per_student(self) -> float:
        """Seconds of the run × its worker threads / students: start-up included."""
        return self.seconds * max(1, self.workers) / self.students


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["MLKATA_ROOT"] = str(ROOT)
    return env


class _Cluster:
    """A `dask scheduler` and ``workers`` `dask worker --nthreads 1` on 127.0.0.1."""

    def __init__(self, folder: Path, workers: int) -> None:
        self.file, self.processes = folder / f"scheduler-{workers}.json", []
        self.file.unlink(missing_ok=True)  # an earlier round's
        self.log = open(folder / f"dask-{workers}.log", "wb")
        self._start("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard")
        deadline = time.monotonic() + 60
        while not self.file.is_file():
            if time.monotonic() > deadline:
                raise RuntimeError("the dask scheduler did not start")
            time.sleep(0.05)
        self.address = json.loads(self.file.read_text())["address"]
        for n in range(workers):
            self._start(
                "worker", "--nthreads", "1", "--name", f"w{n}", "--host", "127.0.0.1", "--no-dashboard"
            )
        from distributed import Client

        with Client(self.address, timeout=30) as client:
            client.wait_for_workers(workers, timeout=120)

    def _start(self, kind: str, *arguments: str) -> None:
        command = [sys.executable, "-m", "dask", kind, "--scheduler-file", str(self.file), *arguments]
        self.processes.append(
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=_env(),
                stdout=self.log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )

    def stop(self) -> None:
        for process in reversed(self.processes):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except OSError:
                pass
            process.wait()
        self.log.close()


def _grading(out: Path) -> float:
    return statistics.median(json.loads(p.read_text())["execution_time"] for p in out.glob("*/results.json"))


def _grade(submissions: Path, out: Path, topics: list[str], *how: str) -> float:
    command = [sys.executable, "-m", "mlkata.cli", "grade", str(submissions), "--out", str(out)]
    command += ["--topics", ",".join(topics), "--force", *how]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=_env(), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"mlkata grade {' '.join(how)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds


def _one(submissions: Path, tmp: Path, topics: list[str], workers: int) -> Run:
    """Grade the class once: on this machine (``workers`` 0) or on a fresh cluster of ``workers``."""
    students = len(list(submissions.iterdir()))
    out = tmp / f"out-{workers}-{time.monotonic_ns()}"
    if not workers:
        seconds = _grade(submissions, out, topics, "--jobs", "2")
        return Run("`mlkata grade --jobs 2` (this machine)", 0, students, seconds, _grading(out))
    cluster = _Cluster(tmp, workers)
    try:
        seconds = _grade(submissions, out, topics, "--cluster", cluster.address)
    finally:
        cluster.stop()
    label = f"`--cluster tcp://…`, {workers} worker(s) × 1 thread"
    return Run(label, workers, students, seconds, _grading(out))


def runs(quick: bool, rounds: int | None = None) -> tuple[list[Run], list[str]]:
    """Grade one sample class locally and on 1 and 2 workers; the best run of each, and the topics.

    The three alternate, in turn forward and backward (``rounds`` of them: 2, 1 when ``quick``),
    so that a load that comes and goes on a shared machine weighs on each alike; each keeps its
    fastest round.
    """
    from mlkata.batch.sample import make_class
    from mlkata.curriculum import topics as all_topics

    topics = ["losses"] if quick else list(all_topics())
    rounds = rounds or (1 if quick else ROUNDS)
    best: dict[int, Run] = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        submissions = tmp / "class"
        make_class(submissions, QUICK_STUDENTS if quick else STUDENTS, seed=0, root=ROOT)
        for number in range(rounds):
            for workers in (0, 1, 2) if number % 2 == 0 else (2, 1, 0):
                run = _one(submissions, tmp, topics, workers)
                if workers not in best or run.seconds < best[workers].seconds:
                    best[workers] = run
    return [best[0], best[1], best[2]], topics


def table(found: list[Run], topics: list[str]) -> str:
    from mlkata.catalog import exercises_of

    exercises = len(exercises_of(topics, ROOT))
    local = found[0]
    lines = [
        f"One sample class of {local.students} students × {exercises} exercises ({len(topics)} topic(s)), "
        f"graded three ways side by side on this machine ({os.cpu_count()} logical CPUs), in alternating "
        "rounds (the fastest of each kept); each time is the whole `mlkata grade` command, the cluster "
        "already running.",
        "",
        "| run | students | seconds | students per minute | vs local | grading s per student "
        "| worker-thread s per student (wall) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for run in found:
        wall = f"{run.thread_seconds_per_student:.2f}" if run.workers else "–"
        lines.append(
            f"| {run.label} | {run.students} | {run.seconds:.1f} | {run.per_minute:.1f} | "
            f"{run.per_minute / local.per_minute:.2f}× | {run.grading:.2f} | {wall} |"
        )
    one = next(r for r in found if r.workers == 1)
    two = next(r for r in found if r.workers == 2)
    per_hour = 3600 / one.grading
    lines += [
        "",
        "*grading s per student*: the median `execution_time` of results.json, one student on one thread "
        "without any start-up; *worker-thread s per student (wall)*: the run's seconds × its worker "
        "threads / students, start-up included.",
        "",
        f"Scaling: 2 workers grade {two.per_minute / one.per_minute:.2f}× as many students per minute as 1 "
        f"(ideal 2×; here both share {os.cpu_count()} logical CPUs with the client and the scheduler). "
        f"Cost model: a student takes about {one.grading:.1f} s of one worker thread (about one core: "
        f"its grader process and its sandbox take turns), so a worker thread busy all the time grades "
        f"about {per_hour:.0f} students per hour, and a class of 10,000 needs about "
        f"{10_000 / per_hour:.1f} worker-thread-hours, plus each worker's start-up (its grader processes "
        f"import the graders and references once: the wall column's excess over the grading column).",
    ]
    return "\n".join(lines)


def measure(quick: bool, rounds: int | None = None) -> str:
    """The markdown table of :mod:`benchmarks.run`'s cluster section."""
    return table(*runs(quick, rounds))


if __name__ == "__main__":  # pragma: no cover
    print(measure("--quick" in sys.argv))
