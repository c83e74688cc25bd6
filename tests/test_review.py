"""Spaced review: the Leitner schedule on made-up histories with fixed dates, and as a learner meets it.

The schedule tests build gradings and drills by hand, at noon UTC of given days, and ask
for the schedule in UTC, so no time zone moves a day. The command tests record a history
in the real progress file at chosen past times (the recorder's clock is set back), then run
``mlkata`` and ``mlkata drill --review`` on it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlkata.cli import app
from mlkata.learner import progress as progress_module
from mlkata.learner.progress import Drill, Grading, Progress
from mlkata.learner.review import (
    FAILED,
    INTERVALS,
    PASSED,
    SLOW,
    Attempt,
    attempts,
    due,
    due_today,
    schedule,
)
from tests.learner_project import make_project

UTC = timezone.utc


def at(day: int, hour: int = 12, month: int = 3) -> str:
    return f"2026-{month:02d}-{day:02d}T{hour:02d}:00:00+00:00"


def grading(exercise: str, day: int, passed: bool = True, source: str = "check", hour: int = 12) -> Grading:
    return Grading(exercise, 5 if passed else 2, 5, passed, "c", "g", at(day, hour), source)


def drill(day: int, exercises: list[str], minutes: float, seconds: float) -> Drill:
    return Drill(1, 7, exercises, minutes, "f", at(day, 10), at(day, 14), seconds, 0, 0, {})


def cards(gradings: list[Grading], drills: list[Drill] = ()):
    return schedule(attempts(gradings, drills, UTC))


def test_an_exercise_practised_once_is_in_box_one_due_the_next_day_pass_or_fail():
    found = cards([grading("losses/a", 1, passed=True), grading("losses/b", 1, passed=False)])
    assert {k: (c.box, c.due, c.reason, c.practised) for k, c in found.items()} == {
        "losses/a": (1, date(2026, 3, 2), PASSED, 1),
        "losses/b": (1, date(2026, 3, 2), FAILED, 1),
    }


def test_passes_on_the_due_day_climb_the_boxes_and_box_five_stays():
    first = date(2026, 3, 1)
    days = [0, 1, 3, 7, 15, 31]  # each pass on the day the one before made it due
    history = [Attempt("losses/a", first + timedelta(days=d), PASSED) for d in days]
    boxes = [schedule(history[: n + 1])["losses/a"] for n in range(len(days))]
    assert [c.box for c in boxes] == [1, 2, 3, 4, 5, 5]
    assert [(c.due - c.since).days for c in boxes] == [1, 2, 4, 8, 16, 16]
    assert INTERVALS == (1, 2, 4, 8, 16)
    late = schedule([*history[:3], Attempt("losses/a", first + timedelta(days=30), PASSED)])["losses/a"]
    assert (late.box, late.since) == (4, first + timedelta(days=30)), "a late pass moves up one box"


def test_a_pass_before_the_due_day_changes_nothing_and_a_failure_sends_back_to_box_one():
    history = [grading("losses/a", 1), grading("losses/a", 2), grading("losses/a", 4)]  # boxes 1, 2, 3
    assert cards(history)["losses/a"].box == 3
    early = [*history, grading("losses/a", 5), grading("losses/a", 5, hour=13)]  # due on the 8th
    card = cards(early)["losses/a"]
    assert (card.box, card.since, card.due, card.practised) == (3, date(2026, 3, 4), date(2026, 3, 8), 5)
    failed = cards([*early, grading("losses/a", 6, passed=False)])["losses/a"]
    assert (failed.box, failed.since, failed.due, failed.reason) == (
        1,
        date(2026, 3, 6),
        date(2026, 3, 7),
        FAILED,
    )
    fixed = cards([*early, grading("losses/a", 6, passed=False), grading("losses/a", 6, hour=15)])["losses/a"]
    assert (fixed.box, fixed.reason) == (1, FAILED), "fixing it the same day still reviews it tomorrow"


def test_a_slow_drill_pass_sends_back_to_box_one_and_a_quick_one_moves_up():
    key = "losses/a"
    start = [grading(key, 1), grading(key, 2)]  # box 2, due on the 4th
    quick = drill(4, [key, "losses/b"], minutes=20, seconds=300)  # 2:30 per exercise
    slow = drill(4, [key, "losses/b"], minutes=20, seconds=600)  # 5:00 per exercise
    out_of_time = drill(4, [key] * 5, minutes=5, seconds=300)  # 1:00 each, but the clock ran out
    on_drill = grading(key, 4, source="drill", hour=13)
    assert cards([*start, on_drill], [quick])[key].box == 3
    for which in (slow, out_of_time):
        card = cards([*start, on_drill], [which])[key]
        assert (card.box, card.reason, card.since) == (1, SLOW, date(2026, 3, 4))
    failed = cards([*start, grading(key, 4, passed=False, source="drill", hour=13)], [slow])[key]
    assert failed.reason == FAILED, "a failure is a failure, however long the drill took"
    outside = cards([*start, grading(key, 4, source="drill", hour=16)], [slow])[key]
    assert outside.box == 3, "only gradings recorded during a slow drill are slow"
    own_file = cards([*start, grading(key, 4, hour=13)], [slow])[key]
    assert own_file.box == 3, "checking your own file is never slow"


def test_due_lists_failed_then_slow_then_long_unpractised_most_overdue_and_lowest_box_first():
    today = date(2026, 3, 20)
    history = [
        Attempt("t/old_box2", date(2026, 3, 1), PASSED),
        Attempt("t/old_box2", date(2026, 3, 2), PASSED),  # box 2, due on the 4th: 16 days over
        Attempt("t/box1", date(2026, 3, 4), PASSED),  # box 1, due on the 5th: 15 days over
        Attempt("t/box3", date(2026, 3, 1), PASSED),
        Attempt("t/box3", date(2026, 3, 2), PASSED),
        Attempt("t/box3", date(2026, 3, 4), PASSED),  # box 3, due on the 8th: 12 days over
        Attempt("t/box2_same_day", date(2026, 3, 9), PASSED),
        Attempt("t/box2_same_day", date(2026, 3, 10), PASSED),  # box 2, due on the 12th: 8 over
        Attempt("t/also_box1", date(2026, 3, 11), PASSED),  # box 1, due on the 12th: 8 over
        Attempt("t/slow", date(2026, 3, 18), SLOW),  # box 1, due on the 19th: 1 over
        Attempt("t/failed", date(2026, 3, 19), FAILED),  # box 1, due today
        Attempt("t/failed_long_ago", date(2026, 3, 1), FAILED),  # box 1, due on the 2nd
        Attempt("t/not_due", date(2026, 3, 19), PASSED),
        Attempt("t/not_due", date(2026, 3, 20), PASSED),  # box 2, due on the 22nd
    ]
    found = due(schedule(history).values(), today)
    assert [c.exercise for c in found] == [
        "t/failed_long_ago",
        "t/failed",
        "t/slow",
        "t/old_box2",
        "t/box1",
        "t/box3",
        "t/also_box1",  # as overdue as t/box2_same_day: the lower box first
        "t/box2_same_day",
    ]
    assert [c.overdue(today) for c in found] == [18, 0, 1, 16, 15, 12, 8, 8]
    assert len(due(schedule(history).values(), date(2026, 3, 22))) == 9  # t/not_due too
    assert due(schedule(history).values(), date(2026, 3, 1)) == []


def test_due_today_reads_the_history_and_counts_what_is_due():
    gradings = [
        grading("losses/a", 1),
        grading("losses/b", 1),
        grading("losses/b", 2),
        grading("losses/c", 3),
    ]
    keys = lambda today: [c.exercise for c in due_today(gradings, [], today, tz=UTC)]  # noqa: E731
    assert keys(date(2026, 3, 1)) == []
    assert keys(date(2026, 3, 2)) == ["losses/a"]
    assert keys(date(2026, 3, 4)) == ["losses/a", "losses/c", "losses/b"]  # 2, 0 (box 1), 0 (box 2) over
    order = ["losses/c", "losses/b", "losses/a"]
    assert [c.exercise for c in due_today(gradings, [], date(2026, 3, 5), order, UTC)] == [
        "losses/a",
        "losses/c",
        "losses/b",
    ], "most overdue first (3, 1 days), then the lower box (c: box 1, b: box 2)"


# --- as a learner meets it ---------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


def record_at(monkeypatch: pytest.MonkeyPatch, stamp: str, exercise: str, passed: bool) -> None:
    """Record a grading as if it had been made at ``stamp``."""
    real = progress_module.now
    monkeypatch.setattr(progress_module, "now", lambda: stamp)
    Progress().record_grading(exercise, 5 if passed else 1, 5, passed, content_hash="c", grader_hash="g")
    monkeypatch.setattr(progress_module, "now", real)


def days_ago(days: int) -> str:
    moment = datetime.now().astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
    return (moment - timedelta(days=days)).astimezone(UTC).isoformat(timespec="seconds")


def mlkata(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def test_mlkata_says_how_many_are_due_and_drill_review_drills_them_in_order(project, monkeypatch):
    assert "due for review" not in mlkata().output, "nothing practised: nothing said"
    record_at(monkeypatch, days_ago(10), "losses/hinge_loss", True)  # box 1, 9 days over
    record_at(monkeypatch, days_ago(3), "losses/log_loss", True)
    record_at(monkeypatch, days_ago(2), "losses/log_loss", True)  # box 2, due today
    record_at(monkeypatch, days_ago(1), "losses/huber_loss", False)  # failed: due today, first
    record_at(monkeypatch, days_ago(0), "losses/cross_entropy", True)  # box 1, due tomorrow
    status = " ".join(mlkata().output.split())
    assert "3 exercises due for review today (mlkata drill --review)" in status, status

    result = mlkata("drill", "--review", "--count", "2", "--minutes", "0.001", input="")
    out = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert "Spaced review: 3 due today (the first 2 of 3), failed first" in out, out
    assert "Drill: 2 exercises, 0:00 on the clock Your drill folder" in out, "no seed: it does not pick them"
    assert "--seed" not in out and "Your drills and your strength by topic: mlkata history" in out
    listed = re.findall(r"(\w+)/(\w+)\.py", result.output.split("Your drill folder")[1].split("Write the")[0])
    assert [m for _, m in listed] == ["huber_loss", "hinge_loss"], result.output
    (drill_row,) = Progress().drills()
    assert drill_row.exercises == ["losses/huber_loss", "losses/hinge_loss"]


def test_drill_review_with_nothing_due_says_when_the_next_one_is(project, monkeypatch):
    none = mlkata("drill", "--review", input="")
    assert none.exit_code == 0 and "none has been graded or drilled yet" in none.output
    record_at(monkeypatch, days_ago(0), "losses/log_loss", True)
    result = mlkata("drill", "--review", input="")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert f"No exercise is due for review today: the next is due on {tomorrow}" in text, text
    assert Progress().drills() == [], "no drill was started"
    assert f"No exercise due for review today; the next is due on {tomorrow}." in " ".join(
        mlkata().output.split()
    )
