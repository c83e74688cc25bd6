"""`mlkata gradescope build`: the zip, unpacked into a fake /autograder, grades a submission for real.

The zip is built by the command line from a pack of the losses topic whose graders carry a
hidden check each; ``run_autograder`` runs as a subprocess against a temporary root, with the
zip's own copy of mlkata first on the path, and its ``results.json`` is read as Gradescope would.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

HIDDEN = (
    "\n\n@hidden()\n@points(2)\ndef test_hidden_known_value({f}):\n"
    "    expect_close({f}.call([0.0, 0.0], [1.0, 3.0]), {v}, reference='SECRET-EXPECTATION', mistakes={m})\n"
)
RIGHT = ["mean_absolute_error", "huber_loss", "log_loss", "cross_entropy", "cross_entropy_from_logits"]
WRONG = "mean_squared_error"  # returns the RMSE
MISSING = "hinge_loss"
BUILD = [sys.executable, "-m", "mlkata.cli", "gradescope", "build", "--topics", "losses"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update(extra)
    return env


def _pack(folder: Path) -> Path:
    """The losses topic, with a hidden check in the graders of a right and of a wrong exercise."""
    shutil.copytree(ROOT / "solutions" / "losses", folder / "solutions" / "losses")
    graders = folder / "graders" / "losses"
    graders.mkdir(parents=True)
    for path in sorted((ROOT / "graders" / "losses").glob("test_*.py")):
        shutil.copy(path, graders / path.name)
    for module, value, mistakes in (("mean_absolute_error", 2.0, "()"), (WRONG, 5.0, "MISTAKES")):
        grader = graders / f"test_{module}.py"
        text = grader.read_text().replace(
            "from mlkata.grading import ", "from mlkata.grading import hidden, ", 1
        )
        grader.write_text(text + HIDDEN.format(f=module, v=value, m=mistakes))
    return folder


def _submission(folder: Path) -> None:
    folder.mkdir(parents=True)
    for module in RIGHT:
        shutil.copy(ROOT / "solutions" / "losses" / f"{module}.py", folder)
    text = (ROOT / "solutions" / "losses" / f"{WRONG}.py").read_text()
    right = "return float(np.dot(residual, residual) / residual.size)"
    assert right in text
    (folder / f"{WRONG}.py").write_text(text.replace(right, f"return float(np.sqrt({right[13:-1]}))"))


def run_autograder(root: Path, *arguments: str) -> subprocess.CompletedProcess:
    """``/autograder/run_autograder`` as Gradescope runs it (from the root), on the fake root."""
    env = _env(
        MLKATA_AUTOGRADER_ROOT=str(root),
        MLKATA_AUTOGRADER_PYTHON=sys.executable,
        PYTHONPATH=str(root / "source" / "mlkata" / "src"),  # the zip's mlkata, not the checkout's
    )
    return subprocess.run(
        [str(root / "run_autograder"), *arguments],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


class Autograder:
    def __init__(self, folder: Path) -> None:
        pack = _pack(folder / "pack")
        self.zip = folder / "build" / "autograder.zip"
        self.build = subprocess.run(
            [*BUILD, "--out", str(self.zip), "--hidden-visibility", "after_published"],
            cwd=folder,
            env=_env(MLKATA_ROOT=str(pack)),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert self.build.returncode == 0, self.build.stdout + self.build.stderr
        self.root = folder / "autograder"
        with zipfile.ZipFile(self.zip) as bundle:
            bundle.extractall(self.root / "source")
            self.modes = {i.filename: i.external_attr >> 16 for i in bundle.infolist()}
        for name in ("setup.sh", "run_autograder"):  # zipfile drops the modes: put them back, as unzip does
            (self.root / "source" / name).chmod(self.modes[name] & 0o777)
        shutil.copy(
            self.root / "source" / "run_autograder", self.root / "run_autograder"
        )  # as Gradescope does
        _submission(self.root / "submission")
        self.run = run_autograder(self.root)

    def results(self) -> dict:
        return json.loads((self.root / "results" / "results.json").read_text())


@pytest.fixture(scope="module")
def autograder(tmp_path_factory) -> Autograder:
    return Autograder(tmp_path_factory.mktemp("gradescope"))


def _by_exercise(data: dict) -> dict[str, list[dict]]:
    tests: dict[str, list[dict]] = {}
    for test in data["tests"]:
        tests.setdefault(test["name"].split(" :: ")[0], []).append(test)
    return tests


def test_the_zip_follows_gradescopes_layout(autograder):
    assert "7 exercises of losses" in autograder.build.stdout
    names = set(autograder.modes)
    assert {"setup.sh", "run_autograder", "mlkata-autograder.json", "mlkata/pyproject.toml"} <= names
    assert autograder.modes["setup.sh"] & stat.S_IXUSR and autograder.modes["run_autograder"] & stat.S_IXUSR
    assert "mlkata/src/mlkata/batch/autograder.py" in names
    assert (
        "mlkata/graders/losses/test_hinge_loss.py" in names
        and "mlkata/solutions/losses/hinge_loss.py" in names
    )
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [
        n for n in names if n.startswith(("mlkata/graders/metrics", "mlkata/exercises", "mlkata/tests"))
    ]
    config = json.loads((autograder.root / "source" / "mlkata-autograder.json").read_text())
    assert config["topics"] == ["losses"] and config["hidden_visibility"] == "after_published"
    setup = (autograder.root / "source" / "setup.sh").read_text()
    assert "apt-get install" in setup and 'pip install "$here/mlkata"' in setup
    subprocess.run(["bash", "-n", str(autograder.root / "source" / "setup.sh")], check=True)


def test_run_autograder_grades_the_submission_with_the_zips_mlkata(autograder):
    assert autograder.run.returncode == 0, autograder.run.stdout + autograder.run.stderr
    bundled = autograder.root / "source" / "mlkata" / "src" / "mlkata"
    assert f"from {bundled}" in autograder.run.stdout
    data = autograder.results()
    assert data["score"] == sum(t["score"] for t in data["tests"])
    assert data["max_score"] == sum(t["max_score"] for t in data["tests"])
    assert f"score {data['score']}/{data['max_score']}" in autograder.run.stdout
    assert data["output_format"] == "md" and data["test_output_format"] == "md"
    assert data["output"].startswith(f"**mlkata: {data['score']}/{data['max_score']} points**")
    tests = _by_exercise(data)
    assert list(tests) == [f"losses/{m}" for m in ("mean_absolute_error", WRONG, *RIGHT[1:], MISSING)]
    for module in RIGHT:
        assert all(
            t["score"] == t["max_score"] and t["status"] == "passed" for t in tests[f"losses/{module}"]
        )
    for test in tests[f"losses/{WRONG}"]:  # the RMSE still rejects bad input
        assert test["score"] == (test["max_score"] if test["name"].endswith("test_rejects_bad_input") else 0)
    for test in tests[f"losses/{MISSING}"]:
        assert test["score"] == 0 and "losses/hinge_loss.py is missing" in test["output"]
        assert test["tags"] == ["losses"]


def test_each_test_has_a_number_tags_and_markdown_output(autograder):
    data = autograder.results()
    for exercise, (key, tests) in enumerate(_by_exercise(data).items(), 1):
        assert [t["number"] for t in tests] == [f"{exercise}.{check}" for check in range(1, len(tests) + 1)]
        for test in tests:
            assert test["tags"][0] == "losses", key
            assert test["output"] == "" or re.fullmatch(r"```\n.+\n```", test["output"], re.DOTALL)
    visible_wrong = [t for t in _by_exercise(data)[f"losses/{WRONG}"] if t["visibility"] == "visible"]
    failed_with_hint = [t for t in visible_wrong if "hint: that is the RMSE" in t["output"]]
    assert failed_with_hint
    for test in failed_with_hint:
        assert test["tags"] == ["losses", "mistake: that is the RMSE: the MSE takes no square root"]


def test_hidden_checks_are_shown_after_publishing_without_details(autograder):
    data = autograder.results()
    hidden = {t["name"]: t for t in data["tests"] if t["name"].endswith("test_hidden_known_value")}
    right, wrong = (
        hidden["losses/mean_absolute_error :: test_hidden_known_value"],
        hidden[f"losses/{WRONG} :: test_hidden_known_value"],
    )
    assert right["visibility"] == wrong["visibility"] == "after_published"
    assert (right["score"], wrong["score"]) == (2, 0) and right["max_score"] == wrong["max_score"] == 2
    assert wrong["output"] == "" and wrong["tags"] == ["losses"]  # its hint is a detail too
    assert "SECRET-EXPECTATION" not in (autograder.root / "results" / "results.json").read_text()
    visible = [t for t in data["tests"] if t not in hidden.values()]
    assert {t["visibility"] for t in visible} == {"visible"}


def test_run_autograder_takes_another_visibility_for_hidden_checks(autograder):
    again = run_autograder(autograder.root, "--hidden-visibility", "after_due_date")
    assert again.returncode == 0, again.stdout + again.stderr
    data = json.loads((autograder.root / "results" / "results.json").read_text())
    shown = {t["visibility"] for t in data["tests"] if t["name"].endswith("test_hidden_known_value")}
    assert shown == {"after_due_date"}


def test_without_a_sandbox_every_check_scores_zero_with_the_reason(autograder, tmp_path, monkeypatch):
    from mlkata.batch import autograder as module

    root = tmp_path / "autograder"
    shutil.copytree(autograder.root / "source", root / "source")
    _submission(root / "submission")
    monkeypatch.setattr(module, "sandbox_problem", lambda: "the grading sandbox cannot start here (test)")
    assert module.main(["--root", str(root)]) == 0
    data = json.loads((root / "results" / "results.json").read_text())
    assert data["score"] == 0 and data["max_score"] == autograder.results()["max_score"]
    assert all(
        "not graded: the grading sandbox cannot start here (test)" in t["output"]
        for t in data["tests"]
        if t["visibility"] == "visible"
    )
    assert {t["visibility"] for t in data["tests"]} == {"visible", "after_published"}


def test_a_missing_submission_folder_still_gives_results(autograder, tmp_path):
    root = tmp_path / "autograder"
    shutil.copytree(autograder.root / "source", root / "source")
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    done = run_autograder(root)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads((root / "results" / "results.json").read_text())
    assert data["score"] == 0 and data["tests"]
    assert "no submission folder" in data["tests"][0]["output"]


def test_mlkata_grade_sets_the_visibility_of_hidden_checks_on_every_student(tmp_path):
    from mlkata.batch.gradescope import apply_hidden_visibility
    from mlkata.batch.report import ExpectedCheck, StudentResult, read_results, write_student

    expected = {"losses/hinge_loss": [ExpectedCheck("test_a", 1), ExpectedCheck("test_b", 2, hidden=True)]}
    checks = [
        {"name": "test_a", "points": 1, "passed": True},
        {"name": "test_b", "points": 2, "passed": False, "hidden": True, "message": "x\n  hint: secret"},
    ]
    for student in ("ann", "bo"):
        result = StudentResult(student, "d", ["losses"], {"losses/hinge_loss": {"checks": checks}})
        write_student(tmp_path, result, expected)
    assert apply_hidden_visibility(tmp_path, "after_published") == 2
    assert apply_hidden_visibility(tmp_path, "after_published") == 0  # nothing left to change
    for student in ("ann", "bo"):
        data = read_results(tmp_path / student / "results.json")
        assert [t["visibility"] for t in data["tests"]] == ["visible", "after_published"]
        assert data["tests"][1]["output"] == "" and data["tests"][1]["tags"] == ["losses"]
        assert [t["number"] for t in data["tests"]] == ["1.1", "1.2"]
    assert apply_hidden_visibility(tmp_path, "hidden") == 2
    with pytest.raises(ValueError, match="after_published"):
        apply_hidden_visibility(tmp_path, "visible")
