"""Run a grader file's checks on given functions, without a pytest session.

The project's own tests use this to prove that every grader accepts the solution and
rejects every mutant; it is also the fast path for grading one function in-process.
Grader tests take only student-function fixtures, so each can be called directly.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

from mlkata.engine.checks import run_check
from mlkata.engine.results import CheckResult
from mlkata.engine.specs import GraderSpec, allowed_imports_of, solution_of
from mlkata.grading.loader import load_module
from mlkata.grading.proxy import StudentFunction


@cache
def _solution(grader: Path) -> ModuleType:
    path = solution_of(grader)
    return load_module(path, f"solutions/{path.parent.name}/{path.name}", allowed_imports_of(grader))


def run_checks(path: Path, functions: dict[str, Callable[..., object]]) -> list[CheckResult]:
    """Run every check of the grader at ``path`` on ``functions`` (name -> callable).

    A function a check takes from another module of the topic
    (``student_function(name, module=...)``) is that module's solution unless ``functions``
    gives it: a mutant of batch_norm_backward is graded with the solution's batch_norm_forward.
    """
    results = []
    for check in GraderSpec.load(path).checks:
        given = dict(functions)
        for name in check.functions:
            other = check.module_of(name)
            if name not in given and other is not None:
                given[name] = getattr(_solution(path.with_name(f"test_{other}.py")), name)
        missing = [p for p in check.functions if p not in given]
        if missing:
            raise KeyError(f"{path.name}::{check.name} needs {', '.join(missing)}")
        results.append(run_check(check, {p: StudentFunction.of(given[p], p) for p in check.functions}))
    return results
