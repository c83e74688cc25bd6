"""``mlkata history``: drills and progress over time, as tables and terminal bar charts."""

from __future__ import annotations

from datetime import datetime

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlkata.learner.progress import Drill, Grading

BAR_WIDTH = 40


def local_time(stamp: str) -> str:
    """A stored UTC time as the learner's local ``YYYY-MM-DD HH:MM``."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def _day(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d")
    except ValueError:
        return stamp[:10]


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def bar(fraction: float, width: int = BAR_WIDTH, style: str = "green") -> Text:
    filled = max(0, min(width, round(width * fraction)))
    text = Text("█" * filled, style=style)
    text.append("░" * (width - filled), style="dim")
    return text


def drills_table(drills: list[Drill]) -> Table:
    table = Table(title="Drills", title_justify="left", box=None, header_style="bold", padding=(0, 1))
    for column in ("#", "started", "exercises", "score", "time", "limit", "seed"):
        table.add_column(column, justify="right" if column in ("#", "score", "time", "limit") else "left")
    for drill in drills:
        if drill.finished is None:
            score = "unfinished"
        else:
            percent = f" ({100 * drill.score / drill.max_score:.0f}%)" if drill.max_score else ""
            score = f"{drill.score}/{drill.max_score}{percent}"
        table.add_row(
            str(drill.id),
            local_time(drill.started),
            ", ".join(key.split("/")[1] for key in drill.exercises),
            score,
            _clock(drill.seconds),
            _clock(drill.minutes * 60),
            str(drill.seed),
        )
    return table


def drills_chart(drills: list[Drill], last: int = 15) -> RenderableType:
    """One bar per finished drill: its score as a share of the points available."""
    finished = [d for d in drills if d.finished is not None and d.max_score][-last:]
    rows: list[RenderableType] = [Text("Drill scores", style="bold")]
    for drill in finished:
        share = (drill.score or 0) / (drill.max_score or 1)
        line = Text(f"{local_time(drill.started)}  ")
        line.append_text(bar(share, style="green" if share >= 0.8 else "yellow" if share >= 0.5 else "red"))
        line.append(f" {100 * share:3.0f}%  in {_clock(drill.seconds)}")
        rows.append(line)
    return Group(*rows)


def passing_by_day(gradings: list[Grading]) -> list[tuple[str, int]]:
    """For each day with a grading, how many exercises passed at its end (drills excluded)."""
    latest: dict[str, bool] = {}
    days: list[tuple[str, int]] = []
    for grading in gradings:
        if grading.source == "drill":
            continue
        latest[grading.exercise] = grading.passed
        day = _day(grading.at)
        count = sum(latest.values())
        if days and days[-1][0] == day:
            days[-1] = (day, count)
        else:
            days.append((day, count))
    return days


def progress_chart(gradings: list[Grading], total: int, last: int = 20) -> RenderableType:
    rows: list[RenderableType] = [Text("Exercises passing, by day", style="bold")]
    for day, count in passing_by_day(gradings)[-last:]:
        line = Text(f"{day}  ")
        line.append_text(bar(count / total if total else 0))
        line.append(f" {count}/{total}")
        rows.append(line)
    return Group(*rows)


def show_history(console: Console, drills: list[Drill], gradings: list[Grading], total: int) -> None:
    if not drills and not gradings:
        console.print(
            "No history yet: run `pytest exercises/...`, `mlkata check` or `mlkata drill` and come back."
        )
        return
    if gradings:
        console.print(progress_chart(gradings, total))
        checks = sum(1 for g in gradings if g.source != "drill")
        console.print(Text(f"{checks} gradings of your exercises recorded", style="dim"))
        console.print()
    if drills:
        console.print(drills_table(drills))
        console.print()
        console.print(drills_chart(drills))
    else:
        console.print("No drills yet: `mlkata drill` gives you 5 random exercises and 20 minutes.")
