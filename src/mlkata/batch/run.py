"""Grading every student of a batch, in parallel, in trusted grader processes.

``--jobs`` grader processes (:mod:`mlkata.batch.server`) each import the graders and the
references once and then grade one student after another; they never import a student's
code, whose calls go to sandbox workers (:mod:`mlkata.grading.sandbox`). Each exercise's
result comes back as a line on the grader process's own reply pipe, the only thing scores are
read from; a student's grading counts as finished only at the process's ``done``. A grader
process that overstays a student's time limit, or dies, is killed with its sandboxes; that
student's result says so (the exercises it had not sent score 0), and the next student gets
a fresh process.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from mlkata import limits
from mlkata.batch import class_report, report
from mlkata.batch.backend import BatchStopped, Grading
from mlkata.batch.intake import Submission, collect
from mlkata.batch.roster import Roster
from mlkata.catalog import Exercise


@dataclass(frozen=True)
class Options:
    jobs: int = 2
    force: bool = False
    call_timeout: float = limits.CALL_TIMEOUT
    exercise_timeout: float = limits.EXERCISE_TIMEOUT
    memory_mb: int = limits.MEMORY_MB


@dataclass
class Summary:
    graded: list[str]
    skipped: list[str]
    grades: Path
    seconds: float
    notes: dict[str, list[str]] = field(default_factory=dict)
    """What the intake noticed, and why grading did not finish, by student graded this run."""
    missing: list[str] = field(default_factory=list)
    """The roster's members who handed nothing in."""
    interrupted: list[str] = field(default_factory=list)
    """The students not graded because the batch was interrupted (Ctrl-C): a rerun grades them."""
    removed: list[str] = field(default_factory=list)
    """Folders of ``out`` with results of students no longer among the submissions (kept, not in
    grades.csv)."""
    stopped: str = ""
    """Why the batch stopped before the end, when its backend could not go on (:class:`BatchStopped`)."""


def grading_key(exercises: list[Exercise], root: Path, options: Options) -> str:
    """A digest of everything that decides a result besides the submission.

    mlkata's version and grading code, each exercise's grader and solution (its points, its
    allowed imports), and the options that change results: a rerun grades a student again
    when any of them changed.
    """
    import mlkata

    hasher = hashlib.sha256(
        f"{mlkata.__version__} {options.call_timeout} {options.exercise_timeout}".encode()
    )
    hasher.update(f" {options.memory_mb}".encode())
    package = Path(mlkata.__file__).resolve().parent
    files = sorted([*package.glob("grading/*.py"), *package.glob("sandbox/*.py")])
    for exercise in exercises:
        files += [exercise.grader_path(root), root / "solutions" / exercise.topic / f"{exercise.module}.py"]
    for path in files:
        hasher.update(str(path.name).encode() + b"\0")
        try:
            hasher.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            hasher.update(b"missing")
    return hasher.hexdigest()


def _up_to_date(out: Path, submission: Submission, topics: list[str], key: str) -> bool:
    data = report.read_results(out / submission.student / "results.json")
    if data is None:
        return False
    meta = data["extra_data"]["mlkata"]
    return (
        meta.get("digest") == submission.digest
        and meta.get("topics") == topics
        and meta.get("grading") == key
    )


class LocalGrading:
    """Grading on this machine (a :class:`~mlkata.batch.backend.Grading`): ``options.jobs``
    threads, each driving a grader process."""

    def __init__(self) -> None:
        self.graders: GraderPool | None = None
        self.halted = False

    def begin(
        self, exercises: list[Exercise], topics: list[str], root: Path, options: Options, key: str, count: int
    ) -> dict[str, list[report.ExpectedCheck]]:
        _remove_stale_work()
        self.work = Path(tempfile.mkdtemp(prefix=f"mlkata-batch-{os.getpid()}-"))
        self.pool = ThreadPoolExecutor(max_workers=max(1, options.jobs))
        self.graders = GraderPool(exercises, root, self.work, options)
        self.args = (exercises, topics, self.graders, self.work, options)
        self.graders.prestart(min(max(1, options.jobs), count))
        return self.graders.expected_checks(exercises, root)

    def results(self, todo: list[Submission]) -> Iterator[report.StudentResult]:
        futures = [self.pool.submit(grade_student, s, *self.args) for s in todo]
        for future in as_completed(futures):
            yield future.result()

    def stop(self) -> None:
        self.halted = True
        if self.graders is not None:
            self.graders.stopping.set()
            self.pool.shutdown(wait=False, cancel_futures=True)
        with _LOCK:
            for process in list(_RUNNING):
                _kill_run(process)

    @property
    def stopped(self) -> bool:
        return self.halted

    def close(self) -> None:
        if self.graders is not None:
            self.pool.shutdown(wait=True)
            self.graders.close()
            shutil.rmtree(self.work, ignore_errors=True)


