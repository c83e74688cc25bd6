"""The ``mlkata`` command."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from mlkata import catalog, stubs
from mlkata.commands import register_all
from mlkata.commands.options import TopicsOption, topics_from

app = typer.Typer(
    help="mlkata: auto-graded exercises for machine-learning interview math.",
    add_completion=False,
)
console = Console()


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context) -> None:
    """mlkata: auto-graded exercises for machine-learning interview math."""
    if ctx.invoked_subcommand is None:
        listing = ctx.command.get_command(ctx, "status")  # type: ignore[attr-defined]
        if listing is None or listing.callback is None:
            typer.echo(ctx.get_help())
            raise typer.Exit()
        ctx.invoke(listing.callback)


@app.command()
def generate(
    topics: TopicsOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="also overwrite exercise files you have edited")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="write nothing; exit 1 if exercises/ has drifted")
    ] = False,
) -> None:
    """Regenerate exercises/ (and docs/curriculum.md) from the solution modules and the manifest."""
    try:
        chosen = catalog.exercises_of(topics_from(topics))
    except KeyError as error:
        console.print(f"[red]{error.args[0]}[/red]")
        raise typer.Exit(2) from None
    from mlkata.contract import CONTRACT, contract_drifted, write_contract

    if check:
        drifted = [f"exercises/{key}.py" for key in stubs.drifted() if any(e.key == key for e in chosen)]
        drifted += [str(CONTRACT)] if contract_drifted() else []
        for name in drifted:
            console.print(f"[red]drifted[/red] {name}")
        if drifted:
            console.print("run [bold]mlkata generate[/bold] and commit the result")
            raise typer.Exit(1)
        console.print(f"[green]{len(chosen)} exercise stubs and {CONTRACT} are up to date[/green]")
        return
    if write_contract():
        console.print(f"[green]wrote[/green]   {CONTRACT}")
    result = stubs.generate(chosen, force=force)
    for key in result.written:
        console.print(f"[green]wrote[/green]   exercises/{key}.py")
    for key in result.kept:
        console.print(f"[yellow]kept[/yellow]    exercises/{key}.py (you edited it; --force overwrites)")
    console.print(
        f"{len(result.written)} written, {len(result.unchanged)} unchanged, {len(result.kept)} kept"
    )


register_all(app)


def main() -> None:
    """``mlkata``: the app, with the project's own errors told plainly, not as a traceback."""
    from mlkata.curriculum import CurriculumError

    try:
        app()
    except CurriculumError as error:  # the pack's maintainer's to fix: said plainly
        Console(stderr=True).print(f"[red]mlkata: {error}[/red]", highlight=False)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
