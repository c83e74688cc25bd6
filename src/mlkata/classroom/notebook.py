"""Build the nbgrader notebook of a list of exercises, from the solutions and graders only.

Per exercise, in curriculum order:

- a locked markdown cell: the statement, from the solution module's docstrings;
- the answer cell: the solution module without its META block, the solution markers
  kept (``nbgrader generate_assignment`` turns it into the stub of ``exercises/``);
- one test cell per test function of the grader, worth that test's ``@points``, so that
  nbgrader's all-or-nothing cell scores add up exactly as the pytest grader's do. The
  first also runs the docstring's worked examples as visible asserts. A test cell holds
  no hidden test: at autograde, :mod:`mlkata.classroom.preprocess` grades the answer
  cell's source in the sandbox and replaces the cell's outputs with the check's verdict;
- a locked markdown cell, worth no points: the talking points (``TALKING_POINTS`` of the
  META, :func:`mlkata.learner.notes.notes_markdown`), when the exercise has them.

No cell ends in an expression (nbgrader would read its value as partial credit).
"""

from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path
from typing import Any

from mlkata.catalog import SOLUTION_BEGIN, Exercise, public_functions, split_meta
from mlkata.classroom.examples import visible_checks
from mlkata.classroom.statement import statement_markdown
from mlkata.engine.specs import CheckSpec, GraderSpec

SCHEMA_VERSION = 3
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def grader_checks(exercise: Exercise, root: Path) -> tuple[CheckSpec, ...]:
    """The checks of ``exercise``'s grader, in file order."""
    return GraderSpec.load(exercise.grader_path(root)).checks


def answer_source(exercise: Exercise, root: Path) -> str:
    """The answer cell: the solution module without META, markers kept."""
    text, _ = split_meta(exercise.solution_path(root).read_text(encoding="utf-8"))
    if SOLUTION_BEGIN not in text:
        raise ValueError(f"{exercise.key}: no {SOLUTION_BEGIN} region")
    return text


def _docstrings(text: str) -> list[str]:
    tree = ast.parse(text)
    names = public_functions(text)
    return [
        ast.get_docstring(node, clean=False) or ""
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name in names
    ]


def _nbgrader(
    grade_id: str,
    *,
    grade: bool = False,
    solution: bool = False,
    locked: bool = False,
    points: int | None = None,
) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "grade": grade,
        "solution": solution,
        "locked": locked,
        "grade_id": grade_id,
    }
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def _cell_id(grade_id: str) -> str:
    clean = re.sub(r"[^A-Za-z0-9_-]", "-", grade_id)
    if len(clean) <= 64:
        return clean
    return f"{clean[:55]}-{hashlib.sha256(clean.encode()).hexdigest()[:8]}"


def answer_id(key: str) -> str:
    """The grade id of the answer cell of the exercise ``key`` (``topic/module``).

    >>> answer_id("losses/hinge_loss")
    'hinge_loss-answer'
    """
    return f"{key.split('/', 1)[-1]}-answer"


_HEADER = re.compile(r"^# (?P<key>\w+/\w+), check \d+ of \d+: (?P<name>\w+) \(")


def check_header(exercise: Exercise, check: CheckSpec, number: int, total: int) -> str:
    """The first line of a test cell, which names its check (:func:`parse_check_header` reads it)."""
    worth = f"{check.points} point{'s' if check.points != 1 else ''}"
    return f"# {exercise.key}, check {number} of {total}: {check.name} ({worth})."


def parse_check_header(source: str) -> tuple[str, str] | None:
    """The exercise key and check name a test cell's first line names, or ``None``.

    >>> parse_check_header("# losses/hinge_loss, check 1 of 4: test_margin_cases (4 points).")
    ('losses/hinge_loss', 'test_margin_cases')
    """
    match = _HEADER.match(source)
    return (match["key"], match["name"]) if match else None


