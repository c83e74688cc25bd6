"""``mlkata classroom``: the nbgrader variant of the pack, for instructors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlkata.commands.options import TopicsOption, topics_from

classroom = typer.Typer(
    help="Generate an nbgrader course from the exercises (needs the classroom extra).",
    no_args_is_help=True,
)


@classroom.command()
def build(
    directory: Annotated[Path, typer.Argument(help="the course folder to write (created if missing)")],
    topics: TopicsOption = None,
    assignment: Annotated[
        str, typer.Option("--assignment", help="the nbgrader assignment: source/<assignment>/")
    ] = "mlkata",
    per_topic: Annotated[
        bool,
        typer.Option(
            "--per-topic/--one-notebook",
            help="one notebook per topic (default), or one notebook for the whole assignment",
        ),
    ] = True,
    course_id: Annotated[str, typer.Option("--course-id", help="nbgrader's course id")] = "mlkata",
    timeout: Annotated[
        int,
        typer.Option(
            "--timeout",
            min=2,
            help="seconds a notebook cell, and one call of a learner's function, may run when graded",
        ),
    ] = 10,
    force: Annotated[
        bool, typer.Option("--force", help="replace an nbgrader_config.py that mlkata did not write")
    ] = False,
) -> None:
    """Write nbgrader_config.py and source/<assignment>/*.ipynb into DIRECTORY."""
    from rich.console import Console
    from rich.markup import escape

    from mlkata.classroom import ClassroomUnavailable

    console = Console()
    chosen = topics_from(topics)
    try:
        from mlkata.classroom.course import build_course

        result = build_course(
            directory,
            chosen,
            assignment=assignment,
            per_topic=per_topic,
            course_id=course_id,
            timeout=timeout,
            force=force,
        )
    except ClassroomUnavailable as error:
        console.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(1) from None
    except KeyError as error:
        console.print(f"[red]{escape(str(error.args[0]))}[/red]")
        raise typer.Exit(2) from None
    except (FileExistsError, ValueError) as error:
        console.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(2) from None
    shown = result.config.parent
    console.print(f"[green]wrote[/green]   {result.config}")
    for path in result.notebooks:
        console.print(f"[green]wrote[/green]   {path}")
    for path in result.removed:
        console.print(f"[yellow]removed[/yellow] {path} (no longer part of the course)")
    console.print(
        f"next: cd {shown} && nbgrader generate_assignment {assignment} --force\n"
        f"      put submissions in submitted/<student>/{assignment}/, then\n"
        f"      nbgrader autograde {assignment} --force && nbgrader export --to grades.csv",
        highlight=False,
    )


@classroom.command()
def check(
    directory: Annotated[Path, typer.Argument(help="the course folder (holding nbgrader_config.py)")],
    assignment: Annotated[
        str | None, typer.Option("--assignment", help="check this assignment only (default: all)")
    ] = None,
) -> None:
    """Name every submitted notebook that is broken, missing or not autograded; exit 1 if any."""
    from rich.console import Console
    from rich.markup import escape

    from mlkata.classroom.report import course_problems

    console = Console()
    if not (directory / "source").is_dir():
        console.print(f"[red]{escape(str(directory))} is not a course folder: it has no source/[/red]")
        raise typer.Exit(2)
    if assignment is not None and not (directory / "source" / assignment).is_dir():
        console.print(f"[red]the course has no assignment {escape(assignment)}[/red]")
        raise typer.Exit(2)
    problems = course_problems(directory, assignment)
    for problem in problems:
        console.print(f"[red]✗[/red] {escape(str(problem))}", highlight=False)
    if problems:
        console.print(
            f"{len(problems)} submitted notebook(s) are not graded: their students' grades are wrong"
        )
        raise typer.Exit(1)
    console.print("[green]✓[/green] every submitted notebook is readable and autograded")


def register(app: typer.Typer) -> None:
    app.add_typer(classroom, name="classroom")
