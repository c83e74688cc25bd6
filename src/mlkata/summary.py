"""The per-exercise table that ends every grading run."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlkata.engine.results import ExerciseResult


def status_line(result: ExerciseResult) -> tuple[str, str]:
    """A mark and a short status for one exercise (``("✓", "passes")``...)."""
    if result.passed:
        return "✓", "passes"
    if result.not_implemented:
        return "·", "not implemented yet"
    failing = sum(1 for c in result.checks if not c.passed)
    return "✗", f"{failing} of {len(result.checks)} checks fail"


def write_summary(reporter, results: list[ExerciseResult], *, learner: bool) -> None:
    """Write the table of ``results`` and, for each failing exercise, its first failure."""
    reporter.section("mlkata", sep="=", bold=True)
    width = max(len(r.exercise) for r in results)
    for result in results:
        mark, status = status_line(result)
        colour = {"✓": {"green": True}, "✗": {"red": True}}.get(mark, {"yellow": True})
        points = f"{result.score}/{result.max_score}"
        reporter.write_line(f" {mark} {result.exercise:<{width}}  {points:>6}  {status}", **colour)
        failing = [c for c in result.checks if not c.passed and not c.not_implemented]
        if failing:
            reporter.write_line(textwrap.indent(failing[0].message, " " * 6))
    total = sum(r.score for r in results)
    most = sum(r.max_score for r in results)
    done = sum(r.passed for r in results)
    reporter.write_line(f" {done} of {len(results)} exercises pass, {total}/{most} points", bold=True)
    todo = next((r for r in results if not r.passed), None)
    if learner and todo is not None:
        topic, module = todo.exercise.split("/")
        reporter.write_line(
            f" next: open exercises/{topic}/{module}.py, then run pytest exercises/{topic}/{module}.py",
            cyan=True,
        )
