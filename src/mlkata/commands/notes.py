"""``mlkata notes NAME``: an exercise's talking points, for interview practice.

NAME is what ``mlkata check`` takes: an exercise (``log_loss``, ``losses/log_loss``, a
function's name, its file) or a topic, whose exercises' talking points come one after
another. They come from the exercise's solution module (:mod:`mlkata.learner.notes`).
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from mlkata.commands.base import Stop, console, friendly, project_root


@friendly
def notes(
    name: Annotated[
        str, typer.Argument(help="an exercise (log_loss), its file, or a topic (losses) for all of its")
    ],
) -> None:
    """Show an exercise's talking points: when to use it, its pitfalls, what is asked next."""
    from rich.rule import Rule

    from mlkata.commands.check import targets
    from mlkata.learner.notes import Notes

    root = project_root()
    out = console()
    chosen = targets(name, root)
    written = [e for e in chosen if e.talking_points is not None]
    if not written:
        what = chosen[0].key if len(chosen) == 1 else f"the topic {chosen[0].topic}"
        raise Stop(f"{what} has no talking points yet; `mlkata hint {chosen[0].module}` has hints.", 1)
    for i, exercise in enumerate(written):
        if i:
            out.print(Rule(style="dim"))
        out.print(Notes(exercise))
    missing = [e.module for e in chosen if e.talking_points is None]
    if missing:
        out.print(Text(f"No talking points yet for {', '.join(missing)}.", style="yellow"))
    if len(chosen) > 1:
        out.print(Text(f"`mlkata notes {written[0].module}` shows one exercise's alone.", style="dim"))


def register(app: typer.Typer) -> None:
    app.command()(notes)
