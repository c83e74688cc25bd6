"""``mlkata check``: grade exercise files, show a table with points and what to do next.

``mlkata check`` grades every exercise, ``mlkata check losses`` a topic and ``mlkata check
hinge_loss`` one exercise (a path such as ``exercises/losses/hinge_loss.py`` works too).
``--folder DIR`` grades the files of another folder laid out like ``exercises/`` (a drill's):
only the exercises whose files are there, and nothing is recorded. ``--speed`` also times
each passing function against its reference solution (:mod:`mlkata.learner.speed`).
One exercise's check also shows its levels (:mod:`mlkata.learner.levels`): ★ correct, ★★
robust, and ★★★ fast, timed only once ★ and ★★ pass; the best level reached is recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from mlkata.commands.base import LISTING, Stop, console, friendly, open_progress, project_root

if TYPE_CHECKING:
    from rich.console import Console

    from mlkata.catalog import Exercise
    from mlkata.learner.grade import ExerciseGrade
    from mlkata.learner.progress import Progress


def targets(target: str | None, root: Path, folder: Path | None = None) -> list[Exercise]:
    """The exercises ``target`` names (a topic, an exercise, a path; all when ``None``).

    With ``folder``, a topic or all means the exercises whose files are in ``folder``.
    """
    from mlkata.catalog import all_exercises, close_names, exercise_name, find_exercise
    from mlkata.curriculum import topics

    everything = all_exercises(root)
    name = exercise_name(target) if target is not None else None
    if name is None or name in topics():
        chosen = [e for e in everything if name is None or e.topic == name]
        if folder is None:
            return chosen
        present = [e for e in chosen if (folder / e.topic / f"{e.module}.py").is_file()]
        if not present:
            where = f" of {name}" if name else ""
            raise Stop(f"{folder} holds no exercise files{where} (laid out <topic>/<name>.py, as a drill's)")
        return present
    try:
        return [find_exercise(name, root)]
    except KeyError:
        close = close_names(name, everything, tuple(topics()))
        suggestion = f"; did you mean {', '.join(close)}?" if close else ""
        raise Stop(f"no exercise or topic named {target!r}{suggestion} ({LISTING} lists them all)") from None


@friendly
def check(
    target: Annotated[
        str | None,
        typer.Argument(help="a topic (losses), an exercise (hinge_loss) or its file; default: all"),
    ] = None,
    speed: Annotated[
        bool,
        typer.Option(
            "--speed",
            help="also time each passing function against its reference solution, on a million values",
        ),
    ] = False,
    folder: Annotated[
        Path | None,
        typer.Option(
            "--folder",
            help="grade the exercise files of this folder (laid out <topic>/<name>.py, as a drill "
            "folder is) instead of exercises/; nothing is recorded",
        ),
    ] = None,
) -> None:
    """Grade your exercise files and show a table with points."""
    from mlkata.learner import render
    from mlkata.learner.grade import grade_exercise
    from mlkata.learner.state import record

    root = project_root()
    progress = open_progress()
    out = console()
    if folder is not None and not folder.is_dir():
        raise Stop(f"{folder} is not a folder")
    exercises = targets(target, root, folder)
    grades = []
    with out.status("grading...", spinner="dots"):
        for exercise in exercises:
            grade = grade_exercise(exercise, folder, root=root)
            if folder is None:
                record(progress, grade, "check")
            grades.append(grade)
    out.print(render.results_table(grades))
    from mlkata.learner.levels import checks_level

    reached = {}  # the level each exercise reached: ★★★ is measured for one exercise only
    for grade in grades:
        if len(grades) == 1 and grade.checks and not grade.not_implemented:
            reached[grade.exercise.key] = _levels(out, grade, root, folder)
            continue
        details = render.failure_details(grade, every=len(grades) == 1, folder=folder)
        if details is not None:
            out.print(details)
        reached[grade.exercise.key] = checks_level(grade.checks)
    if folder is None:
        progress.record_levels(reached)
    if speed:
        _speed(out, grades, root)
    out.print(render.totals_line(grades))
    if folder is None:  # the talking points, the first time an exercise passes (a pointer later)
        from mlkata.learner.notes import after_passing

        for part in after_passing([g.exercise for g in grades if g.passed], progress):
            out.print(part)
    if not _next(out, grades, root, progress, folder):
        raise typer.Exit(1)


def _levels(out: Console, grade: ExerciseGrade, root: Path, folder: Path | None) -> int:
    """Show each level of one exercise, measuring ★★★ when ★ and ★★ pass; the level reached."""
    from mlkata.learner.level_report import levels_report
    from mlkata.learner.levels import checks_level, levels_of

    if checks_level(grade.checks) < 2:
        levels = levels_of(grade.exercise, grade.checks)
    else:
        with out.status("★★★: timing your function against the reference solution...", spinner="dots"):
            levels = levels_of(grade.exercise, grade.checks, grade.path, root)
    out.print(levels_report(grade, levels, folder))
    return levels.reached


def _speed(out: Console, grades: list[ExerciseGrade], root: Path) -> None:
    from mlkata.learner.speed import measure
    from mlkata.learner.speed_report import speed_report

    passing = [g for g in grades if g.passed]
    if not passing:
        out.print(Text("Speed: nothing to time, as no exercise passes yet.", style="dim"))
        return
    with out.status("timing against the reference solutions...", spinner="dots"):
        speeds = [measure(g.exercise, g.path, root) for g in passing]
    out.print(speed_report(speeds))


def _next(
    out: Console, grades: list[ExerciseGrade], root: Path, progress: Progress, folder: Path | None
) -> bool:
    """Say what to do next; whether everything graded passes."""
    from mlkata.learner import render
    from mlkata.learner.grade import DRILLS_FOLDER, shown

    graded = [g for g in grades if not g.problem]
    todo = next((g for g in graded if not g.passed), None)
    if todo is not None:
        out.print(
            Text(
                f"Next: open {shown(todo.path)}, then run `{render.check_command(todo.exercise, folder)}` "
                f"(stuck? `mlkata hint {todo.exercise.module}`)",
                style="cyan",
            )
        )
        return False
    if folder is not None:
        done = f"Every exercise in {shown(folder)} passes."
        if folder.resolve().parent.name == DRILLS_FOLDER:
            done += " Type done + Enter in the drill's window to score it."
        out.print(Text(done, style="bold green"))
        return True
    from mlkata.catalog import all_exercises
    from mlkata.learner.state import next_exercise, states

    upcoming = next_exercise(
        states(list(all_exercises(root)), root, progress), {g.exercise.key for g in graded}
    )
    if upcoming is None:
        out.print(Text("Every exercise passes. `mlkata drill` keeps you sharp.", style="bold green"))
    else:
        exercise = upcoming.exercise
        out.print(
            Text(
                f"Next: {exercise.key}: open {shown(exercise.exercise_path(root))}, then run "
                f"`mlkata check {exercise.module}` (or keep `mlkata watch` running)",
                style="cyan",
            )
        )
    return True
