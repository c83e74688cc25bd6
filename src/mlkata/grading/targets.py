"""Which learner's file a grader test grades: the target folder and the module in it.

``pytest --target DIR`` names the folder; ``pytest exercises/losses`` points each grader at
the exercise file collected (the plugin stashes its folder on the test module under
:data:`TARGET_KEY`); otherwise the checkout's ``exercises/``. :func:`student_module_for` is what
the fixtures of :func:`mlkata.grading.student_function` call, so that graders never import the
pytest plugin.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mlkata.engine.specs import allowed_imports_of
from mlkata.grading.proxy import StudentModule

TARGET_KEY = pytest.StashKey[Path]()
"""The target folder of a test module collected from a learner's exercise file."""


def target_folder(node: pytest.Item, grader_path: Path) -> Path:
    """The folder (laid out ``<topic>/<module>.py``) that test ``node`` of ``grader_path`` grades."""
    module = node.getparent(pytest.Module)
    if module is not None and TARGET_KEY in module.stash:
        return module.stash[TARGET_KEY]
    option = node.config.getoption("target")
    if option:
        return (node.config.invocation_params.dir / option).resolve()
    return grader_path.parents[2] / "exercises"


def shown_path(path: Path, start: Path) -> str:
    """``path`` as the learner typed it: relative to where pytest started, when it can be.

    >>> shown_path(Path("/a/b/c.py"), Path("/a"))
    'b/c.py'
    """
    try:
        return os.path.relpath(path, start)
    except ValueError:
        return str(path)


def student_module_for(node: pytest.Item, grader_path: Path, module: str | None = None) -> StudentModule:
    """The learner's module graded by the grader file ``grader_path``, for test ``node``.

    ``module`` names another module of the same topic in the same target folder instead (a
    grader that needs the learner's function from there: ``student_function(..., module=)``).
    """
    topic, module = grader_path.parent.name, module or grader_path.stem.removeprefix("test_")
    path = target_folder(node, grader_path) / topic / f"{module}.py"
    shown = shown_path(path, node.config.invocation_params.dir)
    return StudentModule(path, shown, allowed_imports_of(grader_path.with_name(f"test_{module}.py")))
