"""The maintainer's commands: ``mlkata new TOPIC/NAME``, ``mlkata dev check`` and ``dev answers``."""

from __future__ import annotations

from typing import Annotated

import typer

from mlkata.commands.options import TopicsOption, topics_from

dev = typer.Typer(help="Tools for the pack's maintainers (in a checkout).", no_args_is_help=True)


def new(
    key: Annotated[str, typer.Argument(help="TOPIC/NAME: the exercise module, as curriculum.tsv lists it")],
) -> None:
    """Write a new exercise's solution, grader, mutants and benchmark case from its curriculum row."""
    from rich.console import Console

    from mlkata.maintainer.scaffold import TODO, new_exercise
    from mlkata.paths import project_root

    console = Console(highlight=False, soft_wrap=True)
    root = project_root()
    try:
        written = new_exercise(root, key)
    except (KeyError, FileExistsError) as error:
        console.print(f"[red]{error.args[0]}[/red]")
        raise typer.Exit(2) from None
    for path in written:
        console.print(f"wrote {path.relative_to(root)}")
    console.print(
        f"next: fill in each {TODO}, then `mlkata generate` (the stub) and `mlkata dev check --topics "
        f"{key.split('/')[0]}` until it reports nothing"
    )


@dev.command("check")
def check(
    topics: TopicsOption = None,
    fast: Annotated[
        bool, typer.Option("--fast", help="leave out running the graders on the mutants")
    ] = False,
) -> None:
    """Check every exercise: stub in sync, grader, mutants rejected with their hints, benchmark row."""
    from rich.console import Console

    from mlkata.catalog import exercises_of
    from mlkata.maintainer.checks import problems
    from mlkata.paths import project_root

    console = Console(highlight=False, soft_wrap=True)
    root = project_root()
    chosen = exercises_of(topics_from(topics), root)
    found = []
    for exercise in chosen:
        for problem in problems(exercise, root, grading=not fast):
            found.append(problem)
            console.print(f"[red]✗[/red] {problem}")
    if found:
        console.print(
            f"{len(found)} problem(s) in {len({p.exercise for p in found})} of {len(chosen)} exercises"
        )
        raise typer.Exit(1)
    console.print(f"all {len(chosen)} exercises complete" + (" (graders not run: --fast)" if fast else ""))


@dev.command("answers")
def answers() -> None:
    """Remake the shipped reference-answer store (src/mlkata/answers.sqlite3) from the real libraries."""
    from rich.console import Console

    from mlkata.grading.answers import SHIPPED
    from mlkata.maintainer.answers import make_answers
    from mlkata.paths import project_root

    console = Console(highlight=False, soft_wrap=True)
    try:
        count, versions = make_answers(project_root(), SHIPPED)
    except RuntimeError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    made_with = ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
    console.print(f"wrote {SHIPPED}: {count} answers, made with {made_with}")


def register(app: typer.Typer) -> None:
    app.command("new")(new)
    app.add_typer(dev, name="dev")
