"""Every grader accepts its solution and rejects every common-mistake implementation.

The rules are :mod:`mlkata.maintainer.checks`' (what ``mlkata dev check`` applies); the count
of mutants per exercise is checked with the exercise's other files in tests/test_maintainer.py.
A mutant's ``level`` says which level must reject it: 2, a ★★ (``@robust()``) check after every
★ check passed; 3, the ★★★ measurement after every check passed (timed: marked ``slow``, run
with ``--run-slow``).
"""

from __future__ import annotations

import numpy as np
import pytest

from mlkata.catalog import all_exercises, find_exercise
from mlkata.grading.direct import run_checks
from mlkata.learner.levels import checks_level, measure_fast
from mlkata.maintainer.checks import mutant_verdict, mutants_of, solution_functions
from mlkata.mutants import Mutant, mutant
from tests.helpers import ROOT

EXERCISES = all_exercises(ROOT)


def _mutant_cases(level: int | None = None):
    for exercise in EXERCISES:
        for found in mutants_of(exercise, ROOT):
            if level is None or found.level == level:
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
    # and give no hint of another one. A ★★ mutant passes every ★ check; a ★★★ one every check
    # (its timing: the slow test below).
    verdict = mutant_verdict(exercise, wrong, ROOT, measure=False)
    assert verdict is None, f"{exercise.key}: {verdict}"


@pytest.mark.slow
@pytest.mark.parametrize(("exercise", "wrong"), list(_mutant_cases(level=3)))
def test_the_fast_level_rejects_the_slow_mutant(exercise, wrong: Mutant):
    verdict = mutant_verdict(exercise, wrong, ROOT)
    assert verdict is None, f"{exercise.key}: {verdict}"


# --- the level rules themselves, on real exercises ----------------------------------------------

MAE = find_exercise("mean_absolute_error", ROOT)


def _checked(y_true, y_pred):
    y, p = np.asarray(y_true), np.asarray(y_pred)
    if y.ndim != 1 or y.shape != p.shape or y.size == 0:
        raise ValueError("expected two 1-D arrays of one length")
    return y, p


@mutant("mean_absolute_error", hint="float32 arithmetic overflowed", level=2)
def float32_kept(y_true, y_pred):
    """Right on every ordinary input; float32 values near 3e38 overflow in y - p."""
    y, p = _checked(y_true, y_pred)
    y = y if y.dtype.kind == "f" else y.astype(float)
    p = p if p.dtype.kind == "f" else p.astype(float)
    return float(np.mean(np.abs(y - p)))


@mutant("mean_absolute_error", level=2)
def sum_said_robust(y_true, y_pred):
    """Wrong on ordinary inputs: a ★★ mutant must not fail a ★ check."""
    y, p = _checked(y_true, y_pred)
    return float(np.sum(np.abs(y.astype(float) - p.astype(float))))


@mutant("mean_absolute_error", level=2)
def correct_said_robust(y_true, y_pred):
    """Right everywhere: no ★★ check fails it."""
    y, p = _checked(y_true, y_pred)
    return float(np.mean(np.abs(y.astype(float) - p.astype(float))))


@mutant("mean_absolute_error", level=3)
def wrong_said_slow(y_true, y_pred):
    y, p = _checked(y_true, y_pred)
    return float(np.mean(y.astype(float) - p.astype(float)))


def test_a_robustness_mistake_of_a_real_exercise_is_rejected_by_a_robust_check():
    assert mutant_verdict(MAE, float32_kept, ROOT) is None
    functions = {**solution_functions(MAE, ROOT), "mean_absolute_error": float32_kept.function}
    results = run_checks(MAE.grader_path(ROOT), functions)
    assert checks_level(results) == 1, [(r.name, r.level, r.passed) for r in results]
    (first, *_) = [r for r in results if not r.passed]
    assert first.level == 2 and "float32 arithmetic overflowed" in first.message, first


def test_a_level_mutant_in_the_wrong_place_is_reported():
    assert "fails the ★ check" in (mutant_verdict(MAE, sum_said_robust, ROOT) or "")
    assert "no ★★ (@robust()) check fails it" in (mutant_verdict(MAE, correct_said_robust, ROOT) or "")
    assert "should pass ★ and ★★" in (mutant_verdict(MAE, wrong_said_slow, ROOT, measure=False) or "")


def test_a_correct_solution_reaches_the_fast_level():
    reference = solution_functions(MAE, ROOT)["mean_absolute_error"]
    results = run_checks(MAE.grader_path(ROOT), solution_functions(MAE, ROOT))
    assert checks_level(results) == 2
    found = measure_fast(MAE, reference, ROOT)
    assert found.passed is True and found.function == "mean_absolute_error", found.message
    assert found.message.startswith("★★★ fast ✓: ") and "at n = 1,000,000" in found.message
