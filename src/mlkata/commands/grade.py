"""``mlkata grade``: grade a class's submissions in the sandbox, for an LMS."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlkata import limits
from mlkata.commands.options import TopicsOption, topics_from

if TYPE_CHECKING:
    from collections.abc import Callable

    from mlkata.batch.lms import Export, GradeRow, RosterEntry


def register(app: typer.Typer) -> None:
    app.command(name="grade")(grade)
    app.command(name="report")(class_report)
    gradescope = typer.Typer(help="Gradescope: an autograder zip that grades with mlkata's sandbox.")
    gradescope.command(name="build")(gradescope_build)
    app.add_typer(gradescope, name="gradescope")
    export = typer.Typer(help="Grades for an LMS, from a batch's grades.csv and the roster.")
    export.command(name="canvas")(export_canvas)
    export.command(name="moodle")(export_moodle)
    app.add_typer(export, name="export")


HIDDEN_HELP = "what Gradescope shows of hidden checks: hidden, after_due_date or after_published"
CLUSTER_HELP = (
    "grade on a Dask cluster: a scheduler's address (tcp://HOST:8786), its scheduler file (.json), "
    "or local:N for N workers on this machine (needs pip install 'mlkata[cluster]')"
)


def grade(
    submissions: Annotated[
        Path, typer.Argument(help="folder with one folder (or .zip) per student, laid out like exercises/")
    ],
    out: Annotated[Path, typer.Option("--out", help="where results.json, feedback.md and grades.csv go")],
    topics: TopicsOption = None,
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
    hidden_visibility: Annotated[str, typer.Option("--hidden-visibility", help=HIDDEN_HELP)] = "hidden",
    cluster: Annotated[str | None, typer.Option("--cluster", help=CLUSTER_HELP)] = None,
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
    from mlkata.batch.gradescope import HIDDEN_VISIBILITIES, apply_hidden_visibility

    if hidden_visibility not in HIDDEN_VISIBILITIES:
        console.print(f"[red]--hidden-visibility is one of {', '.join(HIDDEN_VISIBILITIES)}[/red]")
        raise typer.Exit(2)
    chosen_topics = topics_from(topics)
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

    if cluster is None or cluster.startswith("local:"):  # a remote cluster's workers check their own
        try:
            Sandbox().kill()  # that the sandbox starts here, before a class is scored 0 for want of it
        except (SandboxUnavailable, OSError) as error:
            console.print(f"[red]cannot grade: {error}[/red]")
            console.print(
                "The sandbox needs bubblewrap and unprivileged user namespaces (see README, Security)."
            )
            raise typer.Exit(2) from None
    grading = _cluster(cluster, jobs, console) if cluster is not None else None
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
            submissions.resolve(), out.resolve(), exercises, root, options, advance, class_roster, grading
        )
    apply_hidden_visibility(out.resolve(), hidden_visibility)  # also on the students a rerun kept
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
    report.print(f"class report in {out.resolve() / 'report.html'} (and report.md, mistakes.csv)")
    if summary.stopped:
        report.print(
            f"[red]stopped: {escape(summary.stopped)}; {len(summary.interrupted)} student(s) not graded; "
            "run the same command again to grade them (the others are kept)[/red]"
        )
        raise typer.Exit(1)
    if summary.interrupted:
        report.print(
            f"[red]interrupted: {len(summary.interrupted)} student(s) not graded; run the same command "
            "again to grade them (the others are kept)[/red]"
        )
        raise typer.Exit(130)


def _cluster(address: str, jobs: int, console):
    """The Dask cluster ``--cluster`` names, connected (or started); exit 2 if it cannot be."""
    from rich.markup import escape

    if jobs:
        console.print(
            "[red]--jobs is for grading on this machine: on a cluster, each worker grades as many "
            "students at once as it has threads (dask worker --nthreads)[/red]"
        )
        raise typer.Exit(2)
    try:
        from mlkata.batch.cluster import ClusterGrading, ClusterUnavailable
    except ImportError as error:
        console.print(
            f"[red]--cluster needs Dask ({escape(str(error))}): pip install 'mlkata\\[cluster]'[/red]"
        )
        raise typer.Exit(2) from None
    try:
        grading = ClusterGrading(address)
    except ClusterUnavailable as error:
        console.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(2) from None
    console.print(f"grading on {escape(grading.describe())}")
    return grading


def gradescope_build(
    out: Annotated[Path, typer.Option("--out", help="the zip to write (autograder.zip)")],
    topics: TopicsOption = None,
    hidden_visibility: Annotated[str, typer.Option("--hidden-visibility", help=HIDDEN_HELP)] = "hidden",
    call_timeout: Annotated[
        float, typer.Option("--call-timeout", help="seconds per call")
    ] = limits.CALL_TIMEOUT,
    exercise_timeout: Annotated[
        float, typer.Option("--exercise-timeout", help="seconds for all the calls of one exercise")
    ] = limits.EXERCISE_TIMEOUT,
    memory: Annotated[
        int, typer.Option("--memory", help="megabytes a sandbox worker may use")
    ] = limits.MEMORY_MB,
) -> None:
    """Write a Gradescope autograder zip: setup.sh, run_autograder, mlkata and the graders."""
    from rich.console import Console

    from mlkata import catalog
    from mlkata.batch.gradescope import BundleOptions, build_bundle
    from mlkata.paths import project_root

    console = Console(highlight=False, soft_wrap=True)
    try:
        root = project_root()
        exercises = catalog.exercises_of(topics_from(topics), root)
        options = BundleOptions((), hidden_visibility, call_timeout, exercise_timeout, memory)
        bundle = build_bundle(out, exercises, root, options)
    except (KeyError, FileNotFoundError, ValueError, OSError) as error:
        console.print(f"[red]{error.args[0] if isinstance(error, KeyError) else error}[/red]")
        raise typer.Exit(2) from None
    topic_names = ", ".join(dict.fromkeys(key.split("/")[0] for key in bundle.exercises))
    console.print(
        f"wrote {bundle.path} ({bundle.path.stat().st_size // 1024} KB, {len(bundle.files)} files): "
        f"{len(bundle.exercises)} exercises of {topic_names}, {bundle.max_score} points, "
        f"hidden checks {hidden_visibility}"
    )
    console.print(
        "Upload it as the autograder of a Gradescope programming assignment (Ubuntu image); students "
        "hand in their .py files (or notebooks, or a zip). Set its timeout to at least "
        f"{len(bundle.exercises) * (exercise_timeout + 5) + 120:g} s: what a submission whose every "
        "exercise runs out of time may take."
    )


def _export(
    kind: str,
    results: Path,
    roster: Path,
    out: Path,
    assignment: str,
    missing: str,
    make: Callable[[list[GradeRow], float, list[RosterEntry]], Export],
) -> None:
    from rich.console import Console
    from rich.markup import escape

    from mlkata.batch import lms
    from mlkata.batch.roster import RosterError

    console = Console(highlight=False, soft_wrap=True)
    if missing not in lms.MISSING:
        console.print(f"[red]--missing is one of {', '.join(lms.MISSING)}[/red]")
        raise typer.Exit(2)
    grades_path = results / "grades.csv" if results.is_dir() else results
    try:
        with open(grades_path, encoding="utf-8", newline="") as handle:
            grades, most = lms.read_grades(handle)
    except (OSError, UnicodeDecodeError, lms.GradesError) as error:
        console.print(f"[red]cannot read {escape(str(grades_path))}: {escape(str(error))}[/red]")
        raise typer.Exit(2) from None
    try:
        with open(roster, encoding="utf-8-sig", newline="") as handle:
            entries = lms.roster_entries(handle)
    except (OSError, UnicodeDecodeError, RosterError, ValueError) as error:
        console.print(f"[red]cannot read the roster {escape(str(roster))}: {escape(str(error))}[/red]")
        raise typer.Exit(2) from None
    export = make(grades, most, entries)
    try:
        extra = lms.write_export(export, out, most)
    except OSError as error:
        console.print(f"[red]cannot write {escape(str(out))}: {escape(str(error))}[/red]")
        raise typer.Exit(2) from None
    console.print(
        f"{kind}: wrote {escape(str(out))}: {export.exported} student(s) of the roster, "
        f"'{escape(assignment)}' out of {most:g} points"
    )
    if export.no_grade:
        given = "0" if missing == "zero" else "an empty cell"
        names = ", ".join(m.name for m in export.no_grade)
        console.print(
            f"[yellow]{len(export.no_grade)} on the roster with no graded submission, given {given}: "
            f"{escape(names)}[/yellow]"
        )
    if export.no_identifier:
        names = ", ".join(m.name for m in export.no_identifier)
        console.print(
            f"[yellow]{len(export.no_identifier)} on the roster without that identifier, left out: "
            f"{escape(names)}[/yellow]"
        )
    for duplicate in export.duplicates:
        console.print(f"[yellow]several results for {escape(duplicate)}: the higher is exported[/yellow]")
    if extra is not None:
        shown = ", ".join(f"{r.name} ({r.total:g})" for r in export.not_on_roster)
        console.print(
            f"[yellow]{len(export.not_on_roster)} graded student(s) not on the roster, not in the import, "
            f"kept in {escape(str(extra))}: {escape(shown)}[/yellow]"
        )


ResultsArgument = Annotated[Path, typer.Argument(help="the --out folder of mlkata grade (or its grades.csv)")]
RosterOption = Annotated[Path, typer.Option("--roster", help="the class roster CSV (name, id, email)")]
AssignmentOption = Annotated[str, typer.Option("--assignment", help="the assignment's name in the LMS")]
MissingOption = Annotated[
    str, typer.Option("--missing", help="grade of a roster member with no submission: zero or blank")
]


def export_canvas(
    results: ResultsArgument,
    roster: RosterOption,
    out: Annotated[Path, typer.Option("--out", help="the Canvas gradebook import CSV to write")],
    assignment: AssignmentOption = "mlkata",
    assignment_id: Annotated[
        str, typer.Option("--assignment-id", help="the Canvas assignment's id (none: a new assignment)")
    ] = "",
    missing: MissingOption = "zero",
) -> None:
    """A Canvas gradebook import CSV (Grades, Import) of a batch's grades."""
    from mlkata.batch import lms

    def make(grades, most, entries):
        return lms.canvas_export(grades, most, entries, assignment, assignment_id, missing)

    _export("canvas", results, roster, out, assignment, missing, make)


