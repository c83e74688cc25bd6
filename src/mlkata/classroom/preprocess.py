"""Grade a notebook's checks in mlkata's sandbox, after nbgrader has run it.

The course's ``nbgrader_config.py`` puts two preprocessors into nbgrader's autograde:
:class:`PreloadGraders` before ``Execute`` (the graders are imported before any student's
kernel runs) and :class:`GradeInSandbox` right after it, before ``SaveAutoGrades``. The
second takes the source of each exercise's answer cell, as submitted (never the kernel's
state), writes it into a private temporary folder as ``<topic>/<module>.py`` and grades it
exactly as ``mlkata grade`` would (:func:`mlkata.engine.sandboxed.grade_module`, one
:class:`~mlkata.grading.sandbox.SharedWorkers` per notebook). Then it replaces the outputs of
every test cell with the verdict of its check: an ``error`` output with the grader's message
when the check failed (nbgrader's own grading then gives the cell 0), a line on stdout when
it passed. Whatever the kernel printed or raised in a test cell is discarded.

Which check a test cell stands for is read from the gradebook (the source nbgrader stored at
``generate_assignment``), not from the submitted notebook; the test cell's nbgrader metadata is
put back from the gradebook too, so a student who edits either gains nothing.
"""

from __future__ import annotations

import ast
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Float, Unicode

from mlkata import limits
from mlkata.classroom.notebook import answer_id, parse_check_header
from mlkata.engine.specs import GraderSpec


@dataclass(frozen=True)
class PlannedCheck:
    """A test cell of the gradebook and the grader check it stands for."""

    grade_id: str
    exercise: str
    check: str
    answer: str
    """The grade id of the exercise's answer cell."""
    points: float


def plan_of(sources: dict[str, str], points: dict[str, float]) -> list[PlannedCheck]:
    """The mlkata checks among the gradebook's grade cells.

    Parameters
    ----------
    sources : dict
        The stored source of each cell, by grade id.
    points : dict
        The points of each grade cell, by grade id.
    """
    planned = []
    for grade_id, worth in points.items():
        found = parse_check_header(sources.get(grade_id, ""))
        if found is not None:
            key, check = found
            planned.append(PlannedCheck(grade_id, key, check, answer_id(key), worth))
    return planned


def graders_for(root: Path, keys: list[str]) -> dict[str, GraderSpec]:
    """The graders of ``keys`` (``topic/module``), each imported once per process."""
    graders = {}
    for key in keys:
        topic, module = key.split("/", 1)
        graders[key] = GraderSpec.load(root / "graders" / topic / f"test_{module}.py")
    return graders


_MAGIC = re.compile(r"^(\s*)[%!].*$", re.MULTILINE)


def module_source(cell: str) -> str:
    """An answer cell as a module: IPython's ``%magic`` and ``!shell`` lines become ``pass``.

    Examples
    --------
    >>> module_source("%matplotlib inline\\nx = 1\\n")
    'pass  # an IPython command, not run when graded\\nx = 1\\n'
    """
    try:
        ast.parse(cell)
        return cell
    except (SyntaxError, ValueError):
        pass
    plain = _MAGIC.sub(r"\1pass  # an IPython command, not run when graded", cell)
    try:
        ast.parse(plain)
    except (SyntaxError, ValueError):
        return cell  # the grader names the syntax error
    return plain


def essential_first(check: str, message: str) -> list[str]:
    """The lines of a failed check's message, a one-line summary first.

    What was expected, what came back and the hint are what a reader needs when only one
    line is shown (nbgrader's listings cut the rest); the full message follows.

    Examples
    --------
    >>> essential_first("test_x", "f(1)\\n  expected 2\\n  got      3")
    ['test_x failed: expected 2; got 3', 'f(1)', '  expected 2', '  got      3']
    """
    lines = message.splitlines() or [f"the check {check} failed"]
    key = [
        " ".join(line.split()) for line in lines if line.strip().startswith(("expected ", "got ", "hint:"))
    ][:3]
    return [f"{check} failed: {'; '.join(key) if key else lines[0].strip()}", *lines]


