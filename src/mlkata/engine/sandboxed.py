"""A target folder's exercises graded with the learner's functions called in the sandbox.

Used by ``mlkata grade``'s grader process (:mod:`mlkata.batch.server`) and by the classroom's
autograde (:mod:`mlkata.classroom.preprocess`): the same checks, the same messages, the same
results as ``pytest --sandbox --target`` gives.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from mlkata.engine.checks import run_check
from mlkata.engine.results import ExerciseResult
from mlkata.engine.specs import GraderSpec, allowed_imports_of
from mlkata.grading.proxy import StudentModule
from mlkata.grading.sandbox import SandboxFunction, Session, Settings, SharedWorkers, forget_module


def grade_module(
    grader: GraderSpec, target: Path, settings: Settings, shared: SharedWorkers | None = None
) -> ExerciseResult:
    """Run every check of ``grader`` on ``target/<topic>/<module>.py``, in ``shared`` workers if given."""
    path = target / f"{grader.key}.py"
    module = StudentModule(path, f"{grader.key}.py", grader.allowed_imports, settings.call_timeout)
    result = ExerciseResult(grader.key)
    session = Session(module, settings, shared)
    others: dict[str, Session] = {}  # the topic's other modules a check takes a function from

    def session_of(other: str | None) -> Session:
        if other is None:
            return session
        if other not in others:
            key = f"{grader.key.split('/')[0]}/{other}"
            allowed = allowed_imports_of(grader.path.with_name(f"test_{other}.py"))
            found = StudentModule(target / f"{key}.py", f"{key}.py", allowed, settings.call_timeout)
            others[other] = Session(found, settings, session.shared)
        return others[other]

    try:
        for check in grader.checks:
            functions = {
                p: SandboxFunction(session_of(check.module_of(p)), p, settings.call_timeout)
                for p in check.functions
            }
            result.checks.append(run_check(check, functions))
    finally:
        for other in others.values():
            other.release()
            forget_module(other.module.path)
        session.release()
        forget_module(path)
    return result


def grade_target(graders: Sequence[GraderSpec], target: Path, settings: Settings) -> Iterator[ExerciseResult]:
    """Every grader's results on one student's folder, one by one; the student's sandbox ends after."""
    shared = SharedWorkers()
    try:
        for grader in graders:
            yield grade_module(grader, target, settings, shared)
    finally:
        shared.close()
