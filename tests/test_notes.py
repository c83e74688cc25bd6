"""Talking points: read from META and checked, laid out, shown by `mlkata notes`, check and watch.

The commands run through typer's CliRunner on a learner's project of the losses topic with its
own progress file (a real SQLite file); the notebook cell is checked in the rendered course.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlkata.catalog import find_exercise, load_exercise
from mlkata.cli import app
from mlkata.learner.notes import WIDEST, note_lines, notes_markdown, notes_text
from mlkata.learner.progress import Progress
from tests.helpers import ROOT
from tests.learner_project import make_project, solve

EXAMPLE = "log_loss"  # an exercise whose talking points are written
POINTER = f"talking points: mlkata notes {EXAMPLE}"


def mlkata(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


# --- META ---------------------------------------------------------------------------------------

GOOD = """\
TALKING_POINTS = {
    "use": "u", "assumes": "a", "pitfalls": ("p1", "p2"), "cost": "c",
    "follow_ups": (("q1?", "a1"), ("q2?", "a2")),
}
QUIZ = (
    {"question": "q?", "choices": ("x", "y"), "answer": 1, "why": "w"},
    {"question": "n?", "answer": 1.0, "tolerance": 0.1, "check": "f()", "why": "w"},
)
"""


def _solution(tmp_path: Path, meta: str) -> Path:
    path = tmp_path / "losses" / "made_up.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"def f():\n    return 1.0\n\n\n### BEGIN META\n{meta}### END META\n", encoding="utf-8")
    return path


def test_meta_is_read_into_the_exercise(tmp_path):
    exercise = load_exercise(_solution(tmp_path, GOOD))
    assert exercise.talking_points.pitfalls == ("p1", "p2")
    assert exercise.talking_points.follow_ups == (("q1?", "a1"), ("q2?", "a2"))
    assert [q.numeric for q in exercise.quiz] == [False, True]
    assert exercise.quiz[1].tolerance == 0.1 and exercise.quiz[1].check == "f()"
    assert load_exercise(_solution(tmp_path, "DIFFICULTY = 1\n")).talking_points is None


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (('"cost": "c",', ""), "missing key(s) 'cost'"),
        (('"cost": "c",', '"cost": "c", "price": 1,'), "unknown key(s) 'price'"),
        (('"pitfalls": ("p1", "p2")', '"pitfalls": "p1"'), "TALKING_POINTS['pitfalls'] must be a tuple"),
        (('("q2?", "a2")', '("q2?",)'), "TALKING_POINTS['follow_ups'][1] must be a (question, answer) pair"),
        (('"use": "u"', '"use": ""'), "TALKING_POINTS['use'] must be a non-empty string"),
        (('"answer": 1, "why"', '"answer": "y", "why"'), "QUIZ[0]['answer'] must be the 0-based index"),
        (('"answer": 1, "why"', '"answer": True, "why"'), "QUIZ[0]['answer'] must be the 0-based index"),
        (('"check": "f()", ', ""), "QUIZ[1]: missing 'check'"),
        (('"tolerance": 0.1', '"tolerance": -1'), "QUIZ[1]['tolerance'] must be a number >= 0"),
        (('"why": "w"}', '"why": "w", "hint": "h"}'), "QUIZ[0]: unknown 'hint'"),
    ],
)
def test_bad_meta_is_a_value_error_naming_the_file_and_the_key(tmp_path, change, named):
    old, new = change
    assert old in GOOD
    path = _solution(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ValueError) as raised:
        load_exercise(path)
    assert str(raised.value).startswith(f"{path}: "), raised.value
    assert named in str(raised.value)


# --- layout ---------------------------------------------------------------------------------------


def test_terminal_layout_wraps_between_words_under_each_label():
    exercise = find_exercise(EXAMPLE, ROOT)
    points = exercise.talking_points
    for width in (50, 80, 120):
        text = notes_text(exercise, width)
        lines = text.splitlines()
        assert lines[0] == f"losses/{EXAMPLE}: talking points"
        assert all(line == line.rstrip() for line in lines)
        assert all(len(line) <= width for line in lines), width
        for label in ("Use", "Assumes", "Pitfalls", "Cost", "Asked next"):
            assert sum(line.startswith(label) for line in lines) == 1, (label, text)
        words = text.split()
        for sentence in (points.use, *points.pitfalls, *(a for _, a in points.follow_ups)):
            joined = " ".join(words)
            assert " ".join(sentence.split()) in joined  # every word whole, in order
        continuation = [line for line in lines[1:] if not line[:1].strip()]
        assert all(line.startswith(" " * 11) for line in continuation)
    assert len(note_lines(exercise, 80)) <= 25


def test_markdown_has_every_part():
    exercise = find_exercise(EXAMPLE, ROOT)
    text = notes_markdown(exercise)
    points = exercise.talking_points
    assert text.startswith(f"### Talking points: {EXAMPLE}\n")
    for part in (points.use, points.assumes, points.cost, *points.pitfalls):
        assert part in text
    for number, (question, answer) in enumerate(points.follow_ups, start=1):
        assert f"{number}. *{question}*  \n   {answer}" in text


# --- mlkata notes -------------------------------------------------------------------------------


def test_notes_shows_an_exercise_by_any_of_its_names(project):
    expected = notes_text(find_exercise(EXAMPLE, ROOT), WIDEST)
    for name in (EXAMPLE, f"losses/{EXAMPLE}", f"exercises/losses/{EXAMPLE}.py"):
        result = mlkata("notes", name)
        assert result.exit_code == 0, result.output
        assert result.output.strip() == expected
    assert all(line == line.rstrip() for line in result.output.splitlines())


def test_notes_of_a_topic_shows_each_written_exercise(project):
    result = mlkata("notes", "losses")
    assert result.exit_code == 0, result.output
    written = [e for e in find_topic("losses") if e.talking_points is not None]
    for exercise in written:
        assert f"{exercise.key}: talking points" in result.output
    missing = [e.module for e in find_topic("losses") if e.talking_points is None]
    if missing:
        assert f"No talking points yet for {', '.join(missing)}." in result.output
    assert "shows one exercise's alone" in result.output


def find_topic(topic: str):
    from mlkata.catalog import exercises_of

    return exercises_of([topic], ROOT)


def test_notes_of_an_unknown_name_suggests_close_ones(project):
    result = mlkata("notes", "log_los")
    assert result.exit_code == 2
    assert "no exercise or topic named 'log_los'; did you mean log_loss" in result.output
    assert "mlkata status" in result.output


# --- after a pass --------------------------------------------------------------------------------


def test_check_shows_the_talking_points_on_the_first_pass_then_a_pointer(project):
    failing = mlkata("check", EXAMPLE)
    assert "talking points" not in failing.output
    solve(project, "losses", EXAMPLE)
    first = mlkata("check", EXAMPLE)
    assert first.exit_code == 0, first.output
    assert f"First pass of losses/{EXAMPLE}" in first.output
    assert notes_text(find_exercise(EXAMPLE, ROOT), WIDEST) in first.output
    assert POINTER not in first.output
    assert first.output.index("talking points") < first.output.index("Next:")
    again = mlkata("check", EXAMPLE)
    assert again.exit_code == 0
    assert POINTER in again.output and "Asked next" not in again.output


def test_check_of_a_topic_names_several_first_passes_in_one_line(project):
    solve(project, "losses", EXAMPLE)
    solve(project, "losses", "hinge_loss")
    result = mlkata("check", "losses")
    assert re.search(r"First passes: log_loss, hinge_loss\.", result.output), result.output
    assert "Asked next" not in result.output
    again = mlkata("check", "losses")
    assert "First pass" not in again.output and POINTER not in again.output


def test_a_drill_pass_does_not_count_as_the_first(project):
    Progress().record_grading(
        f"losses/{EXAMPLE}", 1, 1, True, content_hash="x", grader_hash="y", source="drill"
    )
    solve(project, "losses", EXAMPLE)
    assert f"First pass of losses/{EXAMPLE}" in mlkata("check", EXAMPLE).output


def test_watch_shows_the_talking_points_on_the_first_pass_then_a_pointer(project):
    path = project / "exercises" / "losses" / f"{EXAMPLE}.py"
    solution = (ROOT / "solutions" / "losses" / f"{EXAMPLE}.py").read_text(encoding="utf-8")
    stop = threading.Event()

    def keep_saving():
        while not stop.wait(0.5):
            path.write_text(solution + f"# {time.time()}\n", encoding="utf-8")

    saver = threading.Thread(target=keep_saving, daemon=True)
    saver.start()
    try:
        first = mlkata("watch", EXAMPLE, "--max-events", "1")
        again = mlkata("watch", EXAMPLE, "--max-events", "1")
    finally:
        stop.set()
        saver.join()
    assert first.exit_code == 0, first.output
    screens = first.output.split("mlkata watch · ")
    passing = [s for s in screens if f"losses/{EXAMPLE} passes!" in s]
    assert passing, first.output
    assert f"First pass of losses/{EXAMPLE}" in passing[0] and "Asked next" in passing[0]
    assert all(POINTER in s for s in passing[1:])
    assert again.output.count(f"losses/{EXAMPLE} passes!") == 2
    assert again.output.count(POINTER) == 2 and "Asked next" not in again.output


# --- the classroom notebook ----------------------------------------------------------------------


def test_the_notebook_has_the_talking_points_after_the_checks_worth_nothing():
    pytest.importorskip("nbgrader")
    import nbformat

    from mlkata.classroom.course import render_notebooks

    text = render_notebooks(["losses"], assignment="ps1", root=ROOT)["losses.ipynb"]
    cells = nbformat.reads(text, as_version=4).cells
    ids = [c.metadata.nbgrader.grade_id for c in cells]
    exercise = find_exercise(EXAMPLE, ROOT)
    at = ids.index(f"{EXAMPLE}-talking-points")
    cell = cells[at]
    assert cell.cell_type == "markdown" and cell.source == notes_markdown(exercise)
    assert cell.metadata.nbgrader.grade is False and "points" not in cell.metadata.nbgrader
    assert cell.metadata.nbgrader.locked
    checks = [i for i, gid in enumerate(ids) if gid.startswith(f"{EXAMPLE}-test_")]
    assert checks and max(checks) == at - 1
