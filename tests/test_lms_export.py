"""`mlkata export canvas|moodle`: LMS import files from a real batch's grades.csv and a roster."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.batch import lms
from mlkata.batch.report import ExpectedCheck, StudentResult, write_grades, write_student
from mlkata.batch.roster import Member
from tests.helpers import ROOT

ROSTER = (
    "name,id,email,section\n"
    "Ann Lee,s001,ann@uni.edu,A\n"
    "José Müller,s002,jose@uni.edu,B\n"
    "Bo Chen,s003,,A\n"  # hands nothing in, and has no email
)


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}


def _mlkata(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mlkata.cli", *arguments],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> Path:
    """A real ``mlkata grade --roster`` of three students, one of them not on the roster."""
    folder = tmp_path_factory.mktemp("lms")
    (folder / "roster.csv").write_text(ROSTER, encoding="utf-8")
    submissions = folder / "submissions"
    for student, modules in (
        ("Ann Lee", ["mean_absolute_error", "mean_squared_error", "hinge_loss"]),
        ("s002", ["mean_absolute_error"]),  # José, by id
        ("Zed Stranger", ["hinge_loss"]),
    ):
        (submissions / student).mkdir(parents=True)
        for module in modules:
            shutil.copy(ROOT / "solutions" / "losses" / f"{module}.py", submissions / student)
    done = _mlkata(
        "grade",
        str(submissions),
        "--out",
        str(folder / "results"),
        "--topics",
        "losses",
        "--jobs",
        "2",
        "--roster",
        str(folder / "roster.csv"),
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    return folder


def _grades(folder: Path) -> dict[str, dict[str, str]]:
    with open(folder / "results" / "grades.csv", encoding="utf-8", newline="") as handle:
        return {row["name"]: row for row in csv.DictReader(handle)}


def test_canvas_import_has_every_roster_member_and_points_possible(graded):
    out = graded / "canvas.csv"
    done = _mlkata(
        "export",
        "canvas",
        str(graded / "results"),
        "--roster",
        str(graded / "roster.csv"),
        "--out",
        str(out),
        "--assignment",
        "PS1",
        "--assignment-id",
        "4242",
        cwd=graded,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    grades = _grades(graded)
    rows = _rows(out)
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "PS1 (4242)"]
    with open(graded / "results" / "grades.csv", encoding="utf-8", newline="") as handle:
        most = next(r for r in csv.DictReader(handle) if r["student"] == "(max)")["max_score"]
    assert rows[1] == ["Points Possible", "", "", "", "", most]
    assert rows[2:] == [
        ["Ann Lee", "", "s001", "", "A", grades["Ann Lee"]["total"]],
        ["José Müller", "", "s002", "", "B", grades["s002"]["total"]],
        ["Bo Chen", "", "s003", "", "A", "0"],  # handed nothing in
    ]
    assert "1 on the roster with no graded submission, given 0: Bo Chen" in done.stdout
    assert int(grades["Ann Lee"]["total"]) > int(grades["s002"]["total"]) > 0
    # the stranger is not in the import, nor lost: beside it, with the grade
    side = _rows(graded / "canvas-not-on-roster.csv")
    assert side[0][:5] == ["student", "name", "id", "email", "total"]
    assert [r[1] for r in side[1:]] == ["Zed Stranger"] and side[1][4] == grades["Zed Stranger"]["total"]
    assert "3 student(s) of the roster, 'PS1' out of" in done.stdout
    assert "1 graded student(s) not on the roster" in done.stdout and "Zed Stranger" in done.stdout


def test_moodle_import_by_email_and_by_idnumber(graded):
    grades = _grades(graded)
    out = graded / "moodle.csv"
    arguments = ["export", "moodle", str(graded / "results"), "--roster", str(graded / "roster.csv")]
    done = _mlkata(*arguments, "--out", str(out), "--assignment", "PS1", cwd=graded)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _rows(out) == [
        ["email", "PS1"],
        ["ann@uni.edu", grades["Ann Lee"]["total"]],
        ["jose@uni.edu", grades["s002"]["total"]],
    ]
    assert "1 on the roster without that identifier, left out: Bo Chen" in done.stdout
    done = _mlkata(*arguments, "--out", str(out), "--identifier", "idnumber", cwd=graded)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _rows(out)[0] == ["idnumber", "mlkata"] and _rows(out)[3] == ["s003", "0"]
    assert (graded / "moodle-not-on-roster.csv").is_file()


def test_bad_files_get_a_clear_message(graded, tmp_path):
    (tmp_path / "grades.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    base = ["export", "canvas", "--roster", str(graded / "roster.csv"), "--out", str(tmp_path / "c.csv")]
    done = _mlkata(*base[:2], str(tmp_path), *base[2:], cwd=tmp_path)
    assert done.returncode == 2 and "not a grades.csv of mlkata grade" in done.stdout
    (tmp_path / "roster.csv").write_text("who,when\nx,y\n", encoding="utf-8")
    done = _mlkata(
        "export",
        "moodle",
        str(graded / "results"),
        "--roster",
        str(tmp_path / "roster.csv"),
        "--out",
        str(tmp_path / "m.csv"),
        cwd=tmp_path,
    )
    assert done.returncode == 2 and "has no 'name' column" in done.stdout
    assert not (tmp_path / "c.csv").exists() and not (tmp_path / "m.csv").exists()


def _grades_file(folder: Path, students: dict[str, tuple[int, str, str]], missing=()) -> Path:
    """A grades.csv written by mlkata's own writer: ``name -> (points of 3, id, email)``."""
    expected = {"losses/hinge_loss": [ExpectedCheck("a", 1), ExpectedCheck("b", 2)]}
    rows = []
    for name, (points, roster_id, email) in students.items():
        checks = [
            {"name": "a", "points": 1, "passed": points in (1, 3)},
            {"name": "b", "points": 2, "passed": points >= 2},
        ]
        result = StudentResult(
            name.lower().replace(" ", "_"), "d", ["losses"], {"losses/hinge_loss": {"checks": checks}}
        )
        result.name, result.roster_id, result.email = name, roster_id, email
        rows.append(write_student(folder, result, expected))
    return write_grades(folder, rows, list(expected), list(missing))


