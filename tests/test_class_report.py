"""The class report of a batch: report.html, report.md and mistakes.csv, from the batch's own files.

The classes here are written by the batch's own writers (:mod:`mlkata.batch.report`), then
broken the ways a real output folder gets broken; one test grades a real sample class.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.batch import report
from mlkata.batch.analytics import gather
from mlkata.batch.class_report import write_class_report
from mlkata.batch.intake import student_id
from tests.helpers import ROOT

MSE, HINGE = "losses/mean_squared_error", "losses/hinge_loss"
RMSE = "that is the RMSE: the MSE takes no square root"
MAE = "that is the mean *absolute* error: square the residuals instead"
SQUARED = "that is the squared hinge: the hinge loss is not squared"
HOSTILE = "<script>alert(1)</script>"
UNICODE = "José Müller 李"
EXPECTED = {
    MSE: [
        report.ExpectedCheck("test_random", 3),
        report.ExpectedCheck("test_corners", 2),
        report.ExpectedCheck("test_hidden", 1, hidden=True),
    ],
    HINGE: [report.ExpectedCheck("test_random", 4), report.ExpectedCheck("test_bad_input", 1)],
}


def _check(name: str, points: int, hints: tuple[str, ...] | None = None, hidden: bool = False) -> dict:
    """A grader's check result: passed when ``hints`` is None, else failed with those hints."""
    if hints is None:
        return {"name": name, "points": points, "passed": True, "message": "", "hidden": hidden}
    message = "f(array([1., 2.]), array([2., 4.]))\n  expected 2.5  (sklearn)\n  got      1.5811"
    message += "".join(f"\n  hint: {hint}" for hint in hints)
    return {"name": name, "points": points, "passed": False, "message": message, "hidden": hidden}


def _student(name: str, mse: tuple, hinge: tuple | None, error: str | None = None) -> report.StudentResult:
    random_hints, corner_hints, hidden_hints = mse
    exercises = {
        MSE: {
            "checks": [
                _check("test_random", 3, random_hints),
                _check("test_corners", 2, corner_hints),
                _check("test_hidden", 1, hidden_hints, hidden=True),
            ]
        }
    }
    if hinge is not None:
        exercises[HINGE] = {
            "checks": [_check("test_random", 4, hinge[0]), _check("test_bad_input", 1, hinge[1])]
        }
    result = report.StudentResult(student_id(name), "digest", ["losses"], exercises, name=name, error=error)
    return result


PASS = (None, None, None)


def write_class(out: Path) -> Path:
    """A graded class: six students counted, three broken ways of having no results.

    RMSE: 4 of 6 (Bob's corner check cannot tell it from the MAE, his random check gives it
    alone); the MAE: 1 of 6 (Cy: the ambiguous check alone); the squared hinge: 1 of 6; Dee's
    grading did not finish; Ann's hidden check's hint is not shown, so not counted.
    """
    students = [
        _student("Ann Lee", (None, None, (RMSE,)), (None, None)),
        _student(HOSTILE, ((RMSE,), (RMSE,), None), (None, None)),
        _student(UNICODE, ((RMSE,), None, None), ((SQUARED,), None)),
        _student("Bob | *bold*", ((RMSE,), (RMSE, MAE), None), (None, ())),
        _student("Cy", ((RMSE, MAE), None, None), (None, None)),
        _student("Dee", PASS, None, error="the grader process ended with status -9 before this submission"),
        _student("Eve", PASS, (None, None)),
        _student("Fay", PASS, (None, None)),
    ]
    rows = [report.write_student(out, s, EXPECTED) for s in students]
    report.write_grades(out, rows, list(EXPECTED))
    (out / student_id("Eve") / "results.json").write_text('{"tests": [', encoding="utf-8")  # cut short
    shutil.rmtree(out / student_id("Fay"))  # in grades.csv, its folder gone
    ghost = out / "ghost"  # a folder whose results.json was never written
    ghost.mkdir()
    (ghost / "feedback.md").write_text("# mlkata feedback: ghost\n", encoding="utf-8")
    return out


