"""The learner's commands: status, hint, watch, reset, solution, drill and history (check: its own).

Every command works on the project found by :func:`mlkata.paths.project_root` and the
progress file of :mod:`mlkata.learner.progress`. Grading machinery (numpy, the graders'
references) is imported inside the commands that grade, so ``mlkata --help`` and
``mlkata status`` stay quick.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from mlkata.commands.base import Stop as _Stop
from mlkata.commands.base import console as _console
from mlkata.commands.base import find as _exercise
from mlkata.commands.base import friendly as _friendly
from mlkata.commands.base import open_progress as _progress
from mlkata.commands.base import project_root as _root
from mlkata.commands.options import TopicsOption, topics_from

WELCOME = (
    "Welcome to mlkata! Each exercise is one function to write, in exercises/<topic>/<name>.py: "
    "its docstring gives the formula, a worked example and what to do with bad input. Keep "
    "`mlkata watch` running beside your editor: it grades the file each time you save. "
    "Stuck? `mlkata hint NAME` gives a hint, a stronger one each time you ask."
)


# --- status (and list) -------------------------------------------------------------------------


@_friendly
def status() -> None:
    """Show the curriculum in order, your state on each exercise and the next to do (also: mlkata)."""
    from rich.table import Table

    from mlkata.catalog import all_exercises
    from mlkata.learner import render
    from mlkata.learner.grade import shown
    from mlkata.learner.layout import counted
    from mlkata.learner.state import State, next_exercise, states

    root = _root()
    progress = _progress()
    console = _console()
    found = states(list(all_exercises(root)), root, progress)
    styles = {
        State.PASSING: ("✓", "green"),
        State.FAILING: ("✗", "red"),
        State.UNCHECKED: ("?", "yellow"),
        State.NOT_STARTED: ("·", "dim"),
        State.MISSING: ("!", "red"),
        State.NO_GRADER: ("-", "dim"),
    }
    if all(s.state is State.NOT_STARTED for s in found):
        console.print(Text(WELCOME, style="cyan"))
        console.print()
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("exercise")
    table.add_column("level")  # the best reached: ★ correct, ★★ robust, ★★★ fast
    table.add_column("difficulty")
    table.add_column("state")
    best = progress.best_levels()
    topic = None
    for number, item in enumerate(found, start=1):
        if item.exercise.topic != topic:
            topic = item.exercise.topic
            table.add_row("", Text(topic, style="bold magenta"), "", "", "")
        symbol, colour = styles[item.state]
        text = f"{symbol} {item.state.value}"
        if item.last is not None:
            text += f" ({item.last.score}/{item.last.max_score})"
        level = best.get(item.exercise.key, 0)
        table.add_row(
            str(number),
            item.exercise.module,
            Text(render.level_stars(level), style="yellow" if level else "dim"),
            render.difficulty(item.exercise.difficulty),
            Text(text, colour),
        )
    console.print(table)
    console.print()
    console.print(render.progress_bar(sum(s.passing for s in found), len(found)))
    from mlkata.commands.practice import review_line

    if (due := review_line(root, progress, [s.exercise for s in found])) is not None:
        console.print(due)
    unchecked = [s for s in found if s.state is State.UNCHECKED]
    if unchecked:
        console.print(
            Text(
                f"{counted(len(unchecked), 'edited exercise')} not graded since: run `mlkata check`.",
                style="yellow",
            )
        )
    missing = [s for s in found if s.state is State.MISSING]
    if missing:
        console.print(
            Text(
                f"{counted(len(missing), 'exercise file')} missing: `mlkata generate` writes them.",
                style="yellow",
            )
        )
    upcoming = next_exercise(found)
    if upcoming is None:
        console.print(Text("Every exercise passes. `mlkata drill` keeps you sharp.", style="bold green"))
    else:
        exercise = upcoming.exercise
        console.print(
            Text(
                f"Next: {exercise.key}: open {shown(exercise.exercise_path(root))}, then run "
                f"`mlkata check {exercise.module}` (or keep `mlkata watch` running)",
                style="cyan",
            )
        )


# --- hint --------------------------------------------------------------------------------------


@_friendly
def hint(
    exercise: Annotated[
        str | None, typer.Argument(help="the exercise, e.g. hinge_loss (default: the next to do)")
    ] = None,
) -> None:
    """Show the next hint for an exercise (a stronger one each time you ask)."""
    from rich.table import Table

    from mlkata.catalog import all_exercises
    from mlkata.learner.hints import reveal_next
    from mlkata.learner.layout import counted
    from mlkata.learner.state import next_exercise, states

    root = _root()
    progress = _progress()
    console = _console()
    if exercise is None:
        upcoming = next_exercise(states(list(all_exercises(root)), root, progress))
        if upcoming is None:
            raise _Stop("Every exercise passes: name the exercise whose hints you want.", 1)
        found = upcoming.exercise
    else:
        found = _exercise(exercise, root)
    if not found.hints:
        console.print(f"{found.key} has no hints, sorry.")
        return
    revealed = reveal_next(found, progress)
    total = len(found.hints)
    console.print(Text(f"Hints for {found.key} ({len(revealed.shown)} of {total})", style="bold"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right")
    grid.add_column()
    for number, text in enumerate(revealed.shown, start=1):
        newest = number == len(revealed.shown) and revealed.new
        grid.add_row(f"  {number}.", Text(text, style="bold yellow" if newest else "dim"))
    console.print(grid)
    again = f"`mlkata hint {found.module}`"
    if revealed.remaining:
        console.print(
            Text(
                f"{counted(revealed.remaining, 'more hint')}: run {again} again for a stronger one.",
                style="cyan",
            )
        )
    else:
        lead = "That was the last hint" if revealed.new else f"No more hints: you have seen all {total}"
        console.print(
            Text(
                f"{lead} for {found.key}. `mlkata solution {found.module}` shows the reference solution.",
                style="cyan",
            )
        )


# --- watch -------------------------------------------------------------------------------------


@_friendly
def watch(
    exercise: Annotated[
        str | None, typer.Argument(help="the exercise to grade first (default: the next to do)")
    ] = None,
    max_events: Annotated[
        int | None, typer.Option("--max-events", help="stop after grading this many saves (for scripts)")
    ] = None,
) -> None:
    """Re-grade the exercise you are editing every time you save it (Ctrl-C stops)."""
    from mlkata.learner.watch import run_watch

    root = _root()
    progress = _progress()
    start = _exercise(exercise, root) if exercise else None
    raise typer.Exit(run_watch(_console(), progress, root, start=start, max_events=max_events))


# --- reset -------------------------------------------------------------------------------------


@_friendly
def reset(
    exercise: Annotated[str, typer.Argument(help="the exercise, e.g. hinge_loss")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="do not ask for confirmation")] = False,
) -> None:
    """Put an exercise back to its stub (your file is backed up first)."""
    import shutil
    from datetime import datetime

    from mlkata import stubs
    from mlkata.learner.grade import shown
    from mlkata.learner.progress import data_dir

    root = _root()
    console = _console()
    found = _exercise(exercise, root)
    state = stubs.stub_state(found, root)
    path = state.path
    if state.current == state.expected:
        console.print(f"{shown(path)} is already the stub: nothing to reset.")
        return
    backup_folder = data_dir() / "backups" / found.topic
    if state.current is not None:
        if not yes and not typer.confirm(
            f"Reset {shown(path)} to the stub? Your file is backed up to {backup_folder} first.",
            default=False,
        ):
            console.print("Nothing changed.")
            raise typer.Exit(1)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_folder / f"{found.module}.{stamp}.py"
        number = 1
        while backup.exists():
            number += 1
            backup = backup_folder / f"{found.module}.{stamp}-{number}.py"
        try:
            backup_folder.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, backup)
        except OSError as error:
            raise _Stop(f"Could not back up {shown(path)} to {backup} ({error}); nothing changed.") from None
        console.print(f"Backed up your file to {backup}")
    stubs.generate([found], root=root, force=True)
    console.print(Text(f"{shown(path)} is the stub again.", style="green"))


# --- solution ----------------------------------------------------------------------------------


def _print_code(console, code: str, lexer: str) -> None:
    """Print ``code`` with its lines as they are: never wrapped, so that a copy (or a pipe) runs.

    In a terminal it is highlighted, and a line wider than the window overflows it (the
    terminal shows it on the next row, but it is still one line); piped, it is the plain text.
    """
    from rich.syntax import Syntax

    code = code.rstrip("\n")
    if not console.is_terminal:
        console.print(Text(code), soft_wrap=True)
        return
    width = max((len(line) for line in code.splitlines()), default=1)
    syntax = Syntax(
        code, lexer, theme="ansi_dark", background_color="default", word_wrap=False, code_width=width
    )
    console.print(syntax, soft_wrap=True)


def _solution_text(exercise, root: Path) -> str:
    from mlkata.catalog import SOLUTION_BEGIN, SOLUTION_END, split_meta

    text, _ = split_meta(exercise.solution_path(root).read_text(encoding="utf-8"))
    lines = [
        line for line in text.splitlines(keepends=True) if line.strip() not in (SOLUTION_BEGIN, SOLUTION_END)
    ]
    return "".join(lines)


@_friendly
def solution(
    exercise: Annotated[str, typer.Argument(help="the exercise, e.g. hinge_loss")],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="do not ask, even if it does not pass yet")
    ] = False,
) -> None:
    """Show the reference solution, and how your file differs from it."""
    import difflib

    from mlkata.learner.grade import grade_exercise, shown
    from mlkata.learner.state import State, record, states

    root = _root()
    progress = _progress()
    console = _console()
    found = _exercise(exercise, root)
    (current,) = states([found], root, progress)
    passing = current.passing
    if current.state is State.UNCHECKED:
        grade = grade_exercise(found, root=root)
        record(progress, grade, "check")
        passing = grade.passed
    if not passing and not yes:
        if not typer.confirm(f"You haven't solved {found.key} yet. Show the solution anyway?", default=False):
            console.print(f"Good call. `mlkata hint {found.module}` gives a hint instead.")
            raise typer.Exit(1)
    reference = _solution_text(found, root)
    header = Text(f"# Reference solution of {found.key} (solutions/{found.key}.py)", style="bold")
    console.print(header, soft_wrap=True)
    _print_code(console, reference, "python")
    path = found.exercise_path(root)
    if path.is_file():
        mine = path.read_text(encoding="utf-8")
        diff = "".join(
            difflib.unified_diff(
                mine.splitlines(keepends=True),
                reference.splitlines(keepends=True),
                fromfile=f"{shown(path)} (yours)",
                tofile=f"solutions/{found.key}.py (reference)",
            )
        )
        if diff:
            console.print(Text("Your file against the reference (- yours, + reference)", style="bold"))
            _print_code(console, diff, "diff")
        else:
            console.print("Your file is the reference solution, character for character.")


# --- drill -------------------------------------------------------------------------------------


@_friendly
def drill(
    minutes: Annotated[float, typer.Option("--minutes", help="time on the clock", min=0.001)] = 20.0,
    topics: TopicsOption = None,
    count: Annotated[
        int,
        typer.Option(
            "--count", help="how many exercises (all of the pool, and said so, if it has fewer)", min=1
        ),
    ] = 5,
    seed: Annotated[int | None, typer.Option("--seed", help="draw the same exercises again")] = None,
    quiz: Annotated[
        bool, typer.Option("--quiz", help="a concept check on each exercise before the clock starts")
    ] = False,
    review: Annotated[
        bool, typer.Option("--review", help="the exercises due for spaced review (failed, slow, long unseen)")
    ] = False,
) -> None:
    """A timed drill: random exercise stubs in a fresh folder, a countdown, a score.

    Type done + Enter to finish (the folder is graded and scored, as when the time is up);
    quit + Enter or Ctrl-C stops the drill without a score.
    """
    from mlkata.learner.drill import drill_pool, run_drill

    root = _root()
    progress = _progress()
    try:
        pool = drill_pool(root, topics_from(topics))
    except KeyError as error:
        raise _Stop(str(error.args[0])) from None
    if not pool:
        raise _Stop("No exercises with graders in those topics.")
    if review:
        from mlkata.commands.practice import review_drill

        due = review_drill(root, progress, pool, count)
        if not due:
            return
        run_drill(
            _console(), progress, root, due, minutes=minutes, count=len(due), seed=seed, chosen=due, quiz=quiz
        )
        return
    run_drill(_console(), progress, root, pool, minutes=minutes, count=count, seed=seed, quiz=quiz)


# --- history -----------------------------------------------------------------------------------


@_friendly
def history(
    html: Annotated[
        Path | None, typer.Option("--html", help="also write the charts to this HTML file", dir_okay=False)
    ] = None,
) -> None:
    """Your drills, your progress over time, and your strength by topic."""
    from mlkata.catalog import all_exercises
    from mlkata.commands.practice import show_strength
    from mlkata.learner.history import show_history

    root = _root()
    progress = _progress()
    show_history(_console(), progress.drills(), progress.gradings(), len(all_exercises(root)))
    show_strength(_console(), root, progress, html)


def register(app: typer.Typer) -> None:
    from mlkata.commands.check import check

    app.command()(status)
    app.command("list", hidden=True)(status)  # the name it had; `mlkata status` is the one documented
    app.command()(check)
    app.command()(hint)
    app.command()(watch)
    app.command()(reset)
    app.command()(solution)
    app.command()(drill)
    app.command()(history)
