"""What one call of a learner's function gave, in data the grader owns."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from mlkata.grading.describe import describe_call
from mlkata.sandbox.calling import Call


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

    label: str = ""
    """Which part of the result this outcome is about (set by :meth:`part`)."""
    whole: Any = None
    """For a part (see :meth:`part`): the whole value the call returned."""

    @property
    def call(self) -> str:
        text = describe_call(self.function, self.args, self.kwargs)
        return f"{text}{self.label}"

    def part(self, index: int, name: str) -> Outcome:
        """The outcome narrowed to element ``index`` of a returned tuple, e.g. ``w`` of ``(w, b)``.

        Raises :class:`~mlkata.grading.failures.GradeFailure` when the call did not return
        a tuple or list long enough.
        """
        from mlkata.grading.failures import GradeFailure

        if self.raised is not None or self.unplain is not None:
            return self
        if not isinstance(self.value, tuple | list) or len(self.value) <= index:
            raise GradeFailure(
                f"{self.call} returned {type(self.value).__name__} {self.value!r:.80}; "
                f"expected a tuple whose element {index} is {name}"
            )
        whole = self.value if self.whole is None else self.whole
        return replace(self, value=self.value[index], label=f"{self.label} -> {name}", whole=whole)


def outcome_of(
    call: Call, function: str, args: tuple, kwargs: dict, value: Any = None, unplain: str | None = None
) -> Outcome:
    """The :class:`Outcome` of a recorded call (:func:`mlkata.sandbox.calling.call_and_record`).

    ``value`` is the call's value as plain data (``None`` when it raised or is kept); running out
    of memory in-process is recorded as the ``MemoryError`` it raised.

    >>> from mlkata.sandbox.calling import Call
    >>> outcome_of(Call("raised", type_name="ValueError", message="x"), "f", (1,), {}).raised.summary()
    'ValueError: x'
    """
    raised = None
    if call.status in ("raised", "memory"):
        raised = Raised(call.type_name, call.message, call.traceback, call.is_value_error)
    return Outcome(function, args, kwargs, value, raised, unplain, call.warnings, call.seconds)
