"""Every grader accepts its solution and rejects every common-mistake implementation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlkata.catalog import all_exercises
from mlkata.grading.direct import run_checks
from mlkata.mutants import Mutant, load_mutants
from tests.helpers import ROOT, load_solution

EXERCISES = all_exercises(ROOT)
MIN_MUTANTS = 3


def hint_lines(message: str) -> list[str]:
    """The hints of a failure message (its ``hint:`` lines), without the rest of the text."""
    return re.findall(r"^\s*hint: (.*)$", message, flags=re.MULTILINE)


def solution_functions(exercise) -> dict:
    module = load_solution(exercise.topic, exercise.module)
    return {name: getattr(module, name) for name in exercise.functions}


def mutants_path(exercise) -> Path:
    return ROOT / "tests" / "mutants" / exercise.topic / f"{exercise.module}.py"


def _mutant_cases():
    for exercise in EXERCISES:
        path = mutants_path(exercise)
        for found in load_mutants(path) if path.exists() else []:
            yield pytest.param(exercise, found, id=f"{exercise.key}:{found.name}")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.key)
def test_grader_accepts_the_solution(exercise):
    results = run_checks(exercise.grader_path(ROOT), solution_functions(exercise))
    failed = [r for r in results if not r.passed]
    assert results, f"{exercise.key}: its grader has no checks"
    assert not failed, "\n\n".join(f"{r.name}:\n{r.message}" for r in failed)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.key)
def test_every_exercise_has_mutants(exercise):
    path = mutants_path(exercise)
    found = load_mutants(path) if path.exists() else []
    assert len(found) >= MIN_MUTANTS, f"{path} declares {len(found)} mutants, want {MIN_MUTANTS}"


@pytest.mark.parametrize(("exercise", "wrong"), list(_mutant_cases()))
def test_grader_rejects_the_mutant(exercise, wrong: Mutant):
    functions = {**solution_functions(exercise), wrong.replaces: wrong.function}
    results = run_checks(exercise.grader_path(ROOT), functions)
    failed = [r for r in results if not r.passed]
    assert failed, f"the grader of {exercise.key} accepted the mutant {wrong.name}"
    assert not any(r.not_implemented for r in failed)
    if wrong.hint:
        # A learner sees the first failing check (the rest with -v): it must name this mistake,
        # and give no hint of another one.
        first = failed[0]
        hints = hint_lines(first.message)
        assert any(wrong.hint in h for h in hints), (
            f"the first failure of {wrong.name} ({first.name}) gives no hint naming the mistake "
            f"({wrong.hint!r}):\n{first.message}"
        )
        others = [h for h in hints if wrong.hint not in h]
        assert not others, (
            f"the first failure of {wrong.name} ({first.name}) also hints at other mistakes:\n{first.message}"
        )
