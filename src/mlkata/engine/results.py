"""What grading gives: one result per check, one per exercise, and their JSON form.

It imports nothing heavy (no numpy, no pytest), so ``mlkata status`` and the batch's own
process can read results without loading the graders.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from mlkata.engine.files import atomic_write


@dataclass(frozen=True)
class CheckResult:
    """One grader check's result.

    ``crashed`` is set when the grader itself failed (its own bug, not the learner's):
    the check then scores 0 and its message says so.
    """

    name: str
    points: int
    passed: bool
    message: str = ""
    not_implemented: bool = False
    hidden: bool = False
    crashed: bool = False
    level: int = 1
    """The check's level: 1 (★ correct) or 2 (★★ robust); both count in the grade."""

    def to_data(self) -> dict:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict) -> CheckResult:
        """The result a :meth:`to_data` gave, ignoring fields it does not know.

        >>> CheckResult.from_data({"name": "a", "points": 2, "passed": True, "later": 1}).points
        2
        """
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


class Scored:
    """Mixin: an exercise's points and status, derived from its ``checks``.

    Examples
    --------
    >>> r = ExerciseResult("losses/mae", checks=[CheckResult("a", 2, True),
    ...                                          CheckResult("b", 1, False, "", True)])
    >>> r.score, r.max_score, r.passed, r.not_implemented
    (2, 3, False, True)
    """

    checks: Sequence[CheckResult]

    @property
    def score(self) -> int:
        return sum(c.points for c in self.checks if c.passed)

    @property
    def max_score(self) -> int:
        return sum(c.points for c in self.checks)

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(c.passed for c in self.checks)

    @property
    def not_implemented(self) -> bool:
        failing = [c for c in self.checks if not c.passed]
        return bool(failing) and all(c.not_implemented for c in failing)


@dataclass
class ExerciseResult(Scored):
    """Every check's result of one exercise (``topic/module``), in the grader's order."""

    exercise: str
    order: tuple[int, int] = (0, 0)
    """Where the exercise comes in the curriculum (topic, exercise), for sorting."""
    checks: list[CheckResult] = field(default_factory=list)

    def to_data(self) -> dict:
        """The JSON form: ``score``, ``max_score`` and ``checks``.

        >>> ExerciseResult("losses/mae", checks=[CheckResult("a", 2, True)]).to_data()["score"]
        2
        """
        return {
            "score": self.score,
            "max_score": self.max_score,
            "checks": [c.to_data() for c in self.checks],
        }

    @classmethod
    def from_data(cls, exercise: str, data: dict) -> ExerciseResult:
        """The result a :meth:`to_data` gave (its scores are recomputed from the checks)."""
        return cls(exercise, checks=[CheckResult.from_data(c) for c in data.get("checks", [])])


def write_report(path: Path, results: Iterable[ExerciseResult]) -> None:
    """Write a JSON report, exercise key -> :meth:`ExerciseResult.to_data`, atomically."""
    data = {r.exercise: r.to_data() for r in results}
    atomic_write(path, json.dumps(data, indent=2) + "\n")


def read_report(path: Path) -> dict[str, ExerciseResult]:
    """A report :func:`write_report` wrote."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: ExerciseResult.from_data(key, value) for key, value in data.items()}
