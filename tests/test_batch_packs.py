"""`mlkata grade` on small packs of its own: hidden checks, broken graders, changed graders."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.helpers import ROOT
from tests.test_batch_grading import _honest_folder


def test_hidden_checks_keep_their_details_out_of_results_and_feedback(tmp_path):
    root = tmp_path / "pack"
    (root / "solutions" / "losses").mkdir(parents=True)
    (root / "graders" / "losses").mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / "losses" / "hinge_loss.py", root / "solutions" / "losses")
    grader = (ROOT / "graders" / "losses" / "test_hinge_loss.py").read_text()
    grader = grader.replace("from mlkata.grading import ", "from mlkata.grading import hidden, ")
    grader += (
        "\n\n@hidden()\n@points(2)\ndef test_hidden_margin(hinge_loss):\n"
        "    expect_close(hinge_loss.call([1, -1], [3.0, 0.5]), 0.75, reference='SECRET-EXPECTATION')\n"
    )
    (root / "graders" / "losses" / "test_hinge_loss.py").write_text(grader)
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    submissions = tmp_path / "submissions"
    _honest_folder(submissions / "right")
    wrong = _honest_folder(submissions / "wrong") / "losses" / "hinge_loss.py"
    wrong.write_text(
        wrong.read_text().replace("np.maximum(0.0, 1.0 - y_true * decision)", "1.0 - y_true * decision")
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["MLKATA_ROOT"] = str(root)
    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mlkata.cli",
            "grade",
            str(submissions),
            "--out",
            str(out),
            "--topics",
            "losses",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for student, passed in (("right", True), ("wrong", False)):
        data = json.loads((out / student / "results.json").read_text())
        (test,) = [t for t in data["tests"] if t["name"].endswith("test_hidden_margin")]
        assert test["visibility"] == "hidden" and test["max_score"] == 2
        assert test["score"] == (2 if passed else 0) and test["output"] == ""
        feedback = (out / student / "feedback.md").read_text()
        assert "SECRET-EXPECTATION" not in feedback and "test_hidden_margin" not in feedback
        assert "1 hidden check(s)" in feedback
    assert "SECRET-EXPECTATION" not in (out / "wrong" / "results.json").read_text()


def test_a_rerun_after_a_grader_changed_grades_everyone_again(tmp_path):
    root = tmp_path / "pack"
    (root / "solutions" / "losses").mkdir(parents=True)
    (root / "graders" / "losses").mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / "losses" / "hinge_loss.py", root / "solutions" / "losses")
    grader = root / "graders" / "losses" / "test_hinge_loss.py"
    shutil.copy(ROOT / "graders" / "losses" / "test_hinge_loss.py", grader)
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    _honest_folder(submissions / "ann")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["MLKATA_ROOT"] = str(root)
    command = [sys.executable, "-m", "mlkata.cli", "grade", str(submissions), "--out", str(out)]
    command += ["--topics", "losses"]

    def grade() -> tuple[str, int]:
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout.replace("\n", " "), json.loads((out / "ann" / "results.json").read_text())[
            "max_score"
        ]

    _, first_max = grade()
    unchanged, _ = grade()
    assert "graded 0 student(s), 1 already up to date" in unchanged
    grader.write_text(grader.read_text() + "\n\n@points(5)\ndef test_one_more(hinge_loss):\n    pass\n")
    again, new_max = grade()
    assert "graded 1 student(s), 0 already up to date" in again
    assert new_max == first_max + 5


def test_a_grader_that_cannot_be_imported_is_named_and_the_others_still_grade(tmp_path):
    root = tmp_path / "pack"
    for folder in ("solutions", "graders"):
        (root / folder / "losses").mkdir(parents=True)
    for module in ("hinge_loss", "mean_squared_error"):
        shutil.copy(ROOT / "solutions" / "losses" / f"{module}.py", root / "solutions" / "losses")
    shutil.copy(ROOT / "graders" / "losses" / "test_hinge_loss.py", root / "graders" / "losses")
    broken = (ROOT / "graders" / "losses" / "test_mean_squared_error.py").read_text()
    (root / "graders" / "losses" / "test_mean_squared_error.py").write_text(
        broken + "\nraise RuntimeError('a broken grader')\n"
    )
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    submissions = tmp_path / "submissions"
    _honest_folder(submissions / "right")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["MLKATA_ROOT"] = str(root)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "mlkata.cli", "grade", str(submissions), "--out", str(out)]
    result = subprocess.run(
        [*command, "--topics", "losses"], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )
    named = "cannot read the grader of losses/mean_squared_error: RuntimeError('a broken grader')"
    assert named in result.stderr
    data = json.loads((out / "right" / "results.json").read_text())
    scores = data["extra_data"]["mlkata"]["exercises"]
    assert scores["losses/hinge_loss"] > 0 and scores["losses/mean_squared_error"] == 0
    assert {t["name"].split(" :: ")[0] for t in data["tests"]} == {"losses/hinge_loss"}
    assert all(t["score"] == t["max_score"] for t in data["tests"])


def test_a_roster_puts_ids_and_emails_in_grades_csv_and_names_who_handed_nothing_in(tmp_path):
    import csv

    root = tmp_path / "pack"
    (root / "solutions" / "losses").mkdir(parents=True)
    (root / "graders" / "losses").mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / "losses" / "hinge_loss.py", root / "solutions" / "losses")
    shutil.copy(ROOT / "graders" / "losses" / "test_hinge_loss.py", root / "graders" / "losses")
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    _honest_folder(submissions / "José Müller")
    _honest_folder(submissions / "s-007")
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "\ufeffName,ID,Email\nJosé Müller,s-001,jose@uni.edu\n"
        "Ann Lee,s-007,ann@uni.edu\nBo Chen,s-009,bo@uni.edu\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["MLKATA_ROOT"] = str(root)
    command = [sys.executable, "-m", "mlkata.cli", "grade", str(submissions), "--out", str(out)]
    command += ["--topics", "losses", "--roster", str(roster)]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "no submission from 1 on the roster: Bo Chen" in done.stdout.replace("\n", " ")
    with open(out / "grades.csv", newline="", encoding="utf-8") as handle:
        rows = {row["name"]: row for row in csv.DictReader(handle)}
    assert (rows["José Müller"]["id"], rows["José Müller"]["email"]) == ("s-001", "jose@uni.edu")
    assert rows["s-007"]["email"] == "ann@uni.edu"  # matched by id
    assert rows["Bo Chen"]["total"] == "0" and rows["Bo Chen"]["notes"] == "no submission"
    data = json.loads((out / rows["José Müller"]["student"] / "results.json").read_text())
    assert data["extra_data"]["mlkata"]["id"] == "s-001"