def grade_batch(
    submissions: Path,
    out: Path,
    exercises: list[Exercise],
    root: Path,
    options: Options,
    progress: Callable[[str, int, int], None] | None = None,
    roster: Roster | None = None,
    grading: Grading | None = None,
) -> Summary:
    """Grade every student of ``submissions`` whose results in ``out`` are missing or stale.

    ``grading`` says where (this machine by default); wherever it is, only this process
    writes ``out``, with the same rules.
    """
    start = time.monotonic()
    exercises = [e for e in exercises if e.grader_path(root).is_file()]  # a grader still to be written
    topics = sorted({e.topic for e in exercises}, key=[e.topic for e in exercises].index)
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob(".*.tmp"), *out.glob("*/.*.tmp")]:  # left by a run that was killed
        stale.unlink(missing_ok=True)
    students = collect(submissions, exercises, skip=[out])
    key = grading_key(exercises, root, options)
    todo = [s for s in students if options.force or not _up_to_date(out, s, topics, key)]
    skipped = [s.student for s in students if s not in todo]
    current = {s.student for s in students}
    removed = sorted(
        folder.name
        for folder in out.iterdir()
        if folder.name not in current and (folder / "results.json").is_file()
    )
    grading = grading if grading is not None else LocalGrading()
    done, stopped = 0, ""
    finished: set[str] = set()
    expected: dict[str, list[report.ExpectedCheck]] = {}
    try:
        expected = grading.begin(exercises, topics, root, options, key, len(todo))
        for result in grading.results(todo):
            if result.error == INTERRUPTED or result.student in finished:
                continue
            result.grading = key
            member = roster.find(result.name) if roster is not None else None
            if member is not None:
                result.roster_id, result.email = member.id, member.email
            try:
                report.write_student(out, result, expected)
            except OSError as error:  # a full disk, say: this student's files only, the batch goes on
                print(f"mlkata grade: {result.student}: results not written ({error})", file=sys.stderr)
            finished.add(result.student)
            done += 1
            if progress:
                progress(result.student, done, len(todo))
    except BatchStopped as error:
        stopped = str(error)
        grading.stop()
    except BaseException as error:
        grading.stop()
        if not isinstance(error, KeyboardInterrupt):
            raise
    finally:
        grading.close()
    interrupted = [s.student for s in todo if s.student not in finished] if stopped or grading.stopped else []
    if not expected:  # interrupted before the graders were read
        expected = report.expected_checks(exercises, root)
    rows = [
        d
        for s in students
        if s.student not in interrupted and (d := report.read_results(out / s.student / "results.json"))
    ]
    missing = []
    if roster is not None:
        handed_in = {id(roster.find(s.name)) for s in students}
        missing = [m for m in roster.members if id(m) not in handed_in]
    grades = report.write_grades(out, rows, list(expected), missing)
    class_report.write_class_report(out)  # report.html, report.md, mistakes.csv: the class at a glance
    graded = [s.student for s in todo if s.student not in interrupted]
    summary = Summary(graded, skipped, grades, time.monotonic() - start)
    summary.missing = [m.name for m in missing]
    summary.interrupted, summary.removed, summary.stopped = interrupted, removed, stopped
    for row in rows:
        meta = row["extra_data"]["mlkata"]
        notes = [
            *meta.get("notes", []),
            *([f"grading did not finish: {meta['error']}"] if meta.get("error") else []),
        ]
        if notes and meta["student"] in summary.graded:
            summary.notes[meta.get("name") or meta["student"]] = notes
    return summary


