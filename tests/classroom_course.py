"""A losses course graded by real nbgrader, in-process, for the classroom tests.

:func:`make_course` builds the course in a temporary folder, loads its own
``nbgrader_config.py`` (with ``JUPYTER_CONFIG_DIR`` pointing at an empty folder, so no user
configuration leaks in) and runs ``generate_assignment``; :class:`Course` hands in, autogrades,
exports and reads the gradebook.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from mlkata.catalog import exercises_of
from mlkata.classroom.course import build_course
from mlkata.classroom.notebook import answer_source
from mlkata.engine.specs import GraderSpec
from mlkata.grading.direct import run_checks
from tests.helpers import ROOT, load_solution

ASSIGNMENT = "ps1"
TOPIC = "losses"
LOSSES = exercises_of([TOPIC], ROOT)
NotebookEdit = Callable[[nbformat.NotebookNode], None]


def exercise(module: str):
    return next(e for e in LOSSES if e.module == module)


def solution_functions(chosen) -> dict:
    module = load_solution(chosen.topic, chosen.module)
    return {name: getattr(module, name) for name in chosen.functions}


def expected_points(chosen, functions: dict | None = None) -> dict[str, float]:
    """Points per test cell (grade id) that the pytest grader gives ``functions``."""
    functions = {**solution_functions(chosen), **(functions or {})}
    outcomes = run_checks(chosen.grader_path(ROOT), functions)
    return {f"{chosen.module}-{o.name}": float(o.points if o.passed else 0) for o in outcomes}


def full_points(chosen) -> dict[str, float]:
    return {
        f"{chosen.module}-{check.name}": float(check.points)
        for check in GraderSpec.load(chosen.grader_path(ROOT)).checks
    }


def all_full_points() -> dict[str, float]:
    return {k: v for e in LOSSES for k, v in full_points(e).items()}


def zeros_answer(chosen) -> str:
    """An answer cell whose every function returns 0.0."""
    return "\n\n".join(f"def {name}(*args, **kwargs):\n    return 0.0\n" for name in chosen.functions)


@dataclass
class Course:
    directory: Path
    api: object
    seconds: float
    """How long building and generate_assignment took."""

    @property
    def release(self) -> Path:
        return self.directory / "release" / ASSIGNMENT / f"{TOPIC}.ipynb"

    def submit(
        self,
        student: str,
        answers: dict[str, str] | None,
        files: dict[str, str] | None = None,
        edit: NotebookEdit | None = None,
    ) -> None:
        """Hand in the release notebook with the solutions, except for ``answers``.

        ``answers=None`` hands in the release as it is (the stubs); ``files`` are handed in
        beside the notebook (path -> text); ``edit`` changes the notebook before it is written.
        """
        notebook = nbformat.read(self.release, as_version=4)
        for cell in notebook.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if answers is not None and grade_id.endswith("-answer"):
                module = grade_id.removesuffix("-answer")
                cell.source = answers.get(module, answer_source(exercise(module), ROOT))
        if edit is not None:
            edit(notebook)
        folder = self.directory / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, folder / f"{TOPIC}.ipynb")
        for name, text in (files or {}).items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")

    def autograde(self, student: str, *, must_succeed: bool = True) -> dict:
        result = self.api.autograde(ASSIGNMENT, student)
        if must_succeed:
            assert result["success"], result.get("error", "") + result.get("log", "")
        return result

    def cell_scores(self, student: str) -> dict[str, float]:
        from nbgrader.api import Gradebook

        with Gradebook(self.api.coursedir.db_url, self.api.coursedir.course_id) as gradebook:
            submission = gradebook.find_submission_notebook(TOPIC, ASSIGNMENT, student)
            return {grade.name: float(grade.score) for grade in submission.grades}

    def autograded(self, student: str):
        path = self.directory / "autograded" / student / ASSIGNMENT / f"{TOPIC}.ipynb"
        return nbformat.read(path, as_version=4)

    def export(self) -> dict[str, dict[str, str]]:
        """``nbgrader export`` to CSV: its rows, by student."""
        from nbgrader.api import Gradebook
        from nbgrader.plugins.export import CsvExportPlugin

        grades = self.directory / "grades.csv"
        exporter = CsvExportPlugin(parent=self.api)
        exporter.to = str(grades)
        with Gradebook(self.api.coursedir.db_url, self.api.coursedir.course_id) as gradebook:
            exporter.export(gradebook)
        with grades.open(newline="") as handle:
            return {row["student_id"]: row for row in csv.DictReader(handle)}

    def feedback(self, student: str) -> str:
        return (self.directory / "feedback" / student / ASSIGNMENT / f"{TOPIC}.html").read_text()


def make_course(base: Path, timeout: int, exercise_timeout: float | None = None) -> Iterator[Course]:
    """Build, configure and generate the losses course under ``base`` (a fixture's body)."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_CONFIG_DIR", str(base / "jupyter-config"))
        # nbgrader runs the `alembic` command of its environment: find it without an activated venv.
        patch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
        patch.delenv("MLKATA_ROOT", raising=False)
        start = time.perf_counter()
        directory = base / "course"
        build_course(directory, [TOPIC], assignment=ASSIGNMENT, course_id="kata101", timeout=timeout)
        config = PyFileConfigLoader("nbgrader_config.py", path=str(directory)).load_config()
        config.CourseDirectory.root = str(directory)
        if exercise_timeout is not None:
            config.SandboxGrading.exercise_timeout = exercise_timeout
        api = NbGraderAPI(config=config)
        result = api.generate_assignment(ASSIGNMENT)
        assert result["success"], result.get("error", "") + result.get("log", "")
        yield Course(directory, api, time.perf_counter() - start)