def verdict_outputs(check: str, points: float, passed: bool, message: str) -> list[NotebookNode]:
    """The outputs that replace a test cell's: a stream when it passed, an error when not."""
    worth = f"{points:g} point{'s' if points != 1 else ''}"
    if passed:
        text = f"{check} passed ({worth}), graded by mlkata outside the notebook.\n"
        return [from_dict({"output_type": "stream", "name": "stdout", "text": text})]
    lines = essential_first(check, message)
    return [
        from_dict(
            {
                "output_type": "error",
                "ename": "CheckFailed",
                "evalue": lines[0],
                "traceback": [f"CheckFailed: {lines[0]}", *lines[1:], f"(0 of {worth})"],
            }
        )
    ]


def grade_answers(
    root: Path, answers: dict[str, str], settings: Any, keys: list[str]
) -> dict[str, dict[str, tuple[bool, str]]]:
    """Grade each exercise of ``keys`` on its answer's source; by exercise, by check, (passed, message).

    ``answers`` holds the source of each exercise's answer cell (a missing one is graded as an
    empty module). The files live in a private temporary folder, removed afterwards.
    """
    from mlkata.engine.sandboxed import grade_module
    from mlkata.grading.workers import SharedWorkers

    graders = graders_for(root, keys)
    verdicts: dict[str, dict[str, tuple[bool, str]]] = {}
    with tempfile.TemporaryDirectory(prefix="mlkata-notebook-") as name:
        folder = Path(name)
        for key in keys:
            path = folder / f"{key}.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(module_source(answers.get(key, "")), encoding="utf-8")
        shared = SharedWorkers()
        try:
            for key in keys:
                result = grade_module(graders[key], folder, settings, shared)
                shown = f"{key}.py"
                verdicts[key] = {
                    c.name: (c.passed, c.message.replace(shown, f"the answer cell of {key}"))
                    for c in result.checks
                }
        finally:
            shared.close()
    return verdicts


class SandboxGrading(NbGraderPreprocessor):
    """What both mlkata preprocessors share: the checkout and the time limits."""

    root = Unicode("", help="the mlkata checkout whose graders grade the notebooks").tag(config=True)
    timeout = Float(limits.CALL_TIMEOUT, help="seconds one call of a learner's function may take").tag(
        config=True
    )
    exercise_timeout = Float(
        limits.EXERCISE_TIMEOUT, help="seconds all the calls of one exercise may take"
    ).tag(config=True)

    def checkout(self) -> Path:
        from mlkata.paths import project_root

        return Path(self.root).resolve() if self.root else project_root()

    def planned(self, resources: dict) -> list[PlannedCheck]:
        """The notebook's mlkata checks, as the gradebook stores them."""
        from nbgrader.api import Gradebook

        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
            sources = {cell.name: cell.source for cell in notebook.source_cells}
            points = {cell.name: float(cell.max_score) for cell in notebook.grade_cells}
        return plan_of(sources, points)


class PreloadGraders(SandboxGrading):
    """Import the notebook's graders before its kernel runs (placed before ``Execute``)."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        keys = list(dict.fromkeys(p.exercise for p in self.planned(resources)))
        graders_for(self.checkout(), keys)
        return nb, resources


class GradeInSandbox(SandboxGrading):
    """Replace every mlkata test cell's outputs with its check's verdict from the sandbox."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        from mlkata.grading.sandbox import Settings

        planned = {p.grade_id: p for p in self.planned(resources)}
        if not planned:
            return nb, resources
        answer_ids = {p.answer: p.exercise for p in planned.values()}
        answers: dict[str, str] = {}
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in answer_ids and cell.cell_type == "code":
                answers.setdefault(answer_ids[grade_id], cell.source)
        settings = Settings(call_timeout=self.timeout, exercise_timeout=self.exercise_timeout)
        keys = list(dict.fromkeys(p.exercise for p in planned.values()))
        verdicts = grade_answers(self.checkout(), answers, settings, keys)
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            check = planned.get(grade_id)
            if check is None or cell.cell_type != "code":
                continue
            passed, message = verdicts.get(check.exercise, {}).get(
                check.check, (False, f"the grader of {check.exercise} has no check {check.check}")
            )
            cell.metadata.nbgrader.update(grade=True, solution=False, locked=True, points=check.points)
            cell.outputs = verdict_outputs(check.check, check.points, passed, message)
        return nb, resources
