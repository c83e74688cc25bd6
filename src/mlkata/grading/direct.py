"""Run a grader file's checks on given functions, without a pytest session.

The project's own tests use this to prove that every grader accepts the solution and
rejects every mutant; it is also the fast path for grading one function in-process.
Grader tests take only student-function fixtures, so each can be called directly.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

from mlkata.grading.failures import GradeFailure, NotImplementedYet
from mlkata.grading.proxy import StudentFunction
from mlkata.scores import Check

CheckOutcome = Check
"""What one check gave (kept under this name for the graders' callers)."""


@cache
def grader_module(path: Path) -> ModuleType:
    """Import a grader file once, under a name of its own."""
    name = f"mlkata_direct_{path.parent.name}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def grader_tests(path: Path) -> list[tuple[str, Callable[..., None], int]]:
    """The ``test_*`` functions of a grader file with their points, in file order."""
    module = grader_module(path)
    tests = []
    for name, function in vars(module).items():
        if name.startswith("test_") and inspect.isfunction(function):
            marks = getattr(function, "pytestmark", [])
            worth = next((int(m.args[0]) for m in marks if m.name == "points"), 1)
            tests.append((name, function, worth))
    return tests


def is_hidden(test: Callable[..., None]) -> bool:
    """Whether a grader test carries ``@hidden()``: batch results show its points only."""
    return any(m.name == "hidden" for m in getattr(test, "pytestmark", []))


def run_checks(path: Path, functions: dict[str, Callable[..., object]]) -> list[CheckOutcome]:
    """Run every check of the grader at ``path`` on ``functions`` (name -> callable)."""
    outcomes = []
    for name, test, worth in grader_tests(path):
        wanted = inspect.signature(test).parameters
        missing = [p for p in wanted if p not in functions]
        if missing:
            raise KeyError(f"{path.name}::{name} needs {', '.join(missing)}")
        kwargs = {p: StudentFunction.of(functions[p], p) for p in wanted}
        try:
            test(**kwargs)
        except GradeFailure as failure:
            outcomes.append(
                CheckOutcome(name, worth, False, str(failure), isinstance(failure, NotImplementedYet))
            )
        else:
            outcomes.append(CheckOutcome(name, worth, True))
    return outcomes