SERVER_MAIN = (
    "import runpy, sys; del sys.path[0]; "  # no folder of anyone's on sys.path (python -P, on 3.10 too)
    "runpy.run_module('mlkata.batch.server', run_name='__main__', alter_sys=True)"
)
NO_AUDIT_HOOK_ENV = "MLKATA_TEST_NO_AUDIT_HOOK"
"""Set to 1 by the project's tests: the sandbox without its audit hook, the kernel alone."""
READY_SECONDS = 300.0
"""How long a grader process may take to import the graders and their references."""
_RUNNING: set[subprocess.Popen] = set()
_LOCK = threading.Lock()


INTERRUPTED = "interrupted"
"""The error of a student whose grading the batch's interruption stopped: not written, not graded."""


class GraderGone(Exception):
    """The grader process ended, or overstayed, before answering."""


class GraderProcess:
    """A running :mod:`mlkata.batch.server`: graders imported once, students sent in turn."""

    def __init__(self, exercises: list[Exercise], root: Path, work: Path, options: Options):
        replies, theirs = os.pipe()
        command = [
            sys.executable,
            "-c",
            SERVER_MAIN,
            *(str(e.grader_path(root)) for e in exercises),
            "--reply-fd",
            str(theirs),
            "--call-timeout",
            str(options.call_timeout),
            "--exercise-timeout",
            str(options.exercise_timeout),
            "--sandbox-memory",
            str(options.memory_mb),
        ]
        if os.environ.get(NO_AUDIT_HOOK_ENV) == "1":
            command.append("--no-audit-hook")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
        env.update(PYTHONDONTWRITEBYTECODE="1")
        env["MLKATA_ROOT"] = str(root)
        self.log = Path(tempfile.mkstemp(prefix="grader-", suffix=".log", dir=work)[1])
        with open(self.log, "wb") as output:
            self.process = subprocess.Popen(
                command,
                cwd=work,
                env=env,
                stdin=subprocess.PIPE,
                stdout=output,
                stderr=subprocess.STDOUT,
                pass_fds=(theirs,),
                start_new_session=True,
            )
        os.close(theirs)
        with _LOCK:
            _RUNNING.add(self.process)
        self.replies = replies
        self.requests = 0
        self.buffer = b""
        self.announced: dict | None = None
        """Its ``ready`` line: the checks of the graders it imported, and those it could not."""

    def _read_line(self, deadline: float) -> dict:
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.replies], [], [], left)[0]:
                raise GraderGone("timeout")
            chunk = os.read(self.replies, 1 << 16)
            if not chunk:
                raise GraderGone("ended")
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return json.loads(line)

    def wait_ready(self, deadline: float) -> dict:
        """Its ``ready`` line, once its graders are imported; :class:`GraderGone` if it cannot say it."""
        if self.announced is None:
            try:
                line = self._read_line(deadline)
            except ValueError as error:
                raise GraderGone(str(error)) from None
            if line.get("ready") is not True:
                raise GraderGone("not ready")
            self.announced = line
        return self.announced

    def grade(self, target: Path, deadline: float, results: dict[str, dict]) -> None:
        """Have the process grade ``target``, each exercise's result put in ``results`` as it comes.

        Only the process's own reply pipe is read, never a file. :class:`GraderGone` if it
        dies, wedges or overstays before its ``done``; ``results`` then keeps what it sent.
        """
        self.requests += 1
        number = self.requests
        try:
            self.wait_ready(deadline)
            assert self.process.stdin is not None
            request = {"target": str(target), "id": number}
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
            while True:
                line = self._read_line(deadline)
                if line.get("done") == number:
                    return
                result, key = line.get("result"), line.get("exercise")
                if line.get("id") == number and isinstance(key, str) and isinstance(result, dict):
                    results[key] = result
        except (OSError, ValueError) as error:
            raise GraderGone(str(error)) from None

    def why_gone(self) -> str:
        """How the process ended: it closes its end of the pipe a moment before it can be reaped."""
        try:
            status = self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "stopped answering"
        return f"ended with status {status}"

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-2000:]

    def close(self) -> None:
        """Let the process end (its stdin closed), then kill what is left of it."""
        try:
            if self.process.stdin is not None:
                self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()

    def kill(self) -> None:
        _kill_run(self.process)
        with _LOCK:
            _RUNNING.discard(self.process)
        try:
            os.close(self.replies)
        except OSError:
            pass


