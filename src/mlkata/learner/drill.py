"""``mlkata drill``: a timed set of random exercises in a fresh folder.

The exercises are drawn with ``random.Random(seed)`` (so a seed repeats a drill), their
stubs are written to ``.mlkata-drills/<time>/`` in the project, and a countdown runs
while the learner works in an editor (:mod:`mlkata.learner.countdown`). The screen says
how to check the work meanwhile (``pytest`` inside the folder, or ``mlkata check --folder``).
Typing ``done`` and Enter ends the drill early; when the time is up it ends too; either way
the folder is then graded and the score and time are recorded. ``quit``, ``exit`` or Ctrl-C
stop the drill without a score: it stays "unfinished" in ``mlkata history``, and its folder
stays for ``mlkata check --folder`` to grade.
"""

from __future__ import annotations

import random
import shlex
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.text import Text

from mlkata.catalog import Exercise, all_exercises
from mlkata.engine.files import atomic_write
from mlkata.learner import render
from mlkata.learner.countdown import Finish, clock, countdown
from mlkata.learner.grade import DRILLS_FOLDER, ExerciseGrade, grade_exercise, shown
from mlkata.learner.layout import counted
from mlkata.learner.progress import Progress
from mlkata.stubs import make_stub


def choose(pool: list[Exercise], count: int, seed: int) -> list[Exercise]:
    """``count`` exercises of ``pool`` drawn with ``seed``, in curriculum order."""
    order = {e: i for i, e in enumerate(pool)}
    picked = random.Random(seed).sample(pool, min(count, len(pool)))
    return sorted(picked, key=order.__getitem__)


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 1_000_000)


def prepare(root: Path, exercises: list[Exercise]) -> Path:
    """Write the stubs of ``exercises`` into a new folder ``<root>/.mlkata-drills/<time>/``."""
    base = root / DRILLS_FOLDER
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = base / stamp
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = base / f"{stamp}-{suffix}"
    for exercise in exercises:
        stub = make_stub(exercise.solution_path(root).read_text(encoding="utf-8"))
        atomic_write(folder / exercise.topic / f"{exercise.module}.py", stub)
    return folder


def run_drill(
    console: Console,
    progress: Progress,
    root: Path,
    pool: list[Exercise],
    *,
    minutes: float,
    count: int,
    seed: int | None,
    stream: TextIO | None = None,
    chosen: list[Exercise] | None = None,
    quiz: bool = False,
) -> list[ExerciseGrade]:
    """Run one drill from start to recorded score; the gradings of its exercises.

    Parameters
    ----------
    console : Console
        Where the drill is shown.
    progress : Progress
        The learner's progress file (the drill and its gradings are recorded there).
    root : Path
        The project root.
    pool : list of Exercise
        The exercises to draw from.
    minutes : float
        Time on the clock.
    count : int
        Exercises to draw (all of the pool when it has fewer, and the screen says so).
    seed : int, optional
        The seed of the draw; a new one by default.
    stream : TextIO, optional
        Where the learner's commands are read (standard input by default).
    chosen : list of Exercise, optional
        The exercises of the drill (``mlkata drill --review``'s); drawn from ``pool`` by default.
    quiz : bool
        Ask a concept check on each exercise (:mod:`mlkata.learner.quiz`) before the clock starts.

    Returns
    -------
    list of ExerciseGrade
        One per exercise; empty when the drill was stopped without a score.
    """
    seed = new_seed() if seed is None else seed
    drawn = chosen is None  # by the seed (not given, as by `drill --review`)
    chosen = choose(pool, count, seed) if chosen is None else chosen
    folder = prepare(root, chosen)
    drill_id = progress.start_drill(seed, [e.key for e in chosen], minutes, folder)
    if count > len(pool):
        console.print(
            Text(
                f"Asked for {count} exercises, but the pool has only {len(pool)} (of the topics "
                f"chosen, those with a grader): this drill has all {len(pool)}.",
                style="yellow",
            )
        )
    console.print(
        Text(
            f"Drill: {counted(len(chosen), 'exercise')}, {clock(minutes * 60)} on the clock"
            + (f", seed {seed}" if drawn else ""),
            "bold",
        )
    )
    console.print(f"Your drill folder: {folder}")
    for exercise in chosen:
        path = folder / exercise.topic / f"{exercise.module}.py"
        console.print(f"  {render.stars(exercise.difficulty)}  {shown(path)}")
    if quiz:
        from mlkata.learner.quiz import drill_quiz

        drill_quiz(console, progress, chosen, stream or sys.stdin)
    where = shlex.quote(shown(folder))
    console.print(
        Text(
            "Write the functions there. To check your work meanwhile, in another terminal: "
            f"`cd {where} && pytest` (or `mlkata check --folder {where}`).",
            style="cyan",
        )
    )
    console.print(
        Text(
            "Type done + Enter when finished: the folder is graded and your score recorded (as when "
            "the time is up). quit + Enter, or Ctrl-C, stops the drill without a score.",
            style="cyan",
        )
    )
    finish = countdown(console, minutes, stream or sys.stdin, [e.key for e in chosen])
    if finish.reason == "quit":
        console.print(
            Text(
                f"Drill stopped after {clock(finish.seconds)}, not scored (`mlkata history` lists it as "
                f"unfinished). Your files stay in {shown(folder)}: `mlkata check --folder {where}` "
                "grades them.",
                style="yellow",
            )
        )
        return []
    console.print(
        f"Done after {clock(finish.seconds)}. Grading..."
        if finish.reason == "done"
        else "Time's up! Grading what you have..."
    )
    return _score(console, progress, root, chosen, folder, drill_id, finish, seed if drawn else None)


def _score(
    console: Console,
    progress: Progress,
    root: Path,
    chosen: list[Exercise],
    folder: Path,
    drill_id: int,
    finish: Finish,
    seed: int | None,
) -> list[ExerciseGrade]:
    """Grade the drill's folder, record the score, and show it."""
    grades = [grade_exercise(e, folder, root=root) for e in chosen]
    for grade in grades:
        if not grade.problem:
            progress.record_grading(
                grade.exercise.key,
                grade.score,
                grade.max_score,
                grade.passed,
                content_hash=grade.content_hash,
                grader_hash=grade.grader_hash,
                source="drill",
            )
    progress.finish_drill(drill_id, finish.seconds, {g.exercise.key: (g.score, g.max_score) for g in grades})
    console.print(render.results_table(grades))
    for grade in grades:
        details = render.failure_details(grade, folder=folder)
        if details is not None:
            console.print(details)
    score = sum(g.score for g in grades)
    most = sum(g.max_score for g in grades)
    percent = f" ({100 * score / most:.0f}%)" if most else ""
    console.print(
        Text(f"Drill score: {score}/{most}{percent} in {clock(finish.seconds)}", style="bold green")
    )
    if seed is None:
        console.print("Your drills and your strength by topic: mlkata history")
    else:
        redo = f"Seed {seed}: add --seed {seed} to the same options to redo this drill"
        console.print(f"{redo} · mlkata history")
    return grades


def drill_pool(root: Path, topics: list[str] | None) -> list[Exercise]:
    """The exercises a drill may draw: those of ``topics`` (all by default) that have a grader."""
    from mlkata.catalog import exercises_of

    chosen = exercises_of(topics, root) if topics else list(all_exercises(root))
    return [e for e in chosen if e.grader_path(root).is_file()]
