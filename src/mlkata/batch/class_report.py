"""The class report of a batch: ``report.html``, ``report.md`` and ``mistakes.csv`` in its ``--out``.

:func:`write_class_report` renders what :func:`mlkata.batch.analytics.gather` counted: a
histogram of the students' totals, each exercise's pass rate and median points, and each
exercise's known mistakes with how many students made each ("4 of 30"). ``report.html`` is
one self-contained page: no script, no file or address it loads, its plots inline SVG drawn
here, and a Content-Security-Policy that would refuse a script should one ever get in. Every
text a student controls (their name) is escaped, in HTML and in Markdown.
"""

from __future__ import annotations

import csv
import html
import io
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from mlkata.batch.analytics import ClassStats, ExerciseStats, gather
from mlkata.engine.files import atomic_write

SVG_NS = "http://www.w3.org/2000/svg"
FILES = ("report.html", "report.md", "mistakes.csv")
BAR = "#3b6fb6"
MISTAKE = "#c0533a"
TRACK = "#e6e9ef"
INK = "#1d2430"
MUTED = "#5b6472"


@dataclass(frozen=True)
class ClassReport:
    """What :func:`write_class_report` counted and wrote."""

    stats: ClassStats
    written: tuple[Path, ...]
    error: str = ""
    """Why the files were not all written (a full disk, say), if they were not."""


def esc(text: object) -> str:
    """``text`` safe in HTML and SVG, as element content or a quoted attribute.

    >>> esc('<script>alert("1")</script> & José')
    '&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; José'
    """
    return html.escape(str(text), quote=True)


MARKDOWN_SPECIAL = set("\\`*_[]<>|~&$")
"""What may start markup inside a line (a text here never starts one, so ``#``, ``-`` are safe)."""


def md(text: object) -> str:
    """``text`` shown literally in Markdown, in a table cell too: markup characters escaped, one line.

    >>> print(md("<script>alert(1)</script> | *x* [a](b)"))
    \\<script\\>alert(1)\\</script\\> \\| \\*x\\* \\[a\\](b)
    >>> md("José Müller 李")
    'José Müller 李'
    """
    flat = " ".join(str(text).split())
    return "".join("\\" + c if c in MARKDOWN_SPECIAL else c for c in flat)


def number(value: float) -> str:
    """A count or a score as people write it.

    >>> number(7.0), number(6.5), number(2 / 3)
    ('7', '6.5', '0.67')
    """
    return f"{round(value, 2):g}"


def percent(share: float) -> str:
    """A share as a whole percentage.

    >>> percent(11 / 30)
    '37%'
    """
    return f"{round(100 * share)}%"


def of(count: int, total: int) -> str:
    """How many of how many, as the report says it.

    >>> of(11, 30)
    '11 of 30'
    """
    return f"{count} of {total}"


def bin_labels(bins: int) -> list[str]:
    """The histogram's bins, as shares of full marks.

    >>> bin_labels(4)
    ['0–25%', '25–50%', '50–75%', '75–100%']
    """
    return [f"{round(100 * i / bins)}–{round(100 * (i + 1) / bins)}%" for i in range(bins)]


# --- SVG --------------------------------------------------------------------------------------


