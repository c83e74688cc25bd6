"""Per-topic strength for ``mlkata history``: terminal bar charts, and the same as an HTML page.

For each topic practised, three measures:

- **pass rate**: of the gradings of the topic's exercises (your own files and drills),
  the share that passed;
- **stars**: the stars earned (the best level of each exercise: ★ correct, ★★ robust,
  ★★★ fast) out of three per exercise of the topic; shown only when the progress file
  records levels;
- **time per drill exercise**: the mean time a finished drill took per exercise, over the
  drilled exercises of the topic.

The terminal table fits 80 columns. The HTML page is one self-contained file: inline SVG
bars, inline CSS, no script and nothing fetched.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text

from mlkata.catalog import Exercise
from mlkata.learner.progress import Drill, Grading

MAX_STARS = 3
PACE = 240.0
"""Seconds per exercise of the default drill (20 minutes for 5): the time bar's least full width."""
BAR = 10
"""Width of a terminal bar, in characters."""


@dataclass(frozen=True)
class Strength:
    """How strong the learner is on one topic."""

    topic: str
    exercises: int
    """Exercises of the topic (the pack's)."""
    gradings: int
    passed: int
    stars: int | None
    """Stars earned on the topic's exercises; ``None`` when levels are not recorded."""
    drilled: int
    """Exercises of the topic drawn in finished drills (an exercise drilled twice counts twice)."""
    drill_seconds: float

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.gradings if self.gradings else None

    @property
    def seconds_per_drill(self) -> float | None:
        return self.drill_seconds / self.drilled if self.drilled else None

    @property
    def max_stars(self) -> int:
        return MAX_STARS * self.exercises


def strengths(
    exercises: Iterable[Exercise],
    gradings: Iterable[Grading],
    drills: Iterable[Drill],
    levels: Mapping[str, int] | None = None,
) -> list[Strength]:
    """The strength of each topic with a grading or a drill, in curriculum order.

    >>> from mlkata.catalog import all_exercises
    >>> g = Grading("losses/hinge_loss", 5, 5, True, None, None, "2026-01-01T10:00:00+00:00", "check")
    >>> (s,) = strengths(all_exercises(), [g, g], [], {"losses/hinge_loss": 2})
    >>> s.topic, s.pass_rate, s.stars, s.max_stars == 3 * s.exercises
    ('losses', 1.0, 2, True)
    """
    topic_of = {e.key: e.topic for e in exercises}
    order = list(dict.fromkeys(topic_of.values()))
    counts = {t: [0, 0, 0, 0.0] for t in order}  # gradings, passed, drilled, drill seconds
    for grading in gradings:
        if (topic := topic_of.get(grading.exercise)) is not None:
            counts[topic][0] += 1
            counts[topic][1] += grading.passed
    for drill in drills:
        if drill.finished is None or drill.seconds is None or not drill.exercises:
            continue
        each = drill.seconds / len(drill.exercises)
        for key in drill.exercises:
            if (topic := topic_of.get(key)) is not None:
                counts[topic][2] += 1
                counts[topic][3] += each
    found = []
    for topic in order:
        graded, passed, drilled, seconds = counts[topic]
        if not graded and not drilled:
            continue
        stars = None
        if levels is not None:
            stars = sum(min(MAX_STARS, int(n)) for key, n in levels.items() if topic_of.get(key) == topic)
        size = sum(1 for t in topic_of.values() if t == topic)
        found.append(Strength(topic, size, int(graded), int(passed), stars, int(drilled), float(seconds)))
    return found


def clock(seconds: float) -> str:
    """``"4:05"``.

    >>> clock(245.4)
    '4:05'
    """
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _time_scale(found: list[Strength]) -> float:
    return max([PACE, *(s.seconds_per_drill or 0 for s in found)])


def measures(found: list[Strength]) -> list[tuple[str, list[tuple[float | None, str]]]]:
    """Each chart's title and, per topic, its bar's fill (0 to 1, ``None``: no data) and label.

    >>> found = [Strength("losses", 7, 4, 3, 5, 2, 300.0)]
    >>> for title, values in measures(found):
    ...     print(title, values)
    pass rate [(0.75, '75%')]
    stars [(0.23809523809523808, '5/21★')]
    time per drill exercise [(0.625, '2:30 ×2')]
    """
    charts: list[tuple[str, list[tuple[float | None, str]]]] = []
    charts.append(
        (
            "pass rate",
            [(s.pass_rate, "-" if s.pass_rate is None else f"{100 * s.pass_rate:.0f}%") for s in found],
        )
    )
    if any(s.stars is not None for s in found):
        charts.append(
            (
                "stars",
                [
                    (None, "-") if s.stars is None else (s.stars / s.max_stars, f"{s.stars}/{s.max_stars}★")
                    for s in found
                ],
            )
        )
    scale = _time_scale(found)
    charts.append(
        (
            "time per drill exercise",
            [
                (None, "not drilled")
                if (t := s.seconds_per_drill) is None
                else (t / scale, f"{clock(t)} ×{s.drilled}")
                for s in found
            ],
        )
    )
    return charts


