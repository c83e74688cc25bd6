"""The exceptions a grader raises, each carrying a message written for the learner."""

from __future__ import annotations


class GradeFailure(AssertionError):
    """A check failed; ``str(error)`` is the whole learner-facing explanation."""


class NotImplementedYet(GradeFailure):
    """The learner's function still raises ``NotImplementedError`` (a fresh stub)."""


class SubmissionError(GradeFailure):
    """The submission cannot be graded at all: missing file, syntax error, banned import."""
