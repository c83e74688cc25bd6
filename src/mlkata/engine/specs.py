"""Grader files as check specs: each file imported once, each check described once.

A grader file ``graders/<topic>/test_<module>.py`` holds ``test_*`` functions whose
parameters name the learner's functions they take (``def test_x(hinge_loss)``), marked
``@points(n)`` (1 when unmarked) and maybe ``@hidden()`` and ``@robust()`` (a ★★ check, see
:mod:`mlkata.grading.levels`); the module's ``FAST`` says how its ★★★ level is timed.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from mlkata.catalog import load_exercise

if TYPE_CHECKING:
    from mlkata.grading.levels import Fast


def exercise_key_of(grader_path: Path) -> str | None:
    """``<topic>/<module>`` for a grader file ``graders/<topic>/test_<module>.py``.

    >>> exercise_key_of(Path("graders/losses/test_hinge_loss.py"))
    'losses/hinge_loss'
    >>> exercise_key_of(Path("tests/test_style.py")) is None
    True
    """
    if grader_path.parent.parent.name != "graders" or not grader_path.name.startswith("test_"):
        return None
    return f"{grader_path.parent.name}/{grader_path.stem.removeprefix('test_')}"


def solution_of(grader_path: Path) -> Path:
    """The solution file (the exercise's single source) a grader file grades against.

    >>> solution_of(Path("/pack/graders/losses/test_hinge_loss.py")).as_posix()
    '/pack/solutions/losses/hinge_loss.py'
    """
    return grader_path.parents[2] / "solutions" / grader_path.parent.name / grader_path.name[5:]


def allowed_imports_of(grader_path: Path) -> tuple[str, ...]:
    """What the exercise graded by ``grader_path`` lets learners import (its solution's META)."""
    solution = solution_of(grader_path)
    return load_exercise(solution).allowed_imports if solution.is_file() else ()


@cache
def grader_module(path: Path) -> ModuleType:
    """Import a grader file once, under a name of its own.

    Its reference libraries are imported when first used, not now
    (:func:`mlkata.grading.references.lazy_reference_imports`).
    """
    from mlkata.grading.references import lazy_reference_imports

    name = f"mlkata_grader_{path.parent.name}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    with lazy_reference_imports():
        spec.loader.exec_module(module)
    return module


def _marks(function: Callable[..., object]) -> list:
    return list(getattr(function, "pytestmark", []))


def points_of(function: Callable[..., object]) -> int:
    """The points a grader test is worth: its ``@points(n)``, else 1."""
    return next((int(m.args[0]) for m in _marks(function) if m.name == "points"), 1)


def is_hidden(function: Callable[..., object]) -> bool:
    """Whether a grader test carries ``@hidden()``: batch results show its points only."""
    return any(m.name == "hidden" for m in _marks(function))


def level_of(function: Callable[..., object]) -> int:
    """The level a grader test checks: 2 (★★ robust) when marked ``@robust()``, else 1 (★ correct).

    >>> from mlkata.grading.levels import robust
    >>> @robust()
    ... def test_huge(f): ...
    >>> def test_plain(f): ...
    >>> level_of(test_huge), level_of(test_plain)
    (2, 1)
    """
    from mlkata.grading.levels import ROBUST

    return 2 if any(m.name == ROBUST for m in _marks(function)) else 1


@dataclass(frozen=True)
class CheckSpec:
    """One check of a grader: the test function and what it is worth."""

    name: str
    function: Callable[..., None]
    points: int
    hidden: bool
    functions: tuple[str, ...]
    """The learner's functions it takes, by parameter name."""
    modules: tuple[tuple[str, str], ...] = ()
    """``(parameter, module)`` for each function it takes from another module of the topic
    (``student_function(name, module=...)``); the others come from the grader's own module."""
    level: int = 1
    """The level it belongs to: 1 (★ correct) or 2 (★★ robust, marked ``@robust()``). Either
    way it is an ordinary check that counts in the grade."""

    @classmethod
    def of(
        cls, name: str, function: Callable[..., None], elsewhere: dict[str, str] | None = None
    ) -> CheckSpec:
        """The check ``function``; ``elsewhere`` maps fixture names to the other modules they load."""
        parameters = tuple(inspect.signature(function).parameters)
        modules = tuple((p, elsewhere[p]) for p in parameters if elsewhere and p in elsewhere)
        return cls(
            name, function, points_of(function), is_hidden(function), parameters, modules, level_of(function)
        )

    def module_of(self, parameter: str) -> str | None:
        """The other module of the topic that ``parameter``'s function comes from (None: the grader's own).

        >>> def test_x(forward, backward): ...
        >>> check = CheckSpec.of("test_x", test_x, {"forward": "batch_norm_forward"})
        >>> check.module_of("forward"), check.module_of("backward")
        ('batch_norm_forward', None)
        """
        return dict(self.modules).get(parameter)


SOURCE = "mlkata_source"
"""The attribute of a :func:`mlkata.grading.student_function` fixture holding ``(name, module)``:
``module`` is ``None`` for the grader's own module, else the other module of the topic it comes
from."""


def functions_elsewhere(module: ModuleType) -> dict[str, str]:
    """The fixtures of a grader module that load another module of its topic: name -> module.

    Read from the attribute :data:`SOURCE`, which :func:`mlkata.grading.student_function` sets
    on its fixtures.
    """
    found = {}
    for value in vars(module).values():
        source = getattr(value, SOURCE, None)
        if isinstance(source, tuple) and len(source) == 2 and source[1] is not None:
            found[source[0]] = source[1]
    return found


@dataclass(frozen=True)
class GraderSpec:
    """One grader file, imported, with what it needs to grade a target's module."""

    key: str
    path: Path
    checks: tuple[CheckSpec, ...]
    allowed_imports: tuple[str, ...]
    fast: Fast | None = None
    """The module's ``FAST``: how its ★★★ level is timed (``None``: not declared, and then
    :func:`mlkata.learner.speed.inputs_for` makes the inputs). Never measured when grading."""

    @classmethod
    def load(cls, path: Path) -> GraderSpec:
        """The grader at ``path`` (imported once per process); what its import raised, if it fails."""
        return _load(path.resolve())

    @property
    def max_score(self) -> int:
        return sum(c.points for c in self.checks)


@cache
def _load(path: Path) -> GraderSpec:
    key = exercise_key_of(path)
    if key is None:
        raise ValueError(f"{path} is not a grader file (graders/<topic>/test_<module>.py)")
    module = grader_module(path)
    elsewhere = functions_elsewhere(module)
    checks = tuple(
        CheckSpec.of(name, function, elsewhere)
        for name, function in vars(module).items()
        if name.startswith("test_") and inspect.isfunction(function)
    )
    return GraderSpec(key, path, checks, allowed_imports_of(path), fast_of(module))


def fast_of(module: ModuleType) -> Fast | None:
    """The grader module's ``FAST`` declaration (``None`` without one); a wrong one is a bug."""
    from mlkata.grading.levels import Fast

    fast = getattr(module, "FAST", None)
    if fast is not None and not isinstance(fast, Fast):
        raise TypeError(
            f"{module.__file__}: FAST must be a mlkata.grading.levels.Fast, not {type(fast).__name__}"
        )
    return fast
