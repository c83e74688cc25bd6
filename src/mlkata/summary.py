"""The per-exercise table that ends every grading run, and the learner's next step.

For each exercise: its mark, points and status, and for a failing one its first failing
check's message (wrapped to the terminal, continuation lines hanging under their item) and
what the learner's code printed during that check; in a learner's run, the levels reached
(★ correct, ★★ robust: ★★★ fast is measured by ``mlkata check NAME`` only).

A run narrowed by ``-k`` (or cut short by ``-x``) says how many checks it left out instead
of calling a part the whole. The last line names the file to open next, as a path from
the folder pytest runs in: the first exercise of the run that does not pass, else
(everything passed) the next exercise of the curriculum to do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mlkata.learner.layout import counted, fails, wrap_message

if TYPE_CHECKING:
    from mlkata.engine.results import ExerciseResult

PRINTED_LINES = 10
"""Lines of what the learner's code printed that the summary shows."""


@dataclass
class GradedFile:
    """A learner's exercise file as collected: what a recorded grading says it graded."""

    path: Path
    """The exercise file (``<root>/exercises/<topic>/<module>.py``, or a drill's)."""
    root: Path
    """The project root whose graders grade it."""
    content_hash: str | None
    grader_hash: str | None
    drill: bool = False
    """A drill's file: graded, never recorded as the learner's own exercise."""
    collected: int = 0
    """Checks its grader has, as collected (before ``-k`` or ``-m`` deselect any)."""
    printed: dict[str, str] = field(default_factory=dict)
    """What the learner's code printed during each failing check, by check name."""


def _ran_all(result: ExerciseResult, graded: GradedFile | None) -> bool:
    return graded is None or not graded.collected or len(result.checks) >= graded.collected


def status_line(result: ExerciseResult, graded: GradedFile | None = None) -> tuple[str, str]:
    """A mark and a short status for one exercise (``("✓", "passes")``...)."""
    ran = len(result.checks)
    left_out = (
        "" if _ran_all(result, graded) else f" ({graded.collected - ran} of {graded.collected} not run)"
    )
    if result.passed:
        return "✓", ("passes" if not left_out else f"the {counted(ran, 'check')} run passes" + left_out)
    if result.not_implemented:
        return "·", "not implemented yet"
    failing = sum(1 for c in result.checks if not c.passed)
    return "✗", fails(failing, ran, qualifier=" run" if left_out else "") + left_out


def levels_line(result: ExerciseResult) -> str:
    """The levels a learner's run reached (★★★ is measured by ``mlkata check NAME`` only).

    Examples
    --------
    >>> from mlkata.engine.results import CheckResult, ExerciseResult
    >>> done = ExerciseResult("losses/mae", checks=[CheckResult("a", 1, True),
    ...                                             CheckResult("b", 1, True, level=2)])
    >>> levels_line(done)
    '★★☆ reached; for ★★★ (fast) run `mlkata check mae`'
    """
    from mlkata.learner.levels import checks_level
    from mlkata.learner.render import level_stars

    level = checks_level(result.checks)
    command = f"`mlkata check {result.exercise.rpartition('/')[2]}`"
    if level == 2:
        return f"{level_stars(2)} reached; for ★★★ (fast) run {command}"
    if level == 1 and any(c.level == 2 for c in result.checks):
        return f"{level_stars(1)} reached; a ★★ (robust) check fails"
    return ""


