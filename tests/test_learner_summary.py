"""The summary under `pytest exercises/...`: the next step, narrowed runs, printed output, layout.

And bare `pytest` at the checkout's root, which is the maintainers' suite, not the learner's.
Each test runs pytest in a fresh interpreter, in a fresh copy of the project.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from mlkata.engine.specs import GraderSpec
from tests.helpers import ROOT, run_pytest

RMSE = (
    "import numpy as np\n\n\n"
    "def mean_squared_error(y_true, y_pred):\n"
    "    print('my debugging line')\n"
    "    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)\n"
    "    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:\n"
    "        raise ValueError('expected two 1-D arrays of one length')\n"
    "    return float(np.sqrt(np.mean((y_true - y_pred) ** 2)))\n"
)


def _solve(checkout: Path, module: str) -> None:
    shutil.copy(ROOT / "solutions" / "losses" / f"{module}.py", checkout / "exercises" / "losses")


def _summary(output: str) -> str:
    return output[output.index("= mlkata =") :]


def _flat(output: str) -> str:
    return " ".join(output.split())


def test_the_next_line_is_right_from_a_subfolder(learner_checkout):
    (learner_checkout / "exercises" / "losses" / "mean_squared_error.py").write_text(RMSE)
    here = learner_checkout / "exercises" / "losses"
    result = run_pytest(["mean_squared_error.py"], cwd=here)
    assert "next: open mean_squared_error.py, then run pytest mean_squared_error.py" in _flat(result.stdout)
    deeper = run_pytest(["losses/mean_squared_error.py"], cwd=learner_checkout / "exercises")
    assert "next: open losses/mean_squared_error.py, then run pytest losses/mean_squared_error.py" in _flat(
        deeper.stdout
    )


def test_after_a_pass_pytest_names_the_next_exercise(learner_checkout):
    _solve(learner_checkout, "mean_absolute_error")
    result = run_pytest(["exercises/losses/mean_absolute_error.py"], cwd=learner_checkout)
    assert result.returncode == 0, result.stdout
    assert (
        "next: losses/mean_squared_error: open exercises/losses/mean_squared_error.py, then run "
        "pytest exercises/losses/mean_squared_error.py" in _flat(result.stdout)
    ), result.stdout
    again = run_pytest(["exercises/losses/mean_absolute_error.py", "--no-record"], cwd=learner_checkout)
    assert "next: losses/mean_squared_error: open" in again.stdout, "what passed is skipped, recorded or not"


def _checks(module: str) -> int:
    return len(GraderSpec.load(ROOT / "graders" / "losses" / f"test_{module}.py").checks)


def test_a_run_narrowed_with_k_says_how_many_checks_it_left_out(learner_checkout):
    _solve(learner_checkout, "hinge_loss")
    result = run_pytest(["exercises/losses/hinge_loss.py", "-k", "margin"], cwd=learner_checkout)
    summary = _summary(result.stdout)
    assert not re.search(r"\d+/\d+\s+passes\b", summary), summary
    left = _checks("hinge_loss") - 1
    assert re.search(
        rf"hinge_loss\s+\d+/\d+\s+the 1 check run passes \({left} of {left + 1} not run\)", summary
    ), summary
    assert f"{left} checks not run" in summary
    assert "next: run pytest exercises/losses/hinge_loss.py to grade all its checks" in _flat(summary)

    (learner_checkout / "exercises" / "losses" / "mean_squared_error.py").write_text(RMSE)
    failing = run_pytest(["exercises/losses/mean_squared_error.py", "-k", "known"], cwd=learner_checkout)
    left = _checks("mean_squared_error") - 1
    narrowed = rf"1 of 1 check run fails \({left} of {left + 1} not run\)"
    assert re.search(narrowed, failing.stdout), failing.stdout


def test_what_a_failing_check_printed_is_shown_under_plain_pytest(learner_checkout):
    (learner_checkout / "exercises" / "losses" / "mean_squared_error.py").write_text(RMSE)
    result = run_pytest(["exercises/losses/mean_squared_error.py"], cwd=learner_checkout)
    summary = _summary(result.stdout)
    assert "      your code printed:\n        my debugging line" in summary, summary
    assert "Traceback" not in result.stdout


def test_the_summary_wraps_under_its_items_without_trailing_spaces(learner_checkout):
    (learner_checkout / "exercises" / "losses" / "mean_squared_error.py").write_text(RMSE)
    result = run_pytest(["exercises/losses"], cwd=learner_checkout, columns=60)
    summary = _summary(result.stdout).splitlines()[1:-1]
    messages = [line for line in summary if line.startswith("      ") or line.startswith(" next")]
    assert messages and all(len(line) < 60 for line in messages), "\n".join(summary)
    assert all(line == line.rstrip() for line in summary), "\n".join(summary)
    call = next(i for i, line in enumerate(summary) if line.startswith("      mean_squared_error("))
    assert summary[call + 1].startswith(" " * len("      mean_squared_error(")), "\n".join(summary)
    nexts = [i for i, line in enumerate(summary) if line.startswith(" next: ")]
    assert nexts and summary[nexts[0] + 1].startswith(" " * len(" next: ")), "\n".join(summary)
    assert "0 of 7 exercises pass" in result.stdout


NO_DEV_EXTRA = """
import sys


class NoHypothesis:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.partition(".")[0] == "hypothesis":
            raise ModuleNotFoundError(name)
        return None


sys.meta_path.insert(0, NoHypothesis())
import pytest

sys.exit(pytest.main(sys.argv[1:]))
"""
"""pytest, as it runs where the dev extra (hypothesis, ...) is not installed: a learner's install."""


def test_bare_pytest_at_the_root_is_the_maintainers_suite_and_stops_at_once_for_a_learner(
    learner_checkout, tmp_path
):
    (learner_checkout / "tests").mkdir()
    (learner_checkout / "tests" / "test_suite.py").write_text("def test_a_maintainers_test():\n    pass\n")
    run = tmp_path / "learner_pytest.py"
    run.write_text(NO_DEV_EXTRA)
    learner = subprocess.run(
        [sys.executable, str(run), "-p", "no:cacheprovider"],
        cwd=learner_checkout,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert learner.returncode == 4, learner.stdout + learner.stderr
    assert "runs mlkata's own tests, for its maintainers" in learner.stderr
    assert "`pytest exercises/losses`" in learner.stderr
    assert "test_a_maintainers_test" not in learner.stdout

    graded = subprocess.run(
        [sys.executable, str(run), "-p", "no:cacheprovider", "exercises/losses/hinge_loss.py"],
        cwd=learner_checkout,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "losses/hinge_loss" in graded.stdout, graded.stdout + graded.stderr

    maintainer = run_pytest([], cwd=learner_checkout)  # python -m pytest, as CI runs it, dev extra there
    assert maintainer.returncode == 0, maintainer.stdout + maintainer.stderr
    assert "1 passed" in maintainer.stdout and "mlkata's own tests (for maintainers)" in maintainer.stdout
