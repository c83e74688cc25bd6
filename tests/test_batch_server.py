"""The grader processes of `mlkata grade`: many students per process, none lost to another.

A grader process (:mod:`mlkata.batch.server`) must grade each student exactly as a fresh
``pytest --sandbox --target`` run would, though it keeps its imports, its zygote and its
remembered reference answers from one student to the next; and a grader process that
dies costs only the student it was grading.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.batch import run
from mlkata.batch.intake import collect
from mlkata.batch.sample import make_class
from mlkata.catalog import exercises_of
from tests.helpers import ROOT

TOPICS = ["losses", "metrics"]
EXERCISES = exercises_of(TOPICS, ROOT)
OPTIONS = run.Options(jobs=1, call_timeout=5.0, exercise_timeout=20.0, memory_mb=768)


@pytest.fixture(scope="module")
def students(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("class")
    make_class(folder, 3, wrong=0.5, seed=11, root=ROOT)  # half the exercises carry a mistake
    return folder


def _pytest_report(target: Path, out: Path) -> dict:
    """What ``pytest --sandbox --target`` reports for one student, in a process of its own."""
    graders = [str(e.grader_path(ROOT)) for e in EXERCISES]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["MLKATA_ROOT"] = str(ROOT)
    no_cwd = "import sys; del sys.path[0]; import pytest; sys.exit(pytest.main())"  # python -P, on 3.10 too
    command = [sys.executable, "-c", no_cwd, *graders, "--target", str(target), "--sandbox"]
    command += ["--mlkata-report", str(out), "--call-timeout", str(OPTIONS.call_timeout)]
    command += ["--exercise-timeout", str(OPTIONS.exercise_timeout)]
    command += ["--sandbox-memory", str(OPTIONS.memory_mb)]
    command += ["-p", "no:cacheprovider", "-q", "--tb=no", "--rootdir", str(ROOT)]
    subprocess.run(command, cwd=target, env=env, capture_output=True, timeout=600, check=False)
    return json.loads(out.read_text())


def test_one_grader_process_grades_each_student_as_a_fresh_pytest_run_does(students, tmp_path):
    submissions = collect(students, EXERCISES)
    pool = run.GraderPool(EXERCISES, ROOT, tmp_path, OPTIONS)
    try:
        served = [run.grade_student(s, EXERCISES, TOPICS, pool, tmp_path, OPTIONS) for s in submissions]
        assert pool.idle.qsize() == 1  # the same process graded all three
    finally:
        pool.close()
    some_failed = False
    for submission, result in zip(submissions, served, strict=True):
        assert result.error is None, result.error
        alone_target = submission.stage(tmp_path / f"{submission.student}-alone")
        alone = _pytest_report(alone_target, tmp_path / "r.json")
        assert result.exercises == alone, submission.student
        some_failed |= any(not c["passed"] for e in alone.values() for c in e["checks"])
    assert some_failed  # the mutants were graded, with their messages, not only the solutions


def test_a_grader_process_that_dies_costs_only_its_student(students, tmp_path):
    first, second = collect(students, EXERCISES)[:2]
    pool = run.GraderPool(EXERCISES, ROOT, tmp_path, OPTIONS)
    try:
        doomed = pool.take()
        os.killpg(doomed.process.pid, signal.SIGKILL)  # as if it crashed, or was killed by the OOM killer
        pool.give_back(doomed)
        lost = run.grade_student(first, EXERCISES, TOPICS, pool, tmp_path, OPTIONS)
        assert (
            lost.error is not None
            and "grader process ended with status" in lost.error
            and "before this submission was graded" in lost.error
        )
        assert lost.exercises == {}
        graded = run.grade_student(second, EXERCISES, TOPICS, pool, tmp_path, OPTIONS)
        assert graded.error is None and set(graded.exercises) == {e.key for e in EXERCISES}
        survivor = pool.take()
        pool.give_back(survivor)
        assert pool.idle.qsize() == 1 and survivor is not doomed
    finally:
        pool.close()


POLLUTER = """
import builtins
import random
import warnings

import numpy as np

np.asarray = lambda value, *args, **kwargs: np.array(0.0)  # every later np.asarray: nonsense
np.mean = lambda *args, **kwargs: -1.0
builtins.abs = lambda x: -1.0
np.seterr(all="raise")
np.set_printoptions(precision=1)
warnings.simplefilter("error")
np.random.seed(0)
random.seed(0)


def mean_absolute_error(y_true, y_pred):
    return -1.0
"""


CRASHER = """
import os


def mean_absolute_error(y_true, y_pred):
    os._exit(3)
"""


@pytest.mark.parametrize("first", [POLLUTER, CRASHER], ids=["changes-numpy-and-builtins", "ends-its-process"])
def test_what_a_module_does_to_its_worker_does_not_reach_the_next_module_of_its_topic(tmp_path, first):
    """A topic's modules share a worker in the batch: the first one's changes are undone,
    and a worker it ended is replaced."""
    from mlkata.engine.sandboxed import grade_target
    from mlkata.engine.specs import GraderSpec
    from mlkata.grading.sandbox import Settings

    target = tmp_path / "student"
    (target / "losses").mkdir(parents=True)
    losses = [e for e in EXERCISES if e.topic == "losses"]
    for exercise in losses:
        source = (ROOT / "solutions" / "losses" / f"{exercise.module}.py").read_text()
        (target / "losses" / f"{exercise.module}.py").write_text(source)
    assert losses[0].module == "mean_absolute_error"  # graded first, in the worker the others get
    (target / "losses" / "mean_absolute_error.py").write_text(first)
    graders = [GraderSpec.load(e.grader_path(ROOT)) for e in losses]
    settings = Settings(call_timeout=5.0, exercise_timeout=20.0, memory_mb=768)
    results = {r.exercise: r for r in grade_target(graders, target, settings)}
    assert not any(c.passed for c in results["losses/mean_absolute_error"].checks)
    for exercise in losses[1:]:
        failed = [(c.name, c.message) for c in results[exercise.key].checks if not c.passed]
        assert not failed, (exercise.key, failed)
