"""Where the learner stands on each exercise, without grading anything.

An exercise is *not started* while its file is still the stub as generated (its hash
is in the topic's manifest), *passing* or *failing* when the last recorded grading was
of the file exactly as it is now (same content, same grader), and *unchecked* when the
file changed since it was last graded. Reading hashes and one query keeps this fast
for the whole curriculum.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from mlkata.catalog import Exercise
from mlkata.learner.grade import ExerciseGrade, file_hash
from mlkata.learner.progress import Grading, Progress
from mlkata.stubs import read_manifest


class State(enum.Enum):
    NOT_STARTED = "not started"
    UNCHECKED = "edited, not checked"
    FAILING = "failing"
    PASSING = "passing"
    MISSING = "file missing"
    NO_GRADER = "no grader yet"


@dataclass(frozen=True)
class ExerciseState:
    exercise: Exercise
    state: State
    last: Grading | None = None
    """The recorded grading the state comes from (PASSING and FAILING only)."""

    @property
    def passing(self) -> bool:
        return self.state is State.PASSING


def states(exercises: list[Exercise], root: Path, progress: Progress) -> list[ExerciseState]:
    """The state of each of ``exercises`` in ``root/exercises``, in the order given."""
    latest = progress.latest_gradings()
    manifests: dict[str, dict[str, str]] = {}
    found = []
    for exercise in exercises:
        path = exercise.exercise_path(root)
        if exercise.topic not in manifests:
            manifests[exercise.topic] = read_manifest(path.parent)
        content = file_hash(path)
        grader = file_hash(exercise.grader_path(root))
        last = latest.get(exercise.key)
        if content is None:
            state = State.MISSING
        elif grader is None:
            state = State.NO_GRADER
        elif content == manifests[exercise.topic].get(path.name):
            state = State.NOT_STARTED
        elif last is not None and last.content_hash == content and last.grader_hash == grader:
            state = State.PASSING if last.passed else State.FAILING
        else:
            state = State.UNCHECKED
        found.append(
            ExerciseState(exercise, state, last if state in (State.PASSING, State.FAILING) else None)
        )
    return found


def next_exercise(found: list[ExerciseState], passed: Collection[str] = ()) -> ExerciseState | None:
    """The first exercise in curriculum order that does not pass (and can be graded).

    ``passed`` names exercises (``topic/module``) just seen to pass, whatever was recorded.
    """
    return next(
        (
            s
            for s in found
            if not s.passing and s.state is not State.NO_GRADER and s.exercise.key not in passed
        ),
        None,
    )


def record(progress: Progress, grade: ExerciseGrade, source: str = "check") -> None:
    """Record a grading of the learner's own file."""
    if grade.problem:
        return
    progress.record_grading(
        grade.exercise.key,
        grade.score,
        grade.max_score,
        grade.passed,
        content_hash=grade.content_hash,
        grader_hash=grade.grader_hash,
        source=source,
    )