def check_cell_source(
    exercise: Exercise, check: CheckSpec, number: int, total: int, visible: list[str]
) -> str:
    """The source of one test cell: its header, and the worked examples in the first.

    The check itself runs outside the notebook (:mod:`mlkata.classroom.preprocess`); the
    visible lines, run with warnings silenced inside a ``with`` block, end in a statement.
    """
    lines = [
        check_header(exercise, check, number, total),
        "# When the notebook is graded, mlkata runs this check of the grader on your answer cell,",
        "# outside this notebook: what this cell prints then is replaced by the check's verdict.",
    ]
    if visible:
        lines += [
            "",
            "# The worked examples of the statement:",
            "import warnings",
            "",
            "import numpy as np",
            "",
            "with warnings.catch_warnings():",
            '    warnings.simplefilter("ignore")',
            *(f"    {line}" if line else "" for line in visible),
        ]
    return "\n".join(lines)


def exercise_cells(exercise: Exercise, root: Path, number: int) -> list[Any]:
    """The statement, answer and test cells of one exercise."""
    import nbformat.v4 as v4

    text = answer_source(exercise, root)
    prefix = exercise.module
    cells = [
        v4.new_markdown_cell(
            statement_markdown(exercise, text, number),
            id=_cell_id(f"{prefix}-statement"),
            metadata=_nbgrader(f"{prefix}-statement", locked=True),
        ),
        v4.new_code_cell(
            text,
            id=_cell_id(answer_id(exercise.key)),
            metadata=_nbgrader(answer_id(exercise.key), solution=True),
        ),
    ]
    checks = grader_checks(exercise, root)
    if not checks:
        raise ValueError(f"{exercise.key}: its grader has no checks")
    visible = visible_checks(text, _docstrings(text))
    for i, check in enumerate(checks, start=1):
        grade_id = f"{prefix}-{check.name}"
        source = check_cell_source(exercise, check, i, len(checks), visible if i == 1 else [])
        cells.append(
            v4.new_code_cell(
                source,
                id=_cell_id(grade_id),
                metadata=_nbgrader(grade_id, grade=True, locked=True, points=check.points),
            )
        )
    if exercise.talking_points is not None:
        from mlkata.learner.notes import notes_markdown

        cells.append(
            v4.new_markdown_cell(
                notes_markdown(exercise),
                id=_cell_id(f"{prefix}-talking-points"),
                metadata=_nbgrader(f"{prefix}-talking-points", locked=True),
            )
        )
    return cells


def _intro(title: str, exercises: list[Exercise]) -> str:
    topics = ", ".join(dict.fromkeys(e.topic for e in exercises))
    return "\n\n".join(
        [
            f"# {title}",
            f"mlkata exercises on {topics}: {len(exercises)} functions to write.",
            "For each exercise, read the statement, write the function in the answer cell "
            "(replace `raise NotImplementedError()`), and run the test cells below it. The visible "
            "checks are the statement's worked examples; when the notebook is graded, mlkata's "
            "grader runs the full checks outside the notebook, worth the points each test cell names.",
            "Each answer cell is graded on its own, as a Python module: keep the imports and any "
            "helper function it needs in that cell, and no code at its top level that runs long. "
            "Use numpy and the Python standard library only: an answer that uses scikit-learn, "
            "SciPy or mlkata earns no points. Keep every function quick: a call that runs too "
            "long is stopped and its check scores 0.",
        ]
    )


def build_notebook(exercises: list[Exercise], root: Path, title: str) -> Any:
    """The notebook of ``exercises`` (an ``nbformat`` node), titled ``title``."""
    import nbformat.v4 as v4

    if not exercises:
        raise ValueError("no exercises to put in a notebook")
    modules = [e.module for e in exercises]
    if len(set(modules)) != len(modules):
        raise ValueError("two exercises of this notebook share a module name")
    cells = [
        v4.new_markdown_cell(_intro(title, exercises), id="intro", metadata=_nbgrader("intro", locked=True))
    ]
    for number, exercise in enumerate(exercises, start=1):
        cells += exercise_cells(exercise, root, number)
    notebook = v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": dict(KERNELSPEC),
        "language_info": {"name": "python"},
        "mlkata": {"generated_by": "mlkata classroom build", "exercises": [e.key for e in exercises]},
    }
    return notebook
