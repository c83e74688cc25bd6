"""``mlkata init DIR`` and ``mlkata update``: a learner's workspace (:mod:`mlkata.workspace`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text


def _console() -> Console:
    return Console(highlight=False)


def _shown(folder: Path) -> str:
    """``folder`` relative to the current folder when it is below it, else as is."""
    try:
        return str(folder.relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(folder)


def _report(console: Console, result, *, new: bool) -> None:
    from mlkata.catalog import all_exercises

    where = _shown(result.folder)
    total = len(all_exercises(result.folder))
    if result.links == "copy":
        console.print(
            Text(
                "graders/ and solutions/ are copies (this system made no links): "
                "run `mlkata update` after upgrading mlkata",
                style="yellow",
            )
        )
    for key in result.added if not new else ():
        console.print(Text.assemble(("added", "green"), f"   exercises/{key}.py"))
    for key in result.refreshed:
        console.print(Text.assemble(("updated", "green"), f" exercises/{key}.py (you had not edited it)"))
    for key in result.kept:
        console.print(Text.assemble(("kept", "yellow"), f"    exercises/{key}.py (you edited it)"))
    if new:
        console.print(
            Text.assemble(
                ("Made the workspace ", "green"),
                (where, "bold green"),
                (f": {total} exercises to write, in {where}/exercises.", "green"),
            )
        )
        step = f"cd {where} && " if where != "." else ""
        console.print(f"Start with: {step}mlkata    (then: pytest exercises/losses)")
    else:
        console.print(
            f"{where}: {len(result.added)} added, {len(result.refreshed)} updated, "
            f"{len(result.kept)} kept; {total} exercises"
        )


def init(
    folder: Annotated[Path, typer.Argument(help="the folder to make (new, or empty)")],
) -> None:
    """Make a workspace: your own copy of every exercise, graded by the installed mlkata."""
    from mlkata.workspace import WorkspaceError
    from mlkata.workspace import init as make

    console = _console()
    try:
        result = make(folder)
    except (WorkspaceError, FileNotFoundError) as error:
        console.print(Text(str(error), style="bold red"))
        raise typer.Exit(2) from None
    _report(console, result, new=True)


def update(
    folder: Annotated[
        Path | None, typer.Argument(help="the workspace (default: the one you are in)", show_default=False)
    ] = None,
) -> None:
    """Bring a workspace up to date with the installed mlkata: new exercises; your edits stay."""
    from mlkata.workspace import WorkspaceError
    from mlkata.workspace import update as bring

    console = _console()
    try:
        result = bring(folder)
    except (WorkspaceError, FileNotFoundError) as error:
        console.print(Text(str(error), style="bold red"))
        raise typer.Exit(2) from None
    _report(console, result, new=False)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(update)