@pytest.fixture
def graded(tmp_path: Path) -> Path:
    out = write_class(tmp_path / "out")
    written = write_class_report(out)
    assert not written.error
    assert [p.name for p in written.written] == ["report.html", "report.md", "mistakes.csv"]
    return out


def _mistakes(out: Path) -> list[dict[str, str]]:
    with open(out / "mistakes.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_mistakes_csv_counts_each_student_once_per_exercise_and_mistake(graded):
    rows = _mistakes(graded)
    counts = {(r["exercise"], r["mistake"]): (int(r["students"]), int(r["of"])) for r in rows}
    assert counts == {(MSE, RMSE): (4, 6), (MSE, MAE): (1, 6), (HINGE, SQUARED): (1, 6)}
    rmse = next(r for r in rows if r["mistake"] == RMSE)
    assert rmse["share"] == "0.667"
    assert rmse["folders"].split("; ") == sorted(
        student_id(n) for n in (HOSTILE, UNICODE, "Bob | *bold*", "Cy")
    )


def test_the_markdown_says_who_made_what_and_passes_rates_and_medians(graded):
    text = (graded / "report.md").read_text(encoding="utf-8")
    assert "6 student(s) · 2 exercise(s) · 11 points" in text
    assert "| `losses/mean_squared_error` | 1 of 6 | 17% | 3 / 6 | 2 |" in text  # Ann's hidden check fails
    assert "| `losses/hinge_loss` | 3 of 6 | 50% | 4.5 / 5 | 1 |" in text  # Dee's: not graded, 0
    assert "- **4 of 6**: that is the RMSE: the MSE takes no square root" in text
    assert "- **1 of 6**: that is the mean \\*absolute\\* error" in text


def test_students_without_readable_results_are_counted_and_named_never_a_crash(graded):
    stats = gather(graded)
    why = {u.folder: u.why for u in stats.unreadable}
    assert why == {
        "Eve": "results.json is not valid JSON",
        "Fay": "no results folder",
        "ghost": "no results.json (not graded, or not written)",
    }
    text = (graded / "report.md").read_text(encoding="utf-8")
    assert "3 student(s) with no readable results, not in the counts above" in text
    assert "  - Fay: no results folder" in text
    assert "1 student(s) whose grading did not finish (counted as graded)" in text
    page = (graded / "report.html").read_text(encoding="utf-8")
    assert "ghost: no results.json (not graded, or not written)" in page


@pytest.mark.parametrize(
    "garbage",
    [
        "[1, 2]",
        '{"tests": "none"}',
        '{"tests": [{"name": "x"}]}',
        '{"tests": [{"name": "losses/hinge_loss :: t", "score": "4", "max_score": 4}]}',
        '{"tests": [{"name": "losses/hinge_loss :: t", "score": NaN, "max_score": 4}]}',
        '{"tests": [null]}',
        "\udcff".encode("utf-8", "surrogateescape").decode("latin-1"),
        "",
    ],
)
def test_any_broken_results_json_is_noted_and_the_others_still_counted(graded, garbage):
    (graded / student_id("Ann Lee") / "results.json").write_text(garbage, encoding="latin-1")
    written = write_class_report(graded)
    assert not written.error
    assert student_id("Ann Lee") in {u.folder for u in written.stats.unreadable}
    assert written.stats.class_size == 5


def test_names_are_escaped_in_html_and_markdown(graded):
    page = (graded / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert UNICODE in page
    assert "Bob | *bold*" in page
    text = (graded / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "| \\<script\\>alert(1)\\</script\\> |" in text
    assert f"| {UNICODE} |" in text
    assert "| Bob \\| \\*bold\\* |" in text


def test_the_html_is_one_self_contained_file_with_inline_svg(graded):
    page = (graded / "report.html").read_text(encoding="utf-8")
    addresses = set(re.findall(r"(?:https?:)?//[\w.-]+[^\s\"'<>]*", page))
    assert addresses == {"http://www.w3.org/2000/svg"}, addresses  # the SVG namespace, never fetched
    assert not re.search(r"\b(src|href)\s*=", page, re.IGNORECASE)
    assert "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert page.count('<svg class="chart"') == 2
    histogram = re.search(r'<svg class="chart" id="histogram".*?</svg>', page).group(0)
    assert [int(c) for c in re.findall(r'data-count="(\d+)"', histogram)] == [0, 0, 0, 1, 1, 2, 0, 1, 0, 1]


def test_old_results_without_tags_are_read_from_the_hint_lines(graded):
    for path in graded.glob("*/results.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        for test in data["tests"]:
            test.pop("tags", None)
        path.write_text(json.dumps(data), encoding="utf-8")
    before = _mistakes(graded)
    write_class_report(graded)
    assert _mistakes(graded) == before


def test_without_grades_csv_every_results_folder_is_a_student(graded):
    (graded / "grades.csv").unlink()
    stats = write_class_report(graded).stats
    assert stats.class_size == 6
    assert stats.notes == ["no grades.csv: every folder of the results counts as a student"]
    assert {u.folder for u in stats.unreadable} == {"Eve", "ghost"}


def test_a_folder_left_out_of_grades_csv_is_not_counted_but_named(graded):
    shutil.copytree(graded / "Cy", graded / "Zed")  # results of a student who left the class
    stats = write_class_report(graded).stats
    assert stats.left_out == ["Zed"] and stats.class_size == 6
    assert (
        "1 folder(s) of students no longer in the class (not counted)" in (graded / "report.md").read_text()
    )


def test_a_file_that_cannot_be_written_is_said_and_the_others_kept(graded, capsys):
    (graded / "report.md").unlink()
    (graded / "report.md").mkdir()  # say, a student whose folder is called report.md
    written = write_class_report(graded)
    assert written.error.startswith("report.md not written")
    assert "the class report's report.md not written" in capsys.readouterr().err
    assert (graded / "report.html").is_file()


def _mlkata(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run(
        [sys.executable, "-m", "mlkata.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_mlkata_report_writes_it_again_and_names_who_was_not_counted(graded, tmp_path):
    for name in ("report.html", "report.md", "mistakes.csv"):
        (graded / name).unlink()
    ran = _mlkata("report", str(graded))
    assert ran.returncode == 0, ran.stderr
    output = " ".join(ran.stdout.split())
    assert "class report of 6 student(s), 2 exercise(s), 6 known mistake(s) matched" in output
    assert "Eve: not counted, results.json is not valid JSON" in output
    assert all((graded / name).is_file() for name in ("report.html", "report.md", "mistakes.csv"))
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = _mlkata("report", str(empty))
    assert refused.returncode == 2 and "holds no results of mlkata grade" in refused.stdout
    assert not list(empty.iterdir())


def test_mlkata_grade_writes_the_report_of_the_class_it_graded(tmp_path):
    from mlkata.batch.sample import make_class

    submissions, out = tmp_path / "class", tmp_path / "results"
    make_class(submissions, 4, wrong=0.5, seed=7, root=ROOT)
    ran = _mlkata("grade", str(submissions), "--out", str(out), "--topics", "losses", "--jobs", "2")
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert f"class report in {out / 'report.html'}" in " ".join(ran.stdout.split())
    made: dict[tuple[str, str], set[str]] = {}  # counted here from the tags, without attribution
    for path in out.glob("*/results.json"):
        for test in json.loads(path.read_text(encoding="utf-8"))["tests"]:
            for tag in test["tags"]:
                if tag.startswith("mistake: "):
                    made.setdefault((test["name"].split(" :: ")[0], tag[9:]), set()).add(path.parent.name)
    rows = _mistakes(out)
    assert rows and all(r["of"] == "4" for r in rows)
    for row in rows:
        assert set(row["folders"].split("; ")) <= made[(row["exercise"], row["mistake"])]
    assert {(r["exercise"], r["mistake"]) for r in rows} <= set(made)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "4 student(s) · 7 exercise(s)" in page