def svg_histogram(counts: list[int], max_score: float) -> str:
    """The score histogram: a bar per bin of the share of full marks, its count above it.

    >>> svg = svg_histogram([0, 2, 1], 10)
    >>> svg.count('class="bar"'), 'data-count="2"' in svg
    (3, True)
    """
    width, height, left, bottom, top = 640, 260, 40, 48, 24
    plot_w, plot_h = width - left - 10, height - bottom - top
    tallest = max(counts, default=0) or 1
    step = plot_w / max(1, len(counts))
    parts = [
        f'<svg class="chart" id="histogram" xmlns="{SVG_NS}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="histogram-title">',
        f'<title id="histogram-title">Students by total score (share of {esc(number(max_score))} '
        "points)</title>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="{MUTED}"/>',
    ]
    for index, (count, label) in enumerate(zip(counts, bin_labels(len(counts)), strict=True)):
        x = left + index * step
        bar_h = plot_h * count / tallest
        y = top + plot_h - bar_h
        parts.append(
            f'<rect class="bar" data-count="{count}" x="{x + 3:.1f}" y="{y:.1f}" width="{step - 6:.1f}" '
            f'height="{bar_h:.1f}" fill="{BAR}"><title>{count} student(s) scored {label}</title></rect>'
        )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{y - 5:.1f}" text-anchor="middle" font-size="13" '
            f'fill="{INK}">{count}</text>'
        )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{top + plot_h + 18}" text-anchor="middle" font-size="11" '
            f'fill="{MUTED}">{label}</text>'
        )
    parts.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle" font-size="12" '
        f'fill="{MUTED}">total score, as a share of {esc(number(max_score))} points</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def svg_pass_rates(exercises: list[ExerciseStats]) -> str:
    """A horizontal bar per exercise: the share of the class with every point.

    >>> from mlkata.batch.analytics import ExerciseStats
    >>> svg_pass_rates([ExerciseStats("losses/mse", 7, (7, 3), 1, ())]).count('class="bar"')
    1
    """
    row, label_w = 24, 16 + round(7.5 * max((len(e.key) for e in exercises), default=10))
    width, top = label_w + 320, 8
    height = top + row * len(exercises) + 8
    parts = [
        f'<svg class="chart" id="pass-rates" xmlns="{SVG_NS}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="pass-rates-title">',
        '<title id="pass-rates-title">Pass rate per exercise (every point)</title>',
    ]
    for index, exercise in enumerate(exercises):
        y = top + index * row
        bar_w = 240 * exercise.pass_rate
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="12" fill="{INK}" '
            f'font-family="ui-monospace, monospace">{esc(exercise.key)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="240" height="16" fill="{TRACK}"/>'
            f'<rect class="bar" data-rate="{exercise.pass_rate:.4f}" x="{label_w}" y="{y + 4}" '
            f'width="{bar_w:.1f}" height="16" fill="{BAR}"><title>{esc(exercise.key)}: '
            f"{of(exercise.passed, len(exercise.points))} passed</title></rect>"
            f'<text x="{label_w + 248}" y="{y + 16}" font-size="12" fill="{INK}">'
            f"{percent(exercise.pass_rate)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def svg_share(count: int, total: int) -> str:
    """A small bar: ``count`` of ``total`` students.

    >>> 'width="30.0"' in svg_share(1, 4)
    True
    """
    filled = 120 * count / total if total else 0
    return (
        f'<svg class="share" xmlns="{SVG_NS}" viewBox="0 0 120 12" width="120" height="12" '
        f'role="img"><title>{of(count, total)}</title><rect x="0" y="0" width="120" height="12" '
        f'fill="{TRACK}"/><rect class="bar" x="0" y="0" width="{filled:.1f}" height="12" '
        f'fill="{MISTAKE}"/></svg>'
    )


# --- notes, shared by the Markdown and the HTML -----------------------------------------------


def _who(name: str, folder: str) -> str:
    """A student as the notes name them: their name, and their folder when it differs.

    >>> _who("Ann Lee", "Ann_Lee-a36e14"), _who("Cy", "Cy")
    ('Ann Lee (Ann_Lee-a36e14)', 'Cy')
    """
    return name if name == folder else f"{name} ({folder})"


def notes(stats: ClassStats) -> list[tuple[str, list[tuple[str, str]]]]:
    """The report's notes: (what, [(name, why), ...]); names and reasons are not yet escaped."""
    found = []
    if stats.unreadable:
        found.append(
            (
                f"{len(stats.unreadable)} student(s) with no readable results, not in the counts above",
                [(_who(u.name, u.folder), u.why) for u in stats.unreadable],
            )
        )
    unfinished = [(_who(s.name, s.folder), s.error) for s in stats.students if s.error]
    if unfinished:
        found.append(
            (f"{len(unfinished)} student(s) whose grading did not finish (counted as graded)", unfinished)
        )
    if stats.no_submission:
        found.append(
            (
                f"{len(stats.no_submission)} on the roster handed nothing in (not counted)",
                [(name, "") for name in stats.no_submission],
            )
        )
    if stats.left_out:
        found.append(
            (
                f"{len(stats.left_out)} folder(s) of students no longer in the class (not counted)",
                [(folder, "") for folder in stats.left_out],
            )
        )
    found += [(note, []) for note in stats.notes]
    return found


def _headline(stats: ClassStats) -> tuple[str, list[tuple[str, str]]]:
    scores = sorted(s.score for s in stats.students)
    n = len(scores)
    full = sum(1 for s in stats.students if s.max_score and s.score >= s.max_score)
    line = f"{n} student(s) · {len(stats.exercises)} exercise(s) · {number(stats.max_score)} points"
    if not n:
        return line, []
    return line, [
        ("median score", number(statistics.median(scores))),
        ("mean score", number(sum(scores) / n)),
        ("lowest", number(scores[0])),
        ("full marks", of(full, n)),
    ]


# --- Markdown ---------------------------------------------------------------------------------


