"""Grading a batch on a Dask cluster: ``mlkata grade SUBMISSIONS --out OUT --cluster ADDRESS``.

The batch's own process (the *client*) reads the submissions, decides who needs grading and
writes ``OUT``, exactly as a local run does (:func:`mlkata.batch.run.grade_batch`); this module
only moves the grading itself onto the workers of a Dask cluster. One task per student carries
the student's files as bytes (the intake's :class:`~mlkata.batch.intake.Submission`, never a
path on a shared disk) to a worker, whose :class:`GraderPlugin` hosts the trusted grader
processes and their sandboxes (:class:`~mlkata.batch.run.GraderPool`, started once and reused
for student after student); the task runs :func:`~mlkata.batch.run.grade_student` there and
returns the plain result, which the client writes. So a worker's sandbox is the one of a single
machine, and the results are the local run's.

Faults: a worker that dies mid-student has its tasks rescheduled by Dask on the others (the
client writes each student once, from the one result it gets); a task that fails is retried
(:data:`RETRIES`); a student that cannot be graded at all, a worker whose graders differ from the
client's, or the scheduler vanishing stop the batch with :class:`~mlkata.batch.backend.BatchStopped`,
the students finished kept; Ctrl-C cancels the tasks and ends the grader processes.

Only :mod:`mlkata.commands.grade` imports this module, when ``--cluster`` is given: the local
path never imports Dask.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import os
import queue
import shutil
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from distributed import Client, LocalCluster, Reschedule, WorkerPlugin, as_completed, get_worker

from mlkata.batch import report
from mlkata.batch.backend import BatchStopped
from mlkata.batch.intake import Submission
from mlkata.batch.run import (
    INTERRUPTED,
    READY_SECONDS,
    GraderGone,
    GraderPool,
    GraderProcess,
    Options,
    _kill_run,
    _remove_stale_work,
    grade_student,
    grading_key,
)
from mlkata.catalog import Exercise

RETRIES = 2
"""How many times a task that raised is tried again (a worker's death is not counted here: Dask
reschedules its tasks by itself, up to ``distributed.scheduler.allowed-failures`` times)."""
WORKER_SECONDS = 60.0
"""How long to wait for a first worker, when the cluster has none."""
IN_FLIGHT_PER_THREAD = 4
"""Tasks handed to the scheduler ahead of the results, per worker thread (at least 16): the
students' bytes wait in the client, not in the scheduler's memory."""


class ClusterUnavailable(Exception):
    """The cluster named by ``--cluster`` cannot be reached or started."""


class GraderPlugin(WorkerPlugin):
    """The grader processes of one batch on one Dask worker, started at registration, reused.

    Parameters
    ----------
    exercises, topics, options
        What the batch grades, and with which limits.
    root : str or None
        The grader checkout on the worker (``graders/``, ``solutions/``); ``None``: the worker's
        own :func:`~mlkata.paths.project_root` (``MLKATA_ROOT``, its folder, or its install).
    """

    def __init__(self, exercises: list[Exercise], topics: list[str], options: Options, root: str | None):
        self.exercises, self.topics, self.options, self.root = exercises, topics, options, root
        self.failure = ""

    def setup(self, worker) -> None:
        from mlkata.grading.isolation import Sandbox
        from mlkata.paths import project_root

        try:
            root = Path(self.root) if self.root else project_root()
            Sandbox().kill()  # this machine can start the sandbox, before a class is scored 0 for want of it
        except Exception as error:
            self.failure = f"{worker.address} cannot grade: {error}"
            raise RuntimeError(self.failure) from None
        self.key = grading_key(self.exercises, root, self.options)
        _remove_stale_work()
        self.work = Path(tempfile.mkdtemp(prefix=f"mlkata-batch-{os.getpid()}-"))
        self.pool = _WorkerPool(self.exercises, root, self.work, self.options)
        self.pool.prestart(max(1, worker.state.nthreads))
        self.checkout = root

    def teardown(self, worker) -> None:
        if hasattr(self, "pool"):
            self.pool.close()
            shutil.rmtree(self.work, ignore_errors=True)


class _WorkerPool(GraderPool):
    """A :class:`GraderPool` that knows its busy processes, to end them when the batch stops."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.busy: set[GraderProcess] = set()
        self.lock = threading.Lock()

    def take(self) -> GraderProcess:
        grader = super().take()
        with self.lock:
            self.busy.add(grader)
        return grader

    def give_back(self, grader: GraderProcess) -> None:
        with self.lock:
            self.busy.discard(grader)
        if self.stopping.is_set():
            grader.kill()
        else:
            super().give_back(grader)

    def close(self) -> None:
        """Kill every process: the idle ones, and those still grading (their students: interrupted)."""
        self.stopping.set()
        with self.lock:
            busy = list(self.busy)
        for grader in busy:  # their thread sees the pipe close, and kills the rest of them
            _kill_run(grader.process)
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                return


