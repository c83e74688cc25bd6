"""The same submission gets the same grade whichever way it is graded.

Two students, each handing in a mutant (a known mistake) for every losses exercise, are
graded four ways: ``pytest graders --target`` in-process, the same with ``--sandbox``,
``mlkata grade`` (the batch), and real nbgrader autograde of the classroom notebook. Every
check must get the same points all four ways, and the same message in the three that report
one as text (the notebook's test cell shows it as its error).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

nbgrader = pytest.importorskip("nbgrader")

from mlkata.maintainer.checks import mutants_of  # noqa: E402
from tests.classroom_course import LOSSES, TOPIC, make_course  # noqa: E402
from tests.helpers import ROOT  # noqa: E402
from tests.test_classroom import mutant_answer  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")
TIMEOUT = 10


def _students() -> dict[str, dict[str, str]]:
    """student -> module -> the answer: the student's k-th mutant of each exercise."""
    return {
        f"mutants{k}": {e.module: mutant_answer(e.module, mutants_of(e, ROOT)[k].name) for e in LOSSES}
        for k in (0, 1)
    }


def _pytest_report(target: Path, out: Path, *extra: str) -> dict:
    graders = [str(e.grader_path(ROOT)) for e in LOSSES]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    command = [sys.executable, "-m", "pytest", *graders, "--target", str(target), "--mlkata-report", str(out)]
    command += ["--call-timeout", str(TIMEOUT), "-p", "no:cacheprovider", "-q", "--tb=no", *extra]
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=600, check=False)
    return json.loads(out.read_text())


def _from_report(report: dict) -> dict[str, tuple[float, str]]:
    return {
        f"{key} :: {check['name']}": (float(check["points"] if check["passed"] else 0), check["message"])
        for key, exercise in report.items()
        for check in exercise["checks"]
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> dict[str, dict[str, dict]]:
    base = tmp_path_factory.mktemp("four")
    students = _students()
    submissions = base / "submissions"
    for student, answers in students.items():
        for module, text in answers.items():
            path = submissions / student / TOPIC / f"{module}.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    ways: dict[str, dict[str, dict]] = {"in-process": {}, "sandbox": {}, "batch": {}, "notebook": {}}
    for student in students:
        target = submissions / student
        ways["in-process"][student] = _from_report(_pytest_report(target, base / f"{student}-in.json"))
        ways["sandbox"][student] = _from_report(
            _pytest_report(target, base / f"{student}-sb.json", "--sandbox")
        )
    out = base / "out"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mlkata.cli",
            "grade",
            str(submissions),
            "--out",
            str(out),
            "--topics",
            TOPIC,
            "--call-timeout",
            str(TIMEOUT),
            "--jobs",
            "1",
        ],
        cwd=ROOT,
        capture_output=True,
        timeout=600,
        check=True,
    )
    for student in students:
        data = json.loads((out / student / "results.json").read_text())
        ways["batch"][student] = {t["name"]: (float(t["score"]), t.get("output", "")) for t in data["tests"]}
    for course in make_course(base / "classroom", TIMEOUT):
        for student, answers in students.items():
            course.submit(student, answers)
            course.autograde(student)
            cells = {
                c.metadata["nbgrader"]["grade_id"]: c
                for c in course.autograded(student).cells
                if c.metadata.get("nbgrader", {}).get("grade")
            }
            scores = course.cell_scores(student)
            ways["notebook"][student] = {
                grade_id: (scores[grade_id], str(cells[grade_id].get("outputs", ""))) for grade_id in scores
            }
    return ways


def test_the_same_points_in_process_sandboxed_batch_and_notebook(graded):
    for student, inside in graded["in-process"].items():
        points = {name: p for name, (p, _) in inside.items()}
        assert {n: p for n, (p, _) in graded["sandbox"][student].items()} == points, student
        assert {n: p for n, (p, _) in graded["batch"][student].items()} == points, student
        by_cell = {n.replace("losses/", "").replace(" :: ", "-"): p for n, p in points.items()}
        assert {n: p for n, (p, _) in graded["notebook"][student].items()} == by_cell, student
    assert any(p == 0 for s in graded["in-process"].values() for p, _ in s.values())


def test_the_same_message_in_process_sandboxed_and_in_the_batch_and_notebook(graded):
    for student, inside in graded["in-process"].items():
        for name, (points, message) in inside.items():
            assert graded["sandbox"][student][name][1] == message, (student, name)
            if points == 0 and message:
                first = message.splitlines()[0]
                assert first in graded["batch"][student][name][1], (student, name)
                cell = name.replace("losses/", "").replace(" :: ", "-")
                assert first in graded["notebook"][student][cell][1].replace("\\n", "\n"), (student, name)
