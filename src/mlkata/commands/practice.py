"""Interview practice: ``mlkata quiz``, and what ``drill --review``, ``status`` and ``history`` use.

``mlkata quiz [TOPIC]`` asks concept checks (:mod:`mlkata.learner.quiz`). The helpers below
give the spaced-review drill its exercises and ``mlkata`` its "due today" line
(:mod:`mlkata.learner.review`), and ``mlkata history`` its strength charts
(:mod:`mlkata.learner.charts`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from mlkata.commands.base import Stop, console, friendly, open_progress, project_root

if TYPE_CHECKING:
    from rich.console import Console

    from mlkata.catalog import Exercise
    from mlkata.learner.progress import Progress

COUNT = 5


def _exercises_for(name: str | None, root: Path) -> list[Exercise]:
    """The exercises ``name`` means: a topic, an exercise, or (``None``) all of them."""
    from mlkata.catalog import all_exercises, exercises_of
    from mlkata.curriculum import topics

    if name is None:
        return list(all_exercises(root))
    if name in topics():
        return exercises_of([name], root)
    from mlkata.commands.base import find

    try:
        return [find(name, root)]
    except Stop:
        raise Stop(
            f"{name!r} is neither a topic nor an exercise. Topics: {', '.join(topics())} "
            "(or name an exercise, e.g. `mlkata quiz log_loss`)."
        ) from None


@friendly
def quiz(
    topic: Annotated[
        str | None, typer.Argument(help="a topic (or one exercise), e.g. losses (default: every topic)")
    ] = None,
    count: Annotated[int, typer.Option("--count", help="how many questions", min=1)] = COUNT,
) -> None:
    """Concept checks: a few questions on a topic, graded at once (missed and new ones first)."""
    from mlkata.catalog import all_exercises
    from mlkata.learner.quiz import order, pack_questions, run_quiz

    root = project_root()
    progress = open_progress()
    out = console()
    exercises = _exercises_for(topic, root)
    questions = pack_questions(exercises)
    where = topic or "the pack"
    if not questions:
        raise Stop(f"No concept checks for {where} yet. `mlkata quiz` with no topic asks from all topics.", 1)
    curriculum = [e.key for e in all_exercises(root)]
    chosen = order(questions, progress.answers(), curriculum)[:count]
    score = run_quiz(out, progress, chosen, sys.stdin)
    again = f"mlkata quiz {topic}" if topic else "mlkata quiz"
    if score.asked:
        out.print(
            Text(
                f"Answers recorded. `{again}` asks the ones you missed, then new ones, first.",
                style="cyan",
            )
        )


# --- what other commands show -----------------------------------------------------------------


def review_drill(root: Path, progress: Progress, pool: list[Exercise], count: int) -> list[Exercise]:
    """The exercises of ``pool`` a ``drill --review`` takes: the first ``count`` due today (said so).

    Empty when none is due, and the screen says when the next one is.
    """
    from mlkata.learner.review import due_exercises

    due = due_exercises(pool, progress)
    if not due:
        console().print(
            Text(
                "No exercise is due for review today: "
                f"{_next_review_text(pool, progress) or 'none has been graded or drilled yet'}. "
                "`mlkata drill` draws random ones meanwhile.",
                style="yellow",
            )
        )
        return []
    chosen = due[:count]
    more = f" (the first {len(chosen)} of {len(due)})" if len(due) > len(chosen) else ""
    console().print(
        Text(
            f"Spaced review: {len(due)} due today{more}, failed first, then slow, then long unpractised.",
            style="cyan",
        )
    )
    return chosen


def _next_review_text(pool: list[Exercise], progress: Progress) -> str:
    from mlkata.learner.review import next_review

    day = next_review(pool, progress)
    return f"the next is due on {day.isoformat()}" if day else ""


def review_line(root: Path, progress: Progress, pool: list[Exercise]) -> Text | None:
    """``mlkata``'s line on spaced review: how many exercises are due today (``None``: none practised)."""
    from mlkata.learner.layout import counted
    from mlkata.learner.review import due_exercises

    graded = [e for e in pool if e.grader_path(root).is_file()]
    due = due_exercises(graded, progress)
    if due:
        return Text(
            f"{counted(len(due), 'exercise')} due for review today (mlkata drill --review)", style="cyan"
        )
    later = _next_review_text(graded, progress)
    return Text(f"No exercise due for review today; {later}.", style="dim") if later else None


def show_strength(out: Console, root: Path, progress: Progress, html: Path | None) -> None:
    """``mlkata history``'s strength charts, and its HTML page when ``html`` names a file."""
    from mlkata.catalog import all_exercises
    from mlkata.engine.files import atomic_write
    from mlkata.learner.charts import render_html, strength_table, strengths

    levels = getattr(progress, "best_levels", None)
    found = strengths(
        all_exercises(root), progress.gradings(), progress.drills(), levels() if levels else None
    )
    if found:
        out.print()
        out.print(strength_table(found))
    if html is not None:
        gradings = sum(s.gradings for s in found)
        summary = f"{len(found)} topics practised, {gradings} gradings." if found else ""
        try:
            atomic_write(html, render_html(found, summary))
        except OSError as error:
            raise Stop(
                f"Could not write {html} ({error}): name a file in a folder you can write to."
            ) from None
        out.print(Text(f"Wrote {html}: open it in a browser.", style="green"))


def register(app: typer.Typer) -> None:
    app.command()(quiz)
