"""``mlkata grade``: grade a class's submissions in the sandbox, for an LMS."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlkata import limits


def register(app: typer.Typer) -> None:
    app.command(name="grade")(grade)


def grade(
    submissions: Annotated[
        Path, typer.Argument(help="folder with one folder (or .zip) per student, laid out like exercises/")
    ],
    out: Annotated[Path, typer.Option("--out", help="where results.json, feedback.md and grades.csv go")],
    topics: Annotated[
        str | None, typer.Option("--topics", help="comma-separated topics (default: all)")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", help="students graded at once (default: CPU count)")] = 0,
    force: Annotated[bool, typer.Option("--force", help="grade again students already graded")] = False,
    call_timeout: Annotated[
        float, typer.Option("--call-timeout", help="seconds per call")
    ] = limits.CALL_TIMEOUT,
    exercise_timeout: Annotated[
        float, typer.Option("--exercise-timeout", help="seconds for all the calls of one exercise")
    ] = limits.EXERCISE_TIMEOUT,
    memory: Annotated[
        int, typer.Option("--memory", help="megabytes a sandbox worker may use")
    ] = limits.MEMORY_MB,
    roster: Annotated[
        Path | None,
        typer.Option("--roster", help="CSV of the class (name, id, email): ids and emails in grades.csv"),
    ] = None,
) -> None:
    """Grade every student's submission with the graders, each in a sandbox."""
    import os

    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from mlkata import catalog
    from mlkata.batch.intake import not_students
    from mlkata.batch.run import Options, grade_batch
    from mlkata.paths import project_root

    console = Console(stderr=True)  # progress and errors; the summary goes to stdout
    report = Console(highlight=False, soft_wrap=True)  # a long path stays whole, to copy
    if not submissions.is_dir():
        console.print(f"[red]{submissions} is not a folder[/red]")
        raise typer.Exit(2)
    chosen_topics = [t.strip() for t in topics.split(",") if t.strip()] if topics else None
    try:
        root = project_root()
        exercises = catalog.exercises_of(chosen_topics, root)
    except (KeyError, FileNotFoundError) as error:
        console.print(f"[red]{error.args[0]}[/red]")
        raise typer.Exit(2) from None
    if not exercises:
        console.print("[red]no exercises to grade[/red]")
        raise typer.Exit(2)
    class_roster = None
    if roster is not None:
        from mlkata.batch.roster import RosterError, read_roster

        try:
            with open(roster, encoding="utf-8-sig", newline="") as handle:
                class_roster = read_roster(handle)
        except (OSError, UnicodeDecodeError, RosterError) as error:
            console.print(f"[red]cannot read the roster {roster}: {error}[/red]")
            raise typer.Exit(2) from None
    from mlkata.grading.isolation import Sandbox, SandboxUnavailable

    try:
        Sandbox().kill()  # that the sandbox starts here, before a class is scored 0 for want of it
    except (SandboxUnavailable, OSError) as error:
        console.print(f"[red]cannot grade: {error}[/red]")
        console.print("The sandbox needs bubblewrap and unprivileged user namespaces (see README, Security).")
        raise typer.Exit(2) from None
    options = Options(
        jobs=jobs or os.cpu_count() or 1,
        force=force,
        call_timeout=call_timeout,
        exercise_timeout=exercise_timeout,
        memory_mb=memory,
    )
    with Progress(
        TextColumn("grading"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("", total=None)

        def advance(student: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=student)

        summary = grade_batch(
            submissions.resolve(), out.resolve(), exercises, root, options, advance, class_roster
        )
    for name, why in not_students(submissions.resolve(), skip=[out.resolve()]).items():
        report.print(f"[yellow]skipped {escape(name)}: {escape(why)}[/yellow]")
    if summary.missing:
        shown = ", ".join(summary.missing[:10]) + (" ..." if len(summary.missing) > 10 else "")
        report.print(
            f"[yellow]no submission from {len(summary.missing)} on the roster: {escape(shown)}[/yellow]"
        )
    if summary.removed:
        shown = ", ".join(summary.removed[:10]) + (" ..." if len(summary.removed) > 10 else "")
        report.print(
            f"[yellow]{len(summary.removed)} folder(s) of {escape(str(out))} hold results of students "
            f"no longer in {escape(str(submissions))}, kept but left out of grades.csv: "
            f"{escape(shown)}[/yellow]"
        )
    for student, notes in summary.notes.items():
        shown = "; ".join(notes[:3]) + (f" (and {len(notes) - 3} more)" if len(notes) > 3 else "")
        report.print(f"[yellow]{escape(student)}:[/yellow] {escape(shown)}")
    report.print(
        f"graded {len(summary.graded)} student(s), {len(summary.skipped)} already up to date "
        f"({len(exercises)} exercises) in {summary.seconds:.1f} s; grades in {summary.grades}"
    )
    if summary.interrupted:
        report.print(
            f"[red]interrupted: {len(summary.interrupted)} student(s) not graded; run the same command "
            "again to grade them (the others are kept)[/red]"
        )
        raise typer.Exit(130)
