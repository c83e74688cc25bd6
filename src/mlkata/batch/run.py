"""Grading every student of a batch, in parallel, each in a trusted pytest process.

For each student, a fresh ``python -m pytest <graders> --target <copy> --sandbox`` runs
in a session of its own: it imports the graders and the references, never the student's
code, whose calls go to sandbox workers (:mod:`mlkata.grading.sandbox`). Its JSON report
is written into a folder only the batch can write, and is the only thing the scores are
read from. A run that overstays its time is killed, process group and sandbox uid alike.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from mlkata.batch import report
from mlkata.batch.intake import Submission, collect
from mlkata.catalog import Exercise


@dataclass(frozen=True)
class Options:
    jobs: int = 2
    force: bool = False
    call_timeout: float = 10.0
    exercise_timeout: float = 60.0
    memory_mb: int = 2048


@dataclass
class Summary:
    graded: list[str]
    skipped: list[str]
    grades: Path
    seconds: float


def _up_to_date(out: Path, submission: Submission, topics: list[str]) -> bool:
    data = report.read_results(out / submission.student / "results.json")
    if data is None:
        return False
    meta = data["extra_data"]["mlkata"]
    return meta.get("digest") == submission.digest and meta.get("topics") == topics


def grade_batch(
    submissions: Path,
    out: Path,
    exercises: list[Exercise],
    root: Path,
    options: Options,
    progress: Callable[[str, int, int], None] | None = None,
) -> Summary:
    """Grade every student of ``submissions`` whose results in ``out`` are missing or stale."""
    start = time.monotonic()
    exercises = [e for e in exercises if e.grader_path(root).is_file()]  # a grader still to be written
    topics = sorted({e.topic for e in exercises}, key=[e.topic for e in exercises].index)
    expected = report.expected_checks(exercises, root)
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob(".*.tmp"), *out.glob("*/.*.tmp")]:  # left by a run that was killed
        stale.unlink(missing_ok=True)
    students = collect(submissions, exercises)
    todo = [s for s in students if options.force or not _up_to_date(out, s, topics)]
    skipped = [s.student for s in students if s not in todo]
    _remove_stale_work()
    work = Path(tempfile.mkdtemp(prefix=f"mlkata-batch-{os.getpid()}-"))
    hide = [str(p.resolve()) for p in (out, work, submissions)]
    done = 0
    pool = ThreadPoolExecutor(max_workers=max(1, options.jobs))
    try:
        futures = [pool.submit(grade_student, s, exercises, topics, root, work, hide, options) for s in todo]
        for future in as_completed(futures):
            result = future.result()
            report.write_student(out, result, expected)
            done += 1
            if progress:
                progress(result.student, done, len(todo))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        with _LOCK:
            for process in list(_RUNNING):
                _kill_run(process)
        raise
    finally:
        pool.shutdown(wait=True)
        shutil.rmtree(work, ignore_errors=True)
    rows = [d for s in students if (d := report.read_results(out / s.student / "results.json"))]
    grades = report.write_grades(out, rows, list(expected))
    return Summary([s.student for s in todo], skipped, grades, time.monotonic() - start)


_RUNNING: set[subprocess.Popen] = set()
_LOCK = threading.Lock()


def grade_student(
    submission: Submission,
    exercises: list[Exercise],
    topics: list[str],
    root: Path,
    work: Path,
    hide: list[str],
    options: Options,
) -> report.StudentResult:
    """Grade one student in a trusted pytest process; its report, or why there is none."""
    started = time.monotonic()
    result = report.StudentResult(submission.student, submission.digest, topics, notes=list(submission.notes))
    private = Path(tempfile.mkdtemp(prefix=f"{submission.student}-", dir=work))
    target = submission.stage(private / "submission")
    report_path = private / "report.json"
    selected = [str(e.grader_path(root)) for e in exercises]
    command = [
        sys.executable,
        "-P",  # the working folder (the student's files) is not put on sys.path
        "-m",
        "pytest",
        *selected,
        "--target",
        str(target),
        "--sandbox",
        "--mlkata-report",
        str(report_path),
        "--call-timeout",
        str(options.call_timeout),
        "--exercise-timeout",
        str(options.exercise_timeout),
        "--sandbox-memory",
        str(options.memory_mb),
        "-p",
        "no:cacheprovider",
        "-q",
        "--tb=no",
        "--continue-on-collection-errors",  # one broken grader must not zero the others
        "--rootdir",
        str(root),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update(
        PYTHONDONTWRITEBYTECODE="1",
        MLKATA_SANDBOX_HIDE=os.pathsep.join(hide),
        MLKATA_BATCH="1",
        COLUMNS="120",
    )
    env["MLKATA_ROOT"] = str(root)
    limit = len(exercises) * (options.exercise_timeout + 5) + 120
    log = private / "pytest.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command,
            cwd=target,  # so messages name files as the student does: losses/hinge_loss.py
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        with _LOCK:
            _RUNNING.add(process)
        try:
            process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            result.error = f"the grading of this submission took more than {limit:g} s and was stopped"
        finally:
            _kill_run(process)
            with _LOCK:
                _RUNNING.discard(process)
    if report_path.is_file():
        try:
            result.exercises = json.loads(report_path.read_text(encoding="utf-8"))
        except ValueError:
            result.error = result.error or "the grader's report is unreadable"
    elif result.error is None:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        result.error = f"the grader process ended with status {process.returncode} and no report"
        print(f"mlkata grade: {submission.student}: {result.error}\n{tail}", file=sys.stderr)
    result.seconds = time.monotonic() - started
    return result


def _remove_stale_work() -> None:
    """Remove the working folders of batches that were killed (their process is gone)."""
    for folder in Path(tempfile.gettempdir()).glob("mlkata-batch-*-*"):
        owner = folder.name.split("-")[2]
        if owner.isdigit() and not Path(f"/proc/{owner}").exists() and folder.stat().st_uid == os.geteuid():
            shutil.rmtree(folder, ignore_errors=True)


def _kill_run(process: subprocess.Popen) -> None:
    """End a grader process, its zygotes and every sandbox worker it started."""
    from mlkata.grading.sandbox import SANDBOX_UID_BASE, is_root, kill_uid

    try:
        os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        pass
    process.wait()
    if is_root():
        kill_uid(SANDBOX_UID_BASE + process.pid)
