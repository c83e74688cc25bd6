"""How grading results look in the terminal (shared by check, watch and drill)."""

from __future__ import annotations

import shlex
from pathlib import Path

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mlkata.catalog import Exercise
from mlkata.learner.grade import ExerciseGrade, shown
from mlkata.learner.layout import counted, wrap_message

MARKS = {"pass": ("✓", "green"), "fail": ("✗", "red"), "todo": ("·", "yellow"), "none": ("-", "dim")}
PRINTED_LINES = 10
"""Lines of what the learner's code printed that a failure shows."""


class Message:
    """A grader's message, wrapped to the width it is given: continuation lines hang.

    Each line's continuation starts under its text, after its label (``expected``, ``hint:``),
    as :func:`mlkata.learner.layout.wrap_message` lays it out; rich's own wrapping would
    start it at the block's left edge instead.
    """

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrap_message(self.text, options.max_width):
            yield Text(line, style=self.style, no_wrap=True, overflow="fold")


def mark(grade: ExerciseGrade) -> tuple[str, str]:
    if grade.problem:
        return MARKS["none"]
    if grade.passed:
        return MARKS["pass"]
    if grade.not_implemented:
        return MARKS["todo"]
    return MARKS["fail"]


def results_table(grades: list[ExerciseGrade]) -> Table:
    """One row per graded exercise: mark, name, points, status."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 1))
    table.add_column("")
    table.add_column("exercise", no_wrap=True)
    table.add_column("points", justify="right", no_wrap=True)
    table.add_column("status")
    for grade in grades:
        symbol, colour = mark(grade)
        table.add_row(
            Text(symbol, style=colour),
            Text(grade.exercise.key, style=colour),
            f"{grade.score}/{grade.max_score}",
            grade.status,
        )
    return table


def check_command(exercise: Exercise, folder: Path | None = None) -> str:
    """The ``mlkata check`` command that grades ``exercise`` (in ``folder``, if not exercises/)."""
    if folder is None:
        return f"mlkata check {exercise.module}"
    return f"mlkata check {exercise.module} --folder {shlex.quote(shown(folder))}"


def _indented(renderable: RenderableType, spaces: int) -> Padding:
    return Padding(renderable, (0, 0, 0, spaces), expand=False)


def failure_details(
    grade: ExerciseGrade, *, every: bool = False, folder: Path | None = None
) -> RenderableType | None:
    """The first failing check's message (every failing check's, with ``every``).

    ``folder`` is where the graded file lies when it is not exercises/ (a drill's folder), for
    the command that shows every failing check.
    """
    failures = grade.failures
    if not failures:
        return None
    chosen = failures if every else failures[:1]
    parts: list[RenderableType] = []
    for check in chosen:
        title = f"{grade.exercise.key}: {check.name.removeprefix('test_').replace('_', ' ')}"
        parts.append(Text(title, style="bold red"))
        parts.append(_indented(Message(check.message), 4))
    if not every and len(failures) > 1:
        more = counted(len(failures) - 1, "more failing check")
        command = check_command(grade.exercise, folder)
        parts.append(_indented(Message(f"(and {more}: `{command}` shows every one)", "dim"), 4))
    if grade.printed.strip():
        lines = grade.printed.strip().splitlines()
        extra = len(lines) - PRINTED_LINES
        text = "\n".join(lines[:PRINTED_LINES]) + (
            f"\n... ({counted(extra, 'more line')})" if extra > 0 else ""
        )
        parts.append(_indented(Text("your code printed:", style="dim"), 4))
        parts.append(_indented(Text(text, style="dim"), 6))
    return Group(*parts)


def totals_line(grades: list[ExerciseGrade]) -> Text:
    """``"3 of 7 exercises pass, 21/51 points"`` (``"1 of 1 exercise passes"``)."""
    grades = [g for g in grades if not g.problem]
    done = sum(g.passed for g in grades)
    score = sum(g.score for g in grades)
    most = sum(g.max_score for g in grades)
    verb = "passes" if len(grades) == 1 else "pass"
    return Text(f"{done} of {counted(len(grades), 'exercise')} {verb}, {score}/{most} points", style="bold")


def progress_bar(done: int, total: int, width: int = 30) -> Text:
    """``[██████░░░░] 3/7`` as rustlings shows it."""
    filled = round(width * done / total) if total else 0
    text = Text("Progress: ")
    text.append("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    text.append(f" {done}/{total} exercises pass")
    return text


def stars(difficulty: int) -> str:
    level = max(1, min(difficulty, 3))
    return "★" * level + "☆" * (3 - level)


def level_stars(level: int) -> str:
    """The level an exercise reached (:mod:`mlkata.learner.levels`) as three stars, those reached filled.

    >>> level_stars(0), level_stars(2), level_stars(3)
    ('☆☆☆', '★★☆', '★★★')
    """
    level = max(0, min(level, 3))
    return "★" * level + "☆" * (3 - level)


def difficulty(value: int) -> str:
    """An exercise's difficulty in a word (stars are for the levels reached).

    >>> difficulty(1), difficulty(2), difficulty(4)
    ('easy', 'medium', 'hard')
    """
    return ("easy", "medium", "hard")[max(1, min(value, 3)) - 1]
