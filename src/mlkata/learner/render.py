"""How grading results look in the terminal (shared by check, watch and drill)."""

from __future__ import annotations

import shlex
from pathlib import Path

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mlkata.catalog import Exercise
from mlkata.learner.grade import ExerciseGrade, shown

MARKS = {"pass": ("✓", "green"), "fail": ("✗", "red"), "todo": ("·", "yellow"), "none": ("-", "dim")}


def mark(grade: ExerciseGrade) -> tuple[str, str]:
    if grade.problem:
        return MARKS["none"]
    if grade.passed:
        return MARKS["pass"]
    if grade.not_implemented:
        return MARKS["todo"]
    return MARKS["fail"]


def results_table(grades: list[ExerciseGrade], speeds: dict[str, str] | None = None) -> Table:
    """One row per graded exercise: mark, name, points, status (and speed when measured)."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 1))
    table.add_column("")
    table.add_column("exercise", no_wrap=True)
    table.add_column("points", justify="right")
    table.add_column("status", no_wrap=True)
    if speeds is not None:
        table.add_column("speed")
    for grade in grades:
        symbol, colour = mark(grade)
        row = [
            Text(symbol, style=colour),
            Text(grade.exercise.key, style=colour),
            f"{grade.score}/{grade.max_score}",
            grade.status,
        ]
        if speeds is not None:
            row.append(speeds.get(grade.exercise.key, ""))
        table.add_row(*row)
    return table


def check_command(exercise: Exercise, folder: Path | None = None) -> str:
    """The ``mlkata check`` command that grades ``exercise`` (in ``folder``, if not exercises/)."""
    if folder is None:
        return f"mlkata check {exercise.module}"
    return f"mlkata check {exercise.module} --folder {shlex.quote(shown(folder))}"


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
    shown = failures if every else failures[:1]
    parts: list[RenderableType] = []
    for check in shown:
        title = f"{grade.exercise.key}: {check.name.removeprefix('test_').replace('_', ' ')}"
        parts.append(Text(title, style="bold red"))
        parts.append(Padding(Text(check.message), (0, 0, 0, 4), expand=False))
    if not every and len(failures) > 1:
        more = len(failures) - 1
        parts.append(
            Padding(
                Text(
                    f"(and {more} more failing check{'s' if more > 1 else ''}: "
                    f"`{check_command(grade.exercise, folder)}` shows every one)",
                    style="dim",
                ),
                (0, 0, 0, 4),
                expand=False,
            )
        )
    if grade.printed.strip():
        lines = grade.printed.strip().splitlines()
        more_lines = f"\n... ({len(lines) - 10} more lines)" if len(lines) > 10 else ""
        parts.append(Padding(Text("your code printed:", style="dim"), (0, 0, 0, 4), expand=False))
        parts.append(
            Padding(Text("\n".join(lines[:10]) + more_lines, style="dim"), (0, 0, 0, 6), expand=False)
        )
    return Group(*parts)


def totals_line(grades: list[ExerciseGrade]) -> Text:
    grades = [g for g in grades if not g.problem]
    done = sum(g.passed for g in grades)
    score = sum(g.score for g in grades)
    most = sum(g.max_score for g in grades)
    return Text(f"{done} of {len(grades)} exercises pass, {score}/{most} points", style="bold")


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