def export_moodle(
    results: ResultsArgument,
    roster: RosterOption,
    out: Annotated[Path, typer.Option("--out", help="the Moodle grade import CSV to write")],
    assignment: AssignmentOption = "mlkata",
    identifier: Annotated[
        str, typer.Option("--identifier", help="the user field Moodle maps students by: email or idnumber")
    ] = "email",
    missing: MissingOption = "zero",
) -> None:
    """A Moodle grade import CSV (Grades, Import, CSV file) of a batch's grades."""
    from mlkata.batch import lms

    if identifier not in lms.MOODLE_IDENTIFIERS:
        typer.echo(f"--identifier is one of {', '.join(lms.MOODLE_IDENTIFIERS)}", err=True)
        raise typer.Exit(2)

    def make(grades, most, entries):
        return lms.moodle_export(grades, entries, assignment, identifier, missing)

    _export("moodle", results, roster, out, assignment, missing, make)


def class_report(
    out: Annotated[Path, typer.Argument(help="the --out folder of mlkata grade")],
) -> None:
    """Write a batch's class report again: report.html, report.md and mistakes.csv in OUT."""
    from rich.console import Console
    from rich.markup import escape

    from mlkata.batch.class_report import write_class_report

    console = Console(highlight=False, soft_wrap=True)
    if not (out / "grades.csv").is_file() and not any(out.glob("*/results.json")):
        console.print(f"[red]{escape(str(out))} holds no results of mlkata grade (no grades.csv)[/red]")
        raise typer.Exit(2)
    written = write_class_report(out)  # says on stderr what it could not write
    if written.error:
        raise typer.Exit(2)
    stats = written.stats
    for note in stats.notes:
        console.print(f"[yellow]{escape(note)}[/yellow]")
    for student in stats.unreadable:
        console.print(f"[yellow]{escape(student.name)}: not counted, {escape(student.why)}[/yellow]")
    mistakes = sum(len(m.students) for e in stats.exercises for m in e.mistakes)
    console.print(
        f"class report of {stats.class_size} student(s), {len(stats.exercises)} exercise(s), "
        f"{mistakes} known mistake(s) matched: {escape(', '.join(str(p) for p in written.written))}"
    )
