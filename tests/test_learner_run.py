"""`pytest exercises/<topic>` as a learner runs it, in a fresh copy of the project."""

from __future__ import annotations

import re
import shutil

from mlkata.catalog import exercises_of
from mlkata.learner.progress import Progress
from mlkata.learner.state import State, states
from tests.helpers import ROOT, run_pytest


def test_fresh_stubs_fail_every_exercise_with_a_readable_summary(learner_checkout):
    result = run_pytest(["exercises/losses"], cwd=learner_checkout)
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    for exercise in exercises_of(["losses"], ROOT):
        assert re.search(rf"{exercise.key}\s+0/\d+\s+not implemented yet", out), out
    assert "Traceback" not in out and "NotImplementedError" not in out, out
    assert "0 of 7 exercises pass" in out
    assert "next: open exercises/losses/mean_absolute_error.py" in out
    assert len(out.splitlines()) < 40, out


def test_solved_and_wrong_exercises_are_reported(learner_checkout):
    exercises = learner_checkout / "exercises" / "losses"
    shutil.copy(ROOT / "solutions" / "losses" / "mean_squared_error.py", exercises)
    (exercises / "hinge_loss.py").write_text(
        "import numpy as np\n\n\n"
        "def hinge_loss(y_true, decision):\n"
        "    return float(np.mean(1 - np.asarray(y_true) * np.asarray(decision)))\n"
    )
    result = run_pytest(["exercises/losses"], cwd=learner_checkout)
    out = result.stdout
    assert re.search(r"✓ losses/mean_squared_error\s+(\d+)/\1\s+passes", out), out
    assert re.search(r"✗ losses/hinge_loss\s+\d+/\d+\s+\d+ of \d+ checks fail", out), out
    assert "did you forget the max(0, ...)?" in out
    assert "expected" in out and "got" in out


def test_one_exercise_file_can_be_graded_alone(learner_checkout):
    result = run_pytest(["exercises/losses/hinge_loss.py"], cwd=learner_checkout)
    assert "losses/hinge_loss" in result.stdout
    assert "losses/log_loss" not in result.stdout
    assert re.search(r"\d+ failed", result.stdout)


def test_graders_pass_on_the_solutions_through_pytest():
    result = run_pytest(["graders", "--target", "solutions", "-q"], cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"(\d+) of \1 exercises pass", result.stdout)


def test_plain_pytest_in_the_root_does_not_grade_the_learner(learner_checkout):
    (learner_checkout / "tests").symlink_to(ROOT / "tests")
    result = run_pytest(["--collect-only", "-q"], cwd=learner_checkout)
    assert "exercises/" not in result.stdout


def _solve(checkout, topic: str, module: str) -> None:
    shutil.copy(ROOT / "solutions" / topic / f"{module}.py", checkout / "exercises" / topic)


def test_a_learners_run_is_recorded_so_mlkata_shows_where_they_stand(learner_checkout, own_progress_file):
    _solve(learner_checkout, "losses", "hinge_loss")
    (learner_checkout / "exercises" / "losses" / "mean_squared_error.py").write_text(
        "import numpy as np\n\n\ndef mean_squared_error(y_true, y_pred):\n"
        "    return float(np.sqrt(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2)))\n"
    )
    result = run_pytest(["exercises/losses"], cwd=learner_checkout)
    assert "not recorded" not in result.stdout, result.stdout

    recorded = {g.exercise: g for g in Progress(own_progress_file).gradings()}
    assert set(recorded) == {e.key for e in exercises_of(["losses"], ROOT)}, "every exercise ran in full"
    assert {g.source for g in recorded.values()} == {"pytest"}
    hinge = recorded["losses/hinge_loss"]
    assert hinge.passed and hinge.score == hinge.max_score > 0
    assert not recorded["losses/mean_squared_error"].passed
    shown = {
        s.exercise.key: s.state
        for s in states(exercises_of(["losses"], ROOT), learner_checkout, Progress(own_progress_file))
    }
    assert shown["losses/hinge_loss"] is State.PASSING
    assert shown["losses/mean_squared_error"] is State.FAILING
    assert shown["losses/mean_absolute_error"] is State.NOT_STARTED  # still the stub

    (learner_checkout / "exercises" / "losses" / "hinge_loss.py").write_text("# started over\n")
    shown = {
        s.exercise.key: s.state
        for s in states(exercises_of(["losses"], ROOT), learner_checkout, Progress(own_progress_file))
    }
    assert shown["losses/hinge_loss"] is State.UNCHECKED, "the recording is of the file as it was"


def test_a_run_cut_short_or_told_not_to_is_not_recorded(learner_checkout, own_progress_file):
    _solve(learner_checkout, "losses", "hinge_loss")
    partial = run_pytest(["exercises/losses/hinge_loss.py", "-k", "margin"], cwd=learner_checkout)
    assert "deselected" in partial.stdout, partial.stdout
    told = run_pytest(["exercises/losses/hinge_loss.py", "--no-record"], cwd=learner_checkout)
    assert re.search(r"(\d+)/\1\s+passes", told.stdout), told.stdout
    assert not own_progress_file.exists() or Progress(own_progress_file).gradings() == []


def test_a_broken_progress_file_is_named_and_left_alone_while_grading_goes_on(
    learner_checkout, own_progress_file
):
    _solve(learner_checkout, "losses", "hinge_loss")
    own_progress_file.write_bytes(b"not a database")
    result = run_pytest(["exercises/losses/hinge_loss.py"], cwd=learner_checkout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"(\d+)/\1\s+passes", result.stdout), result.stdout
    assert "not recorded in your progress" in result.stdout
    assert "not a readable mlkata database" in result.stdout
    assert own_progress_file.read_bytes() == b"not a database"


def test_strict_markers_outside_the_checkout_config_knows_the_graders_markers(tmp_path):
    """The plugin registers ``points`` and ``hidden`` itself: no pyproject of ours is needed."""
    from mlkata.engine.specs import GraderSpec
    from tests.helpers import ROOT, run_pytest

    grader = ROOT / "graders" / "losses" / "test_hinge_loss.py"
    result = run_pytest(
        [
            "-c",
            str(_empty_ini(tmp_path)),
            "--strict-markers",
            str(grader),
            "--target",
            str(ROOT / "solutions"),
        ],
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    most = GraderSpec.load(grader).max_score
    assert f"{most}/{most}" in result.stdout


def _empty_ini(folder):
    path = folder / "pytest.ini"
    path.write_text("[pytest]\n")
    return path
