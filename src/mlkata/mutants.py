"""Declaring common-mistake implementations ("mutants") of an exercise.

``tests/mutants/<topic>/<module>.py`` holds the mutants of one exercise::

    @mutant("hinge_loss", hint="max(0, ...)")
    def without_the_max(y_true, decision):
        ...

The project's tests run the exercise's grader on each mutant (the module's other
functions taken from the solution) and require at least one failed check and, when
``hint`` is given, a failure message containing it; the solution must pass every check.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Mutant:
    name: str
    replaces: str
    function: Callable[..., object]
    hint: str | None = None
    """A fragment that the grader's failure messages must contain for this mutant."""
    level: int | None = None
    """The level (:mod:`mlkata.grading.levels`) this mutant reaches and fails: 2 for a naive
    version that passes every ★ check and fails a ★★ (``@robust()``) one; 3 for a correct but
    slow one (a Python loop) that passes ★ and ★★ and fails ★★★. ``None``: it fails some check."""


def mutant(
    replaces: str, *, hint: str | None = None, level: int | None = None
) -> Callable[[Callable], Mutant]:
    """Declare the decorated function a wrong version of the exercise function ``replaces``.

    ``level`` (2 or 3) says which level it must fail, having passed the levels below.
    """

    def decorate(function: Callable[..., object]) -> Mutant:
        return Mutant(function.__name__, replaces, function, hint, level)

    return decorate


def load_mutants(path: Path) -> list[Mutant]:
    """The mutants declared in a mutants file, in file order."""
    spec = importlib.util.spec_from_file_location(f"mlkata_mutants_{path.parent.name}_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [value for value in vars(module).values() if isinstance(value, Mutant)]
