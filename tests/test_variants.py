"""Every grader accepts differently written correct code: loops, lists, fsum, einsum.

``tests/variants/<topic>/<module>.py`` holds correct versions of an exercise's function, each
a public function named ``variant_*``; the grader must pass every one of them. A variant stands
for the exercise's first function unless a ``replaces`` attribute names another (the
``*_predict_proba`` of a fit/predict exercise). A grader that rejects one is too strict (a
tolerance tighter than correct float64 code meets, a dtype or type it insists on that the
docstring does not).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mlkata.catalog import all_exercises
from mlkata.grading.direct import run_checks
from tests.helpers import ROOT, load_solution

MIN_VARIANTS = 2


def _variants(exercise):
    path = ROOT / "tests" / "variants" / exercise.topic / f"{exercise.module}.py"
    if not path.exists():
        return []
    spec = importlib.util.spec_from_file_location(f"mlkata_variants_{exercise.topic}_{exercise.module}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [(name, f) for name, f in vars(module).items() if name.startswith("variant_") and callable(f)]


def _cases():
    for exercise in all_exercises(ROOT):
        for name, function in _variants(exercise):
            yield pytest.param(exercise, function, id=f"{exercise.key}:{name}")


@pytest.mark.parametrize(("exercise", "variant"), list(_cases()))
def test_grader_accepts_the_variant(exercise, variant):
    module = load_solution(exercise.topic, exercise.module)
    functions = {name: getattr(module, name) for name in exercise.functions}
    functions[getattr(variant, "replaces", exercise.functions[0])] = variant
    failed = [r for r in run_checks(exercise.grader_path(ROOT), functions) if not r.passed]
    assert not failed, "\n\n".join(f"{r.name}:\n{r.message}" for r in failed)


@pytest.mark.parametrize("exercise", all_exercises(ROOT), ids=str)
def test_every_exercise_has_variants(exercise):
    assert len(_variants(exercise)) >= MIN_VARIANTS, f"{exercise.key}: want {MIN_VARIANTS} variants"


def test_variant_folders_name_real_exercises():
    known = {(e.topic, e.module) for e in all_exercises(ROOT)}
    for path in Path(ROOT / "tests" / "variants").glob("*/*.py"):
        assert (path.parent.name, path.stem) in known, f"{path} names no exercise"
