"""An exercise's talking points, for the terminal and as markdown.

The talking points are the ``TALKING_POINTS`` of the solution module's META (its single
source; :mod:`mlkata.interview` reads them). In the terminal they are laid out here, not by
rich: each entry has its label in a column of its own and its text wrapped at spaces (never
inside a word) under itself, so that piped output is the same text, without colour and
without trailing spaces. ``mlkata check`` and ``mlkata watch`` show them the first time an
exercise passes, and a one-line pointer to ``mlkata notes`` on its later passes.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Text

from mlkata.catalog import Exercise
from mlkata.interview import TalkingPoints
from mlkata.learner.progress import Progress

LABEL_WIDTH = 11
"""The label column: ``"Asked next "``."""
WIDEST = 100
"""The widest the talking points are laid out, however wide the terminal."""


@dataclass(frozen=True)
class Line:
    """One line of the talking points: its label column, then its text."""

    lead: str
    body: str
    lead_style: str = "bold cyan"
    body_style: str = ""

    @property
    def plain(self) -> str:
        return (self.lead + self.body).rstrip()


def _wrapped(label: str, prefix: str, text: str, width: int, style: str = "") -> list[Line]:
    """``text`` after ``label`` (the first line's) and ``prefix``, wrapped under itself."""
    lead = label.ljust(LABEL_WIDTH)
    room = max(width - LABEL_WIDTH - len(prefix), 20)
    pieces = textwrap.wrap(text, room, break_long_words=False, break_on_hyphens=False) or [""]
    lines = [Line(lead, prefix + pieces[0], body_style=style)]
    lines += [Line(" " * LABEL_WIDTH, " " * len(prefix) + piece, body_style=style) for piece in pieces[1:]]
    return lines


def note_lines(exercise: Exercise, width: int = 80) -> list[Line]:
    """The lines of ``exercise``'s talking points, laid out ``width`` columns wide.

    Parameters
    ----------
    exercise : Exercise
        An exercise with talking points.
    width : int
        The widest a line may be (a word longer than a whole line still stays whole).

    Returns
    -------
    list of Line
        A title line, then its uses, assumptions, pitfalls, cost and follow-up questions.

    Raises
    ------
    ValueError
        When the exercise has no talking points yet.

    Examples
    --------
    >>> from mlkata.catalog import find_exercise
    >>> lines = note_lines(find_exercise("log_loss"))
    >>> lines[0].plain
    'losses/log_loss: talking points'
    >>> max(len(line.plain) for line in lines) <= 80
    True
    """
    points = exercise.talking_points
    if points is None:
        raise ValueError(f"{exercise.key} has no talking points yet")
    return [Line(f"{exercise.key}: talking points", "", lead_style="bold magenta"), *_body(points, width)]


def _body(points: TalkingPoints, width: int) -> Iterator[Line]:
    yield from _wrapped("Use", "", points.use, width)
    yield from _wrapped("Assumes", "", points.assumes, width)
    for i, pitfall in enumerate(points.pitfalls):
        yield from _wrapped("Pitfalls" if i == 0 else "", "- ", pitfall, width)
    yield from _wrapped("Cost", "", points.cost, width)
    for i, (question, answer) in enumerate(points.follow_ups):
        yield from _wrapped("Asked next" if i == 0 else "", "Q: ", question, width, "bold")
        yield from _wrapped("", "A: ", answer, width)


def notes_text(exercise: Exercise, width: int = 80) -> str:
    """The talking points as plain text, ``width`` columns wide, no line ending in a space.

    Examples
    --------
    >>> from mlkata.catalog import find_exercise
    >>> notes_text(find_exercise("log_loss")).splitlines()[1].split()[0]
    'Use'
    """
    return "\n".join(line.plain for line in note_lines(exercise, width))


class Notes:
    """The talking points of an exercise as a rich renderable, laid out to the console's width."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in note_lines(self.exercise, min(options.max_width, WIDEST)):
            text = Text(no_wrap=True, overflow="fold")
            text.append(line.lead, style=line.lead_style)
            text.append(line.body.rstrip(), style=line.body_style)
            text.rstrip()
            yield text


def notes_markdown(exercise: Exercise) -> str:
    """The talking points as markdown (the classroom notebook's cell after the checks).

    Examples
    --------
    >>> from mlkata.catalog import find_exercise
    >>> print(notes_markdown(find_exercise("log_loss")).splitlines()[0])
    ### Talking points: log_loss
    """
    points = exercise.talking_points
    if points is None:
        raise ValueError(f"{exercise.key} has no talking points yet")
    parts = [
        f"### Talking points: {exercise.module}",
        f"**When to use it.** {points.use}",
        f"**What it assumes.** {points.assumes}",
        "**Pitfalls.**\n\n" + "\n".join(f"- {pitfall}" for pitfall in points.pitfalls),
        f"**Cost.** {points.cost}",
        "**What an interviewer asks next.**\n\n"
        + "\n".join(f"{i}. *{q}*  \n   {a}" for i, (q, a) in enumerate(points.follow_ups, start=1)),
    ]
    return "\n\n".join(parts) + "\n"


def pointer(exercise: Exercise) -> Text:
    """The one line that says where the talking points are."""
    return Text(f"talking points: mlkata notes {exercise.module}", style="dim")


def first_pass(progress: Progress, exercise: Exercise) -> bool:
    """Whether the grading just recorded is the first of ``exercise`` that passed (drills aside)."""
    passes = [
        g for g in progress.gradings() if g.exercise == exercise.key and g.passed and g.source != "drill"
    ]
    return len(passes) == 1


def after_passing(passed: Iterable[Exercise], progress: Progress) -> list[RenderableType]:
    """What ``check`` and ``watch`` show about the exercises that just passed (and were recorded).

    The talking points of an exercise that passes for the first time; when several do at
    once, one line naming them; when one exercise passes again, a pointer to its notes.
    """
    passed = list(passed)
    chosen = [e for e in passed if e.talking_points is not None]
    first = [e for e in chosen if first_pass(progress, e)]
    if len(first) == 1:
        return [Text(f"First pass of {first[0].key}: what to say about it in an interview."), Notes(first[0])]
    if first:
        names = ", ".join(e.module for e in first)
        return [Text(f"First passes: {names}. `mlkata notes NAME` shows each one's talking points.")]
    if len(passed) == 1 and chosen:
        return [pointer(chosen[0])]
    return []
