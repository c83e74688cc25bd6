"""``mlkata watch``: re-grade the exercise being edited on every save.

On start it grades the next exercise to do; then, each time a file of ``exercises/``
is saved, it grades that exercise, clears the screen and shows the result: the table,
the first failing check's message and, once it passes, the exercise to open next (and, the
first time it passes, its talking points: :mod:`mlkata.learner.notes`).
Ctrl-C stops it cleanly.
"""

from __future__ import annotations

import signal
from pathlib import Path

from rich.console import Console
from rich.rule import Rule
from rich.text import Text

from mlkata.catalog import Exercise, all_exercises
from mlkata.learner import render
from mlkata.learner.grade import ExerciseGrade, grade_exercise, shown
from mlkata.learner.notes import after_passing
from mlkata.learner.progress import Progress
from mlkata.learner.state import next_exercise, record, states


def _screen(console: Console, grade: ExerciseGrade, root: Path, progress: Progress) -> None:
    found = states(list(all_exercises(root)), root, progress)
    upcoming = next_exercise(found)
    console.clear()
    console.print(Rule(f"mlkata watch · {shown(grade.path)}"))
    console.print(render.results_table([grade]))
    details = render.failure_details(grade)
    if details is not None:
        console.print(details)
    name = grade.exercise.functions[0] if grade.exercise.functions else grade.exercise.module
    if grade.passed:
        console.print(Text(f"✓ {grade.exercise.key} passes!", style="bold green"))
        for part in after_passing([grade.exercise], progress):
            console.print(part)
        if upcoming is None:
            console.print(Text("🎉 Every exercise passes. Try `mlkata drill` to practise against the clock."))
        else:
            path = shown(upcoming.exercise.exercise_path(root))
            console.print(Text(f"Next: {upcoming.exercise.key}: open {path}", style="cyan"))
    elif grade.not_implemented:
        console.print(
            Text(
                f"Open {shown(grade.path)} and write {name}(); it is graded each time you save.", style="cyan"
            )
        )
    elif grade.problem:
        console.print(Text(f"{grade.exercise.key}: {grade.problem}", style="yellow"))
    passing = sum(s.passing for s in found)
    console.print(render.progress_bar(passing, len(found)))
    about = upcoming.exercise if grade.passed and upcoming is not None else grade.exercise
    console.print(
        Text(
            f"Watching exercises/ for changes · mlkata hint {about.module} for a hint · Ctrl-C to stop",
            style="dim",
        )
    )


def _exercise_of(path: Path, exercises: dict[Path, Exercise]) -> Exercise | None:
    return exercises.get(path.resolve()) if path.is_file() else None


def run_watch(
    console: Console,
    progress: Progress,
    root: Path,
    *,
    start: Exercise | None = None,
    max_events: int | None = None,
    debounce_ms: int = 300,
) -> int:
    """Watch ``root/exercises`` until Ctrl-C (or ``max_events`` gradings); the exit code."""
    import watchfiles

    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:  # started in the background, say
        signal.signal(signal.SIGINT, signal.default_int_handler)
    exercises = {e.exercise_path(root).resolve(): e for e in all_exercises(root)}
    try:
        first = start
        if first is None:
            upcoming = next_exercise(states(list(exercises.values()), root, progress))
            first = upcoming.exercise if upcoming is not None else None
        if first is not None:
            grade = grade_exercise(first, root=root)
            record(progress, grade, "watch")
            _screen(console, grade, root, progress)
        else:
            console.print("Every exercise passes. Watching exercises/ for changes (Ctrl-C to stop).")
        events = 0
        for changes in watchfiles.watch(
            root / "exercises",
            watch_filter=watchfiles.PythonFilter(),
            debounce=debounce_ms,
            step=50,
            raise_interrupt=True,
        ):
            changed = []
            for _, name in sorted(changes, key=lambda change: change[1]):
                exercise = _exercise_of(Path(name), exercises)
                if exercise is not None and exercise not in changed:
                    changed.append(exercise)
            for exercise in changed:
                grade = grade_exercise(exercise, root=root)
                record(progress, grade, "watch")
                _screen(console, grade, root, progress)
            if changed:
                events += 1
                if max_events is not None and events >= max_events:
                    return 0
    except KeyboardInterrupt:
        console.print("\nStopped watching. Your progress is saved; run `mlkata` to see where you are.")
    return 0
