"""Grade one exercise of a folder laid out like ``exercises/``, in this process.

The grader file's checks run through the engine (:func:`mlkata.engine.checks.run_check`), each on the
learner's functions loaded fresh by :class:`~mlkata.grading.proxy.StudentModule`, as
a pytest run would load them; a module that cannot be loaded fails every check with
the loader's message. Anything the learner's code prints is captured, not mixed into
the report.
"""

from __future__ import annotations

import contextlib
import io
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from mlkata.catalog import Exercise
from mlkata.engine.results import CheckResult, Scored
from mlkata.paths import project_root
from mlkata.stubs import sha256

DRILLS_FOLDER = ".mlkata-drills"
"""The folder of the project root under which each drill gets a folder laid out like exercises/."""


@dataclass(frozen=True)
class ExerciseGrade(Scored):
    """The outcome of grading one exercise file."""

    exercise: Exercise
    path: Path
    checks: tuple[CheckResult, ...]
    content_hash: str | None
    grader_hash: str | None
    seconds: float = 0.0
    printed: str = ""
    """What the learner's code wrote to stdout or stderr while being graded."""
    problem: str = field(default="")
    """Set when the exercise could not be graded at all (no grader yet, say)."""

    @property
    def failures(self) -> list[CheckResult]:
        """Failed checks, other than "not implemented yet"."""
        return [c for c in self.checks if not c.passed and not c.not_implemented]

    @property
    def status(self) -> str:
        if self.problem:
            return self.problem
        if self.passed:
            return "passes"
        if self.not_implemented:
            return "not implemented yet"
        from mlkata.learner.layout import fails

        return fails(sum(1 for c in self.checks if not c.passed), len(self.checks))


def file_hash(path: Path) -> str | None:
    """SHA-256 of a file's text, or ``None`` when it is missing or unreadable."""
    try:
        return sha256(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def shown(path: Path) -> str:
    """``path`` as the learner best recognises it: relative to the current folder if near."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.split(os.sep)[0] == os.pardir else relative


def grade_exercise(
    exercise: Exercise, folder: Path | None = None, *, root: Path | None = None, timeout: float | None = None
) -> ExerciseGrade:
    """Grade ``<folder>/<topic>/<module>.py`` (``folder`` defaults to the project's ``exercises/``).

    Parameters
    ----------
    exercise : Exercise
        What to grade.
    folder : Path, optional
        The folder laid out like ``exercises/``.
    root : Path, optional
        The project root (for the grader); found from the current folder by default.
    timeout : float, optional
        Seconds one call of a learner's function may take.
    """
    from mlkata.engine.checks import run_check
    from mlkata.engine.specs import GraderSpec, allowed_imports_of
    from mlkata.grading.proxy import DEFAULT_CALL_TIMEOUT, StudentFunction, StudentModule

    root = root or project_root()
    folder = folder or root / "exercises"
    path = folder / exercise.topic / f"{exercise.module}.py"
    grader = exercise.grader_path(root)
    content_hash, grader_hash = file_hash(path), file_hash(grader)
    if grader_hash is None:
        return ExerciseGrade(exercise, path, (), content_hash, None, problem="no grader yet")
    start = time.perf_counter()
    printed = io.StringIO()
    checks: list[CheckResult] = []
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        try:
            spec = GraderSpec.load(grader)
        except Exception as error:  # a broken grader is the maintainers' bug, not the learner's
            return ExerciseGrade(
                exercise, path, (), content_hash, grader_hash, problem=f"grader fails to load: {error}"
            )
        for check in spec.checks:
            modules = {None: StudentModule(path, shown(path), exercise.allowed_imports)}  # fresh per check
            for other in {check.module_of(name) for name in check.functions} - {None}:
                other_path = folder / exercise.topic / f"{other}.py"  # another module of the topic
                allowed = allowed_imports_of(grader.with_name(f"test_{other}.py"))
                modules[other] = StudentModule(other_path, shown(other_path), allowed)
            functions = {}
            for name in check.functions:
                module = modules[check.module_of(name)]
                functions[name] = StudentFunction(
                    (lambda module=module, name=name: module.function(name)),
                    name,
                    path=module.path,
                    timeout=timeout or DEFAULT_CALL_TIMEOUT,
                )
            checks.append(run_check(check, functions))
    return ExerciseGrade(
        exercise,
        path,
        tuple(checks),
        content_hash,
        grader_hash,
        time.perf_counter() - start,
        printed.getvalue(),
    )
