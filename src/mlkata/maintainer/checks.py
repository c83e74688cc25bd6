"""What every exercise of a checkout must have, checked one exercise at a time.

An exercise is complete when its stub is what ``mlkata generate`` writes, its grader exists
and passes the solution, it has at least :data:`MIN_MUTANTS` mutants in
``tests/mutants/<topic>/<module>.py``, each rejected with the hint it names, every function
has a row in ``benchmarks/cases/<topic>.py``, the solution's docstring examples run, and it has
a ★★ check and a ★★★ that can be timed (:mod:`mlkata.grading.levels`).
``mlkata dev check`` reports each gap; the project's test suite runs the same functions.
"""

from __future__ import annotations

import doctest
import importlib.util
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from mlkata import stubs
from mlkata.catalog import Exercise
from mlkata.grading.judge import hint_lines
from mlkata.mutants import Mutant, load_mutants

MIN_MUTANTS = 3
"""Mutants each exercise must have."""


@dataclass(frozen=True)
class Problem:
    """One thing an exercise lacks: ``what`` is a sentence a maintainer can act on."""

    exercise: str
    what: str

    def __str__(self) -> str:
        return f"{self.exercise}: {self.what}"


def solution_module(exercise: Exercise, root: Path) -> ModuleType:
    """Import ``solutions/<topic>/<module>.py`` under a name of its own."""
    path = exercise.solution_path(root)
    spec = importlib.util.spec_from_file_location(f"solution_{exercise.topic}_{exercise.module}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def solution_functions(exercise: Exercise, root: Path) -> dict[str, Callable[..., object]]:
    module = solution_module(exercise, root)
    return {name: getattr(module, name) for name in exercise.functions}


def mutants_path(exercise: Exercise, root: Path) -> Path:
    return root / "tests" / "mutants" / exercise.topic / f"{exercise.module}.py"


def mutants_of(exercise: Exercise, root: Path) -> list[Mutant]:
    path = mutants_path(exercise, root)
    return load_mutants(path) if path.exists() else []


def mutant_verdict(exercise: Exercise, wrong: Mutant, root: Path, *, measure: bool = True) -> str | None:
    """Why the grader fails to reject ``wrong`` as it should, or ``None`` when it does.

    Rejected means: some check fails (not as "not implemented"), and when the mutant names a
    hint, the first failing check (what a learner sees) hints at that mistake and no other.
    A mutant of ``level`` 2 must pass every ★ check and fail a ★★ (``@robust()``) one; one of
    level 3 must pass every check and fail the ★★★ measurement (made only with ``measure``).
    """
    from mlkata.grading.direct import run_checks

    functions = {**solution_functions(exercise, root), wrong.replaces: wrong.function}
    failed = [r for r in run_checks(exercise.grader_path(root), functions) if not r.passed]
    if wrong.level == 3:
        if failed:
            return (
                f"the ★★★ mutant {wrong.name} fails the check {failed[0].name}: it should pass ★ and ★★ "
                f"and be only slow:\n{failed[0].message}"
            )
        return _fast_verdict(exercise, wrong, root) if measure else None
    if wrong.level == 2:
        below = [r for r in failed if r.level < 2]
        if below:
            return (
                f"the ★★ mutant {wrong.name} fails the ★ check {below[0].name}: it should pass every ★ "
                f"check and fail a ★★ (@robust()) one:\n{below[0].message}"
            )
        if not failed:
            return f"the grader accepts the ★★ mutant {wrong.name}: no ★★ (@robust()) check fails it"
    if not failed:
        return f"the grader accepts the mutant {wrong.name}"
    if any(r.not_implemented for r in failed):
        return f"the mutant {wrong.name} is reported as not implemented"
    if wrong.hint:
        first = failed[0]
        hints = hint_lines(first.message)
        if not any(wrong.hint in h for h in hints):
            return (
                f"the first failure of {wrong.name} ({first.name}) gives no hint naming the mistake "
                f"({wrong.hint!r}):\n{first.message}"
            )
        if any(wrong.hint not in h for h in hints):
            return (
                f"the first failure of {wrong.name} ({first.name}) also hints at other "
                f"mistakes:\n{first.message}"
            )
    return None


def _fast_verdict(exercise: Exercise, wrong: Mutant, root: Path) -> str | None:
    """Why the ★★★ measurement does not reject the slow mutant ``wrong``, or ``None``."""
    from mlkata.learner.levels import measure_fast

    found = measure_fast(exercise, wrong.function, root)
    if found.function and found.function != wrong.replaces:
        return f"★★★ times {found.function}, not {wrong.replaces} that the ★★★ mutant {wrong.name} replaces"
    if found.passed is None:
        return f"★★★ cannot be measured for the mutant {wrong.name}: {found.message}"
    if found.passed:
        return f"the ★★★ measurement accepts the slow mutant {wrong.name}:\n{found.message}"
    return None


@cache
def benchmarked(root: Path) -> frozenset[str]:
    """The ``topic/function`` labels of the benchmark's case table (``benchmarks/cases/``).

    The table is imported (its modules only define cases; references load when a case runs).
    """
    import sys

    folder = root / "benchmarks" / "cases"
    if not (folder / "__init__.py").is_file():
        return frozenset()
    name = f"mlkata_benchmark_cases_{abs(hash(str(root)))}"
    spec = importlib.util.spec_from_file_location(
        name, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None
    package = importlib.util.module_from_spec(spec)
    sys.modules[name] = package  # its topic modules import it by this name
    spec.loader.exec_module(package)
    return frozenset(f"{c.exercise.split('/')[0]}/{c.function}" for c in package.load_all())


def files_problems(exercise: Exercise, root: Path) -> Iterator[Problem]:
    """The files an exercise needs besides its solution: stub, grader, mutants, benchmark row."""
    key = exercise.key
    if not stubs.stub_state(exercise, root).is_up_to_date:
        yield Problem(key, f"exercises/{key}.py is not what `mlkata generate` writes: run it")
    if not exercise.grader_path(root).is_file():
        yield Problem(key, f"no grader: write graders/{exercise.topic}/test_{exercise.module}.py")
    count = len(mutants_of(exercise, root))
    if count < MIN_MUTANTS:
        yield Problem(key, f"{count} mutant(s) in tests/mutants/{key}.py, want at least {MIN_MUTANTS}")
    rows = benchmarked(root)
    for function in exercise.functions:
        if f"{exercise.topic}/{function}" not in rows:
            yield Problem(key, f"no benchmark row for {function} in benchmarks/cases/{exercise.topic}.py")
    if not exercise.hints:
        yield Problem(key, "no HINTS in its META block")
    from mlkata.maintainer.scaffold import TODO

    for path in (exercise.solution_path(root), exercise.grader_path(root), mutants_path(exercise, root)):
        if path.is_file() and TODO in path.read_text(encoding="utf-8"):
            yield Problem(key, f"{path.relative_to(root)} still has the scaffold's {TODO} to fill in")


def example_problems(exercise: Exercise, root: Path) -> Iterator[Problem]:
    """The solution's docstring examples: there must be one, and every one must run."""
    module = solution_module(exercise, root)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE, report=False)
    if result.attempted == 0:
        yield Problem(exercise.key, "its docstring has no worked example (an Examples section)")
    elif result.failed:
        yield Problem(exercise.key, f"{result.failed} of its {result.attempted} docstring examples fail")


def grading_problems(exercise: Exercise, root: Path) -> Iterator[Problem]:
    """The grader passes the solution and rejects every mutant as the mutant says."""
    from mlkata.grading.direct import run_checks

    if not exercise.grader_path(root).is_file():
        return
    results = run_checks(exercise.grader_path(root), solution_functions(exercise, root))
    if not results:
        yield Problem(exercise.key, "its grader has no checks")
    for failed in (r for r in results if not r.passed):
        yield Problem(exercise.key, f"the grader fails the solution: {failed.name}: {failed.message}")
    for wrong in mutants_of(exercise, root):
        verdict = mutant_verdict(exercise, wrong, root)
        if verdict:
            yield Problem(exercise.key, verdict)


def level_problems(exercise: Exercise, root: Path) -> Iterator[Problem]:
    """The levels above ★ (:mod:`mlkata.grading.levels`): a ★★ check, and a ★★★ that can be timed."""
    from mlkata.engine.specs import GraderSpec
    from mlkata.learner.levels import measurable

    grader = exercise.grader_path(root)
    if not grader.is_file():
        return
    try:
        checks = GraderSpec.load(grader).checks
        why = measurable(exercise, root)
    except Exception as error:  # the grader or the solution does not load: said by the other checks
        yield Problem(exercise.key, f"its levels cannot be read ({type(error).__name__}: {error})")
        return
    if not any(c.level == 2 for c in checks):
        yield Problem(
            exercise.key,
            f"no ★★ check: mark at least one check of graders/{exercise.topic}/{grader.name} @robust() "
            "(mlkata.grading.levels), on the extreme inputs an interviewer throws",
        )
    if why is not None:
        yield Problem(
            exercise.key,
            f"★★★ cannot be measured ({why}): declare FAST = Fast(inputs=..., ...) in its grader",
        )


def problems(exercise: Exercise, root: Path, *, grading: bool = True) -> list[Problem]:
    """Everything ``exercise`` lacks; ``grading=False`` leaves out running the grader and timing (fast)."""
    found = [*files_problems(exercise, root), *example_problems(exercise, root)]
    if grading:
        found += [*grading_problems(exercise, root), *level_problems(exercise, root)]
    return found
