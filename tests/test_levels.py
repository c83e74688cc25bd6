"""Levels of an exercise: ★ correct, ★★ robust, ★★★ fast (mlkata.learner.levels).

Every exercise must have all three: at least one ``@robust()`` check, and a ★★★ that can be
measured (a ``FAST`` declaration, or inputs that :func:`mlkata.learner.speed.inputs_for`
makes, on which the reference runs within its limit). Then the parts: levels read from the
marks, the progress file's ``levels`` table, the ★★★ verdicts, and what ``mlkata check NAME``
and a learner's pytest run say about each level (real subprocesses on a learner's project).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mlkata.catalog import all_exercises, find_exercise
from mlkata.engine.checks import run_check
from mlkata.engine.results import CheckResult
from mlkata.engine.specs import CheckSpec, GraderSpec
from mlkata.grading.failures import GradeFailure
from mlkata.grading.levels import Fast, robust
from mlkata.learner import speed
from mlkata.learner.levels import Levels, checks_level, measure_fast, verdict
from mlkata.learner.progress import Progress
from mlkata.maintainer.checks import level_problems
from tests.helpers import ROOT, run_pytest
from tests.learner_project import make_project, solve

EXERCISES = all_exercises(ROOT)


# --- every exercise has all three levels ----------------------------------------------------------


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.key)
def test_every_exercise_has_a_robust_level_and_a_measurable_fast_level(exercise):
    missing = [problem.what for problem in level_problems(exercise, ROOT)]  # what `mlkata dev check` says
    assert not missing, f"{exercise.key}:\n  " + "\n  ".join(missing)


# --- levels read from the grader ------------------------------------------------------------------


@robust()
def check_huge(f):
    if f() > 1:
        raise GradeFailure("too big")


def check_plain(f):
    pass


def test_a_check_marked_robust_is_level_two_and_counts_like_any_other():
    huge, plain = CheckSpec.of("test_huge", check_huge), CheckSpec.of("test_plain", check_plain)
    assert (huge.level, plain.level) == (2, 1)
    failed = run_check(huge, {"f": lambda: 5})
    assert (failed.level, failed.passed, failed.points, failed.message) == (2, False, 1, "too big")
    assert run_check(plain, {"f": lambda: 5}).level == 1
    assert CheckResult.from_data(failed.to_data()) == failed


def _grader(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "graders" / "losses" / f"test_made_up_{abs(hash(body))}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"from mlkata.grading.levels import Fast\n\n{body}\n\ndef test_x(f):\n    pass\n")
    return path


def test_the_graders_fast_declaration_is_read_and_a_wrong_one_refused(tmp_path):
    declared = GraderSpec.load(_grader(tmp_path, "FAST = Fast(size=1000, within=2.5)"))
    assert declared.fast == Fast(size=1000, within=2.5)
    assert GraderSpec.load(_grader(tmp_path, "OTHER = 1")).fast is None
    with pytest.raises(TypeError, match=r"FAST must be a mlkata\.grading\.levels\.Fast, not int"):
        GraderSpec.load(_grader(tmp_path, "FAST = 5"))


def test_the_level_reached_needs_every_check_of_it_and_below():
    one, two = CheckResult("a", 1, True), CheckResult("b", 1, True, level=2)
    failing_one, failing_two = CheckResult("a", 1, False), CheckResult("b", 1, False, level=2)
    assert checks_level([one, two]) == 2
    assert checks_level([one, failing_two]) == 1
    assert checks_level([failing_one, two]) == 0, "★★ without ★ is nothing"
    assert checks_level([one]) == 1, "no ★★ checks: no ★★"
    passed = Levels((one, two), fast=verdict("t/m", speed.Speed("t/m", "vectorised ✓", 1.2), "m", Fast(), 10))
    assert passed.reached == 3
    slow = Levels((one, two), fast=verdict("t/m", speed.Speed("t/m", "9× slower", 9.0), "m", Fast(), 10))
    assert slow.reached == 2 and Levels((one, failing_two), fast=passed.fast).reached == 1


# --- ★★★ verdicts ----------------------------------------------------------------------------------


def test_fast_verdicts_give_the_numbers_what_was_measured_and_what_to_do():
    key, fast = "losses/hinge_loss", Fast(why="n margins")
    slow = verdict(key, speed.Speed(key, "38× slower", 38.2, 0.19, 0.005), "hinge_loss", fast, 1_000_000)
    assert slow.passed is False
    assert slow.message.startswith(
        "★★★ fast ✗: 38× the reference solution's time at n = 1,000,000 (allowed 5×): vectorise"
    ), slow.message
    assert "the CPU time of your hinge_loss against the reference solution's" in slow.message
    assert "(solutions/losses/hinge_loss.py)" in slow.message and "about this test: n margins" in slow.message
    stopped = verdict(key, speed.Speed(key, "> 400× slower", 400.0, 2.0, 0.005), "hinge_loss", fast, 10**6)
    assert (
        stopped.passed is False
        and "over 400×" in stopped.message
        and "stopped after 2.0 s" in stopped.message
    )
    quick = verdict(key, speed.Speed(key, "vectorised ✓", 4.9, 0.02, 0.004), "hinge_loss", fast, 10**6)
    assert quick.passed is True and quick.message.startswith("★★★ fast ✓: 4.9× the reference")
    strict = verdict(key, speed.Speed(key, "vectorised ✓", 4.9), "hinge_loss", Fast(within=2), 10**6)
    assert strict.passed is False and "(allowed 2×)" in strict.message
    untimed = verdict(key, speed.Speed(key, "not timed", not_timed=speed.NO_FAMILY), "h", fast, 10)
    assert untimed.passed is None and untimed.message == f"★★★ fast: not measured: {speed.NO_FAMILY}"
    raised = speed.Speed(key, "not timed", not_timed="it raised MemoryError at n = 1,000,000")
    failed = verdict(key, raised, "hinge_loss", fast, 10**6)
    assert failed.passed is False
    assert failed.message.startswith("★★★ fast ✗: your hinge_loss raised MemoryError at n = 1,000,000")


def _mae_loop(y_true, y_pred):
    total = 0.0
    for a, b in zip(np.asarray(y_true, float).tolist(), np.asarray(y_pred, float).tolist(), strict=True):
        total += abs(a - b)
    return total / len(y_true)


def test_fast_times_the_declared_inputs_against_the_reference():
    exercise = find_exercise("mean_absolute_error", ROOT)
    made = []

    def inputs(n, rng):
        made.append(n)
        return {"y_true": rng.normal(size=n), "y_pred": rng.normal(size=n)}

    fast = Fast(inputs=inputs, size=200_000, within=5.0)
    reference = ROOT / "solutions" / "losses" / "mean_absolute_error.py"
    assert measure_fast(exercise, reference, ROOT, fast=fast).passed is True
    assert made == [200_000]
    looped = measure_fast(exercise, _mae_loop, ROOT, fast=fast)
    assert looped.passed is False and looped.ratio is not None and looped.ratio > 5, looped.message
    assert "at n = 200,000" in looped.message


def test_fast_is_not_measured_on_declared_inputs_the_reference_cannot_take():
    exercise = find_exercise("mean_absolute_error", ROOT)
    unknown = measure_fast(exercise, _mae_loop, ROOT, fast=Fast(inputs=lambda n, rng: {"q": n}))
    assert unknown.passed is None, unknown.message
    assert unknown.message.startswith(
        "★★★ fast: not measured: the reference solution raises on the grader's"
    ), unknown.message


def test_a_reference_that_runs_too_long_is_stopped_when_checking_fast_can_be_measured(monkeypatch):
    from mlkata.learner import levels

    exercise = find_exercise("mean_absolute_error", ROOT)
    assert levels.measurable(exercise, ROOT) is None
    monkeypatch.setattr(levels, "CHECK_LIMIT", 1e-6 / speed.REFERENCE_LIMIT)
    why = levels.measurable(exercise, ROOT)
    assert why is not None and why.startswith("the reference mean_absolute_error runs for over"), why


# --- the progress file's levels -----------------------------------------------------------------


def test_the_best_level_of_each_exercise_is_kept(tmp_path):
    progress = Progress(tmp_path / "p.sqlite3")
    assert progress.best_levels() == {}
    progress.record_level("losses/hinge_loss", 0)
    assert progress.best_levels() == {}, "level 0 is not a level reached"
    progress.record_level("losses/hinge_loss", 2)
    progress.record_level("losses/hinge_loss", 1)
    progress.record_levels({"losses/log_loss": 3, "losses/mean_absolute_error": 1})
    assert progress.best_levels() == {
        "losses/hinge_loss": 2,
        "losses/log_loss": 3,
        "losses/mean_absolute_error": 1,
    }
    first = {(e, lv): at for at, e, lv in progress.levels_reached()}
    progress.record_level("losses/hinge_loss", 2)
    assert {(e, lv): at for at, e, lv in progress.levels_reached()} == first, "first reached stays"


def test_a_progress_file_of_schema_one_gains_the_levels_table_and_keeps_its_gradings(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:  # as mlkata's first schema wrote it
        db.executescript(
            "CREATE TABLE gradings (id INTEGER PRIMARY KEY, at TEXT NOT NULL, exercise TEXT NOT NULL, "
            "score INTEGER NOT NULL, max_score INTEGER NOT NULL, passed INTEGER NOT NULL, "
            "content_hash TEXT, grader_hash TEXT, source TEXT NOT NULL);"
            "CREATE TABLE hints (exercise TEXT PRIMARY KEY, revealed INTEGER NOT NULL);"
            "INSERT INTO gradings (at, exercise, score, max_score, passed, source) "
            "VALUES ('2026-01-01T00:00:00+00:00', 'losses/hinge_loss', 3, 5, 0, 'check');"
            "PRAGMA user_version = 1;"
        )
    db.close()
    progress = Progress(path)
    assert [g.exercise for g in progress.gradings()] == ["losses/hinge_loss"]
    progress.record_level("losses/hinge_loss", 1)
    assert progress.best_levels() == {"losses/hinge_loss": 1}
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] >= 2
    db.close()


# --- what the learner sees -----------------------------------------------------------------------

MAE = "mean_absolute_error"
KEY = f"losses/{MAE}"
CHECKED = (
    "import numpy as np\n\n\n"
    "def _checked(y_true, y_pred):\n"
    "    y, p = np.asarray(y_true), np.asarray(y_pred)\n"
    "    if y.ndim != 1 or y.shape != p.shape or y.size == 0:\n"
    "        raise ValueError('expected two 1-D arrays of one length')\n"
    "    return y, p\n\n\n"
)
FILES = {
    "wrong": CHECKED + "def mean_absolute_error(y_true, y_pred):\n"
    "    y, p = _checked(y_true, y_pred)\n"
    "    return float(np.mean(y.astype(float) - p.astype(float)))\n",
    "float32": CHECKED + "def mean_absolute_error(y_true, y_pred):\n"
    "    y, p = _checked(y_true, y_pred)\n"
    "    y = y if y.dtype.kind == 'f' else y.astype(float)\n"
    "    p = p if p.dtype.kind == 'f' else p.astype(float)\n"
    "    return float(np.mean(np.abs(y - p)))\n",
    "loop": CHECKED + "def mean_absolute_error(y_true, y_pred):\n"
    "    y, p = _checked(y_true, y_pred)\n"
    "    total = 0.0\n"
    "    for a, b in zip(y.astype(float).tolist(), p.astype(float).tolist()):\n"
    "        total += abs(a - b)\n"
    "    return total / len(y)\n",
}


def _mlkata(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "120", "PYTHONDONTWRITEBYTECODE": "1"}
    code = "import sys; from mlkata.cli import main; sys.argv[0] = 'mlkata'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def losses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch, ("losses",))


def _write(root: Path, name: str) -> None:
    if name == "solution":
        solve(root, "losses", MAE)
    else:
        (root / "exercises" / "losses" / f"{MAE}.py").write_text(FILES[name])


@pytest.mark.parametrize(
    ("file", "exit_code", "stars", "says", "best"),
    [
        (
            "solution",
            0,
            "★★★",
            [
                "★ correct ✓",
                "★★ robust ✓",
                "★★★ fast ✓: ",
                "measured: the CPU time of your mean_absolute_error",
            ],
            3,
        ),
        ("loop", 0, "★★☆", ["★ correct ✓", "★★ robust ✓", "★★★ fast ✗: ", "vectorise"], 2),
        (
            "float32",
            1,
            "★☆☆",
            ["★ correct ✓", "★★ robust ✗: ", "float32 arithmetic overflowed", "★★★ fast: not measured until"],
            1,
        ),
        ("wrong", 1, "☆☆☆", ["★ correct ✗: ", "take np.abs first", "★★★ fast: not measured until"], None),
    ],
)
def test_check_one_exercise_says_each_level_and_records_the_best(losses, file, exit_code, stars, says, best):
    _write(losses, file)
    result = _mlkata("check", MAE)
    out = result.stdout
    assert result.returncode == exit_code, out + result.stderr
    assert f"Levels of {KEY}: {stars}" in out, out
    for text in says:
        assert text in _flat(out), out
    lines = out[out.index("Levels of") :].splitlines()
    failing = [i for i, line in enumerate(lines) if re.match(r"\s*★{1,2} \w+ ✗", line)]
    if failing:  # the first failing level's own check and message come right under it
        assert lines[failing[0] + 1].startswith(f"    {KEY}: "), out
    if best is None or best < 2:  # ★★★ is timed only once ★ and ★★ pass
        assert "measured:" not in out and "★★★ fast ✓" not in out and "★★★ fast ✗" not in out, out
    assert Progress().best_levels().get(KEY) == best


def test_the_overview_shows_the_best_level_and_a_slower_file_keeps_it(losses):
    _write(losses, "solution")
    assert _mlkata("check", MAE).returncode == 0
    _write(losses, "loop")
    assert "★★★ fast ✗" in _mlkata("check", MAE).stdout
    listing = _mlkata("status").stdout
    assert re.search(rf"^\s*1\s+{MAE}\s+★★★\s+easy\s+✓ passing", listing, re.MULTILINE), listing
    assert re.search(r"^\s*2\s+mean_squared_error\s+☆☆☆\s+\w+\s+· not started", listing, re.MULTILINE)
    assert Progress().best_levels() == {KEY: 3}


def test_checking_a_topic_records_the_check_levels_without_timing(losses):
    _write(losses, "solution")
    result = _mlkata("check", "losses")
    assert "Levels of" not in result.stdout and "★★★ fast" not in result.stdout, result.stdout
    assert Progress().best_levels() == {KEY: 2}


HINGE_IN_FLOAT32 = (
    "import numpy as np\n\n\ndef hinge_loss(y_true, decision):\n"
    "    y, d = np.asarray(y_true), np.asarray(decision)\n"
    "    if y.ndim != 1 or y.shape != d.shape or y.size == 0:\n"
    "        raise ValueError('expected two 1-D arrays of one length')\n"
    "    if not np.all((y == 1) | (y == -1)):\n"
    "        raise ValueError('labels must be -1 or +1')\n"
    "    d = d if d.dtype.kind == 'f' else d.astype(float)\n"
    "    return float(np.mean(np.maximum(0, 1 - y * d)))\n"
)


def test_plain_pytest_says_the_levels_reached_and_where_fast_is_measured(learner_checkout):
    shutil.copy(ROOT / "solutions" / "losses" / f"{MAE}.py", learner_checkout / "exercises" / "losses")
    (learner_checkout / "exercises" / "losses" / "hinge_loss.py").write_text(HINGE_IN_FLOAT32)
    result = run_pytest(["exercises/losses"], cwd=learner_checkout)
    flat = _flat(result.stdout)
    assert f"★★☆ reached; for ★★★ (fast) run `mlkata check {MAE}`" in flat, flat
    assert "★☆☆ reached; a ★★ (robust) check fails" in flat, flat
    assert "★★★ fast ✓" not in flat and "★★★ fast ✗" not in flat
    assert Progress().best_levels() == {KEY: 2, "losses/hinge_loss": 1}
