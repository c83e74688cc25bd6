"""Every grader accepts its solution and rejects every common-mistake implementation.

The rules are :mod:`mlkata.maintainer.checks`' (what ``mlkata dev check`` applies); the count
of mutants per exercise is checked with the exercise's other files in tests/test_maintainer.py.
"""

from __future__ import annotations

import pytest

from mlkata.catalog import all_exercises
from mlkata.grading.direct import run_checks
from mlkata.maintainer.checks import mutant_verdict, mutants_of, solution_functions
from mlkata.mutants import Mutant
from tests.helpers import ROOT

EXERCISES = all_exercises(ROOT)


def _mutant_cases():
    for exercise in EXERCISES:
        for found in mutants_of(exercise, ROOT):
            yield pytest.param(exercise, found, id=f"{exercise.key}:{found.name}")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.key)
def test_grader_accepts_the_solution(exercise):
    results = run_checks(exercise.grader_path(ROOT), solution_functions(exercise, ROOT))
    failed = [r for r in results if not r.passed]
    assert results, f"{exercise.key}: its grader has no checks"
    assert not failed, "\n\n".join(f"{r.name}:\n{r.message}" for r in failed)


@pytest.mark.parametrize(("exercise", "wrong"), list(_mutant_cases()))
def test_grader_rejects_the_mutant(exercise, wrong: Mutant):
    # A learner sees the first failing check (the rest with -v): it must name this mistake,
    # and give no hint of another one.
    verdict = mutant_verdict(exercise, wrong, ROOT)
    assert verdict is None, f"{exercise.key}: {verdict}"