def test_a_canvas_export_serves_as_the_roster_and_keeps_its_columns(tmp_path):
    canvas_roster = (
        "Student,ID,SIS User ID,SIS Login ID,Section,PS0 (11)\n"
        "    Points Possible,,,,,10\n"
        '"Lee, Ann",1001,s001,alee,Section A,7\n'
        '"=Chen, Bo",1002,s003,bchen,Section B,\n'
    )
    grades = _grades_file(tmp_path, {"alee": (3, "", ""), "Bo": (1, "1002", "")})
    with open(grades, encoding="utf-8", newline="") as handle:
        rows, most = lms.read_grades(handle)
    entries = lms.roster_entries(io.StringIO(canvas_roster))
    assert [e.member.name for e in entries] == ["Lee, Ann", "=Chen, Bo"]  # not "Points Possible"
    export = lms.canvas_export(rows, most, entries, "PS1")
    assert export.rows == [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "PS1"],
        ["Points Possible", "", "", "", "", "3"],
        ["Lee, Ann", "1001", "s001", "alee", "Section A", "3"],
        ["'=Chen, Bo", "1002", "s003", "bchen", "Section B", "1"],  # a name is never a formula
    ]
    assert not export.not_on_roster and not export.no_grade


def test_missing_members_get_zero_or_blank_and_duplicates_keep_the_higher(tmp_path):
    grades = _grades_file(
        tmp_path,
        {"Ann Lee": (1, "", ""), "s001": (3, "", ""), "Stranger": (2, "", "")},
        missing=[Member("Bo Chen", "s003", "bo@uni.edu")],
    )
    with open(grades, encoding="utf-8", newline="") as handle:
        rows, most = lms.read_grades(handle)
    assert most == 3 and [r.name for r in rows] == ["Ann Lee", "s001", "Stranger", "Bo Chen"]
    entries = lms.roster_entries(io.StringIO(ROSTER))
    export = lms.moodle_export(rows, entries, "PS1", "idnumber", missing="blank")
    assert export.rows == [["idnumber", "PS1"], ["s001", "3"], ["s002", ""], ["s003", ""]]
    assert [m.name for m in export.no_grade] == ["José Müller", "Bo Chen"]  # Bo: "no submission"
    assert export.duplicates == ["Ann Lee: ann_lee (1) and s001 (3)"]
    assert [r.name for r in export.not_on_roster] == ["Stranger"]
    out = tmp_path / "moodle.csv"
    assert lms.write_export(export, out, most) == tmp_path / "moodle-not-on-roster.csv"
    assert _rows(tmp_path / "moodle-not-on-roster.csv")[1][:5] == ["stranger", "Stranger", "", "", "2"]
    export.not_on_roster.clear()
    assert lms.write_export(export, out, most) is None
    assert not (tmp_path / "moodle-not-on-roster.csv").exists()  # no stale list of strangers