def _plugin(name: str) -> GraderPlugin:
    plugin = get_worker().plugins.get(name)
    if not isinstance(plugin, GraderPlugin) or not hasattr(plugin, "pool"):
        why = getattr(plugin, "failure", "") or "the batch's grader plugin is not set up on this worker"
        raise RuntimeError(why)
    return plugin


def _announce(name: str) -> dict:
    """On a worker: its grading key and what its grader processes announced (checks, unloadable)."""
    plugin = _plugin(name)
    grader = plugin.pool.take()
    try:
        announced = grader.wait_ready(time.monotonic() + READY_SECONDS)
    except GraderGone:
        grader.kill()
        announced = None
    else:
        plugin.pool.give_back(grader)
    return {
        "key": plugin.key,
        "worker": get_worker().address,
        "root": str(plugin.checkout),
        "ready": announced,
    }


def _grade_remote(name: str, student: str, files: dict[str, bytes], notes: list[str], shown: str) -> dict:
    """On a worker: grade one student, sent as data, in the worker's grader processes."""
    plugin = _plugin(name)
    submission = Submission(student, Path(student), dict(files), list(notes), shown)
    result = grade_student(
        submission, plugin.exercises, plugin.topics, plugin.pool, plugin.work, plugin.options
    )
    if result.error == INTERRUPTED:  # this worker is closing: grade the student elsewhere
        raise Reschedule()
    return {"key": plugin.key, "worker": get_worker().address, "result": dataclasses.asdict(result)}


def _expected(announced: dict, exercises: list[Exercise]) -> dict[str, list[report.ExpectedCheck]]:
    """The checks of each exercise, as :meth:`GraderPool.expected_checks` reads them locally."""
    for key, error in announced.get("unloadable", {}).items():
        print(f"mlkata grade: cannot read the grader of {key}: {error}", file=sys.stderr)
    checks = announced.get("checks", {})
    return {
        e.key: [report.ExpectedCheck(str(n), int(p), bool(h)) for n, p, h in checks.get(e.key, [])]
        for e in exercises
    }


