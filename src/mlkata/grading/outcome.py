"""What one call of a learner's function gave, in data the grader owns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mlkata.grading.describe import describe_call


@dataclass(frozen=True)
class Raised:
    """The learner's function raised: the exception's class name, message and traceback."""

    type_name: str
    message: str
    traceback: str = ""
    is_value_error: bool = False
    """True for ``ValueError`` and its subclasses, decided where it was raised."""

    def summary(self) -> str:
        return f"{self.type_name}: {self.message}" if self.message else self.type_name


@dataclass(frozen=True)
class Outcome:
    """One call: its rendering, and either the plain value returned or what was raised."""

    function: str
    args: tuple
    kwargs: dict
    value: Any = None
    raised: Raised | None = None
    unplain: str | None = None
    """Set when the value could not be copied into plain data: what it was."""
    warnings: tuple[str, ...] = field(default=())
    seconds: float = 0.0

    @property
    def call(self) -> str:
        return describe_call(self.function, self.args, self.kwargs)
