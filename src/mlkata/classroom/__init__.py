"""The classroom variant: an nbgrader course generated from the same single sources.

``mlkata classroom build DIR`` writes an nbgrader course: ``nbgrader_config.py`` and one
notebook per topic (or one per assignment) under ``source/<assignment>/``. Each exercise
is a locked statement cell, an answer cell holding the solution module between the
solution markers, and one test cell per grader test, worth that test's points.

A test cell holds no hidden test. At ``nbgrader autograde``, after nbgrader has run the
notebook, :class:`~mlkata.classroom.preprocess.GradeInSandbox` (configured by the course's
``nbgrader_config.py``) takes each answer cell's source, grades it in the sandbox of
``mlkata grade`` and replaces each test cell's outputs with its check's verdict, so the
grade never depends on anything the student's kernel did.

Modules, one job each: :mod:`~mlkata.classroom.statement` (docstring to markdown),
:mod:`~mlkata.classroom.examples` (the visible checks), :mod:`~mlkata.classroom.notebook`
(the cells), :mod:`~mlkata.classroom.config` (``nbgrader_config.py``),
:mod:`~mlkata.classroom.course` (the course folder), :mod:`~mlkata.classroom.preprocess`
(the verdicts) and :mod:`~mlkata.classroom.report` (submissions nbgrader could not grade).
"""

from __future__ import annotations

import importlib.util

INSTALL_HINT = 'pip install -e ".[classroom]"'


class ClassroomUnavailable(RuntimeError):
    """nbgrader (or nbformat) is not installed: the classroom extra is missing."""


def require_classroom_extra() -> None:
    """Raise :class:`ClassroomUnavailable` with the install command when the extra is missing."""
    missing = [name for name in ("nbformat", "nbgrader") if importlib.util.find_spec(name) is None]
    if missing:
        raise ClassroomUnavailable(
            f"the classroom commands need {' and '.join(missing)}: install them with {INSTALL_HINT}"
        )