class ClusterGrading:
    """A :class:`~mlkata.batch.backend.Grading` on a Dask cluster.

    Parameters
    ----------
    address : str
        ``local:N`` (a :class:`distributed.LocalCluster` of N single-threaded workers on this
        machine), a scheduler's address (``tcp://HOST:8786``), or a scheduler file (``.json``,
        as ``dask scheduler --scheduler-file`` writes it).

    Raises
    ------
    ClusterUnavailable
        When the scheduler cannot be reached or the local cluster cannot start.

    Notes
    -----
    How long the client waits for the scheduler, at the start and again when the connection
    drops, is Dask's ``distributed.comm.timeouts.connect`` (30 s; the environment variable
    ``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT``): past it the batch stops.
    """

    def __init__(self, address: str) -> None:
        self.address, self.cluster, self.halted = address, None, False
        self.name = f"mlkata-grade-{uuid.uuid4().hex[:12]}"
        self.registered = False
        self.failures: dict[str, str] = {}
        count = 0
        if address.startswith("local:"):
            count = int(address[6:]) if address[6:].isdigit() else 0
            if count < 1:
                raise ClusterUnavailable(
                    f"--cluster local:N needs a number of workers N >= 1, not {address!r}"
                )
        try:
            if count:
                self.cluster = LocalCluster(
                    n_workers=count,
                    threads_per_worker=1,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster)
            elif address.endswith(".json"):
                self.client = Client(scheduler_file=address)
            else:
                self.client = Client(address)
        except (OSError, TimeoutError, ValueError) as error:
            self.close()
            raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address}: {error}") from None

    @property
    def local(self) -> bool:
        return self.cluster is not None

    def describe(self) -> str:
        """The cluster, as the console shows it: its scheduler, its workers and their threads."""
        threads = self.client.nthreads()
        where = (
            "a local Dask cluster" if self.local else f"the Dask cluster at {self.client.scheduler.address}"
        )
        return f"{where}: {len(threads)} worker(s), {sum(threads.values())} thread(s)"

    def begin(
        self, exercises: list[Exercise], topics: list[str], root: Path, options: Options, key: str, count: int
    ) -> dict[str, list[report.ExpectedCheck]]:
        self._key = key
        if count == 0:
            return {}
        try:
            self.client.wait_for_workers(1, timeout=WORKER_SECONDS)
        except TimeoutError:
            raise BatchStopped(
                f"the Dask cluster at {self.address} has no worker (start some: dask worker {self.address})"
            ) from None
        plugin = GraderPlugin(exercises, topics, options, str(root) if self.local else None)
        self.registered = True  # on the scheduler even when a worker's setup fails: unregistered at close
        try:
            self.client.register_plugin(plugin, name=self.name)
        except (OSError, TimeoutError) as error:
            raise BatchStopped(self._lost(error)) from None
        except Exception as error:  # a worker's setup failed: it says which worker, and why
            raise BatchStopped(str(error)) from None
        future = self.client.submit(
            _announce, self.name, key=f"{self.name}-checks", pure=False, retries=RETRIES
        )
        try:
            announced = future.result(timeout=READY_SECONDS + 60)
        except Exception as error:
            raise BatchStopped(f"the cluster's workers did not get ready: {self._lost(error)}") from None
        self._check(announced, key)
        self.threads = max(1, sum(self.client.nthreads().values()))
        if not announced["ready"]:  # no grader process got ready there: the graders are read here
            return report.expected_checks(exercises, root)
        return _expected(announced["ready"], exercises)

    def _lost(self, error: BaseException) -> str:
        if self.client.status != "running":
            return f"lost the Dask scheduler at {self.address} ({self.client.status})"
        return f"{type(error).__name__}: {error}"

    def _check(self, answer: dict, key: str) -> None:
        if answer["key"] != key:
            raise BatchStopped(
                f"the Dask worker {answer['worker']} grades with other graders or another mlkata than "
                f"this machine (its checkout {answer.get('root', '?')}): install the same mlkata and "
                "the same grader checkout on every worker"
            )

    def results(self, todo: list[Submission]) -> Iterator[report.StudentResult]:
        students = iter(todo)
        pending: dict[object, Submission] = {}
        completed = as_completed(with_results=True, raise_errors=False)
        numbers = itertools.count()

        def send() -> None:
            submission = next(students, None)
            if submission is None:
                return
            future = self.client.submit(
                _grade_remote,
                self.name,
                submission.student,
                submission.files,
                submission.notes,
                submission.name,
                key=f"{self.name}-{next(numbers)}",
                pure=False,
                retries=RETRIES,
            )
            pending[future] = submission
            completed.add(future)

        for _ in range(max(16, IN_FLIGHT_PER_THREAD * getattr(self, "threads", 1))):
            send()
        self.pending = pending
        for future, value in completed:
            submission = pending.pop(future)
            status = future.status
            future.release()
            if status == "finished":
                self._check(value, self._key)
                yield report.StudentResult(**value["result"])
            elif status == "cancelled":
                if self.halted:
                    continue
                why = getattr(value, "reason", "") or "cancelled"
                raise BatchStopped(f"lost the Dask scheduler at {self.address} ({why})")
            else:  # raised on every try, or its workers kept dying (KilledWorker)
                error = value[1] if isinstance(value, tuple) else value
                self.failures[submission.student] = f"{type(error).__name__}: {error}"
            send()
        if self.failures:
            first = next(iter(self.failures.items()))
            raise BatchStopped(
                f"{len(self.failures)} student(s) could not be graded on the cluster "
                f"(the first, {first[0]}: {first[1]})"
            )

    def stop(self) -> None:
        self.halted = True
        pending = list(getattr(self, "pending", {}))
        if pending and self.client.status == "running":
            try:
                self.client.cancel(pending)
            except Exception:  # the scheduler gone: nothing left to cancel
                pass

    @property
    def stopped(self) -> bool:
        return self.halted

    def close(self) -> None:
        """End the batch's grader processes on every worker, then let go of the cluster."""
        client = getattr(self, "client", None)
        if client is not None and self.registered and client.status == "running":
            try:
                client.unregister_worker_plugin(self.name)
            except Exception:  # a worker gone meanwhile: its processes went with it
                pass
        if client is not None:
            client.close(timeout=10)
        if self.cluster is not None:
            self.cluster.close(timeout=30)
