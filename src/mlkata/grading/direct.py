"""Run a grader file's checks on given functions, without a pytest session.

The project's own tests use this to prove that every grader accepts the solution and
rejects every mutant; it is also the fast path for grading one function in-process.
Grader tests take only student-function fixtures, so each can be called directly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mlkata.engine.checks import run_check
from mlkata.engine.results import CheckResult
from mlkata.engine.specs import GraderSpec
from mlkata.grading.proxy import StudentFunction


def run_checks(path: Path, functions: dict[str, Callable[..., object]]) -> list[CheckResult]:
    """Run every check of the grader at ``path`` on ``functions`` (name -> callable)."""
    results = []
    for check in GraderSpec.load(path).checks:
        missing = [p for p in check.functions if p not in functions]
        if missing:
            raise KeyError(f"{path.name}::{check.name} needs {', '.join(missing)}")
        results.append(run_check(check, {p: StudentFunction.of(functions[p], p) for p in check.functions}))
    return results
