"""The maintainer's loop: `mlkata new` scaffolds from the curriculum row, `mlkata dev check` checks.

The suite runs dev check's own functions: the files each exercise needs here, the mutants'
verdicts in tests/test_mutants.py (through :func:`mlkata.maintainer.checks.mutant_verdict`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from mlkata.catalog import all_exercises
from mlkata.maintainer.checks import problems
from tests.helpers import ROOT


@pytest.mark.parametrize("exercise", all_exercises(ROOT), ids=lambda e: e.key)
def test_dev_check_finds_nothing_missing(exercise):
    found = problems(exercise, ROOT, grading=False)
    assert not found, "\n".join(map(str, found))


def _mlkata(root, *args):
    env = {**os.environ, "MLKATA_ROOT": str(root), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "mlkata.cli", *args], cwd=root, env=env, capture_output=True, text=True
    )


def _losses_pack(tmp_path):
    root = tmp_path / "pack"
    for folder in ("solutions/losses", "graders/losses", "tests/mutants/losses", "exercises/losses"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "benchmarks" / "cases").mkdir(parents=True)
    for name in ("__init__.py", "losses.py"):
        shutil.copy(ROOT / "benchmarks" / "cases" / name, root / "benchmarks" / "cases" / name)
    return root


def test_new_scaffolds_an_exercise_that_dev_check_calls_unfinished(tmp_path):
    root = _losses_pack(tmp_path)
    for path in (
        "solutions/losses/hinge_loss.py",
        "graders/losses/test_hinge_loss.py",
        "tests/mutants/losses/hinge_loss.py",
        "exercises/losses/hinge_loss.py",
    ):
        (root / path).unlink()
    cases = (root / "benchmarks" / "cases" / "losses.py").read_text()
    start = cases.index('@case("losses/hinge_loss"')
    (root / "benchmarks" / "cases" / "losses.py").write_text(cases[:start])
    assert _mlkata(root, "dev", "check", "--topics", "losses", "--fast").returncode == 0

    made = _mlkata(root, "new", "losses/hinge_loss")
    assert made.returncode == 0, made.stdout + made.stderr
    assert "wrote solutions/losses/hinge_loss.py" in made.stdout
    solution = (root / "solutions" / "losses" / "hinge_loss.py").read_text()
    assert "def hinge_loss(y_true, decision):" in solution and "sklearn.metrics.hinge_loss" in solution
    assert (
        '@case("losses/hinge_loss", "sklearn.metrics.hinge_loss")'
        in (root / "benchmarks" / "cases" / "losses.py").read_text()
    )

    checked = _mlkata(root, "dev", "check", "--topics", "losses")
    out = checked.stdout + checked.stderr
    assert checked.returncode == 1, out
    assert "losses/hinge_loss: solutions/losses/hinge_loss.py still has the scaffold's TODO" in out
    assert "losses/hinge_loss: exercises/losses/hinge_loss.py is not what `mlkata generate` writes" in out
    assert "losses/hinge_loss: the grader fails the solution" in out
    assert "losses/huber_loss" not in out

    again = _mlkata(root, "new", "losses/hinge_loss")
    assert again.returncode == 2 and "exists already" in again.stdout
    unknown = _mlkata(root, "new", "losses/hinge")
    assert unknown.returncode == 2 and "in no row of curriculum.tsv" in unknown.stdout


def test_a_mutant_verdict_names_an_accepted_mutant_and_a_missing_hint():
    from mlkata.catalog import find_exercise
    from mlkata.maintainer.checks import mutant_verdict, mutants_of, solution_functions
    from mlkata.mutants import Mutant

    exercise = find_exercise("losses/hinge_loss", ROOT)
    right = solution_functions(exercise, ROOT)["hinge_loss"]
    assert "accepts the mutant same" in mutant_verdict(exercise, Mutant("same", "hinge_loss", right), ROOT)
    hinted = next(m for m in mutants_of(exercise, ROOT) if m.hint)
    wrong_hint = Mutant(hinted.name, "hinge_loss", hinted.function, "no grader says this")
    assert "gives no hint naming the mistake" in mutant_verdict(exercise, wrong_hint, ROOT)
    assert mutant_verdict(exercise, hinted, ROOT) is None