class GraderPool:
    """Idle grader processes, started when none is free, dropped when one fails a student."""

    def __init__(self, exercises: list[Exercise], root: Path, work: Path, options: Options):
        self.start = lambda: GraderProcess(exercises, root, work, options)
        self.idle: queue.SimpleQueue[GraderProcess] = queue.SimpleQueue()
        self.stopping = threading.Event()
        """Set when the batch is interrupted: no process is started any more."""

    def prestart(self, count: int) -> None:
        """Start ``count`` processes now, so that their imports overlap with other work."""
        for _ in range(count):
            self.idle.put(self.start())

    def expected_checks(self, exercises: list[Exercise], root: Path) -> dict[str, list[report.ExpectedCheck]]:
        """The checks each exercise's grader declares, as a grader process announced them.

        The batch's own process then never imports the graders and their references (seconds
        of CPU that the grader processes need while they import the same). Should no process
        get ready, the graders are read here, as :func:`report.expected_checks` does.
        """
        grader = self.take()
        try:
            announced = grader.wait_ready(time.monotonic() + READY_SECONDS)
        except GraderGone:
            grader.kill()
            return report.expected_checks(exercises, root)
        self.give_back(grader)
        checks, unloadable = announced.get("checks", {}), announced.get("unloadable", {})
        for key, error in unloadable.items():
            print(f"mlkata grade: cannot read the grader of {key}: {error}", file=sys.stderr)
        return {
            e.key: [report.ExpectedCheck(str(n), int(p), bool(h)) for n, p, h in checks.get(e.key, [])]
            for e in exercises
        }

    def take(self) -> GraderProcess:
        if self.stopping.is_set():
            raise GraderGone(INTERRUPTED)
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            return self.start()

    def give_back(self, grader: GraderProcess) -> None:
        self.idle.put(grader)

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().close()
            except queue.Empty:
                return


def grade_student(
    submission: Submission,
    exercises: list[Exercise],
    topics: list[str],
    pool: GraderPool,
    work: Path,
    options: Options,
) -> report.StudentResult:
    """Grade one student in a trusted grader process; its results, or why some are missing."""
    started = time.monotonic()
    result = report.StudentResult(submission.student, submission.digest, topics, notes=list(submission.notes))
    result.name = submission.name
    private = Path(tempfile.mkdtemp(prefix="student-", dir=work))
    try:
        target = submission.stage(private / "submission")
    except OSError as error:  # a full disk, say: this student only
        result.error = f"the submission could not be staged for grading ({error.strerror or error})"
        shutil.rmtree(private, ignore_errors=True)
        return result
    limit = len(exercises) * (options.exercise_timeout + 5) + 120
    exercises_done: dict[str, dict] = {}
    try:
        grader = pool.take()
    except GraderGone:
        result.error = INTERRUPTED
        shutil.rmtree(private, ignore_errors=True)
        return result
    try:
        grader.grade(target, time.monotonic() + limit, exercises_done)
    except GraderGone as gone:
        if pool.stopping.is_set():  # killed by the batch's interruption, not by this submission
            result.error = INTERRUPTED
        elif str(gone) == "timeout":
            result.error = f"the grading of this submission took more than {limit:g} s and was stopped"
        else:
            result.error = f"the grader process {grader.why_gone()} before this submission was graded"
            print(f"mlkata grade: {submission.student}: {result.error}\n{grader.log_tail()}", file=sys.stderr)
        grader.kill()
    else:
        pool.give_back(grader)
    result.exercises = exercises_done
    shutil.rmtree(private, ignore_errors=True)
    result.seconds = time.monotonic() - started
    return result


def _remove_stale_work() -> None:
    """Remove the working folders of batches that were killed (their process is gone)."""
    for folder in Path(tempfile.gettempdir()).glob("mlkata-batch-*-*"):
        owner = folder.name.split("-")[2]
        if owner.isdigit() and not Path(f"/proc/{owner}").exists() and folder.stat().st_uid == os.geteuid():
            shutil.rmtree(folder, ignore_errors=True)


def _kill_run(process: subprocess.Popen) -> None:
    """End a grader process and its sandboxes (each ends with its bubblewrap process)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        pass
    process.wait()