def write_summary(
    reporter,
    results: list[ExerciseResult],
    *,
    learner: bool,
    files: dict[str, GradedFile] | None = None,
    here: Path | None = None,
) -> None:
    """Write the table of ``results`` and, for each failing exercise, its first failure.

    Parameters
    ----------
    reporter : TerminalReporter
        pytest's terminal reporter.
    results : list of ExerciseResult
        The exercises graded, in curriculum order.
    learner : bool
        A learner's run (of exercises/ or a drill): end with the next step.
    files : dict, optional
        The graded files by exercise key (paths, checks collected, what was printed).
    here : Path, optional
        The folder pytest runs in, for the paths the next step names.
    """
    files = files or {}
    here = here or Path.cwd()
    width = getattr(getattr(reporter, "_tw", None), "fullwidth", 80)
    reporter.section("mlkata", sep="=", bold=True)
    name_width = max(len(r.exercise) for r in results)
    for result in results:
        graded = files.get(result.exercise)
        mark, status = status_line(result, graded)
        colour = {"✓": {"green": True}, "✗": {"red": True}}.get(mark, {"yellow": True})
        points = f"{result.score}/{result.max_score}"
        reporter.write_line(f" {mark} {result.exercise:<{name_width}}  {points:>6}  {status}", **colour)
        line = levels_line(result) if learner and _ran_all(result, graded) else ""
        for part in wrap_message(line, width - 1, indent=6) if line else ():
            reporter.write_line(part)
        failing = [c for c in result.checks if not c.passed and not c.not_implemented]
        if failing:
            for line in wrap_message(failing[0].message, width - 1, indent=6):
                reporter.write_line(line)
            printed = graded.printed.get(failing[0].name, "").strip() if graded else ""
            if printed:
                _write_printed(reporter, printed, width)
    for line in wrap_message(_totals(results, files), width - 1, indent=1):
        reporter.write_line(line, bold=True)
    if learner:
        line = next_step(results, files, here)
        if line:
            for part in wrap_message(line, width - 1, indent=1):
                reporter.write_line(part, cyan=True)


def _write_printed(reporter, printed: str, width: int) -> None:
    lines = printed.splitlines()
    reporter.write_line("      your code printed:")
    for line in lines[:PRINTED_LINES]:
        reporter.write_line(("        " + line).rstrip()[: max(width - 1, 40)])
    if len(lines) > PRINTED_LINES:
        reporter.write_line(f"        ... ({counted(len(lines) - PRINTED_LINES, 'more line')})")


def _totals(results: list[ExerciseResult], files: dict[str, GradedFile]) -> str:
    total = sum(r.score for r in results)
    most = sum(r.max_score for r in results)
    done = sum(r.passed for r in results)
    verb = "passes" if len(results) == 1 else "pass"
    line = f"{done} of {counted(len(results), 'exercise')} {verb}, {total}/{most} points"
    left_out = sum(
        files[r.exercise].collected - len(r.checks) for r in results if not _ran_all(r, files.get(r.exercise))
    )
    if left_out:
        line += f"; {counted(left_out, 'check')} not run (a part is not recorded)"
    return line


def _shown(path: Path, here: Path) -> str:
    relative = os.path.relpath(path, here)
    return str(path) if relative.startswith(os.pardir + os.sep + os.pardir) else relative


def next_step(results: list[ExerciseResult], files: dict[str, GradedFile], here: Path) -> str:
    """The line naming what to do next (empty when nothing is known about the files).

    The first exercise of the run that does not pass; a narrowed run's exercise again in
    full; else the curriculum's next exercise to do (a drill's: score it).
    """
    todo = next((r for r in results if not r.passed), None)
    if todo is not None and todo.exercise in files:
        path = _shown(files[todo.exercise].path, here)
        return f"next: open {path}, then run pytest {path}"
    partial = next((r for r in results if not _ran_all(r, files.get(r.exercise))), None)
    if partial is not None:
        path = _shown(files[partial.exercise].path, here)
        return f"next: run pytest {path} to grade all its checks"
    graded = [files[r.exercise] for r in results if r.exercise in files]
    if not graded:
        return ""
    if any(g.drill for g in graded):
        return "next: every exercise of this drill passes: type done + Enter in its window to score it"
    upcoming = _upcoming(graded[0].root, {r.exercise for r in results})
    if upcoming is None:
        return "next: every exercise passes; `mlkata drill` keeps you sharp"
    key, path = upcoming
    shown = _shown(path, here)
    return f"next: {key}: open {shown}, then run pytest {shown}"


def _upcoming(root: Path, passed: set[str]) -> tuple[str, Path] | None:
    """The curriculum's next exercise to do in ``root``, by the progress file; ``None`` if none."""
    from mlkata.catalog import all_exercises
    from mlkata.learner.progress import Progress, ProgressError
    from mlkata.learner.state import next_exercise, states

    exercises = list(all_exercises(root))
    try:
        found = next_exercise(states(exercises, root, Progress()), passed)
    except ProgressError:  # named under the summary already; the curriculum's order still holds
        found = next_exercise(states(exercises, root, _NoProgress()), passed)  # type: ignore[arg-type]
    if found is None:
        return None
    return found.exercise.key, found.exercise.exercise_path(root)


class _NoProgress:
    """Stands in for a progress file that cannot be read: nothing was ever graded."""

    @staticmethod
    def latest_gradings() -> dict:
        return {}
