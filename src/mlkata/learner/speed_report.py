"""How ``mlkata check --speed`` shows its timings: what was measured, a table, what was not timed.

The table fits 80 columns: the exercise, the learner's best time, the reference's, and a
short verdict. The exercises not timed are named below it, each group with the reason.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlkata.learner.layout import counted
from mlkata.learner.speed import MIN_ROUNDS, NO_FAMILY, SIZE, VECTORISED_WITHIN, Speed

ABOUT = (
    "Speed: each passing function against the reference solution of its exercise "
    "(solutions/<topic>/<name>.py), both called on the same inputs of {size:,} values; "
    "the best CPU time of at least {rounds} calls each. vectorised ✓: at most {within:g}× the "
    "reference's time; many times slower usually means a Python loop doing numpy's work."
)
NO_FAMILY_MORE = (
    "the speed test makes its inputs from parameter names it knows (y_true, y_pred, X, u, v, ...), "
    "and these take other inputs"
)


def _duration(seconds: float | None) -> str:
    """``"812 µs"``, ``"3.4 ms"``, ``"1.25 s"``.

    >>> _duration(0.000812), _duration(0.0034), _duration(1.25)
    ('812 µs', '3.4 ms', '1.25 s')
    """
    if seconds is None:
        return ""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def speed_report(speeds: list[Speed], size: int = SIZE) -> RenderableType:
    """What was measured, one row per timed exercise, and the exercises not timed and why."""
    parts: list[RenderableType] = [
        Text(ABOUT.format(size=size, rounds=MIN_ROUNDS, within=VECTORISED_WITHIN), style="dim")
    ]
    timed = [s for s in speeds if s.timed]
    if timed:
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 1))
        table.add_column("exercise", no_wrap=True)
        table.add_column("yours", justify="right", no_wrap=True)
        table.add_column("reference", justify="right", no_wrap=True)
        table.add_column("speed", no_wrap=True)
        for speed in timed:
            mine = _duration(speed.learner_seconds)
            if speed.verdict.startswith(">"):
                mine = f"> {mine}"
            style = "green" if speed.verdict.startswith("vectorised") else "yellow"
            table.add_row(
                speed.exercise, mine, _duration(speed.reference_seconds), Text(speed.verdict, style=style)
            )
        parts.append(table)
    reasons: dict[str, list[str]] = {}
    for speed in speeds:
        if not speed.timed:
            reasons.setdefault(speed.not_timed, []).append(speed.exercise)
    for reason, names in reasons.items():
        why = NO_FAMILY_MORE if reason == NO_FAMILY else reason
        parts.append(Text(f"Not timed, {counted(len(names), 'exercise')} ({why}): {', '.join(names)}"))
    return Group(*parts)