def render_markdown(stats: ClassStats) -> str:
    """``report.md``: the same counts as the HTML, as tables."""
    out = io.StringIO()
    n = stats.class_size
    line, cards = _headline(stats)
    out.write(f"# mlkata class report\n\n{line}\n\n")
    if cards:
        out.write(" · ".join(f"{what}: {value}" for what, value in cards) + "\n\n")
    out.write("## Scores\n\n| total score | students | |\n|---|---:|---|\n")
    counts = stats.histogram()
    tallest = max(counts, default=0) or 1
    for label, count in zip(bin_labels(len(counts)), counts, strict=True):
        out.write(f"| {label} | {count} | {'█' * round(30 * count / tallest)} |\n")
    out.write("\n## Exercises\n\n| exercise | passed | pass rate | median points | known mistakes |\n")
    out.write("|---|---:|---:|---:|---:|\n")
    for e in stats.exercises:
        out.write(
            f"| `{e.key}` | {of(e.passed, n)} | {percent(e.pass_rate)} | "
            f"{number(e.median)} / {number(e.max_points)} | {len(e.mistakes)} |\n"
        )
    out.write("\n## Known mistakes\n\nThe known mistakes whose hints the graders gave, by exercise")
    out.write(" (a student counts once per exercise; hidden checks show none).\n\n")
    if not any(e.mistakes for e in stats.exercises):
        out.write("No known mistake was matched.\n\n")
    for e in stats.exercises:
        if e.mistakes:
            out.write(f"### `{e.key}`\n\n")
            for mistake in e.mistakes:
                out.write(f"- **{of(len(mistake.students), n)}**: {md(mistake.hint)}\n")
            out.write("\n")
    out.write("## Students\n\n| name | folder | score | exercises passed | mistakes matched |\n")
    out.write("|---|---|---:|---:|---:|\n")
    for s in sorted(stats.students, key=lambda s: (-s.score, s.folder)):
        passed = sum(1 for p, m in s.points.values() if m and p >= m)
        out.write(
            f"| {md(s.name)} | `{s.folder}` | {number(s.score)} / {number(s.max_score)} | "
            f"{passed} of {len(stats.exercises)} | {sum(len(h) for h in s.mistakes.values())} |\n"
        )
    found = notes(stats)
    if found:
        out.write("\n## Notes\n\n")
        for what, who in found:
            out.write(f"- {md(what)}\n")
            for name, why in who:
                out.write(f"  - {md(name)}" + (f": {md(why)}" if why else "") + "\n")
    return out.getvalue()


# --- HTML -------------------------------------------------------------------------------------

STYLE = f"""
body {{ font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: {INK}; margin: 0;
  background: #f7f8fa; }}
main {{ max-width: 1000px; margin: 0 auto; padding: 24px; }}
h1 {{ margin: 0 0 4px; }} h2 {{ margin-top: 36px; border-bottom: 1px solid {TRACK}; }}
.lead {{ color: {MUTED}; margin: 0 0 16px; }}
.cards {{ display: flex; gap: 12px; flex-wrap: wrap; }}
.card {{ background: #fff; border: 1px solid {TRACK}; border-radius: 6px; padding: 10px 16px; }}
.card b {{ display: block; font-size: 22px; }} .card span {{ color: {MUTED}; font-size: 13px; }}
svg.chart {{ max-width: 100%; height: auto; background: #fff; border: 1px solid {TRACK};
  border-radius: 6px; }}
table {{ border-collapse: collapse; background: #fff; margin: 8px 0; }}
table.mistakes {{ width: 100%; }} table.mistakes td.n {{ width: 5em; }} table.mistakes .who {{ width: 28%; }}
th, td {{ border: 1px solid {TRACK}; padding: 4px 8px; text-align: left; vertical-align: top; }}
td.n {{ text-align: right; white-space: nowrap; }} code {{ font-family: ui-monospace, monospace; }}
.who {{ color: {MUTED}; font-size: 13px; }}
"""
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _mistakes_html(stats: ClassStats) -> str:
    names = {s.folder: s.name for s in stats.students}
    n = stats.class_size
    parts = []
    for e in stats.exercises:
        if not e.mistakes:
            continue
        parts.append(
            f'<h3><code>{esc(e.key)}</code></h3><table class="mistakes"><tr><th>students</th><th></th>'
            "<th>mistake (the grader's hint)</th><th>who</th></tr>"
        )
        for m in e.mistakes:
            who = ", ".join(names.get(f, f) for f in m.students)
            parts.append(
                f'<tr><td class="n">{of(len(m.students), n)}</td><td>{svg_share(len(m.students), n)}</td>'
                f'<td>{esc(m.hint)}</td><td class="who">{esc(who)}</td></tr>'
            )
        parts.append("</table>")
    return "".join(parts) or "<p>No known mistake was matched.</p>"


