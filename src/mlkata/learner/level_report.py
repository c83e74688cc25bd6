"""How ``mlkata check NAME`` shows an exercise's levels: ★ correct, ★★ robust, ★★★ fast.

One line per level, each saying whether it passed; under a level that fails, its failing
checks with their own messages (the first failing level is the one to work on); then the
★★★ measurement, or why it was not made.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from mlkata.learner.grade import ExerciseGrade
from mlkata.learner.layout import counted, fails
from mlkata.learner.levels import REACH_ROBUST_FIRST, Levels, checks_of, label
from mlkata.learner.render import Message, failure_details, level_stars

ABOUT = (
    "★ correct: the ordinary checks · ★★ robust: the extreme inputs an interviewer throws "
    "(huge values, ties, empty classes, float32) · ★★★ fast: within a stated factor of the "
    "reference solution's time on large inputs"
)


def _checks_line(level: int, grade: ExerciseGrade) -> tuple[str, str, list]:
    """The line of a level of checks, its colour, and its failing checks."""
    these = checks_of(grade.checks, level)
    if not these:
        return f"{label(level)}: this exercise has no {'★' * level} checks yet", "dim", []
    failing = [c for c in these if not c.passed]
    if failing:
        return f"{label(level)} ✗: {fails(len(failing), len(these))}", "red", failing
    every = "the check passes" if len(these) == 1 else f"its {counted(len(these), 'check')} pass"
    return f"{label(level)} ✓: {every}", "green", []


def levels_report(grade: ExerciseGrade, levels: Levels, folder: Path | None = None) -> RenderableType:
    """Each level of ``grade``: passed or failed, and why (``levels`` holds the ★★★ measurement)."""
    parts: list[RenderableType] = [
        Text(f"Levels of {grade.exercise.key}: {level_stars(levels.reached)}", style="bold"),
        Text(ABOUT, style="dim"),
    ]
    printed_shown = False
    for level in (1, 2):
        line, colour, failing = _checks_line(level, grade)
        parts.append(Text(f"  {line}", style=colour))
        if failing:
            details = failure_details(
                replace(grade, checks=tuple(failing), printed="" if printed_shown else grade.printed),
                every=True,
                folder=folder,
            )
            printed_shown = True
            if details is not None:
                parts.append(Padding(details, (0, 0, 0, 4), expand=False))
    if levels.fast is None:
        parts.append(Text(f"  ★★★ fast: {REACH_ROBUST_FIRST}", style="dim"))
    else:
        colour = {True: "green", False: "yellow", None: "dim"}[levels.fast.passed]
        parts.append(Message("  " + levels.fast.message.replace("\n", "\n  "), colour))
    return Group(*parts)
