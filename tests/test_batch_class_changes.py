"""`mlkata grade` when the class folder is not tidy: links, students who left, Ctrl-C, the sample.

Each test grades a pack of one exercise (``losses/hinge_loss``), so that it takes seconds.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import ROOT
from tests.test_batch_grading import _honest_folder

MODULE = "hinge_loss"


def _pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    for folder in ("solutions", "graders"):
        (root / folder / "losses").mkdir(parents=True)
    (root / "solutions" / "losses" / f"{MODULE}.py").write_bytes(
        (ROOT / "solutions" / "losses" / f"{MODULE}.py").read_bytes()
    )
    (root / "graders" / "losses" / f"test_{MODULE}.py").write_bytes(
        (ROOT / "graders" / "losses" / f"test_{MODULE}.py").read_bytes()
    )
    for name in ("conftest.py", "pyproject.toml"):
        (root / name).write_bytes((ROOT / name).read_bytes())
    return root


def _command(root: Path, submissions: Path, out: Path, *extra: str) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["MLKATA_ROOT"] = str(root)
    command = [sys.executable, "-m", "mlkata.cli", "grade", str(submissions), "--out", str(out)]
    return [*command, "--topics", "losses", *extra], env


def _grade(root: Path, submissions: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    command, env = _command(root, submissions, out, *extra)
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600)


def _grades(out: Path) -> dict[str, dict[str, str]]:
    with open(out / "grades.csv", newline="", encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def test_a_linked_student_folder_is_graded_and_a_broken_link_is_named(tmp_path):
    root = _pack(tmp_path)
    downloads, submissions, out = tmp_path / "lms-download", tmp_path / "class", tmp_path / "out"
    _honest_folder(downloads / "ann-attempt-3")
    submissions.mkdir()
    (submissions / "ann").symlink_to(downloads / "ann-attempt-3", target_is_directory=True)
    (submissions / "bo").symlink_to(downloads / "bo-attempt-1", target_is_directory=True)  # not there
    done = _grade(root, submissions, out)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = done.stdout.replace("\n", " ")
    assert "graded 1 student(s)" in summary
    assert f"skipped bo: a link to {downloads / 'bo-attempt-1'}, which does not exist" in summary
    rows = _grades(out)
    assert rows["ann"]["total"] == rows["(max)"]["total"] != "0"
    assert "bo" not in rows


def test_a_student_no_longer_in_the_class_is_named_and_left_out_of_grades_csv(tmp_path):
    root = _pack(tmp_path)
    submissions, out = tmp_path / "class", tmp_path / "out"
    _honest_folder(submissions / "ann")
    _honest_folder(submissions / "cy")
    assert _grade(root, submissions, out).returncode == 0
    for path in sorted((submissions / "cy").rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    (submissions / "cy").rmdir()
    done = _grade(root, submissions, out)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = done.stdout.replace("\n", " ")
    assert "1 folder(s) of" in summary and "no longer in" in summary
    assert "left out of grades.csv: cy" in summary
    assert set(_grades(out)) == {"ann", "(max)"}
    assert (out / "cy" / "results.json").is_file()  # kept: nothing is deleted without asking


def test_ctrl_c_says_interrupted_keeps_the_finished_students_and_a_rerun_grades_the_rest(tmp_path):
    root = _pack(tmp_path)
    submissions, out = tmp_path / "class", tmp_path / "out"
    names = [f"s{n:02d}" for n in range(12)]
    for name in names:
        _honest_folder(submissions / name)
    command, env = _command(root, submissions, out, "--jobs", "1")
    process = subprocess.Popen(
        command, cwd=root, env=env, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 300
    while not list(out.glob("*/results.json")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C sends: the whole foreground group
    stdout, stderr = (stream.decode() for stream in process.communicate(timeout=120))
    assert process.returncode == 130, stdout + stderr[-3000:]
    assert "interrupted:" in stdout and "run the same command again" in stdout
    assert "status -9" not in stdout + stderr and "ended with status" not in stdout + stderr
    finished = {p.parent.name for p in out.glob("*/results.json")}
    assert 0 < len(finished) < len(names)
    rows = _grades(out)
    assert set(rows) - {"(max)"} == finished
    assert all(rows[name]["total"] == rows["(max)"]["total"] for name in finished)
    rerun = _grade(root, submissions, out)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert f"graded {len(names) - len(finished)} student(s), {len(finished)} already up to date" in (
        rerun.stdout.replace("\n", " ")
    )
    assert set(_grades(out)) - {"(max)"} == set(names)


def test_the_sample_class_says_what_it_wrote(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "mlkata.batch.sample", str(tmp_path / "class"), "--students", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"wrote 2 students to {tmp_path / 'class'}" in done.stdout
    assert "mlkata grade" in done.stdout
    assert len(list((tmp_path / "class" / "student01").rglob("*.py"))) > 40


def test_results_of_an_older_layout_are_graded_again(tmp_path):
    import json

    from mlkata.batch.report import FORMAT, read_results

    path = tmp_path / "results.json"
    data = {"tests": [], "extra_data": {"mlkata": {"format": FORMAT}}}
    path.write_text(json.dumps(data))
    assert read_results(path) == data
    data["extra_data"]["mlkata"]["format"] = FORMAT - 1
    path.write_text(json.dumps(data))
    assert read_results(path) is None
