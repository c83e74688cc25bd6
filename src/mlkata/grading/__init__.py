"""What grader files import: the learner's functions as fixtures, and the judges.

A grader file ``graders/<topic>/test_<module>.py`` reads like the statement it checks::

    from mlkata.grading import Mistake, expect_close, points, student_function

    hinge_loss = student_function("hinge_loss")

    @points(2)
    def test_matches_sklearn(hinge_loss):
        outcome = hinge_loss.call(y, d)
        expect_close(outcome, sklearn_hinge(y, d), reference="sklearn.metrics.hinge_loss")
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mlkata.engine.specs import SOURCE
from mlkata.grading.failures import GradeFailure, NotImplementedYet, SubmissionError
from mlkata.grading.judge import (
    Mistake,
    expect_close,
    expect_finite_scalar,
    expect_no_warnings,
    expect_raises,
    matching_hints,
    part_mistakes,
    returned,
    with_hints,
)
from mlkata.grading.outcome import Outcome
from mlkata.grading.proxy import Handle, StudentFunction

__all__ = [
    "GradeFailure",
    "Handle",
    "Mistake",
    "NotImplementedYet",
    "Outcome",
    "StudentFunction",
    "SubmissionError",
    "expect_close",
    "expect_finite_scalar",
    "expect_no_warnings",
    "expect_raises",
    "hidden",
    "matching_hints",
    "part_mistakes",
    "points",
    "returned",
    "seeded",
    "student_function",
    "with_hints",
]


def points(n: int) -> pytest.MarkDecorator:
    """Mark a grader test as worth ``n`` points (1 when unmarked)."""
    return pytest.mark.points(n)


def hidden() -> pytest.MarkDecorator:
    """Mark a grader test as hidden: batch results show its points, not its details."""
    return pytest.mark.hidden


def seeded(seed: int) -> np.random.Generator:
    """A random generator graders use, so every run sees the same inputs."""
    return np.random.default_rng(seed)


def student_function(name: str, module: str | None = None):
    """A fixture named ``name`` that gives the learner's function of that name.

    The module is found from the grader file's place (``graders/<topic>/test_<m>.py``
    grades ``<target>/<topic>/<m>.py``) and loaded fresh for every test.

    ``module`` names another module of the same topic to take the function from, for a check
    that needs the learner's own function from there: batch_norm_backward's grader hands it
    the cache of the learner's batch_norm_forward with
    ``student_function("batch_norm_forward", module="batch_norm_forward")``. Every way of
    grading reads that from the fixture's :data:`SOURCE` attribute
    (:attr:`mlkata.engine.specs.CheckSpec.modules`); the project's own tests
    (:func:`mlkata.grading.direct.run_checks`) give that module's solution.
    """

    @pytest.fixture(name=name)
    def fixture(request: pytest.FixtureRequest) -> StudentFunction:
        from mlkata.grading.targets import student_module_for

        student = student_module_for(request.node, Path(request.module.__file__), module)
        if request.config.getoption("sandbox", default=False):
            from mlkata.grading.sandbox import sandboxed

            return sandboxed(request, student, name)
        return StudentFunction(
            lambda: student.function(name),
            name,
            path=student.path,
            timeout=request.config.getoption("call_timeout"),
        )

    setattr(fixture, SOURCE, (name, module))
    return fixture
