"""Differential property tests: every solution agrees with its reference across its domain.

A grader that declares ``PROPERTIES = (Differential(function, DOMAIN, reference, ...),)``
(:class:`mlkata.grading.checks.Differential`) plugs in here with nothing else to write:
hypothesis draws a seed, a corner (built-in or the exercise's own, or none: a random case)
and a size, :meth:`Domain.case` turns them into one case of the grader's own domain, and the
solution must pass the grader's own judgement of it. Seeded and derandomised, so every run
explores the same cases; a failure names the case, and the domain the graders miss shows up
here rather than as a student's lucky pass.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlkata.catalog import all_exercises
from mlkata.engine.specs import grader_module
from mlkata.grading.checks import Differential
from mlkata.grading.failures import GradeFailure
from mlkata.grading.proxy import StudentFunction
from tests.helpers import ROOT, load_solution

EXAMPLES = 25
"""Cases per exercise function: enough to visit each corner a few times, fast enough for the suite."""


def _properties():
    for exercise in all_exercises(ROOT):
        module = grader_module(exercise.grader_path(ROOT))
        for prop in getattr(module, "PROPERTIES", ()):
            yield pytest.param(exercise, prop, id=f"{exercise.key}:{prop.function}")


@pytest.mark.parametrize(("exercise", "prop"), list(_properties()))
def test_solution_matches_its_reference_across_the_domain(exercise, prop: Differential):
    solution = StudentFunction.of(getattr(load_solution(exercise.topic, exercise.module), prop.function))
    corners = [None, *prop.domain.corner_names()]

    @settings(
        derandomize=True,
        deadline=None,
        max_examples=EXAMPLES,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        seed=st.integers(0, 2**32 - 1),
        corner=st.sampled_from(corners),
        size=st.one_of(st.none(), st.integers(1, 40)),
    )
    def agrees(seed, corner, size):
        case = prop.domain.case(seed, corner, size)
        try:
            prop.check(solution, case)
        except GradeFailure as failure:
            raise AssertionError(f"{exercise.key}, case {case.name!r} (seed {seed}):\n{failure}") from None

    agrees()


def test_every_migrated_topic_declares_properties():
    """The topics moved to domains declare a Differential for every exercise function."""
    missing = []
    for exercise in all_exercises(ROOT):
        if exercise.topic not in (
            "losses",
            "statistics",
            "distances",
            "metrics",
            "models",
            "neural_networks",
            "regularization",
            "bias_variance",
            "probability",
        ):
            continue
        declared = {p.function for p in getattr(grader_module(exercise.grader_path(ROOT)), "PROPERTIES", ())}
        missing += [f"{exercise.key}:{f}" for f in exercise.functions if f not in declared]
    assert not missing, f"no PROPERTIES for {missing}"
