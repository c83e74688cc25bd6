"""The classroom variant: an nbgrader course generated from the same single sources.

``mlkata classroom build DIR`` writes an nbgrader course: ``nbgrader_config.py`` and one
notebook per topic (or one per assignment) under ``source/<assignment>/``. Each exercise
is a locked statement cell, an answer cell holding the solution module between the
solution markers, and one test cell per grader test, worth that test's points.

A test cell's hidden part hands the check to a trusted *judge*: a fresh Python process
(``python -m mlkata.classroom.judge``) that runs the grader test itself and asks the
notebook's kernel only to call the learner's functions. The references are computed in
the judge, where nothing the answer cells do (monkeypatching numpy, say) can reach them.

Modules, one job each: :mod:`~mlkata.classroom.statement` (docstring to markdown),
:mod:`~mlkata.classroom.examples` (the visible checks), :mod:`~mlkata.classroom.notebook`
(the cells), :mod:`~mlkata.classroom.config` (``nbgrader_config.py``),
:mod:`~mlkata.classroom.course` (the course folder), :mod:`~mlkata.classroom.screen`
(references to banned libraries), :mod:`~mlkata.classroom.kernel` and
:mod:`~mlkata.classroom.judge`. Kernel and judge speak the sandbox's encoding,
:mod:`mlkata.sandbox.wire`.
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