def _bar(fill: float | None, style: str) -> Text:
    if fill is None:
        return Text("·" * BAR, style="dim")
    filled = max(0, min(BAR, round(BAR * fill)))
    text = Text("█" * filled, style=style)
    text.append("░" * (BAR - filled), style="dim")
    return text


def _style(title: str, fill: float | None) -> str:
    if title.startswith("time"):
        return "cyan"
    share = fill or 0
    return "green" if share >= 0.8 else "yellow" if share >= 0.5 else "red"


def strength_table(found: list[Strength]) -> Table:
    """The terminal chart: a row per topic, a bar and its number per measure (fits 80 columns).

    >>> import io
    >>> from rich.console import Console
    >>> console = Console(width=80, color_system=None, record=True, file=io.StringIO())
    >>> console.print(strength_table([Strength("losses", 7, 4, 3, None, 0, 0.0)]))
    >>> for line in console.export_text().splitlines():
    ...     print(line.rstrip())
    Strength by topic
     topic   pass rate       time per drill exercise
     losses  ████████░░ 75%  ·········· not drilled
    """
    table = Table(
        title="Strength by topic", title_justify="left", box=None, header_style="bold", padding=(0, 1)
    )
    table.add_column("topic", no_wrap=True)
    charts = measures(found)
    for title, _ in charts:
        table.add_column(title, no_wrap=True)
    for row, strength in enumerate(found):
        cells = []
        for title, values in charts:
            fill, label = values[row]
            cell = _bar(fill, _style(title, fill))
            cell.append(f" {label}")
            cells.append(cell)
        table.add_row(strength.topic, *cells)
    return table


COLOURS = {"green": "#2e7d32", "yellow": "#c99700", "red": "#c62828", "cyan": "#00838f"}
TRACK = "#e6e6e6"
_ROW, _LABEL, _WIDTH, _VALUE = 22, 150, 300, 110

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 44rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.chart text { font-size: 13px; fill: #222; dominant-baseline: middle; }
p.note { color: #555; font-size: 0.9rem; }
"""


def _slug(title: str) -> str:
    return title.replace(" ", "-")


def svg_chart(title: str, topics: list[str], values: list[tuple[float | None, str]]) -> str:
    """One horizontal bar per topic, each ``rect.bar`` carrying its topic, fill and label.

    >>> svg = svg_chart("pass rate", ["losses"], [(0.5, "50%")])
    >>> svg.count('class="bar"'), 'data-fill="0.5000"' in svg, 'width="150.0"' in svg
    (1, True, True)
    """
    height = _ROW * len(topics) + 4
    width = _LABEL + _WIDTH + _VALUE
    parts = [
        f'<svg class="chart" id="{_slug(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{html.escape(title)} by topic">'
    ]
    for row, (topic, (fill, label)) in enumerate(zip(topics, values, strict=True)):
        y = 2 + row * _ROW
        share = max(0.0, min(1.0, fill or 0.0))
        colour = COLOURS[_style(title, fill)]
        parts.append(f'<text x="0" y="{y + _ROW / 2 - 1}">{html.escape(topic)}</text>')
        parts.append(
            f'<rect class="track" x="{_LABEL}" y="{y + 3}" width="{_WIDTH}" height="{_ROW - 8}" '
            f'fill="{TRACK}"/>'
        )
        data = "" if fill is None else f' data-fill="{share:.4f}"'
        parts.append(
            f'<rect class="bar" data-topic="{html.escape(topic)}" data-label="{html.escape(label)}"{data} '
            f'x="{_LABEL}" y="{y + 3}" width="{_WIDTH * share:.1f}" height="{_ROW - 8}" fill="{colour}"/>'
        )
        parts.append(
            f'<text class="value" x="{_LABEL + _WIDTH + 8}" y="{y + _ROW / 2 - 1}">'
            f"{html.escape(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def render_html(found: list[Strength], summary: str = "") -> str:
    """The page of ``mlkata history --html``: the strength charts, self-contained.

    >>> page = render_html([Strength("losses", 7, 4, 3, None, 0, 0.0)])
    >>> page.count("<svg"), "<script" in page
    (2, False)
    """
    topics = [s.topic for s in found]
    sections = []
    for title, values in measures(found):
        sections.append(
            f"<section><h2>{html.escape(title.capitalize())}</h2>{svg_chart(title, topics, values)}"
        )
        sections.append("</section>")
    if not found:
        sections.append("<p>No history yet: grade an exercise or run a drill, then come back.</p>")
    note = (
        "Pass rate: the share of gradings of the topic's exercises that passed (your files and drills). "
        "Time per drill exercise: a finished drill's time over its number of exercises, averaged over "
        "the topic's drilled exercises (×N: how many)."
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>mlkata history</title><style>{STYLE}</style></head><body><main>"
        f"<h1>Your strength by topic</h1><p>{html.escape(summary)}</p>"
        + "\n".join(sections)
        + f'<p class="note">{html.escape(note)}</p></main></body></html>\n'
    )
