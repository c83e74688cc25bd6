"""``mlkata repro NAME``: write a script that reproduces the first failing check's call.

NAME is what ``mlkata check`` takes for one exercise (``hinge_loss``, ``losses/hinge_loss`` or
its file); ``--folder`` grades a folder laid out like ``exercises/`` (a drill's). The script,
``repro_<module>.py`` in the current folder (or ``--out``), needs numpy only: run it, or step
through your function with ``python -m pdb`` (:mod:`mlkata.learner.repro`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from mlkata.commands.base import Stop, console, friendly, project_root


@friendly
def repro(
    name: Annotated[str, typer.Argument(help="an exercise (hinge_loss) or its file")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="write the script here (a file, or a folder); default: repro_<name>.py here"
        ),
    ] = None,
    folder: Annotated[
        Path | None,
        typer.Option("--folder", help="grade the exercise file of this folder (laid out <topic>/<name>.py)"),
    ] = None,
    no_shrink: Annotated[
        bool,
        typer.Option("--no-shrink", help="keep the failing input as it is; do not look for a smaller one"),
    ] = False,
) -> None:
    """Write a script reproducing your function's first failing check, to run or debug."""
    from mlkata.commands.check import targets
    from mlkata.learner.repro import reproduce

    root = project_root()
    if folder is not None and not folder.is_dir():
        raise Stop(f"{folder} is not a folder")
    if out is not None and not out.is_dir() and not out.resolve().parent.is_dir():
        raise Stop(f"{out.resolve().parent} is not a folder: give --out a file in an existing folder")
    chosen = targets(name, root, folder)
    if len(chosen) != 1:
        raise Stop(
            f"`mlkata repro` reproduces one exercise; {name!r} names {len(chosen)}: "
            f"name one, e.g. `mlkata repro {chosen[0].module}`"
        )
    out_console = console()
    with out_console.status("grading...", spinner="dots"):
        result = reproduce(chosen[0], folder, root=root, out=out, shrinking=not no_shrink)
    style = "green" if result.written else ("yellow" if result.failing else "bold green")
    out_console.print(Text(result.message, style=style))
    if result.failing and not result.written:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(repro)
