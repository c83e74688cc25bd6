"""Spaced review: a Leitner schedule of the exercises, computed from the progress history.

Every exercise practised is in one of five boxes; the box says how many days pass
before it is due again: :data:`INTERVALS` (1, 2, 4, 8 and 16 days). An exercise
practised once is in box 1. After that, each grading of it (of your own file, or in a
drill) moves it:

- a failure sends it back to box 1;
- a slow pass sends it back to box 1 too: a pass in a drill that took more than
  :data:`SLOW_SECONDS` per exercise (the default drill's pace: 5 exercises in 20 minutes),
  or that ran until its time was up;
- a pass on or after its due day moves it up a box (box 5 stays box 5);
- a pass before its due day (say, checking the same file again) leaves it where it is.

It is due ``INTERVALS[box - 1]`` days after the day that put it in its box. The
schedule is a pure function of the history and the day (:func:`schedule`,
:func:`due`), so it is tested on made-up histories. ``mlkata drill --review`` drills
the due exercises: those failed first, then the slow ones, then those long unpractised;
within each, the most overdue and the lowest box first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from mlkata.catalog import Exercise
from mlkata.learner.progress import Drill, Grading, Progress

INTERVALS = (1, 2, 4, 8, 16)
"""Days until an exercise in box 1, 2, ... 5 is due again."""
SLOW_SECONDS = 240.0
"""A drill that took longer than this per exercise made its passes slow (20 minutes / 5)."""

FAILED, SLOW, PASSED = "failed", "slow", "passed"
_RANK = {FAILED: 0, SLOW: 1, PASSED: 2}


@dataclass(frozen=True)
class Attempt:
    """One grading of an exercise, as the schedule sees it."""

    exercise: str
    day: date
    outcome: str
    """:data:`FAILED`, :data:`SLOW` or :data:`PASSED`."""


@dataclass(frozen=True)
class Card:
    """Where an exercise stands in the schedule."""

    exercise: str
    box: int
    since: date
    """The day it was put in its box."""
    reason: str
    """Why it is in its box: :data:`FAILED` or :data:`SLOW` (sent back), or :data:`PASSED`."""
    practised: int
    """How many times it was graded."""

    @property
    def due(self) -> date:
        """The day it is due for review.

        >>> Card("losses/hinge_loss", 3, date(2026, 1, 10), PASSED, 4).due
        datetime.date(2026, 1, 14)
        """
        return self.since + timedelta(days=INTERVALS[self.box - 1])

    def overdue(self, today: date) -> int:
        """Days past its due day (0: due today, negative: not due yet)."""
        return (today - self.due).days


def day_of(stamp: str, tz: tzinfo | None = None) -> date:
    """The day of a stored time, in ``tz`` (the machine's own time zone by default).

    >>> from datetime import timezone
    >>> day_of("2026-03-01T23:30:00+00:00", timezone.utc)
    datetime.date(2026, 3, 1)
    """
    return datetime.fromisoformat(stamp).astimezone(tz).date()


def slow_drill(drill: Drill) -> bool:
    """Whether a finished drill was slow: over :data:`SLOW_SECONDS` per exercise, or out of time.

    >>> def drill(minutes, seconds):
    ...     return Drill(1, 3, ["a/b"] * 5, minutes, "", "", "x", seconds, 5, 5, {})
    >>> slow_drill(drill(20, 1000)), slow_drill(drill(60, 1300)), slow_drill(drill(20, 1200))
    (False, True, True)
    """
    if drill.seconds is None or not drill.exercises:
        return False
    out_of_time = drill.seconds >= drill.minutes * 60 - 0.5
    return out_of_time or drill.seconds / len(drill.exercises) > SLOW_SECONDS


def attempts(gradings: Iterable[Grading], drills: Iterable[Drill], tz: tzinfo | None = None) -> list[Attempt]:
    """The history as attempts, oldest first: every grading, a drill's passes marked slow if it was.

    A drill's gradings are those of its exercises recorded between its start and its end.

    >>> from datetime import timezone
    >>> at = "2026-03-01T12:{}:00+00:00".format
    >>> slow = Drill(1, 3, ["t/a"], 5.0, "", at("00"), at("05"), 300.0, 5, 5, {})
    >>> marks = [Grading("t/a", 5, 5, True, None, None, at("05"), "drill"),
    ...          Grading("t/a", 5, 5, True, None, None, at("30"), "check"),
    ...          Grading("t/a", 1, 5, False, None, None, at("31"), "check")]
    >>> [a.outcome for a in attempts(marks, [slow], timezone.utc)]
    ['slow', 'passed', 'failed']
    """
    slow = [d for d in drills if d.finished is not None and slow_drill(d)]
    found = []
    for grading in gradings:
        if not grading.passed:
            outcome = FAILED
        elif grading.source == "drill" and any(
            grading.exercise in d.exercises and d.started <= grading.at <= (d.finished or "") for d in slow
        ):
            outcome = SLOW
        else:
            outcome = PASSED
        found.append(Attempt(grading.exercise, day_of(grading.at, tz), outcome))
    return found


def schedule(history: Iterable[Attempt]) -> dict[str, Card]:
    """Each practised exercise's box, after the attempts of ``history`` (oldest first).

    >>> days = [Attempt("a/b", date(2026, 1, d), PASSED) for d in (1, 1, 2, 4, 20)]
    >>> [(c.box, str(c.due)) for c in schedule(days).values()]
    [(4, '2026-01-28')]
    """
    cards: dict[str, Card] = {}
    for attempt in history:
        card = cards.get(attempt.exercise)
        if card is None:
            cards[attempt.exercise] = Card(attempt.exercise, 1, attempt.day, attempt.outcome, 1)
            continue
        if attempt.outcome != PASSED:
            box, since, reason = 1, attempt.day, attempt.outcome
        elif attempt.day >= card.due:
            box, since, reason = min(card.box + 1, len(INTERVALS)), attempt.day, PASSED
        else:
            box, since, reason = card.box, card.since, card.reason
        cards[attempt.exercise] = Card(attempt.exercise, box, since, reason, card.practised + 1)
    return cards


def due(cards: Iterable[Card], today: date, order: list[str] | None = None) -> list[Card]:
    """The cards due on ``today``, in the order to review them.

    Failed first, then slow, then those long unpractised; within each the most overdue, then
    the lowest box, then curriculum ``order`` (exercise keys) when given.

    >>> cards = [Card("t/passed", 2, date(2026, 1, 1), PASSED, 2),
    ...          Card("t/failed", 1, date(2026, 1, 9), FAILED, 3),
    ...          Card("t/later", 3, date(2026, 1, 9), PASSED, 3)]
    >>> [c.exercise for c in due(cards, date(2026, 1, 10))]
    ['t/failed', 't/passed']
    """
    place = {key: i for i, key in enumerate(order or ())}
    ready = [c for c in cards if c.overdue(today) >= 0]
    return sorted(
        ready, key=lambda c: (_RANK[c.reason], -c.overdue(today), c.box, place.get(c.exercise, len(place)))
    )


def due_today(
    gradings: Iterable[Grading],
    drills: Iterable[Drill],
    today: date | None = None,
    order: list[str] | None = None,
    tz: tzinfo | None = None,
) -> list[Card]:
    """The exercises due for review on ``today`` (the local today by default), from the history."""
    today = today or datetime.now(tz).date()
    return due(schedule(attempts(gradings, drills, tz)).values(), today, order)


def due_exercises(pool: list[Exercise], progress: Progress, today: date | None = None) -> list[Exercise]:
    """The exercises of ``pool`` due for review on ``today``, in the order to review them."""
    by_key = {e.key: e for e in pool}
    cards = due_today(progress.gradings(), progress.drills(), today, order=list(by_key))
    return [by_key[c.exercise] for c in cards if c.exercise in by_key]


def next_review(pool: list[Exercise], progress: Progress) -> date | None:
    """The first day an exercise of ``pool`` is due (``None`` if none was practised)."""
    keys = {e.key for e in pool}
    cards = schedule(attempts(progress.gradings(), progress.drills())).values()
    return min((c.due for c in cards if c.exercise in keys), default=None)
