"""`pytest exercises/<topic>` as a learner runs it, in a fresh copy of the project."""

from __future__ import annotations

import re
import shutil

from mlkata.catalog import exercises_of
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
