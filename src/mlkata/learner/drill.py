"""``mlkata drill``: a timed set of random exercises in a fresh folder.

The exercises are drawn with ``random.Random(seed)`` (so a seed repeats a drill), their
stubs are written to ``.mlkata-drills/<time>/`` in the project, and a countdown runs
while the learner works in an editor. Typing ``done`` and Enter on standard input ends the
drill early (any other line is ignored); otherwise it ends when the time is up. Then the
folder is graded and the score and time are recorded.
"""

from __future__ import annotations

import random
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from mlkata.catalog import Exercise, all_exercises
from mlkata.engine.files import atomic_write
from mlkata.learner import render
from mlkata.learner.grade import ExerciseGrade, grade_exercise, shown
from mlkata.learner.progress import Progress
from mlkata.stubs import make_stub

DRILLS_FOLDER = ".mlkata-drills"


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


@dataclass(frozen=True)
class Finish:
    seconds: float
    reason: str
    """``"done"`` (the learner said so), ``"time"`` (time up) or ``"interrupted"`` (Ctrl-C)."""


def _clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60:d}:{seconds % 60:02d}"


def countdown(console: Console, minutes: float, stream: TextIO, exercises: list[str]) -> Finish:
    """Show the time left until a line arrives on ``stream`` or the time is up."""
    from rich.live import Live

    said_done = threading.Event()

    def listen() -> None:
        while True:
            try:
                line = stream.readline()
            except (OSError, ValueError):
                return
            if not line:  # end of input (no terminal) is not "done": the clock decides
                return
            if line.strip().lower() == "done":  # a stray Enter or a typo does not end the drill
                said_done.set()
                return

    threading.Thread(target=listen, name="mlkata-drill-input", daemon=True).start()
    start = time.monotonic()
    total = minutes * 60

    def panel(left: float) -> Panel:
        style = "bold red" if left < 60 else "bold"
        body = Text(f"{_clock(left)} left", style=style)
        body.append(f"  ·  {len(exercises)} exercise(s)  ·  type done + Enter to finish early", style="dim")
        return Panel(body, title="mlkata drill", expand=False)

    reason = "time"
    try:
        with Live(panel(total), console=console, refresh_per_second=4, transient=True) as live:
            while True:
                left = total - (time.monotonic() - start)
                if left <= 0:
                    break
                if said_done.wait(min(0.25, left)):
                    reason = "done"
                    break
                live.update(panel(total - (time.monotonic() - start)))
    except KeyboardInterrupt:
        reason = "interrupted"
    return Finish(min(time.monotonic() - start, total), reason)


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
) -> list[ExerciseGrade]:
    """Run one drill from start to recorded score; the gradings of its exercises."""
    seed = new_seed() if seed is None else seed
    chosen = choose(pool, count, seed)
    folder = prepare(root, chosen)
    drill_id = progress.start_drill(seed, [e.key for e in chosen], minutes, folder)
    console.print(
        Text(f"Drill: {len(chosen)} exercise(s), {_clock(minutes * 60)} on the clock, seed {seed}", "bold")
    )
    console.print(f"Your drill folder: {folder}")
    for exercise in chosen:
        path = folder / exercise.topic / f"{exercise.module}.py"
        console.print(f"  {render.stars(exercise.difficulty)}  {shown(path)}")
    console.print(Text("Write the functions there. Type done + Enter when finished.", style="cyan"))
    finish = countdown(console, minutes, stream or sys.stdin, [e.key for e in chosen])
    console.print(
        {
            "done": f"Done after {_clock(finish.seconds)}. Grading...",
            "time": "Time's up! Grading what you have...",
            "interrupted": f"Stopped after {_clock(finish.seconds)}. Grading what you have...",
        }[finish.reason]
    )
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
        Text(f"Drill score: {score}/{most}{percent} in {_clock(finish.seconds)}", style="bold green")
    )
    console.print(f"Seed {seed}: add --seed {seed} to the same options to redo this drill · mlkata history")
    return grades


def drill_pool(root: Path, topics: list[str] | None) -> list[Exercise]:
    """The exercises a drill may draw: those of ``topics`` (all by default) that have a grader."""
    from mlkata.catalog import exercises_of

    chosen = exercises_of(topics, root) if topics else list(all_exercises(root))
    return [e for e in chosen if e.grader_path(root).is_file()]