def _names_html(who: list[tuple[str, str]]) -> str:
    items = "".join(f"<li>{esc(name)}" + (f": {esc(why)}" if why else "") + "</li>" for name, why in who)
    return f"<ul>{items}</ul>" if items else ""


def render_html(stats: ClassStats) -> str:
    """``report.html``: one page, its plots inline SVG, no script, every student's text escaped."""
    n = stats.class_size
    line, cards = _headline(stats)
    rows = "".join(
        f'<tr><td><code>{esc(e.key)}</code></td><td class="n">{of(e.passed, n)}</td>'
        f'<td class="n">{percent(e.pass_rate)}</td><td class="n">{esc(number(e.median))} / '
        f'{esc(number(e.max_points))}</td><td class="n">{len(e.mistakes)}</td></tr>'
        for e in stats.exercises
    )
    students = "".join(
        f'<tr><td>{esc(s.name)}</td><td><code>{esc(s.folder)}</code></td><td class="n">{number(s.score)} / '
        f'{number(s.max_score)}</td><td class="n">'
        f"{sum(1 for p, m in s.points.values() if m and p >= m)} of {len(stats.exercises)}</td>"
        f'<td class="n">{sum(len(h) for h in s.mistakes.values())}</td></tr>'
        for s in sorted(stats.students, key=lambda s: (-s.score, s.folder))
    )
    noted = "".join(f"<li>{esc(what)}{_names_html(who)}</li>" for what, who in notes(stats))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>mlkata class report</title><style>{STYLE}</style></head><body><main>\n"
        f'<h1>mlkata class report</h1><p class="lead">{esc(line)}</p><div class="cards">'
        + "".join(f'<div class="card"><b>{esc(v)}</b><span>{esc(k)}</span></div>' for k, v in cards)
        + "</div>\n"
        f'<section id="scores"><h2>Scores</h2>{svg_histogram(stats.histogram(), stats.max_score)}</section>\n'
        f'<section id="exercises"><h2>Exercises</h2><p>The share of the class with every point of '
        f"each exercise.</p>{svg_pass_rates(stats.exercises)}<table><tr><th>exercise</th><th>passed</th>"
        f"<th>pass rate</th><th>median points</th><th>known mistakes</th></tr>{rows}</table></section>\n"
        '<section id="mistakes"><h2>Known mistakes</h2><p>The known mistakes whose hints the graders gave, '
        "by exercise: a student counts once per exercise; hidden checks show none.</p>"
        f"{_mistakes_html(stats)}</section>\n"
        f'<section id="students"><h2>Students</h2><table><tr><th>name</th><th>folder</th><th>score</th>'
        f"<th>exercises passed</th><th>mistakes matched</th></tr>{students}</table></section>\n"
        + (f'<section id="notes"><h2>Notes</h2><ul>{noted}</ul></section>\n' if noted else "")
        + "</main></body></html>\n"
    )


# --- CSV and the files ------------------------------------------------------------------------


def _cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text, never a formula.

    >>> _cell("=1+1"), _cell("ok")
    ("'=1+1", 'ok')
    """
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def render_mistakes_csv(stats: ClassStats) -> str:
    """``mistakes.csv``: a row per exercise and known mistake, most frequent first within an exercise.

    ``students`` made it, ``of`` were counted (the class), ``share`` is their ratio and
    ``folders`` names them (their output folders, as grades.csv's ``student`` column).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["exercise", "mistake", "students", "of", "share", "folders"])
    n = stats.class_size
    for e in stats.exercises:
        for m in e.mistakes:
            share = f"{len(m.students) / n:.3f}" if n else "0"
            writer.writerow([e.key, _cell(m.hint), len(m.students), n, share, _cell("; ".join(m.students))])
    return buffer.getvalue()


def write_class_report(out: Path) -> ClassReport:
    """Count the class graded into ``out``; write ``report.html``, ``report.md`` and ``mistakes.csv`` there.

    Students whose results are missing or broken are counted and named in the notes; a file
    that cannot be written (a full disk) is said on stderr and in :attr:`ClassReport.error`.
    """
    stats = gather(out)
    texts = (render_html(stats), render_markdown(stats), render_mistakes_csv(stats))
    written = []
    for name, text in zip(FILES, texts, strict=True):
        try:
            atomic_write(out / name, text)
        except OSError as error:
            why = f"{name} not written: {error.strerror or error}"
            print(f"mlkata: the class report's {why}", file=sys.stderr)
            return ClassReport(stats, tuple(written), why)
        written.append(out / name)
    return ClassReport(stats, tuple(written))
