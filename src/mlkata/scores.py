"""Points and status of one exercise, from the results of its checks.

Shared by the pytest plugin, the in-process runner and the learner's tools; it imports
nothing heavy, so ``mlkata list`` can use it without loading numpy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class CheckLike(Protocol):
    points: int
    passed: bool
    not_implemented: bool


@dataclass(frozen=True)
class Check:
    """One grader check's result."""

    name: str
    points: int
    passed: bool
    message: str = ""
    not_implemented: bool = False


class Scored:
    """Mixin: an exercise's points and status, derived from its ``checks``.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Result(Scored):
    ...     checks: tuple
    >>> r = Result((Check("a", 2, True), Check("b", 1, False, "", True)))
    >>> r.score, r.max_score, r.passed, r.not_implemented
    (2, 3, False, True)
    """

    checks: Sequence[CheckLike]

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
