"""Hints, weakest first, one more each time the learner asks.

The hints are the ``HINTS`` of the exercise's solution module (its single source);
how many a learner has seen is kept in the progress file.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlkata.catalog import Exercise
from mlkata.learner.progress import Progress


@dataclass(frozen=True)
class Revealed:
    exercise: Exercise
    shown: tuple[str, ...]
    """Every hint revealed so far, weakest first."""
    new: bool
    """Whether this request revealed one more (False when none were left)."""

    @property
    def remaining(self) -> int:
        return len(self.exercise.hints) - len(self.shown)


def reveal_next(exercise: Exercise, progress: Progress) -> Revealed:
    """Reveal the next hint of ``exercise`` and return all revealed so far."""
    total = len(exercise.hints)
    before = progress.hints_revealed(exercise.key)
    if before >= total:
        return Revealed(exercise, exercise.hints[:total], False)
    count = progress.reveal_hint(exercise.key, total)
    return Revealed(exercise, exercise.hints[:count], count > before)
